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
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder where a year's submissions land ({@code <input>/<year>/}). Lists the files in the
 * order the "newer" rule needs (modification time, then name) and fingerprints them. Every
 * regular file is taken, whatever its extension: the reader decides by content; only hidden files
 * and Office lock files ({@code ~$…}) are passed over.
 */
public final class InputFolder {

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
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("~$"))
                    .sorted(Comparator.comparing(InputFolder::modified).thenComparing(p -> p.getFileName().toString()))
                    .toList();
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
