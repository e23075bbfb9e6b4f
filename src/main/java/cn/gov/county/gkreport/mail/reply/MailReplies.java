package cn.gov.county.gkreport.mail.reply;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.intake.InputFolder;
import cn.gov.county.gkreport.mail.FeedbackFingerprints;
import cn.gov.county.gkreport.mail.MailProblems;
import cn.gov.county.gkreport.mail.MailSettings;
import cn.gov.county.gkreport.mail.OutgoingMail;
import cn.gov.county.gkreport.mail.reply.MailReplyRepository.Kind;
import cn.gov.county.gkreport.mail.reply.MailReplyRepository.PendingNotice;
import cn.gov.county.gkreport.mail.reply.MailReplyRepository.PendingReply;
import cn.gov.county.gkreport.mail.reply.MailReplyRepository.PendingReturn;
import cn.gov.county.gkreport.mail.reply.ReplyTexts.KeyFigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers by return mail, once: every mailed submission processed recently gets one reply to the
 * message that brought it (accepted with its key figures; accepted with warnings or rejected with
 * its findings and, when written, the annotated feedback workbook attached), and every message that
 * brought nothing new (only archives or other files, or files already received) gets one notice;
 * a version the reviewer returned gets one more reply with the reviewer's reason.
 * <p>Each reply is reserved in the database (committed) before it is sent and marked sent after: a
 * rerun never sends it again; a failed send is tried again on the next run; one interrupted between
 * the two (a crash) is not sent again, better one reply missing than two.
 */
public class MailReplies {

    private static final Logger log = LoggerFactory.getLogger(MailReplies.class);

    /** What one run sent. */
    public record Result(int sent, int failed, int skipped) {
    }

    private final MailSettings settings;
    private final MailReplyRepository replies;
    private final OutgoingMail mail;
    private final FeedbackAttachments feedback;
    private final ReplyTexts texts;
    private final FeedbackFingerprints fingerprints;
    private final TransactionTemplate tx;
    private final Clock clock;

    /** @param tx a template that starts a new transaction (every read and write runs in one of its own) */
    public MailReplies(MailSettings settings, MailReplyRepository replies, OutgoingMail mail,
                       FeedbackAttachments feedback, ReplyTexts texts, FeedbackFingerprints fingerprints,
                       TransactionTemplate tx, Clock clock) {
        this.settings = settings;
        this.replies = replies;
        this.mail = mail;
        this.feedback = feedback;
        this.texts = texts;
        this.fingerprints = fingerprints;
        this.tx = tx;
        this.clock = clock;
    }

    public Result run(int year, long executionId) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime since = now.minusDays(settings.replyWithinDays());
        int[] counts = new int[3];
        List<String> codes = ReplyTexts.KEY_FIGURES.stream().map(KeyFigure::code).toList();
        for (PendingReply r : tx.execute(status -> replies.pendingReplies(year, since))) {
            Prepared p = tx.execute(status -> {
                List<Finding> findings = replies.findings(r.submissionId());
                Kind kind = ReplyTexts.kindOf(r, findings);
                Optional<Path> attachment = kind == Kind.REJECTED || kind == Kind.WARNED
                        ? feedback.find(r.submissionId()) : Optional.empty();
                Optional<Integer> counting = r.unitCode() == null ? Optional.empty()
                        : replies.acceptedVersion(r.unitCode(), year);
                ReplyTexts.Letter letter = texts.reply(r, year, findings, replies.figures(r.submissionId(), codes),
                        counting, replies.attachments(r.messageRow()),
                        attachment.map(a -> a.getFileName().toString()).orElse(null), now.toLocalDate());
                return new Prepared(kind, letter, attachment.orElse(null));
            });
            deliver(counts, year, r.recipient(), p.letter(), r.originalMessageId(), p.attachment(),
                    () -> replies.reserve(r.submissionId(), null, r.messageRow(), p.kind(), r.recipient(),
                            p.letter().subject(), p.attachment() == null ? null : p.attachment().getFileName().toString(),
                            executionId, now));
        }
        for (PendingReturn r : tx.execute(status -> replies.pendingReturns(year, since))) {
            Optional<Path> attachment = tx.execute(status -> feedback.find(r.submission().submissionId()));
            String attachmentName = attachment.map(a -> a.getFileName().toString()).orElse(null);
            ReplyTexts.Letter letter = texts.returned(r.submission(), year, r.reason(), attachmentName, now.toLocalDate());
            deliver(counts, year, r.submission().recipient(), letter, r.submission().originalMessageId(),
                    attachment.orElse(null), () -> replies.reserveReturn(r.decisionId(), r.submission().messageRow(),
                            r.submission().recipient(), letter.subject(), attachmentName, executionId, now));
        }
        for (PendingNotice n : tx.execute(status -> replies.pendingNotices(year, since))) {
            ReplyTexts.Letter letter = tx.execute(status -> texts.notice(n, replies.attachments(n.messageRow()),
                    sha -> replies.earlierFile(year, sha), year, now.toLocalDate()));
            deliver(counts, year, n.recipient(), letter, n.originalMessageId(), null,
                    () -> replies.reserve(null, n.messageRow(), n.messageRow(), Kind.NOTICE, n.recipient(),
                            letter.subject(), null, executionId, now));
        }
        Result result = new Result(counts[0], counts[1], counts[2]);
        log.info("回复邮件: 发送 {} 封，失败 {} 封（下次运行重试）", result.sent(), result.failed());
        return result;
    }

    private record Prepared(Kind kind, ReplyTexts.Letter letter, Path attachment) {
    }

    private interface Reservation {
        Optional<Long> reserve();
    }

    private void deliver(int[] counts, int year, String to, ReplyTexts.Letter letter, String inReplyTo,
                         Path attachment, Reservation reservation) {
        Optional<Long> id = tx.execute(status -> reservation.reserve());
        if (id == null || id.isEmpty()) {
            counts[2]++;
            return;
        }
        String messageId = newMessageId("reply", id.get(), settings.fromAddress(), clock);
        try {
            // the Message-ID and the copy's fingerprint are recorded before the mail leaves: a bounce of it,
            // or the copy sent back, is recognised even if the run dies right after sending
            String sha256 = attachment == null ? null : InputFolder.fingerprint(attachment).sha256();
            tx.executeWithoutResult(status -> {
                replies.outgoing(id.get(), messageId, sha256);
                if (sha256 != null) {
                    fingerprints.record(sha256, year, attachment.getFileName().toString(),
                            LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
                }
            });
            mail.send(new OutgoingMail.Outgoing(to, letter.subject(), letter.body(), threadable(inReplyTo), attachment,
                    "auto-replied", messageId));
            tx.executeWithoutResult(status -> replies.sent(id.get(), LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS)));
            counts[0]++;
        } catch (Exception e) {
            String problem = MailProblems.describe(e, "发信服务器（" + settings.smtpHost() + ":"
                    + settings.smtp().effectivePort() + "）");
            log.warn("回复邮件发送失败（下次运行重试）: {} → {}：{}", letter.subject(), to, problem);
            tx.executeWithoutResult(status -> replies.failed(id.get(), problem));
            counts[1]++;
        }
    }

    /**
     * A Message-ID of our own for an outgoing mail, unique (row id, time, random) and in the sender's
     * domain, so that a delivery report can be matched to the mail it returns.
     */
    public static String newMessageId(String kind, long id, String from, Clock clock) {
        String domain = from != null && from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).strip()
                : "gkreport.invalid";
        return "<gkreport." + kind + "." + id + "." + clock.millis() + "."
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + "@" + domain + ">";
    }

    /** A real Message-ID to thread under; not the stand-in made for a message without one. */
    static String threadable(String messageId) {
        return messageId == null || messageId.startsWith("<no-message-id.") || messageId.startsWith("<sha256.")
                ? null : messageId;
    }
}
