package cn.gov.county.gkreport.mail.inbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.gov.county.gkreport.mail.AttachmentKind;
import cn.gov.county.gkreport.mail.MailMessageRepository.AttachmentOutcome;
import cn.gov.county.gkreport.mail.MailMessageRepository.AttachmentRecord;
import cn.gov.county.gkreport.mail.SafeFileName;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what becomes of each attachment of one message and records it: an Excel file is saved
 * ({@link AttachmentFiles}) under a safe name (its whole name when the file system takes it) unless its
 * content was received before or is one of our own feedback copies ({@link KnownContent}); Outlook's
 * winmail.dat is opened and the workbooks inside are saved the same way; archives, other files and
 * files over the read limit are refused with a reason.
 */
public final class AttachmentSaver {

    private static final Logger log = LoggerFactory.getLogger(AttachmentSaver.class);
    /** A shorter base name for a file system that refuses the whole one (eCryptfs, some NAS shares). */
    private static final int SHORT_BASE_BYTES = 120;
    /** The note of a file kept under a shortened name (the reply tells the clerk). */
    public static final String SHORTENED = "文件名过长，文件系统不允许，已缩短保存为 ";

    private final AttachmentFiles files;
    private final KnownContent known;
    private final LocalDateTime receivedAt;
    private final Set<String> inThisMessage = new HashSet<>();
    private final List<AttachmentRecord> records = new ArrayList<>();

    AttachmentSaver(AttachmentFiles files, KnownContent known, LocalDateTime receivedAt) {
        this.files = files;
        this.known = known;
        this.receivedAt = receivedAt;
    }

    List<AttachmentRecord> records() {
        return records;
    }

    /** Saves or refuses one attachment part (a winmail.dat gives one record per file inside). */
    void save(Part part) throws MessagingException, IOException {
        String contentType = contentType(part);
        String decoded = name(part);
        String asSent = decoded == null ? "（无文件名）" : decoded;
        if (Winmail.is(decoded, contentType)) {
            winmail(part, asSent, contentType);
            return;
        }
        AttachmentKind kind = AttachmentKind.of(decoded, contentType);
        if (kind == AttachmentKind.ARCHIVE) {
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

    /** Whether a part is, or may hold (Outlook's winmail.dat), a workbook: a message with one is a submission. */
    static boolean mayHoldWorkbook(Part part) throws MessagingException {
        String contentType = contentType(part);
        String decoded = name(part);
        return Winmail.is(decoded, contentType) || AttachmentKind.of(decoded, contentType).excel();
    }

    private static String contentType(Part part) throws MessagingException {
        return AttachmentKind.baseType(MimeText.rawHeader(part.getHeader("Content-Type")));
    }

    private static String name(Part part) throws MessagingException {
        return MimeText.fileName(MimeText.rawHeader(part.getHeader("Content-Disposition")),
                MimeText.rawHeader(part.getHeader("Content-Type")));
    }

    /** The workbooks inside Outlook's winmail.dat; if there are none, why, and how to send instead. */
    private void winmail(Part part, String asSent, String contentType) throws IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = files.readAtMost(in);
        } catch (MessagingException | IOException unreadable) {
            bytes = null;
        }
        if (bytes == null) {
            refuse(asSent, contentType, AttachmentOutcome.TOO_LARGE, "超过 " + (files.maxBytes() / (1024 * 1024)) + " MB，未保存");
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
            AttachmentKind kind = AttachmentKind.of(file.name(), null);
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
     * Writes one Excel file while fingerprinting it, then keeps it under its safe name, or refuses it
     * (unreadable, too large, received before, our own feedback copy).
     */
    private void store(InputStream in, String decoded, String asSent, String contentType, AttachmentKind kind,
                       String origin)
            throws IOException {
        int seq = records.size() + 1;
        AttachmentFiles.Written written;
        try {
            written = files.write(in);
        } catch (IOException unreadable) {
            log.warn("附件无法读取: {} ({})", asSent, unreadable.toString());
            refuse(asSent, contentType, AttachmentOutcome.UNREADABLE, "附件内容无法解码");
            return;
        }
        try {
            if (written.tooLarge()) {
                refuse(asSent, contentType, AttachmentOutcome.TOO_LARGE, "超过 " + (files.maxBytes() / (1024 * 1024))
                        + " MB，未保存");
                return;
            }
            String hash = written.sha256();
            long size = written.size();
            if (known.feedbackCopy(hash)) {
                records.add(new AttachmentRecord(seq, asSent, null, contentType, hash, size,
                        AttachmentOutcome.FEEDBACK_COPY, "本系统发出的校验反馈副本，不作为报送文件"));
                return;
            }
            if (!inThisMessage.add(hash) || known.receivedBefore(hash)) {
                records.add(new AttachmentRecord(seq, asSent, null, contentType, hash, size, AttachmentOutcome.DUPLICATE,
                        "与已收到的文件内容相同"));
                return;
            }
            String name = SafeFileName.of(decoded, kind);
            boolean shortened = !name.equals(SafeFileName.of(decoded, kind, Integer.MAX_VALUE));
            Path saved = files.keep(written, name, receivedAt, seq);
            if (saved == null) { // the file system refused the whole name: a shorter one
                name = SafeFileName.of(decoded, kind, SHORT_BASE_BYTES);
                shortened = true;
                saved = files.keep(written, name, receivedAt, seq);
                if (saved == null) {
                    throw new AttachmentFiles.DiskFailure(new IOException("file name too long even when shortened: " + name));
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
            files.discard(written.part());
        }
    }
}
