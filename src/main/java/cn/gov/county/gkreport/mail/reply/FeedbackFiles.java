package cn.gov.county.gkreport.mail.reply;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import cn.gov.county.gkreport.feedback.FeedbackWorkbook.FeedbackRequest;
import cn.gov.county.gkreport.feedback.FeedbackWorkbook;
import cn.gov.county.gkreport.read.WorkbookFormat;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds the feedback copy the write-feedback step wrote for a submission in
 * {@code <output>/<year>/feedback/}, by the step's own naming rule ({@link FeedbackWorkbook#fileName});
 * a findings-only copy of an unreadable .xls original is an .xlsx, so both are looked for.
 */
public class FeedbackFiles implements FeedbackAttachments {

    private final JdbcTemplate jdbc;
    private final Path dir;

    public FeedbackFiles(JdbcTemplate jdbc, Path outputDir, int year) {
        this.jdbc = jdbc;
        this.dir = outputDir.resolve(Integer.toString(year)).resolve("feedback");
    }

    @Override
    public Optional<Path> find(long submissionId) {
        return jdbc.query("""
                SELECT s.source_path, s.file_format, u.name, s.unit_code, s.report_year, s.version, s.file_name
                FROM submission s LEFT JOIN reporting_unit u ON u.code = s.unit_code WHERE s.id = ?""",
                (rs, i) -> FeedbackWorkbook.fileName(new FeedbackRequest(Path.of(rs.getString(1)),
                        rs.getString(2) == null ? null : WorkbookFormat.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getInt(5), (Integer) rs.getObject(6, Integer.class), rs.getString(7),
                        List.of())), submissionId)
                .stream().findFirst().flatMap(name -> {
                    String xlsx = name.endsWith(".xls") ? name + "x" : name;
                    // a version that no longer counts has its copy in the archive folder
                    return Stream.of(dir, dir.resolve("archive")).flatMap(d -> Stream.of(name, xlsx).distinct()
                            .map(d::resolve)).filter(Files::isRegularFile).findFirst();
                });
    }
}
