package cn.gov.county.gkreport.mail.inbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.gov.county.gkreport.intake.InputFolder;
import cn.gov.county.gkreport.mail.AttachmentNames;
import cn.gov.county.gkreport.mail.FeedbackFingerprints;
import cn.gov.county.gkreport.mail.MailMessageRepository.AttachmentOutcome;
import cn.gov.county.gkreport.mail.MailMessageRepository.AttachmentRecord;
import cn.gov.county.gkreport.mail.MailMessageRepository.Known;
import cn.gov.county.gkreport.mail.MailMessageRepository.MessageOutcome;
import cn.gov.county.gkreport.mail.MailMessageRepository.MessageRecord;
import cn.gov.county.gkreport.mail.MailMessageRepository.ServerState;
import cn.gov.county.gkreport.mail.MailMessageRepository;
import cn.gov.county.gkreport.mail.MailSessions;
import cn.gov.county.gkreport.mail.MailSettings;
import cn.gov.county.gkreport.store.SubmissionRepository;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the submissions from the office mailbox: reads the configured folder, saves every Excel
 * attachment of a new message into {@code input/<year>/} under a safe, collision-free name, records
 * the message (sender, subject, Message-ID, received time) and each attachment (name as sent and as
 * saved, SHA-256, outcome), then marks the message: moved to the processed folder, or flagged \Seen.
 * <p>Every database access runs in its own new transaction (the {@code tx} template), so each sees
 * what the previous ones committed whatever the step's transaction and the database's isolation.
 * <p>Idempotent: a message is recorded once by its Message-ID (a second delivery is only marked), and
 * an attachment whose content was already received (SHA-256, by mail or in the folder) is not saved
 * again. A message is recorded (committed) before it is marked on the server, and one recorded but
 * not yet marked is marked on the next run: a crash loses nothing and takes nothing twice.
 * <p>Policy: every .xlsx/.xls attachment is saved and becomes its own submission (the cover decides the
 * unit; several in one message are versions in attachment order); a part without a name counts when
 * its content type says Excel; archives (.zip, .rar, .7z…) are never unpacked; other files, and files
 * over the read limit, are recorded and refused; pictures in the text and signatures are not
 * attachments; a message without any attachment, or one that cannot be read, is left untouched (not
 * marked, not moved) for a person.
 * With POP3 nothing can be marked on the server: messages stay there and are recognised by Message-ID.
 * <p>Delivery reports ({@link DeliveryReports}) are recorded against the reply or reminder they return
 * and nothing inside them is taken; the attachments of other messages are saved by {@link AttachmentSaver}
 * (Outlook's winmail.dat opened, our own feedback copies refused by fingerprint).
 */
public class MailboxIntake {

    private static final Logger log = LoggerFactory.getLogger(MailboxIntake.class);
    private static final int MAX_NESTING = 3;

    /** What one run did. */
    public record Result(int examined, int newMessages, int savedFiles, int duplicateFiles, int refusedMessages,
                         int leftMessages, int marked, int bounces) {
    }

    private final MailSettings settings;
    private final MailMessageRepository messages;
    private final SubmissionRepository submissions;
    private final BounceRepository bounces;
    private final FeedbackFingerprints fingerprints;
    private final TransactionTemplate tx;
    private final long maxBytes;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param tx       a template that starts a new transaction (each message commits on its own)
     * @param maxBytes the largest attachment saved ({@code consolidator.read-limits.max-file-bytes})
     */
    public MailboxIntake(MailSettings settings, MailMessageRepository messages, SubmissionRepository submissions,
                         BounceRepository bounces, FeedbackFingerprints fingerprints, TransactionTemplate tx,
                         long maxBytes, Clock clock) {
        this.settings = settings;
        this.messages = messages;
        this.submissions = submissions;
        this.bounces = bounces;
        this.fingerprints = fingerprints;
        this.tx = tx;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /**
     * Reads the mailbox into {@code <input>/<year>/}; the feedback copies in {@code <output>/<year>/feedback/}
     * (when {@code output} is given) are fingerprinted first, so that none of them is taken as a submission.
     */
    public Result run(Path input, Path output, int year, long executionId) throws MessagingException, IOException {
        Path dir = InputFolder.of(input, year).dir();
        Files.createDirectories(dir);
        removeLeftovers(dir);
        boolean[] scanned = {output == null};
        AttachmentSaver.Context saving = new AttachmentSaver.Context(dir, year, messages, submissions, fingerprints, () -> {
            if (!scanned[0]) {
                scanned[0] = true;
                recordFeedbackFolder(output.resolve(Integer.toString(year)).resolve("feedback"), year);
            }
            return true;
        }, tx, maxBytes, zone);
        MailSettings.Mailbox box = settings.mailbox();
        Session session = MailSessions.store(settings);
        Counts counts = new Counts();
        try (Store store = session.getStore(box.protocol())) {
            store.connect(box.host(), box.effectivePort(), box.username(), box.password());
            Folder folder = store.getFolder(box.folder());
            if (!folder.exists()) {
                throw new MessagingException("邮箱中没有文件夹 " + box.folder());
            }
            Folder processed = null;
            if (box.processedFolder() != null && !box.pop3()) {
                processed = store.getFolder(box.processedFolder());
                if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
                    throw new MessagingException("无法在邮箱中创建文件夹 " + box.processedFolder());
                }
            }
            folder.open(box.pop3() ? Folder.READ_ONLY : Folder.READ_WRITE);
            try {
                Message[] all = folder.getMessages();
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                profile.add(FetchProfile.Item.FLAGS);
                profile.add("Message-ID");
                if (folder instanceof UIDFolder) {
                    profile.add(UIDFolder.FetchProfileItem.UID);
                }
                folder.fetch(all, profile);
                List<Message> ordered = new ArrayList<>(Arrays.asList(all));
                ordered.sort((a, b) -> received(a).compareTo(received(b)));
                for (Message message : ordered) {
                    if (message.isExpunged() || (message.isSet(Flags.Flag.DELETED) && !box.pop3())) {
                        continue;
                    }
                    counts.examined++;
                    take(message, folder, processed, saving, executionId, counts);
                }
            } finally {
                folder.close(counts.moved > 0);
            }
        }
        Result result = new Result(counts.examined, counts.newMessages, counts.saved, counts.duplicates, counts.refused,
                counts.left, counts.marked, counts.bounces);
        log.info("邮箱收取: 查看 {} 封，新邮件 {} 封，保存附件 {} 个，重复文件 {} 个，拒收 {} 封，退信 {} 封，留待人工处理 {} 封",
                result.examined(), result.newMessages(), result.savedFiles(), result.duplicateFiles(),
                result.refusedMessages(), result.bounces(), result.leftMessages());
        return result;
    }

    private void recordFeedbackFolder(Path feedbackDir, int year) {
        try {
            tx.execute(status -> {
                try {
                    return fingerprints.recordFolder(feedbackDir, year, LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException unreadable) {
            log.warn("无法读取校验反馈目录 {}（{}），只按已记录的指纹识别反馈副本", feedbackDir, unreadable.getMessage());
        }
    }

    /** Partial downloads a killed run left behind (hidden {@code .mail-*.part}): never complete, always ours. */
    private static void removeLeftovers(Path dir) throws IOException {
        try (var leftovers = Files.newDirectoryStream(dir, ".mail-*.part")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    private void take(Message message, Folder folder, Folder processed, AttachmentSaver.Context saving,
                      long executionId, Counts counts) throws MessagingException, IOException {
        int year = saving.year();
        String messageId = MessageHeaders.messageId(message);
        Optional<Known> known = tx.execute(status -> messages.find(messageId));
        if (known.isPresent()) {
            // Recorded before: a second delivery, or marking was interrupted. Finish marking, take nothing.
            if (known.get().serverState() != ServerState.LEFT) {
                mark(message, folder, processed, counts);
                tx.executeWithoutResult(status -> messages.markDone(known.get().id()));
            }
            return;
        }
        LocalDateTime receivedAt = received(message);
        if (settings.mailbox().receivedSince() != null
                && receivedAt.toLocalDate().isBefore(settings.mailbox().receivedSince())) {
            return;
        }
        counts.newMessages++;
        InternetAddress from = MessageHeaders.from(message);
        String replyTo = MessageHeaders.replyTo(message);
        String subject = MessageHeaders.subject(message);
        Optional<DeliveryReports.Report> report = deliveryReport(message, from, subject);
        if (report.isPresent()) {
            takeReport(message, folder, processed, report.get(), new MessageRecord(messageId, year, folder.getFullName(),
                    from.getAddress(), from.getPersonal(), replyTo, subject, sent(message), receivedAt, true,
                    MessageOutcome.BOUNCE, null, ServerState.LEFT, LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS),
                    executionId, List.of()), counts);
            return;
        }
        List<AttachmentRecord> records = new ArrayList<>();
        MessageOutcome outcome;
        String note;
        try {
            List<Part> parts = new ArrayList<>();
            collect(message, 0, parts);
            AttachmentSaver saver = new AttachmentSaver(saving, receivedAt);
            for (Part part : parts) {
                saver.save(part);
            }
            records.addAll(saver.records());
            outcome = outcome(records);
            note = note(records);
        } catch (AttachmentSaver.DiskFailure disk) {
            throw disk.io();
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            log.warn("邮件无法解析，留在邮箱中待人工处理: {} 来自 {} ({})", subject, from.getAddress(), unreadable.toString());
            records.clear();
            outcome = MessageOutcome.UNREADABLE;
            note = "邮件结构无法解析: " + unreadable.getClass().getSimpleName();
        }
        ServerState state = switch (outcome) {
            case NO_ATTACHMENT, UNREADABLE -> ServerState.LEFT;
            default -> settings.mailbox().pop3() ? ServerState.DONE : ServerState.PENDING;
        };
        MessageRecord record = new MessageRecord(messageId, year, folder.getFullName(), from.getAddress(),
                from.getPersonal(), replyTo, subject, sent(message), receivedAt, autoGenerated(message, from),
                outcome, note, state, LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), executionId, records);
        Long id = tx.execute(status -> messages.insert(record));
        switch (outcome) {
            case SAVED -> counts.saved += (int) records.stream().filter(r -> r.outcome() == AttachmentOutcome.SAVED).count();
            case REFUSED -> counts.refused++;
            case NO_ATTACHMENT, UNREADABLE -> counts.left++;
            default -> { }
        }
        counts.duplicates += (int) records.stream().filter(r -> r.outcome() == AttachmentOutcome.DUPLICATE).count();
        log.info("邮件 {} 来自 {}: {}{}", subject, from.getAddress(), outcome, note == null ? "" : "（" + note + "）");
        if (state == ServerState.PENDING) {
            mark(message, folder, processed, counts);
            tx.executeWithoutResult(status -> messages.markDone(id));
        }
    }

    /** The delivery report a message is, if it is one; a report that cannot be read is still one. */
    private Optional<DeliveryReports.Report> deliveryReport(Message message, InternetAddress from, String subject) {
        try {
            if (!DeliveryReports.is(message, from.getAddress(), subject)) {
                return Optional.empty();
            }
            // read from one copy of the whole message: servers describe message/delivery-status parts unevenly
            Part report = message;
            if (message.getSize() >= 0 && message.getSize() <= maxBytes) {
                ByteArrayOutputStream copy = new ByteArrayOutputStream();
                message.writeTo(copy);
                report = new MimeMessage(Session.getInstance(new java.util.Properties()),
                        new ByteArrayInputStream(copy.toByteArray()));
            }
            return DeliveryReports.of(report, from.getAddress(), subject, settings.fromAddress());
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            log.warn("退信内容无法解析: {} ({})", subject, unreadable.toString());
            return DeliveryReports.of(from.getAddress(), subject);
        }
    }

    /**
     * Records a delivery report, never its contents: a failure is recorded against the reply or reminder
     * it returns, and the report is marked; one that concerns no mail of ours is left for a person.
     */
    private void takeReport(Message message, Folder folder, Folder processed, DeliveryReports.Report report,
                            MessageRecord unmarked, Counts counts) throws MessagingException {
        Optional<BounceRepository.Returned> returned = report.failed()
                ? tx.execute(status -> bounces.returned(report.originalMessageId(), report.recipient(),
                report.originalSubject())) : Optional.empty();
        String note = !report.failed() ? "自动回执或延迟投递通知（不是退信），不处理其中内容"
                : returned.isPresent() ? "退信：" + (returned.get().reminder() ? "催报邮件" : "回复邮件") + "地址 "
                + (report.recipient() != null ? report.recipient() : returned.get().recipient()) + " 无法送达"
                + (report.diagnostic() == null ? "" : "（" + report.diagnostic() + "）")
                : "退信，但无法对应到本系统发出的邮件，留在邮箱中请人工查看";
        ServerState state = report.failed() && returned.isEmpty() ? ServerState.LEFT
                : settings.mailbox().pop3() ? ServerState.DONE : ServerState.PENDING;
        MessageRecord record = new MessageRecord(unmarked.messageId(), unmarked.year(), unmarked.folder(),
                unmarked.sender(), unmarked.senderName(), unmarked.replyTo(), unmarked.subject(), unmarked.sentAt(),
                unmarked.receivedAt(), true, MessageOutcome.BOUNCE, note, state, unmarked.fetchedAt(),
                unmarked.executionId(), List.of());
        Long id = tx.execute(status -> {
            long row = messages.insert(record);
            returned.ifPresent(r -> bounces.record(row, record.year(), report, r, record.receivedAt()));
            return row;
        });
        counts.bounces++;
        log.info("邮件 {} 来自 {}: {}", record.subject(), record.sender(), note);
        if (state == ServerState.PENDING) {
            mark(message, folder, processed, counts);
            tx.executeWithoutResult(status -> messages.markDone(id));
        }
    }

    /** Moves the message to the processed folder, or flags it \Seen (nothing for POP3). */
    private void mark(Message message, Folder folder, Folder processed, Counts counts) throws MessagingException {
        if (settings.mailbox().pop3()) {
            return;
        }
        if (processed != null) {
            folder.copyMessages(new Message[] {message}, processed);
            message.setFlag(Flags.Flag.DELETED, true);
            counts.moved++;
        } else if (!message.isSet(Flags.Flag.SEEN)) {
            message.setFlag(Flags.Flag.SEEN, true);
        }
        counts.marked++;
    }

    /** The parts that are attachments, depth first; forwarded messages (message/rfc822) are opened. */
    private static void collect(Part part, int depth, List<Part> out) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i), depth, out);
                }
            }
            return;
        }
        if (part.isMimeType("message/rfc822") && depth < MAX_NESTING) {
            Object content = part.getContent();
            if (content instanceof Part inner) {
                collect(inner, depth + 1, out);
                return;
            }
        }
        String name = AttachmentNames.fileName(AttachmentNames.rawHeader(part.getHeader("Content-Disposition")),
                AttachmentNames.rawHeader(part.getHeader("Content-Type")));
        String disposition = safeDisposition(part);
        boolean declaredAttachment = Part.ATTACHMENT.equalsIgnoreCase(disposition);
        boolean body = part.isMimeType("text/plain") || part.isMimeType("text/html");
        // signatures, and pictures shown in the text (a logo in the signature), are not attachments
        boolean decoration = part.isMimeType("application/pkcs7-signature")
                || part.isMimeType("application/x-pkcs7-signature") || part.isMimeType("application/pgp-signature")
                || (part.isMimeType("image/*") && !declaredAttachment);
        if ((declaredAttachment || name != null || !body) && !decoration) {
            out.add(part); // a part without name or disposition counts too: its content type decides (年报 as application/vnd.ms-excel)
        }
    }

    private static String safeDisposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException malformed) {
            return null;
        }
    }

    private static MessageOutcome outcome(List<AttachmentRecord> records) {
        if (records.isEmpty()) {
            return MessageOutcome.NO_ATTACHMENT;
        }
        if (records.stream().anyMatch(r -> r.outcome() == AttachmentOutcome.SAVED)) {
            return MessageOutcome.SAVED;
        }
        if (records.stream().anyMatch(r -> r.outcome() == AttachmentOutcome.DUPLICATE)) {
            return MessageOutcome.DUPLICATE;
        }
        return MessageOutcome.REFUSED;
    }

    private static String note(List<AttachmentRecord> records) {
        if (records.isEmpty()) {
            return "没有附件，留在邮箱中待人工处理";
        }
        StringBuilder note = new StringBuilder();
        for (AttachmentOutcome o : AttachmentOutcome.values()) {
            long n = records.stream().filter(r -> r.outcome() == o).count();
            if (n > 0) {
                note.append(note.isEmpty() ? "" : "，").append(label(o)).append(' ').append(n).append(" 个");
            }
        }
        return note.toString();
    }

    static String label(AttachmentOutcome outcome) {
        return switch (outcome) {
            case SAVED -> "已保存";
            case DUPLICATE -> "重复文件";
            case FEEDBACK_COPY -> "本系统的反馈副本";
            case WINMAIL_EMPTY -> "winmail.dat 中没有 Excel 文件";
            case ARCHIVE -> "压缩文件未处理";
            case NOT_EXCEL -> "非 Excel 文件";
            case TOO_LARGE -> "文件过大";
            case UNREADABLE -> "无法解码";
        };
    }

    private LocalDateTime received(Message message) {
        try {
            Date date = message.getReceivedDate();
            if (date == null) {
                date = message.getSentDate();
            }
            if (date != null) {
                return LocalDateTime.ofInstant(date.toInstant(), zone).truncatedTo(ChronoUnit.MILLIS);
            }
        } catch (MessagingException ignored) {
            // fall back to now
        }
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private LocalDateTime sent(Message message) {
        try {
            Date date = message.getSentDate();
            return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), zone).truncatedTo(ChronoUnit.MILLIS);
        } catch (MessagingException e) {
            return null;
        }
    }

    /**
     * Automatic mail (out-of-office replies, delivery reports, lists, mailer daemons, our own
     * mail) is recorded but never answered: no mail loops.
     */
    boolean autoGenerated(Message message, InternetAddress from) {
        try {
            String auto = AttachmentNames.rawHeader(message.getHeader("Auto-Submitted"));
            if (auto != null && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
                return true;
            }
            String precedence = AttachmentNames.rawHeader(message.getHeader("Precedence"));
            if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")) {
                return true;
            }
            if (message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null
                    || message.isMimeType("multipart/report")) {
                return true;
            }
        } catch (MessagingException ignored) {
            // judge by the address
        }
        String address = from.getAddress() == null ? "" : from.getAddress().toLowerCase(Locale.ROOT);
        String own = settings.fromAddress() == null ? "" : settings.fromAddress().toLowerCase(Locale.ROOT);
        return address.equals(own) || address.endsWith("@invalid")
                || address.matches("^(mailer-daemon|postmaster|no-?reply|noreply|do-?not-?reply)([+.@].*)?$");
    }

    private static final class Counts {
        int bounces;
        int examined;
        int newMessages;
        int saved;
        int duplicates;
        int refused;
        int left;
        int marked;
        int moved;
    }
}
