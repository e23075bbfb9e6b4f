package cn.gov.county.gkreport.mail.reply;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.Severity;
import cn.gov.county.gkreport.mail.MailMessageRepository.AttachmentOutcome;
import cn.gov.county.gkreport.mail.MailMessageRepository.MessageOutcome;
import cn.gov.county.gkreport.mail.MailMessageRepository;
import cn.gov.county.gkreport.report.Explained;
import cn.gov.county.gkreport.store.SubmissionStatus;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Replies by return mail ({@code mail_reply}) and what they are written from: the mailed
 * submissions not yet answered, their findings and key figures, and the messages that brought
 * nothing new (a notice each).
 */
@Repository
public class MailReplyRepository {

    /** Why a reply is sent. */
    public enum Kind {
        ACCEPTED, WARNED, REJECTED, SUPERSEDED, NOTICE, RETURNED
    }

    /** A processed submission that came by mail and has had no reply, with the message that brought it. */
    public record PendingReply(long submissionId, String unitCode, String unitName, Integer version,
                               SubmissionStatus status, String sha256, long messageRow, String recipient,
                               String originalSubject, String originalMessageId, LocalDateTime receivedAt,
                               String nameAsSent) {
    }

    /** A reviewer's return of a mailed version, not yet told to the unit. */
    public record PendingReturn(long decisionId, PendingReply submission, String reason) {
    }

    /** A message whose attachments were all refused or already received. */
    public record PendingNotice(long messageRow, MessageOutcome outcome, String recipient, String originalSubject,
                                String originalMessageId, LocalDateTime receivedAt) {
    }

    /** An attachment of a message, as recorded. */
    public record AttachmentLine(int seq, String nameAsSent, String savedName, String sha256, AttachmentOutcome outcome,
                                 String note) {
    }

    /** The submission a file already received belongs to (for the duplicate notice). */
    public record EarlierFile(String fileName, Integer version, SubmissionStatus status, LocalDateTime receivedAt) {
    }

    private final JdbcTemplate jdbc;

    public MailReplyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Mailed submissions of the year processed since {@code since} and not answered (no reply SENT or
     * SENDING), oldest first; each with the earliest message that brought its file. Automatic mail
     * (out-of-office, delivery reports) is never answered.
     */
    public List<PendingReply> pendingReplies(int year, LocalDateTime since) {
        Map<Long, PendingReply> first = new LinkedHashMap<>();
        jdbc.query("""
                SELECT s.id, s.unit_code, u.name, s.version, s.status, s.sha256, m.id, COALESCE(m.reply_to, m.sender),
                       m.subject, m.message_id, m.received_at, a.name_as_sent
                FROM submission s
                JOIN mail_attachment a ON a.report_year = s.report_year AND a.sha256 = s.sha256
                                      AND a.outcome IN ('SAVED', 'DUPLICATE')
                JOIN mail_message m ON m.id = a.mail_message_id
                LEFT JOIN reporting_unit u ON u.code = s.unit_code
                WHERE s.report_year = ? AND s.status NOT IN ('RECEIVED', 'RETURNED') AND s.processed_at >= ?
                  AND m.auto_generated = FALSE
                  AND NOT EXISTS (SELECT 1 FROM mail_reply r WHERE r.submission_id = s.id AND r.status <> 'FAILED')
                ORDER BY s.id, m.received_at, m.id, a.seq""",
                rs -> {
                    long id = rs.getLong(1);
                    first.putIfAbsent(id, new PendingReply(id, rs.getString(2), rs.getString(3),
                            (Integer) rs.getObject(4, Integer.class), SubmissionStatus.valueOf(rs.getString(5)),
                            rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getTimestamp(11).toLocalDateTime(), rs.getString(12)));
                }, year, Timestamp.valueOf(since));
        return new ArrayList<>(first.values());
    }

    /**
     * Returns in effect recorded since {@code since} of versions that came by mail and were not told
     * yet (a version returned the night it arrived has had no other reply: it gets this one).
     */
    public List<PendingReturn> pendingReturns(int year, LocalDateTime since) {
        Map<Long, PendingReturn> first = new LinkedHashMap<>();
        jdbc.query("""
                SELECT d.id, d.reason, s.id, s.unit_code, u.name, s.version, s.status, s.sha256, m.id,
                       COALESCE(m.reply_to, m.sender), m.subject, m.message_id, m.received_at, a.name_as_sent
                FROM review_decision d
                JOIN submission s ON s.id = d.submission_id
                JOIN mail_attachment a ON a.report_year = s.report_year AND a.sha256 = s.sha256
                                      AND a.outcome IN ('SAVED', 'DUPLICATE')
                JOIN mail_message m ON m.id = a.mail_message_id
                LEFT JOIN reporting_unit u ON u.code = s.unit_code
                WHERE d.report_year = ? AND d.decision = 'RETURN' AND d.withdrawn_at IS NULL AND s.status = 'RETURNED'
                  AND d.recorded_at >= ? AND m.auto_generated = FALSE
                  AND NOT EXISTS (SELECT 1 FROM mail_reply r WHERE r.review_decision_id = d.id AND r.status <> 'FAILED')
                ORDER BY d.id, m.received_at, m.id, a.seq""",
                rs -> {
                    long id = rs.getLong(1);
                    first.putIfAbsent(id, new PendingReturn(id, new PendingReply(rs.getLong(3), rs.getString(4),
                            rs.getString(5), (Integer) rs.getObject(6, Integer.class),
                            SubmissionStatus.valueOf(rs.getString(7)), rs.getString(8), rs.getLong(9), rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getTimestamp(13).toLocalDateTime(), rs.getString(14)),
                            rs.getString(2)));
                }, year, Timestamp.valueOf(since));
        return new ArrayList<>(first.values());
    }

    /** Messages fetched since {@code since} that brought nothing new to process and have had no notice. */
    public List<PendingNotice> pendingNotices(int year, LocalDateTime since) {
        return jdbc.query("""
                SELECT m.id, m.outcome, COALESCE(m.reply_to, m.sender), m.subject, m.message_id, m.received_at
                FROM mail_message m
                WHERE m.report_year = ? AND m.outcome IN ('REFUSED', 'DUPLICATE') AND m.auto_generated = FALSE
                  AND m.fetched_at >= ?
                  AND NOT EXISTS (SELECT 1 FROM mail_reply r WHERE r.notice_message_id = m.id AND r.status <> 'FAILED')
                ORDER BY m.received_at, m.id""",
                (rs, i) -> new PendingNotice(rs.getLong(1), MessageOutcome.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toLocalDateTime()),
                year, Timestamp.valueOf(since));
    }

    public List<AttachmentLine> attachments(long messageRow) {
        return jdbc.query("SELECT seq, name_as_sent, saved_name, sha256, outcome, note FROM mail_attachment "
                        + "WHERE mail_message_id = ? ORDER BY seq",
                (rs, i) -> new AttachmentLine(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        AttachmentOutcome.valueOf(rs.getString(5)), rs.getString(6)), messageRow);
    }

    /** The findings of a submission, errors first; an explained warning's message says 已说明 with the unit's words. */
    public List<Finding> findings(long submissionId) {
        return jdbc.query("SELECT f.rule_id, f.severity, f.sheet_name, f.cell_ref, f.message, " + Explained.EXPLANATION_OF_F
                        + " FROM finding f WHERE f.submission_id = ? "
                        + "ORDER BY CASE WHEN f.severity = 'ERROR' THEN 0 ELSE 1 END, f.seq",
                (rs, i) -> new Finding(rs.getString(1), Severity.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), Explained.message(rs.getString(5), rs.getString(6))), submissionId);
    }

    /**
     * The figures of a submission for the given item codes: a code without a stored row is 0 (plain
     * zeros are not stored); a code whose cell held no number is absent.
     */
    public Map<String, BigDecimal> figures(long submissionId, Collection<String> codes) {
        Map<String, BigDecimal> figures = new HashMap<>();
        codes.forEach(code -> figures.put(code, BigDecimal.ZERO));
        jdbc.query("SELECT item_code, figure FROM submission_value WHERE submission_id = ?",
                rs -> {
                    if (codes.contains(rs.getString(1))) {
                        figures.put(rs.getString(1), rs.getBigDecimal(2));
                    }
                }, submissionId);
        figures.values().removeIf(Objects::isNull);
        return figures;
    }

    /** The version that counts now for the unit, when it is not this one (for a superseded reply). */
    public Optional<Integer> acceptedVersion(String unitCode, int year) {
        return jdbc.query("SELECT version FROM submission WHERE unit_code = ? AND report_year = ? AND status = 'ACCEPTED'",
                (rs, i) -> rs.getInt(1), unitCode, year).stream().findFirst();
    }

    /** The submission holding a file already received, for the duplicate notice. */
    public Optional<EarlierFile> earlierFile(int year, String sha256) {
        return jdbc.query("SELECT file_name, version, status, received_at FROM submission WHERE report_year = ? AND sha256 = ?",
                (rs, i) -> new EarlierFile(rs.getString(1), (Integer) rs.getObject(2, Integer.class),
                        SubmissionStatus.valueOf(rs.getString(3)), rs.getTimestamp(4).toLocalDateTime()),
                year, sha256).stream().findFirst();
    }

    /**
     * Reserves the reply before it is sent (SENDING, committed by the caller's transaction): empty
     * when it was already sent or is being sent; a FAILED one is taken again.
     *
     * @param submissionId    the submission answered, or null for a notice
     * @param noticeMessageId the message a notice answers, or null for a submission reply
     */
    public Optional<Long> reserve(Long submissionId, Long noticeMessageId, long answeredMessage, Kind kind,
                                  String recipient, String subject, String attachmentName, long executionId,
                                  LocalDateTime now) {
        return reserve(submissionId, noticeMessageId, null, answeredMessage, kind, recipient, subject, attachmentName,
                executionId, now);
    }

    /** Reserves the reply that tells a unit of a reviewer's return (one per decision), like {@link #reserve}. */
    public Optional<Long> reserveReturn(long decisionId, long answeredMessage, String recipient, String subject,
                                        String attachmentName, long executionId, LocalDateTime now) {
        return reserve(null, null, decisionId, answeredMessage, Kind.RETURNED, recipient, subject, attachmentName,
                executionId, now);
    }

    private Optional<Long> reserve(Long submissionId, Long noticeMessageId, Long decisionId, long answeredMessage,
                                   Kind kind, String recipient, String subject, String attachmentName, long executionId,
                                   LocalDateTime now) {
        String column = submissionId != null ? "submission_id" : decisionId != null ? "review_decision_id"
                : "notice_message_id";
        long key = submissionId != null ? submissionId : decisionId != null ? decisionId : noticeMessageId;
        List<Object[]> existing = jdbc.query("SELECT id, status FROM mail_reply WHERE " + column + " = ?",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}, key);
        if (!existing.isEmpty()) {
            if (!"FAILED".equals(existing.get(0)[1])) {
                return Optional.empty();
            }
            long id = (Long) existing.get(0)[0];
            int updated = jdbc.update("""
                    UPDATE mail_reply SET status = 'SENDING', kind = ?, recipient = ?, subject = ?, attachment_name = ?,
                           error = NULL, created_at = ?, job_execution_id = ?
                    WHERE id = ? AND status = 'FAILED'""", kind.name(), MailMessageRepository.cut(recipient, 320),
                    MailMessageRepository.cut(subject, 500), MailMessageRepository.cut(attachmentName, 500),
                    Timestamp.valueOf(now), executionId, id);
            return updated == 1 ? Optional.of(id) : Optional.empty();
        }
        try {
            jdbc.update("""
                    INSERT INTO mail_reply (submission_id, notice_message_id, review_decision_id, answered_message, kind,
                        recipient, subject, attachment_name, status, created_at, job_execution_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'SENDING', ?, ?)""", submissionId, noticeMessageId, decisionId,
                    answeredMessage,
                    kind.name(), MailMessageRepository.cut(recipient, 320), MailMessageRepository.cut(subject, 500),
                    MailMessageRepository.cut(attachmentName, 500), Timestamp.valueOf(now), executionId);
        } catch (DuplicateKeyException raced) {
            return Optional.empty();
        }
        return jdbc.query("SELECT id FROM mail_reply WHERE " + column + " = ?", (rs, i) -> rs.getLong(1), key)
                .stream().findFirst();
    }

    /** The Message-ID a reply goes out with, and the fingerprint of the feedback copy it carries. */
    public void outgoing(long id, String messageId, String attachmentSha256) {
        jdbc.update("UPDATE mail_reply SET message_id = ?, attachment_sha256 = ? WHERE id = ?", messageId,
                attachmentSha256, id);
    }

    public void sent(long id, LocalDateTime at) {
        jdbc.update("UPDATE mail_reply SET status = 'SENT', sent_at = ? WHERE id = ?", Timestamp.valueOf(at), id);
    }

    public void failed(long id, String error) {
        jdbc.update("UPDATE mail_reply SET status = 'FAILED', error = ? WHERE id = ?", MailMessageRepository.cut(error, 1000),
                id);
    }

    /** When a unit was last answered (any reply SENT about one of its submissions), for the reminders. */
    public Optional<LocalDateTime> lastReplyToUnit(String unitCode, int year) {
        return jdbc.query("""
                SELECT MAX(r.sent_at) FROM mail_reply r JOIN submission s ON s.id = r.submission_id
                WHERE s.unit_code = ? AND s.report_year = ? AND r.status = 'SENT'""",
                (rs, i) -> rs.getTimestamp(1), unitCode, year).stream().filter(t -> t != null)
                .map(Timestamp::toLocalDateTime).findFirst();
    }

    /** The address of the unit's latest mailed submission of any year (Reply-To, else From), for the reminders. */
    public Optional<String> latestSender(String unitCode) {
        return jdbc.query("""
                SELECT COALESCE(m.reply_to, m.sender) FROM submission s
                JOIN mail_attachment a ON a.report_year = s.report_year AND a.sha256 = s.sha256
                JOIN mail_message m ON m.id = a.mail_message_id
                WHERE s.unit_code = ? AND m.auto_generated = FALSE
                ORDER BY s.report_year DESC, s.id DESC, m.received_at DESC, m.id DESC""",
                (rs, i) -> rs.getString(1), unitCode).stream().findFirst();
    }
}
