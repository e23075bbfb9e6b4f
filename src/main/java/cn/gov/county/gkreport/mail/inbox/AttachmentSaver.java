package cn.gov.county.gkreport.mail.inbox;

import java.io.ByteArrayInputStream;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import cn.gov.county.gkreport.mail.AttachmentNames.Kind;
import cn.gov.county.gkreport.mail.AttachmentNames;
import cn.gov.county.gkreport.mail.FeedbackFingerprints;
import cn.gov.county.gkreport.mail.MailMessageRepository.AttachmentOutcome;
import cn.gov.county.gkreport.mail.MailMessageRepository.AttachmentRecord;
import cn.gov.county.gkreport.mail.MailMessageRepository;
import cn.gov.county.gkreport.store.SubmissionRepository;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saves the attachments of one message into the input folder and says what became of each: an Excel
 * file is saved under a safe, collision-free name (its whole name when the file system takes it) unless
 * its content was received before or is one of our own feedback copies; Outlook's winmail.dat is opened
 * and the workbooks inside are saved the same way; archives, other files and files over the read limit
 * are refused with a reason.
 */
public final class AttachmentSaver {

    private static final Logger log = LoggerFactory.getLogger(AttachmentSaver.class);
    /** A shorter base name for a file system that refuses the whole one (eCryptfs, some NAS shares). */
    private static final int SHORT_BASE_BYTES = 120;
    /** The note of a file kept under a shortened name (the reply tells the clerk). */
    public static final String SHORTENED = "文件名过长，文件系统不允许，已缩短保存为 ";

    /** What the saver needs from the run: where, which year, the repositories and the read limit. */
    record Context(Path dir, int year, MailMessageRepository messages, SubmissionRepository submissions,
                   FeedbackFingerprints fingerprints, BooleanSupplier feedbackFolderRecorded, TransactionTemplate tx,
                   long maxBytes, ZoneId zone) {
    }

    private final Context c;
    private final LocalDateTime receivedAt;
    private final Set<String> inThisMessage = new HashSet<>();
    private final List<AttachmentRecord> records = new ArrayList<>();

    AttachmentSaver(Context context, LocalDateTime receivedAt) {
        this.c = context;
        this.receivedAt = receivedAt;
    }

    List<AttachmentRecord> records() {
        return records;
    }

    /** Saves or refuses one attachment part (a winmail.dat gives one record per file inside). */
    void save(Part part) throws MessagingException, IOException {
        String contentType = AttachmentNames.baseType(AttachmentNames.rawHeader(part.getHeader("Content-Type")));
        String decoded = AttachmentNames.fileName(AttachmentNames.rawHeader(part.getHeader("Content-Disposition")),
                AttachmentNames.rawHeader(part.getHeader("Content-Type")));
        String asSent = decoded == null ? "（无文件名）" : decoded;
        if (Winmail.is(decoded, contentType)) {
            winmail(part, asSent, contentType);
            return;
        }
        Kind kind = AttachmentNames.kind(decoded, contentType);
        if (kind == Kind.ARCHIVE) {
            refuse(asSent, contentType, AttachmentOutcome.ARCHIVE, "压缩文件不解压，请直接发送 Excel 文件");
        } else if (!kind.excel()) {
            refuse(asSent, contentType, AttachmentOutcome.NOT_EXCEL, "不是 Excel 文件（.xlsx 或 .xls）");
        } else {
            InputStream in;
            try {
                in = part.getInputStream();
            } catch (MessagingException | IOException unreadable) {
                log.warn("附件无法读取: {} ({})", asSent, unreadable.toString());
                refuse(asSent, contentType, AttachmentOutcome.UNREADABLE, "附件内容无法解码");
                return;
            }
            try (in) {
                store(in, decoded, asSent, contentType, kind, null);
            }
        }
    }

    /** The workbooks inside Outlook's winmail.dat; if there are none, why, and how to send instead. */
    private void winmail(Part part, String asSent, String contentType) throws IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = readAtMost(in, c.maxBytes());
        } catch (MessagingException | IOException unreadable) {
            bytes = null;
        }
        if (bytes == null) {
            refuse(asSent, contentType, AttachmentOutcome.TOO_LARGE, "超过 " + (c.maxBytes() / (1024 * 1024)) + " MB，未保存");
            return;
        }
        List<Winmail.Inner> inside;
        try {
            inside = Winmail.files(new ByteArrayInputStream(bytes));
        } catch (IOException damaged) {
            log.warn("winmail.dat 无法读取: {}", damaged.getMessage());
            inside = List.of();
        }
        List<String> others = new ArrayList<>();
        int workbooks = 0;
        for (Winmail.Inner file : inside) {
            Kind kind = AttachmentNames.kind(file.name(), null);
            if (kind.excel()) {
                workbooks++;
                store(new ByteArrayInputStream(file.content()), file.name(), file.name(), contentType, kind,
                        "取自 Outlook 的 winmail.dat");
            } else {
                others.add(file.name() == null ? "（无文件名）" : file.name());
            }
        }
        if (workbooks == 0) {
            refuse(asSent, contentType, AttachmentOutcome.WINMAIL_EMPTY, others.isEmpty() ? "其中没有文件"
                    : "其中只有 " + String.join("、", others));
        }
    }

    private void refuse(String asSent, String contentType, AttachmentOutcome outcome, String note) {
        records.add(new AttachmentRecord(records.size() + 1, asSent, null, contentType, null, null, outcome, note));
    }

    /**
     * Streams one Excel file to a hidden part file while fingerprinting it, then keeps it under its safe
     * name, or refuses it (too large, received before, our own feedback copy).
     */
    private void store(InputStream in, String decoded, String asSent, String contentType, Kind kind, String origin)
            throws IOException {
        int seq = records.size() + 1;
        Path part0 = disk(() -> Files.createTempFile(c.dir(), ".mail-", ".part")); // hidden: intake passes over it
        try {
            MessageDigest sha = MessageHeaders.sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(disk(() -> Files.newOutputStream(part0)), sha)) {
                size = copyAtMost(in, out, c.maxBytes());
            } catch (IOException unreadable) {
                log.warn("附件无法读取: {} ({})", asSent, unreadable.toString());
                refuse(asSent, contentType, AttachmentOutcome.UNREADABLE, "附件内容无法解码");
                return;
            }
            if (size < 0) {
                refuse(asSent, contentType, AttachmentOutcome.TOO_LARGE, "超过 " + (c.maxBytes() / (1024 * 1024))
                        + " MB，未保存");
                return;
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            if (ours(hash)) {
                records.add(new AttachmentRecord(seq, asSent, null, contentType, hash, size,
                        AttachmentOutcome.FEEDBACK_COPY, "本系统发出的校验反馈副本，不作为报送文件"));
                return;
            }
            if (!inThisMessage.add(hash) || Boolean.TRUE.equals(c.tx().execute(status ->
                    c.messages().savedBefore(c.year(), hash) || c.submissions().isKnown(c.year(), hash)))) {
                records.add(new AttachmentRecord(seq, asSent, null, contentType, hash, size, AttachmentOutcome.DUPLICATE,
                        "与已收到的文件内容相同"));
                return;
            }
            String name = AttachmentNames.safeName(decoded, kind);
            boolean shortened = !name.equals(AttachmentNames.safeName(decoded, kind, Integer.MAX_VALUE));
            Path saved = keep(part0, name, hash, seq);
            if (saved == null) { // the file system refused the whole name: a shorter one
                name = AttachmentNames.safeName(decoded, kind, SHORT_BASE_BYTES);
                shortened = true;
                saved = keep(part0, name, hash, seq);
                if (saved == null) {
                    throw new DiskFailure(new IOException("file name too long even when shortened: " + name));
                }
            }
            String savedName = saved.getFileName().toString();
            String note = shortened ? SHORTENED + savedName : name.equals(savedName) ? null : "以 " + savedName + " 保存";
            if (origin != null) {
                note = note == null ? origin : origin + "；" + note;
            }
            records.add(new AttachmentRecord(seq, asSent, savedName, contentType, hash, size, AttachmentOutcome.SAVED,
                    note));
        } finally {
            disk(() -> Files.deleteIfExists(part0));
        }
    }

    /** Whether a fingerprint is one of our feedback copies (the output folder's copies recorded first, once a run). */
    private boolean ours(String hash) {
        c.feedbackFolderRecorded().getAsBoolean();
        return Boolean.TRUE.equals(c.tx().execute(status -> c.fingerprints().isFeedbackCopy(hash)));
    }

    /**
     * Moves the part file to a free place for {@code safeName} (or finds the same content already
     * there) and dates it by the mail; null when the file system refuses a name that long.
     */
    private Path keep(Path part0, String safeName, String hash, int seq) {
        AttachmentNames.Target target = AttachmentNames.place(c.dir(), safeName,
                existing -> hash.equals(MessageHeaders.sha256(existing)));
        if (target.existing()) {
            return target.path();
        }
        try {
            Files.move(part0, target.path());
        } catch (FileSystemException tooLong) {
            if (tooLong.getReason() != null && tooLong.getReason().toLowerCase(java.util.Locale.ROOT).contains("too long")) {
                return null;
            }
            throw new DiskFailure(tooLong);
        } catch (IOException e) {
            throw new DiskFailure(e);
        }
        // The "newer" rule orders files by modification time: the message's received time, then attachment order.
        disk(() -> Files.setLastModifiedTime(target.path(), FileTime.from(receivedAt.plus(seq, ChronoUnit.MILLIS)
                .atZone(c.zone()).toInstant())));
        return target.path();
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return copyAtMost(in, out, max) < 0 ? null : out.toByteArray();
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

    /**
     * Copies at most {@code max} bytes; returns the size, or -1 when the content is larger. A failure
     * to read is the attachment's; a failure to write is the disk's ({@link DiskFailure}).
     */
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
