package cn.gov.county.gkreport.report;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the consolidated workbook shows, read from the database (and nothing else). */
@Repository
public class ReportQueries {

    private final JdbcTemplate jdbc;

    public ReportQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored submission with its finding counts. */
    public record SubmissionRow(long id, String unitCode, Integer version, String status, String fileName,
                                String receivedAt, String sha256, String fileFormat, int errors, int warnings) {
    }

    /** A finding with the submission it belongs to. */
    public record FindingRow(String unitCode, String fileName, Integer version, String sheet, String cell, String ruleId,
                             String severity, String message) {
    }

    /** One unit's contribution to a county figure, with where it came from. */
    public record TraceRow(String itemCode, String unitCode, int version, String fileName, String sha256, String sheet,
                           String cell, BigDecimal figure) {
    }

    public List<SubmissionRow> submissions(int year) {
        return jdbc.query("""
                SELECT s.id, s.unit_code, s.version, s.status, s.file_name, s.received_at, s.sha256, s.file_format,
                       (SELECT COUNT(*) FROM finding f WHERE f.submission_id = s.id AND f.severity = 'ERROR'),
                       (SELECT COUNT(*) FROM finding f WHERE f.submission_id = s.id AND f.severity = 'WARNING')
                FROM submission s WHERE s.report_year = ?
                ORDER BY s.unit_code, s.version, s.id""",
                (rs, i) -> new SubmissionRow(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toLocalDateTime().withNano(0).toString()
                                .replace('T', ' '), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getInt(10)),
                year);
    }

    public List<FindingRow> findings(int year) {
        return jdbc.query("""
                SELECT s.unit_code, s.file_name, s.version, f.sheet_name, f.cell_ref, f.rule_id, f.severity, f.message
                FROM finding f JOIN submission s ON s.id = f.submission_id
                WHERE s.report_year = ?
                ORDER BY s.unit_code, s.id, f.seq""",
                (rs, i) -> new FindingRow(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                year);
    }

    /** The figures of each unit's accepted submission: unit code → item code → figure. */
    public Map<String, Map<String, BigDecimal>> acceptedFigures(int year) {
        Map<String, Map<String, BigDecimal>> figures = new LinkedHashMap<>();
        jdbc.query("""
                SELECT s.unit_code, v.item_code, v.figure FROM submission s
                JOIN submission_value v ON v.submission_id = s.id
                WHERE s.report_year = ? AND s.status = 'ACCEPTED'
                ORDER BY s.unit_code, v.item_code""",
                rs -> {
                    figures.computeIfAbsent(rs.getString(1), u -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getBigDecimal(3));
                }, year);
        return figures;
    }

    /**
     * The traceability query: every non-zero input figure of an accepted submission, with the unit,
     * version, file, fingerprint and source cell it came from (zero figures add nothing).
     */
    public List<TraceRow> trace(int year) {
        return jdbc.query("""
                SELECT v.item_code, s.unit_code, s.version, s.file_name, s.sha256, v.source_sheet, v.source_cell, v.figure
                FROM submission s
                JOIN submission_value v ON v.submission_id = s.id
                JOIN form_item i ON i.code = v.item_code
                WHERE s.report_year = ? AND s.status = 'ACCEPTED' AND i.derived = FALSE AND v.figure <> 0
                ORDER BY i.position, s.unit_code""",
                (rs, i) -> new TraceRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getBigDecimal(8)),
                year);
    }
}
