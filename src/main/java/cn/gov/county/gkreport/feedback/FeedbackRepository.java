package cn.gov.county.gkreport.feedback;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.Severity;
import cn.gov.county.gkreport.read.grid.WorkbookFormat;
import cn.gov.county.gkreport.report.Explained;
import cn.gov.county.gkreport.report.ReportRepository;
import cn.gov.county.gkreport.report.UnitStanding;
import cn.gov.county.gkreport.review.Reviewed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** The submissions of a year that have findings, with what the feedback copy needs. */
@Repository
public class FeedbackRepository {

    private final JdbcTemplate jdbc;
    private final ReportRepository reports;

    public FeedbackRepository(JdbcTemplate jdbc, ReportRepository reports) {
        this.jdbc = jdbc;
        this.reports = reports;
    }

    /** The submissions that count for their units tonight ({@link UnitStanding#counting}). */
    public Set<Long> countingIds(int year) {
        return UnitStanding.countingIds(reports.submissions(year));
    }

    /** A submission with findings, ready to be annotated. */
    public record Pending(long submissionId, FeedbackWorkbook.FeedbackRequest request) {
    }

    public void withFindings(int year, Consumer<Pending> handler) {
        jdbc.query("""
                SELECT s.id, s.source_path, s.file_format, u.name, s.unit_code, s.version, s.file_name
                FROM submission s LEFT JOIN reporting_unit u ON u.code = s.unit_code
                WHERE s.report_year = ? AND EXISTS (SELECT 1 FROM finding f WHERE f.submission_id = s.id)
                ORDER BY s.id""",
                (RowCallbackHandler) rs -> {
                    long id = rs.getLong(1);
                    String format = rs.getString(3);
                    handler.accept(new Pending(id, new FeedbackWorkbook.FeedbackRequest(Path.of(rs.getString(2)),
                            format == null ? null : WorkbookFormat.valueOf(format), rs.getString(4), rs.getString(5),
                            year, (Integer) rs.getObject(6, Integer.class), rs.getString(7), findings(id))));
                }, year);
    }

    /**
     * Records where submissions' feedback copies are, for the reply that attaches a copy and the status
     * page that links it: one batch (an update per copy was a commit per copy).
     */
    public void recordCopies(List<Copy> copies) {
        jdbc.batchUpdate("UPDATE submission SET feedback_file = ? WHERE id = ?",
                copies.stream().map(c -> new Object[] {c.inFeedbackDir().toString(), c.submissionId()}).toList());
    }

    /** A submission's feedback copy, relative to {@code <output>/<year>/feedback/}. */
    public record Copy(long submissionId, Path inFeedbackDir) {
    }

    private List<Finding> findings(long submissionId) {
        return jdbc.query("SELECT f.rule_id, f.severity, f.sheet_name, f.cell_ref, f.message, " + Explained.EXPLANATION_OF_F
                        + ", " + Reviewed.CLEARED_OF_F + " FROM finding f WHERE f.submission_id = ? ORDER BY f.seq",
                (rs, i) -> new Finding(rs.getString(1), Severity.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), Reviewed.message(Explained.message(rs.getString(5), rs.getString(6)),
                        rs.getString(7))), submissionId);
    }
}
