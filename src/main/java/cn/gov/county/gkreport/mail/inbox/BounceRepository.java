package cn.gov.county.gkreport.mail.inbox;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.mail.MailMessageRepository;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Delivery failures of our own mail ({@code mail_bounce}): which reply or reminder a delivery report
 * returns — by the Message-ID in the returned headers, else by recipient and subject — and, per unit,
 * the latest address that did not work, for the chase list.
 */
@Repository
public class BounceRepository {

    /** The mail of ours a report returns: a reply or a reminder, and the unit it was for (if known). */
    public record Returned(Long replyId, Long reminderId, String unitCode, String recipient, boolean reminder) {
    }

    /** The latest failure of a unit's mail: the address and when the report came. */
    public record Failure(String recipient, LocalDateTime at, boolean reminder) {
    }

    private final JdbcTemplate jdbc;

    public BounceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Returned> returned(String messageId, String recipient, String subject) {
        if (messageId != null) {
            Optional<Returned> byId = reply("r.message_id = ?", messageId)
                    .or(() -> reminder("message_id = ?", messageId));
            if (byId.isPresent()) {
                return byId;
            }
        }
        if (recipient != null && subject != null) {
            return reply("LOWER(r.recipient) = LOWER(?) AND r.subject = ?", recipient, subject)
                    .or(() -> reminder("LOWER(recipient) = LOWER(?) AND subject = ?", recipient, subject));
        }
        return Optional.empty();
    }

    private Optional<Returned> reply(String where, Object... args) {
        return jdbc.query("SELECT r.id, s.unit_code, r.recipient FROM mail_reply r "
                        + "LEFT JOIN submission s ON s.id = r.submission_id WHERE " + where + " ORDER BY r.id DESC",
                (rs, i) -> new Returned(rs.getLong(1), null, rs.getString(2), rs.getString(3), false), args)
                .stream().findFirst();
    }

    private Optional<Returned> reminder(String where, Object... args) {
        return jdbc.query("SELECT id, unit_code, recipient FROM mail_reminder WHERE " + where + " ORDER BY id DESC",
                (rs, i) -> new Returned(null, rs.getLong(1), rs.getString(2), rs.getString(3), true), args)
                .stream().findFirst();
    }

    /** Records a failure (in the caller's transaction, with the report's own mail_message row). */
    public void record(long reportRow, int year, DeliveryReports.Report report, Returned returned, LocalDateTime at) {
        jdbc.update("""
                INSERT INTO mail_bounce (mail_message_id, report_year, recipient, status_code, diagnostic, bounced_at,
                    mail_reply_id, mail_reminder_id, unit_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", reportRow, year,
                MailMessageRepository.cut(report.recipient() != null ? report.recipient() : returned.recipient(), 320),
                MailMessageRepository.cut(report.status(), 32), MailMessageRepository.cut(report.diagnostic(), 1000),
                Timestamp.valueOf(at), returned.replyId(), returned.reminderId(), returned.unitCode());
    }

    /** Per unit, its latest delivery failure of the year. */
    public Map<String, Failure> latestByUnit(int year) {
        Map<String, Failure> latest = new LinkedHashMap<>();
        jdbc.query("SELECT unit_code, recipient, bounced_at, mail_reminder_id FROM mail_bounce "
                        + "WHERE report_year = ? AND unit_code IS NOT NULL ORDER BY bounced_at, id",
                rs -> {
                    latest.put(rs.getString(1), new Failure(rs.getString(2), rs.getTimestamp(3).toLocalDateTime(),
                            rs.getObject(4) != null));
                }, year);
        return latest;
    }
}
