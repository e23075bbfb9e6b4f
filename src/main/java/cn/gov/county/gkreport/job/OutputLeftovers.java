package cn.gov.county.gkreport.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import cn.gov.county.gkreport.form.FormFiles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partial files a killed run left in the year's output folder (the workbook, feedback copies and
 * the chase list are written under a hidden temporary name and moved into place when complete).
 * Removed at the start of the next run, which holds the run lock, so no running writer owns them.
 */
final class OutputLeftovers {

    private static final Logger log = LoggerFactory.getLogger(OutputLeftovers.class);
    /** The year's folder and its feedback/ folder. */
    private static final int DEPTH = 2;

    private OutputLeftovers() {
    }

    /** Removes the partial files under {@code yearDir}; returns how many. */
    static int remove(Path yearDir) throws IOException {
        if (!Files.isDirectory(yearDir)) {
            return 0;
        }
        List<Path> partial;
        try (Stream<Path> files = Files.walk(yearDir, DEPTH)) {
            partial = files.filter(Files::isRegularFile).filter(OutputLeftovers::isPartial).toList();
        }
        for (Path file : partial) {
            Files.deleteIfExists(file);
        }
        if (!partial.isEmpty()) {
            log.info("删除上次运行中断时留下的未写完的临时文件 {} 个（{}）", partial.size(), yearDir);
        }
        return partial.size();
    }

    private static boolean isPartial(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(FormFiles.PARTIAL_PREFIX) && name.endsWith(FormFiles.PARTIAL_SUFFIX)
                || name.startsWith(".chase-") && name.endsWith(".csv"); // ChaseList's temporary name
    }
}
