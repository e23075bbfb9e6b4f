package cn.gov.county.gkreport.mail.inbox;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;

import cn.gov.county.gkreport.mail.MailMessageRepository;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Explanations units send by answering our reply mail ({@code mail_explanation}): which submission a
 * reply answers, found by the Message-ID our reply went out with, and the unit's words stored with it.
 * They are listed through {@code report.Explained}.
 */
@Repository
public class MailExplanationRepository {

    private final JdbcTemplate jdbc;

    public MailExplanationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The submission our reply with one of these Message-IDs was about (the latest reply when several). */
    public Optional<Long> answeredSubmission(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        String marks = String.join(", ", Collections.nCopies(messageIds.size(), "?"));
        return jdbc.query("SELECT submission_id FROM mail_reply WHERE submission_id IS NOT NULL AND message_id IN ("
                        + marks + ") ORDER BY id DESC", (rs, i) -> rs.getLong(1), messageIds.toArray())
                .stream().findFirst();
    }

    public void record(long submissionId, long messageRow, String sender, LocalDateTime receivedAt, String text) {
        jdbc.update("INSERT INTO mail_explanation (submission_id, mail_message_id, sender, received_at, explanation) "
                        + "VALUES (?, ?, ?, ?, ?)", submissionId, messageRow, MailMessageRepository.cut(sender, 320),
                Timestamp.valueOf(receivedAt), text);
    }
}
