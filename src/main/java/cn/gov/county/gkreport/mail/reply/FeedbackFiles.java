package cn.gov.county.gkreport.mail.reply;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.gov.county.gkreport.OutputLayout;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds the feedback copy the write-feedback step wrote for a submission, where that step recorded it
 * ({@code submission.feedback_file}, relative to {@code <output>/<year>/feedback/}); a copy written
 * while its version counted and moved to {@code archive/} later, when it stopped counting, is found there.
 */
public class FeedbackFiles implements FeedbackAttachments {

    private final JdbcTemplate jdbc;
    private final OutputLayout layout;

    public FeedbackFiles(JdbcTemplate jdbc, Path outputDir, int year) {
        this.jdbc = jdbc;
        this.layout = new OutputLayout(outputDir, year);
    }

    @Override
    public Optional<Path> find(long submissionId) {
        return jdbc.queryForList("SELECT feedback_file FROM submission WHERE id = ?", String.class, submissionId)
                .stream().filter(Objects::nonNull).findFirst().map(layout.feedbackDir()::resolve)
                .flatMap(copy -> Stream.of(copy, layout.feedbackArchive().resolve(copy.getFileName()))
                        .filter(Files::isRegularFile).findFirst());
    }
}
