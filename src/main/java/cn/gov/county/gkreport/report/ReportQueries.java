package cn.gov.county.gkreport.report;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import cn.gov.county.gkreport.intake.UnitType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * What the consolidated workbook shows, read from the database (and nothing else). The large
 * lists (figures per unit, findings, traceability) are streamed row by row, so a province-size
 * run writes its workbook in bounded memory.
 */
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

    /** How many counted (ACCEPTED) submissions of the year carry a finding of this rule. */
    public int acceptedWithFinding(int year, String ruleId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM submission s WHERE s.report_year = ? AND s.status = 'ACCEPTED' "
                + "AND EXISTS (SELECT 1 FROM finding f WHERE f.submission_id = s.id AND f.rule_id = ?)", Integer.class,
                year, ruleId);
    }

    public int findingCount(int year) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM finding f JOIN submission s ON s.id = f.submission_id "
                + "WHERE s.report_year = ?", Integer.class, year);
    }

    /** Every finding of the year, by unit, streamed (a province has many). */
    public void findings(int year, Consumer<FindingRow> handler) {
        jdbc.query("""
                SELECT s.unit_code, s.file_name, s.version, f.sheet_name, f.cell_ref, f.rule_id, f.severity, f.message
                FROM finding f JOIN submission s ON s.id = f.submission_id
                WHERE s.report_year = ?
                ORDER BY s.unit_code, s.id, f.seq""",
                (RowCallbackHandler) rs -> handler.accept(new FindingRow(rs.getString(1), rs.getString(2),
                        (Integer) rs.getObject(3, Integer.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8))),
                year);
    }

    /**
     * The figures of the accepted submissions of one kind of unit, unit by unit in code order,
     * streamed: {@code handler} gets each unit's code and its figures by item code.
     */
    public void acceptedFigures(int year, UnitType type, BiConsumer<String, Map<String, BigDecimal>> handler) {
        Map<String, BigDecimal> current = new HashMap<>();
        String[] unit = {null};
        jdbc.query("""
                SELECT s.unit_code, v.item_code, v.figure FROM submission s
                JOIN reporting_unit u ON u.code = s.unit_code
                JOIN submission_value v ON v.submission_id = s.id
                WHERE s.report_year = ? AND s.status = 'ACCEPTED' AND u.unit_type = ?
                ORDER BY s.unit_code""",
                (RowCallbackHandler) rs -> {
                    String code = rs.getString(1);
                    if (unit[0] != null && !unit[0].equals(code)) {
                        handler.accept(unit[0], Map.copyOf(current));
                        current.clear();
                    }
                    unit[0] = code;
                    if (rs.getBigDecimal(3) != null) {
                        current.put(rs.getString(2), rs.getBigDecimal(3));
                    }
                }, year, type.name());
        if (unit[0] != null) {
            handler.accept(unit[0], Map.copyOf(current));
        }
    }

    /**
     * The traceability query: every non-zero figure of an accepted submission, with the unit,
     * version, file, fingerprint and source cell it came from (zero figures add nothing), one
     * submission after the other in unit order. Derived items are not told apart here: joining
     * the form's items made MySQL drive the query from the item index, one random lookup per
     * stored figure (minutes at 10 000 units); the caller knows the form.
     */
    public void trace(int year, Consumer<TraceRow> handler) {
        jdbc.query("""
                SELECT v.item_code, s.unit_code, s.version, s.file_name, s.sha256, v.source_sheet, v.source_cell, v.figure
                FROM submission s
                JOIN submission_value v ON v.submission_id = s.id
                WHERE s.report_year = ? AND s.status = 'ACCEPTED' AND v.figure <> 0
                ORDER BY s.unit_code, s.id""",
                (RowCallbackHandler) rs -> handler.accept(new TraceRow(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8))),
                year);
    }
}
