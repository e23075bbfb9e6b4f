package cn.gov.county.gkreport.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import cn.gov.county.gkreport.CountyClock;
import cn.gov.county.gkreport.intake.InputFolder;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SHA-256 of every feedback copy this system wrote ({@code feedback_fingerprint}): recorded when a
 * reply carries one, and for the copies found in {@code <output>/<year>/feedback/} (archived ones in
 * its subfolders too). A file with such a fingerprint, coming back from anywhere, is ours and never a
 * submission.
 */
@Repository
public class FeedbackFingerprints {

    private final JdbcTemplate jdbc;

    public FeedbackFingerprints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isFeedbackCopy(String sha256) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM feedback_fingerprint WHERE sha256 = ?", Integer.class,
                sha256);
        return n != null && n > 0;
    }

    /** Records a fingerprint unless known (a second writer of the same one is fine). */
    public void record(String sha256, int year, String fileName, LocalDateTime now) {
        if (isFeedbackCopy(sha256)) {
            return;
        }
        try {
            jdbc.update("INSERT INTO feedback_fingerprint (sha256, report_year, file_name, recorded_at) VALUES (?, ?, ?, ?)",
                    sha256, year, MailMessageRepository.cut(fileName, 500), Timestamp.valueOf(now));
        } catch (DuplicateKeyException alreadyThere) {
            // recorded meanwhile
        }
    }

    /**
     * Records the workbooks in the year's feedback folder (and its subfolders) that are not recorded
     * yet, or were rewritten since they were recorded.
     */
    public int recordFolder(Path feedbackDir, int year, LocalDateTime now) throws IOException {
        if (!Files.isDirectory(feedbackDir)) {
            return 0;
        }
        Map<String, LocalDateTime> recorded = new HashMap<>();
        jdbc.query("SELECT file_name, MAX(recorded_at) FROM feedback_fingerprint WHERE report_year = ? GROUP BY file_name",
                rs -> {
                    recorded.put(rs.getString(1), rs.getTimestamp(2).toLocalDateTime());
                }, year);
        int added = 0;
        try (Stream<Path> files = Files.walk(feedbackDir, 3)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f) && isWorkbookName(f.getFileName().toString()))
                    .toList()) {
                String name = feedbackDir.relativize(file).toString();
                LocalDateTime at = recorded.get(name);
                if (at != null && Files.getLastModifiedTime(file).toInstant()
                        .isBefore(at.atZone(CountyClock.ZONE).toInstant())) {
                    continue;
                }
                record(InputFolder.fingerprint(file).sha256(), year, name, now);
                added++;
            }
        }
        return added;
    }

    private static boolean isWorkbookName(String name) {
        String ext = SafeFileName.extension(name);
        return ext.equals("xlsx") || ext.equals("xls");
    }
}
