package cn.gov.county.gkreport.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The committed demo submissions (input/2024), copied where a test may run the job on them. */
public final class DemoInput {

    public static final int YEAR = 2024;
    public static final Path COMMITTED = Path.of("input", Integer.toString(YEAR));

    private DemoInput() {
    }

    /** Copies the demo files into {@code <inputRoot>/2024/}, keeping their modification times. */
    public static Path copyTo(Path inputRoot) throws IOException {
        Path dir = inputRoot.resolve(Integer.toString(YEAR));
        Files.createDirectories(dir);
        for (Path file : files(COMMITTED)) {
            Files.copy(file, dir.resolve(file.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return dir;
    }

    public static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** SHA-256 of every file in a folder, by name: to prove a run never modifies a submission. */
    public static Map<String, String> fingerprints(Path dir) throws Exception {
        Map<String, String> result = new TreeMap<>();
        for (Path file : files(dir)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            result.put(file.getFileName().toString(), HexFormat.of().formatHex(sha.digest()));
        }
        return result;
    }
}
