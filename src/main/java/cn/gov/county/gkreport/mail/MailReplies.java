package cn.gov.county.gkreport.mail;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.mail.MailReplyRepository.Kind;
import cn.gov.county.gkreport.mail.MailReplyRepository.PendingNotice;
import cn.gov.county.gkreport.mail.MailReplyRepository.PendingReply;
import cn.gov.county.gkreport.mail.ReplyTexts.KeyFigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers by return mail, once: every mailed submission processed recently gets one reply to the
 * message that brought it (accepted with its key figures; accepted with warnings or rejected with
 * its findings and, when written, the annotated feedback workbook attached), and every message that
 * brought nothing new (only archives or other files, or files already received) gets one notice.
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
    private final TransactionTemplate tx;
    private final Clock clock;

    /** @param tx a template that starts a new transaction (every read and write runs in one of its own) */
    public MailReplies(MailSettings settings, MailReplyRepository replies, OutgoingMail mail,
                       FeedbackAttachments feedback, ReplyTexts texts, TransactionTemplate tx, Clock clock) {
        this.settings = settings;
        this.replies = replies;
        this.mail = mail;
        this.feedback = feedback;
        this.texts = texts;
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
            deliver(counts, r.recipient(), p.letter(), r.originalMessageId(), p.attachment(),
                    () -> replies.reserve(r.submissionId(), null, r.messageRow(), p.kind(), r.recipient(),
                            p.letter().subject(), p.attachment() == null ? null : p.attachment().getFileName().toString(),
                            executionId, now));
        }
        for (PendingNotice n : tx.execute(status -> replies.pendingNotices(year, since))) {
            ReplyTexts.Letter letter = tx.execute(status -> texts.notice(n, replies.attachments(n.messageRow()),
                    sha -> replies.earlierFile(year, sha), now.toLocalDate()));
            deliver(counts, n.recipient(), letter, n.originalMessageId(), null,
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

    private void deliver(int[] counts, String to, ReplyTexts.Letter letter, String inReplyTo, Path attachment,
                         Reservation reservation) {
        Optional<Long> id = tx.execute(status -> reservation.reserve());
        if (id == null || id.isEmpty()) {
            counts[2]++;
            return;
        }
        try {
            mail.send(new OutgoingMail.Outgoing(to, letter.subject(), letter.body(), threadable(inReplyTo), attachment,
                    "auto-replied"));
            tx.executeWithoutResult(status -> replies.sent(id.get(), LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS)));
            counts[0]++;
        } catch (Exception e) {
            log.warn("回复邮件发送失败（下次运行重试）: {} → {} ({})", letter.subject(), to, e.toString());
            tx.executeWithoutResult(status -> replies.failed(id.get(), e.toString()));
            counts[1]++;
        }
    }

    /** A real Message-ID to thread under; not the stand-in made for a message without one. */
    static String threadable(String messageId) {
        return messageId == null || messageId.startsWith("<no-message-id.") || messageId.startsWith("<sha256.")
                ? null : messageId;
    }
}
