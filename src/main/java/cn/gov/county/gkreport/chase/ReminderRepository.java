package cn.gov.county.gkreport.chase;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;

import cn.gov.county.gkreport.mail.MailMessageRepository;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reminders sent to units ({@code mail_reminder}), so a unit is reminded at most once a day across
 * nightly runs. The column {@code standing} holds the {@link ChaseReason} the unit was reminded for.
 */
@Repository
public class ReminderRepository {

    private final JdbcTemplate jdbc;

    public ReminderRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** When the unit was last reminded for the year (sent, or being sent when a run died). */
    public Optional<LocalDateTime> lastReminder(int year, String unitCode) {
        return jdbc.query("SELECT MAX(created_at) FROM mail_reminder WHERE report_year = ? AND unit_code = ? "
                        + "AND status <> 'FAILED'", (rs, i) -> rs.getTimestamp(1), year, unitCode)
                .stream().filter(t -> t != null).map(Timestamp::toLocalDateTime).findFirst();
    }

    public long reserve(int year, String unitCode, String recipient, String reason, long executionId,
                        LocalDateTime now) {
        jdbc.update("""
                INSERT INTO mail_reminder (report_year, unit_code, recipient, standing, status, created_at, job_execution_id)
                VALUES (?, ?, ?, ?, 'SENDING', ?, ?)""", year, unitCode, MailMessageRepository.cut(recipient, 320),
                reason, Timestamp.valueOf(now), executionId);
        return jdbc.queryForObject("SELECT MAX(id) FROM mail_reminder WHERE report_year = ? AND unit_code = ?",
                Long.class, year, unitCode);
    }

    /** The Message-ID and subject a reminder goes out with (a bounce is matched by them). */
    public void outgoing(long id, String messageId, String subject) {
        jdbc.update("UPDATE mail_reminder SET message_id = ?, subject = ? WHERE id = ?", messageId,
                MailMessageRepository.cut(subject, 500), id);
    }

    public void sent(long id, LocalDateTime at) {
        jdbc.update("UPDATE mail_reminder SET status = 'SENT', sent_at = ? WHERE id = ?", Timestamp.valueOf(at), id);
    }

    public void failed(long id, String error) {
        jdbc.update("UPDATE mail_reminder SET status = 'FAILED', error = ? WHERE id = ?",
                MailMessageRepository.cut(error, 1000), id);
    }
}
