package cn.gov.county.gkreport.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder where a year's submissions land ({@code <input>/<year>/}). Lists the files in the
 * order the "newer" rule needs (modification time, then name) and fingerprints them. Every
 * regular file is taken, whatever its extension: the reader decides by content. Passed over (and
 * logged): hidden files, Office lock files ({@code ~$…}, {@code .~lock…}) and symbolic links.
 */
public final class InputFolder {

    private static final Logger log = LoggerFactory.getLogger(InputFolder.class);

    private final Path dir;

    public InputFolder(Path dir) {
        this.dir = dir;
    }

    public static InputFolder of(Path input, int year) {
        return new InputFolder(input.resolve(Integer.toString(year)));
    }

    public Path dir() {
        return dir;
    }

    public List<Path> files() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("输入目录不存在: " + dir.toAbsolutePath()
                    + "（请创建该目录并放入各单位报送的文件，或用 --input= 指定输入目录）");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> files = new ArrayList<>();
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (Files.isSymbolicLink(entry)) {
                    // A link may point anywhere on the machine: only files really in the folder are taken.
                    log.warn("输入目录中的符号链接未处理: {}", name);
                } else if (name.startsWith("~$") || name.startsWith(".~lock")) {
                    log.debug("Office lock file skipped: {}", name);
                } else if (name.startsWith(".")) {
                    log.warn("输入目录中的隐藏文件未处理（文件名以“.”开头）: {}", name);
                } else if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(entry);
                }
            }
            files.sort(Comparator.comparing(InputFolder::modified).thenComparing(p -> p.getFileName().toString()));
            return files;
        }
    }

    public static IncomingFile fingerprint(Path file) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return new IncomingFile(file, file.getFileName().toString(), HexFormat.of().formatHex(sha.digest()),
                    Files.size(file), modified(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
