package cn.gov.county.gkreport.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Written workbooks get the permissions the process's umask gives any new file (the nightly
 * account's reviewers' group can read them), not the 0600 of a temporary file.
 */
class OutputFileModeTest {

    @Test
    void aWrittenWorkbookHasTheModeOfAnyNewFile(@TempDir Path dir) throws Exception {
        Path probe = Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> byUmask = Files.getPosixFilePermissions(probe);
        assertThat(byUmask).as("this test needs a umask that lets others read (e.g. 022 or 002)")
                .contains(PosixFilePermission.GROUP_READ);

        Path file = dir.resolve("out.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("s");
            FormFiles.writeAtomically(workbook, file);
        }

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(byUmask);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("probe", "out.xlsx");
        }
    }
}
