package cn.gov.county.gkreport.support;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a run leaves in the database, without the parts that legitimately differ between two
 * databases (generated ids, timestamps, execution ids): submissions, figures and findings keyed
 * by file fingerprint, and the last county totals. Two runs over the same input must be equal.
 */
public record StoredContent(List<String> submissions, List<String> figures, List<String> findings,
                            Map<String, BigDecimal> lastTotals) {

    public static StoredContent of(JdbcTemplate jdbc) {
        List<String> submissions = jdbc.query("""
                SELECT sha256, file_name, unit_code, version, status, file_format, form_version, contact_person
                FROM submission ORDER BY sha256""",
                (rs, i) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3),
                        String.valueOf(rs.getObject(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
        List<String> figures = jdbc.query("""
                SELECT s.sha256, v.item_code, v.figure, v.source_sheet, v.source_cell, v.raw_text
                FROM submission_value v JOIN submission s ON s.id = v.submission_id ORDER BY s.sha256, v.item_code""",
                (rs, i) -> String.join("|", rs.getString(1), rs.getString(2),
                        rs.getBigDecimal(3) == null ? "null" : rs.getBigDecimal(3).toPlainString(), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
        List<String> findings = jdbc.query("""
                SELECT s.sha256, f.seq, f.rule_id, f.severity, f.reason_code, f.sheet_name, f.cell_ref, f.message
                FROM finding f JOIN submission s ON s.id = f.submission_id ORDER BY s.sha256, f.seq""",
                (rs, i) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        String.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8)));
        Map<String, BigDecimal> totals = new TreeMap<>();
        jdbc.query("""
                SELECT scope, item_code, figure FROM county_total
                WHERE job_execution_id = (SELECT MAX(job_execution_id) FROM county_total)""",
                rs -> {
                    totals.put(rs.getString(1) + ":" + rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros());
                });
        return new StoredContent(submissions, figures, findings, totals);
    }
}
