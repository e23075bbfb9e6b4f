package cn.gov.county.gkreport.mail.inbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;

import cn.gov.county.gkreport.mail.SafeFileName;

/**
 * Attachments on disk in the input folder: streamed to a hidden part file while fingerprinted (intake
 * passes over it), then moved under a free name and dated by the mail, so that the "newer" rule orders
 * them by received time. A failure to read is the attachment's; a failure to write is the disk's
 * ({@link DiskFailure}), which stops the run before the message is recorded.
 */
final class AttachmentFiles {

    /** A part file written: its fingerprint and size, or {@link #tooLarge()} (then nothing is kept). */
    record Written(Path part, String sha256, long size) {
        boolean tooLarge() {
            return size < 0;
        }
    }

    private final Path dir;
    private final long maxBytes;
    private final ZoneId zone;

    AttachmentFiles(Path dir, long maxBytes, ZoneId zone) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.zone = zone;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Streams {@code in} to a new part file; an {@link IOException} is a failure to read the attachment. */
    Written write(InputStream in) throws IOException {
        Path part = disk(() -> Files.createTempFile(dir, ".mail-", ".part"));
        MessageDigest sha = MessageHeaders.sha256();
        try (OutputStream out = new DigestOutputStream(disk(() -> Files.newOutputStream(part)), sha)) {
            long size = copyAtMost(in, out, maxBytes);
            return new Written(part, HexFormat.of().formatHex(sha.digest()), size);
        } catch (IOException | RuntimeException failed) {
            discard(part);
            throw failed;
        }
    }

    void discard(Path part) {
        disk(() -> Files.deleteIfExists(part));
    }

    /** The content, or null when it is over the read limit. */
    byte[] readAtMost(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return copyAtMost(in, out, maxBytes) < 0 ? null : out.toByteArray();
    }

    /**
     * Moves the part file to a free place for {@code safeName} (or finds the same content already
     * there) and dates it by the mail; null when the file system refuses a name that long.
     */
    Path keep(Written written, String safeName, LocalDateTime receivedAt, int seq) {
        SafeFileName.Target target = SafeFileName.place(dir, safeName,
                existing -> written.sha256().equals(MessageHeaders.sha256(existing)));
        if (target.existing()) {
            return target.path();
        }
        try {
            Files.move(written.part(), target.path());
        } catch (FileSystemException tooLong) {
            if (tooLong.getReason() != null && tooLong.getReason().toLowerCase(Locale.ROOT).contains("too long")) {
                return null;
            }
            throw new DiskFailure(tooLong);
        } catch (IOException e) {
            throw new DiskFailure(e);
        }
        // The "newer" rule orders files by modification time: the message's received time, then attachment order.
        disk(() -> Files.setLastModifiedTime(target.path(), FileTime.from(receivedAt.plus(seq, ChronoUnit.MILLIS)
                .atZone(zone).toInstant())));
        return target.path();
    }

    private interface DiskAction<T> {
        T run() throws IOException;
    }

    private static <T> T disk(DiskAction<T> action) {
        try {
            return action.run();
        } catch (IOException e) {
            throw new DiskFailure(e);
        }
    }

    /** Copies at most {@code max} bytes; returns the size, or -1 when the content is larger. */
    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > max) {
                return -1;
            }
            int length = n;
            disk(() -> {
                out.write(buffer, 0, length);
                return null;
            });
        }
        return total;
    }

    /** Writing into the input folder failed (disk full, permissions): the run stops, the message is not recorded. */
    static final class DiskFailure extends RuntimeException {
        DiskFailure(IOException cause) {
            super(cause);
        }

        IOException io() {
            return (IOException) getCause();
        }
    }
}
