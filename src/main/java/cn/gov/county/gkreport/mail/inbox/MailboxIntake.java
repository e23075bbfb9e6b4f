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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.intake.InputFolder;
import cn.gov.county.gkreport.mail.FeedbackFingerprints;
import cn.gov.county.gkreport.mail.MailMessageRepository.AttachmentOutcome;
import cn.gov.county.gkreport.mail.MailMessageRepository.AttachmentRecord;
import cn.gov.county.gkreport.mail.MailMessageRepository.Known;
import cn.gov.county.gkreport.mail.MailMessageRepository.MessageOutcome;
import cn.gov.county.gkreport.mail.MailMessageRepository.MessageRecord;
import cn.gov.county.gkreport.mail.MailMessageRepository.ServerState;
import cn.gov.county.gkreport.mail.MailMessageRepository;
import cn.gov.county.gkreport.mail.MailSettings;
import cn.gov.county.gkreport.store.SubmissionRepository;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
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
 * and nothing inside them is taken; the attachments of other messages ({@link MimeParts}) are saved by
 * {@link AttachmentSaver} (Outlook's winmail.dat opened, our own feedback copies refused by fingerprint).
 * The folders and marking are {@link MailboxFolders}'; automatic mail is told by {@link AutoReplies}.
 */
public class MailboxIntake {

    private static final Logger log = LoggerFactory.getLogger(MailboxIntake.class);
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    /** What one run did. */
    public record Result(int examined, int newMessages, int savedFiles, int duplicateFiles, int refusedMessages,
                         int leftMessages, int marked, int bounces) {
    }

    /**
     * Where the intake records what it takes, and the template every access runs in (it starts a new
     * transaction: each message commits on its own).
     */
    public record Stores(MailMessageRepository messages, SubmissionRepository submissions, BounceRepository bounces,
                         FeedbackFingerprints fingerprints, MailExplanationRepository explanations,
                         TransactionTemplate tx) {
    }

    private final MailSettings settings;
    private final MailMessageRepository messages;
    private final BounceRepository bounces;
    private final Stores stores;
    private final TransactionTemplate tx;
    private final long maxBytes;
    private final Clock clock;
    private final ZoneId zone;

    /** @param maxBytes the largest attachment saved ({@code consolidator.read-limits.max-file-bytes}) */
    public MailboxIntake(MailSettings settings, Stores stores, long maxBytes, Clock clock) {
        this.settings = settings;
        this.stores = stores;
        this.messages = stores.messages();
        this.bounces = stores.bounces();
        this.tx = stores.tx();
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
        AttachmentFiles files = new AttachmentFiles(dir, maxBytes, zone);
        KnownContent known = new KnownContent(year, messages, stores.submissions(), stores.fingerprints(), () -> {
            if (!scanned[0]) {
                scanned[0] = true;
                recordFeedbackFolder(new OutputLayout(output, year).feedbackDir(), year);
            }
            return true;
        }, tx);
        int examined = 0;
        Taken taken = Taken.NOTHING;
        int marked;
        try (MailboxFolders folders = MailboxFolders.open(settings)) {
            for (Message message : folders.oldestFirst(m -> MessageHeaders.received(m, clock))) {
                examined++;
                taken = taken.plus(take(message, folders, year, files, known, executionId));
            }
            marked = folders.marked();
        }
        Result result = new Result(examined, taken.newMessages(), taken.saved(), taken.duplicates(), taken.refused(),
                taken.left(), marked, taken.bounces());
        log.info("邮箱收取: 查看 {} 封，新邮件 {} 封，保存附件 {} 个，重复文件 {} 个，拒收 {} 封，退信 {} 封，留待人工处理 {} 封",
                result.examined(), result.newMessages(), result.savedFiles(), result.duplicateFiles(),
                result.refusedMessages(), result.bounces(), result.leftMessages());
        return result;
    }

    private void recordFeedbackFolder(Path feedbackDir, int year) {
        try {
            tx.execute(status -> {
                try {
                    return stores.fingerprints().recordFolder(feedbackDir, year, now());
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

    /** Takes one message: what it added to the night's counts (nothing for one recorded before or too old). */
    private Taken take(Message message, MailboxFolders folders, int year, AttachmentFiles files, KnownContent content,
                       long executionId) throws MessagingException, IOException {
        String messageId = MessageHeaders.messageId(message);
        Optional<Known> known = tx.execute(status -> messages.find(messageId));
        if (known.isPresent()) {
            // Recorded before: a second delivery, or marking was interrupted. Finish marking, take nothing.
            if (known.get().serverState() != ServerState.LEFT) {
                folders.mark(message);
                tx.executeWithoutResult(status -> messages.markDone(known.get().id()));
            }
            return Taken.NOTHING;
        }
        LocalDateTime receivedAt = MessageHeaders.received(message, clock);
        if (settings.mailbox().receivedSince() != null
                && receivedAt.toLocalDate().isBefore(settings.mailbox().receivedSince())) {
            return Taken.NOTHING;
        }
        InternetAddress from = MessageHeaders.from(message);
        String replyTo = MessageHeaders.replyTo(message);
        String subject = MessageHeaders.subject(message);
        Optional<DeliveryReports.Report> report = deliveryReport(message, from, subject);
        if (report.isPresent()) {
            return takeReport(message, folders, report.get(), new MessageRecord(messageId, year, folders.name(),
                    from.getAddress(), from.getPersonal(), replyTo, subject, MessageHeaders.sent(message, zone), receivedAt,
                    true, MessageOutcome.BOUNCE, null, ServerState.LEFT, now(), executionId, List.of()));
        }
        Optional<Long> answered = answeredSubmission(message, from);
        String explanation = answered.isPresent() ? explanation(message) : null;
        if (explanation != null) {
            return takeExplanation(message, folders, answered.get(), explanation, new MessageRecord(messageId, year,
                    folders.name(), from.getAddress(), from.getPersonal(), replyTo, subject,
                    MessageHeaders.sent(message, zone), receivedAt, false, MessageOutcome.EXPLANATION,
                    "单位回复本系统的回复邮件，作为对校验提示的说明", settings.mailbox().pop3() ? ServerState.DONE
                    : ServerState.PENDING, now(), executionId, List.of()));
        }
        List<AttachmentRecord> records = new ArrayList<>();
        MessageOutcome outcome;
        String note;
        try {
            List<Part> parts = MimeParts.attachments(message);
            AttachmentSaver saver = new AttachmentSaver(files, content, receivedAt);
            for (Part part : parts) {
                saver.save(part);
            }
            records.addAll(saver.records());
            outcome = outcome(records);
            note = note(records);
        } catch (AttachmentFiles.DiskFailure disk) {
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
        MessageRecord record = new MessageRecord(messageId, year, folders.name(), from.getAddress(),
                from.getPersonal(), replyTo, subject, MessageHeaders.sent(message, zone), receivedAt,
                AutoReplies.automatic(message, from, settings.fromAddress()), outcome, note, state, now(), executionId,
                records);
        Long id = tx.execute(status -> messages.insert(record));
        log.info("邮件 {} 来自 {}: {}{}", subject, from.getAddress(), outcome, note == null ? "" : "（" + note + "）");
        if (state == ServerState.PENDING) {
            folders.mark(message);
            tx.executeWithoutResult(status -> messages.markDone(id));
        }
        int duplicates = count(records, AttachmentOutcome.DUPLICATE);
        return switch (outcome) {
            case SAVED -> new Taken(1, count(records, AttachmentOutcome.SAVED), duplicates, 0, 0, 0);
            case REFUSED -> new Taken(1, 0, duplicates, 1, 0, 0);
            case NO_ATTACHMENT, UNREADABLE -> new Taken(1, 0, duplicates, 0, 1, 0);
            default -> new Taken(1, 0, duplicates, 0, 0, 0);
        };
    }

    private static int count(List<AttachmentRecord> records, AttachmentOutcome outcome) {
        return (int) records.stream().filter(r -> r.outcome() == outcome).count();
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
    private Taken takeReport(Message message, MailboxFolders folders, DeliveryReports.Report report,
                             MessageRecord unmarked) throws MessagingException {
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
        recordAndMark(message, folders, record,
                row -> returned.ifPresent(r -> bounces.record(row, record.year(), report, r, record.receivedAt())));
        return new Taken(1, 0, 0, 0, 0, 1);
    }

    /**
     * The submission a message answers when it is a reply (In-Reply-To, References) to one of our reply
     * mails; automatic mail (an out-of-office answer to our reply) answers nothing.
     */
    private Optional<Long> answeredSubmission(Message message, InternetAddress from) {
        if (AutoReplies.automatic(message, from, settings.fromAddress())) {
            return Optional.empty();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String header : List.of("In-Reply-To", "References")) {
            try {
                String raw = MimeText.rawHeader(message.getHeader(header));
                if (raw != null) {
                    MESSAGE_ID.matcher(raw).results().forEach(m -> ids.add(m.group()));
                }
            } catch (MessagingException unreadable) {
                // no thread to follow in this header
            }
        }
        return ids.isEmpty() ? Optional.empty() : tx.execute(status -> stores.explanations().answeredSubmission(ids));
    }

    /** The unit's words in a reply without a workbook; null when it has a workbook (a resubmission) or no words. */
    private static String explanation(Message message) {
        try {
            for (Part part : MimeParts.attachments(message)) {
                if (AttachmentSaver.mayHoldWorkbook(part)) {
                    return null;
                }
            }
            String text = ExplanationText.of(message);
            return text.isEmpty() ? null : text;
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            return null; // taken as any other message below, which says why it cannot be read
        }
    }

    /** Records a unit's explanation with the submission its reply answers, and marks the message. */
    private Taken takeExplanation(Message message, MailboxFolders folders, long submissionId, String explanation,
                                  MessageRecord record) throws MessagingException {
        recordAndMark(message, folders, record, row -> stores.explanations().record(submissionId, row, record.sender(),
                record.receivedAt(), explanation));
        return new Taken(1, 0, 0, 0, 0, 0);
    }

    /** Records a message (and what goes with it, in the same transaction), then marks it on the server. */
    private void recordAndMark(Message message, MailboxFolders folders, MessageRecord record, LongConsumer withRow)
            throws MessagingException {
        Long id = tx.execute(status -> {
            long row = messages.insert(record);
            withRow.accept(row);
            return row;
        });
        log.info("邮件 {} 来自 {}: {}", record.subject(), record.sender(), record.note());
        if (record.serverState() == ServerState.PENDING) {
            folders.mark(message);
            tx.executeWithoutResult(status -> messages.markDone(id));
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

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    /** What taking messages added to the night's counts. */
    private record Taken(int newMessages, int saved, int duplicates, int refused, int left, int bounces) {

        static final Taken NOTHING = new Taken(0, 0, 0, 0, 0, 0);

        Taken plus(Taken o) {
            return new Taken(newMessages + o.newMessages, saved + o.saved, duplicates + o.duplicates,
                    refused + o.refused, left + o.left, bounces + o.bounces);
        }
    }
}
