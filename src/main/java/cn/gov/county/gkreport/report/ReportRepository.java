package cn.gov.county.gkreport.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import cn.gov.county.gkreport.consolidate.Counted;
import cn.gov.county.gkreport.deadline.ReportingCalendar;
import cn.gov.county.gkreport.deadline.Timeliness;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.Table3Row;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.UnitType;
import cn.gov.county.gkreport.review.ReviewRepository;
import cn.gov.county.gkreport.review.Reviewed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * What the consolidated workbook shows, read from the database (and nothing else). The large
 * lists (figures per unit, findings, traceability) are streamed row by row, so a province-size
 * run writes its workbook in bounded memory.
 */
@Repository
public class ReportRepository {

    private final JdbcTemplate jdbc;
    private final RunChangeRepository changes;
    private final ReviewRepository reviews;

    public ReportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.changes = new RunChangeRepository(jdbc);
        this.reviews = new ReviewRepository(jdbc);
    }

    /** Every decision of the year's review, withdrawn ones too (审核记录). */
    public List<ReviewRepository.Recorded> reviewHistory(int year) {
        return reviews.history(year);
    }

    /** What the run of {@code data} changed compared with the year's previous run. */
    public RunChanges changes(ReportData data) {
        return changes(data.form(), data.roster(), data.year(), data.totals().jobExecutionId());
    }

    /** What this run (job execution) changed against the previous run of the year. */
    public RunChanges changes(FormDefinition form, Roster roster, int year, long executionId) {
        return changes.changes(form, roster, year, executionId);
    }

    /** A stored submission with its finding counts. */
    public record SubmissionRow(long id, String unitCode, Integer version, String status, String fileName,
                                String receivedAt, String sha256, String fileFormat, int errors, int warnings) {

        /** The county's calendar day the file was received. */
        public LocalDate receivedDay() {
            return LocalDate.parse(receivedAt.substring(0, 10));
        }

        /** Passed every rule when it came: it counts, or counted until a later version replaced it. */
        public boolean passed() {
            return status.equals("ACCEPTED") || status.equals("SUPERSEDED");
        }

        /**
         * A unit's timeliness: its first file and its first version that passed, against the deadline.
         *
         * @param own the unit's submissions
         */
        public static Timeliness timeliness(List<SubmissionRow> own, ReportingCalendar calendar, LocalDate today) {
            return Timeliness.of(own.stream().map(SubmissionRow::receivedDay).min(Comparator.naturalOrder()),
                    own.stream().filter(SubmissionRow::passed).map(SubmissionRow::receivedDay)
                            .min(Comparator.naturalOrder()), calendar, today);
        }
    }

    /** A finding with the submission it belongs to. */
    public record FindingRow(long submissionId, String unitCode, String fileName, Integer version, String status,
                             String sheet, String cell, String ruleId, String severity, String message) {
    }

    /** One unit's contribution to a county figure, with where it came from. */
    public record TraceRow(String itemCode, String unitCode, int version, String fileName, String sha256, String sheet,
                           String cell, BigDecimal figure) {
    }

    public List<SubmissionRow> submissions(int year) {
        return jdbc.query("""
                SELECT s.id, s.unit_code, s.version, s.status, s.file_name, s.received_at, s.sha256, s.file_format,
                       (SELECT COUNT(*) FROM finding f WHERE f.submission_id = s.id AND f.severity = 'ERROR'),
                       (SELECT COUNT(*) FROM finding f WHERE f.submission_id = s.id AND f.severity = 'WARNING'
                          AND\s""" + Reviewed.NOT_CLEARED_F + """
                       )
                FROM submission s WHERE s.report_year = ?
                ORDER BY s.unit_code, s.version, s.id""",
                (rs, i) -> new SubmissionRow(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toLocalDateTime().withNano(0).toString()
                                .replace('T', ' '), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getInt(10)),
                year);
    }

    /**
     * Units with stored submissions of the year that are no longer on the roster, by code, with their
     * names: their reports are kept, and counted nowhere ({@link Counted}).
     */
    public Map<String, String> offRosterUnits(int year) {
        Map<String, String> units = new LinkedHashMap<>();
        jdbc.query("SELECT DISTINCT u.code, u.name FROM submission s " + Counted.JOIN_UNIT
                        + " WHERE s.report_year = ? AND u.on_roster = FALSE ORDER BY u.code",
                (RowCallbackHandler) rs -> units.put(rs.getString(1), rs.getString(2)), year);
        return units;
    }

    /**
     * The year's submissions that owe an explanation: they have warnings and the unit explained none
     * of them (a unit that explained some has answered; the reviewer judges the rest). Warnings the
     * reviewer cleared are owed nothing.
     */
    public Set<Long> withUnexplainedWarnings(int year) {
        return new HashSet<>(jdbc.queryForList("""
                SELECT s.id FROM submission s WHERE s.report_year = ?
                AND EXISTS (SELECT 1 FROM finding f WHERE f.submission_id = s.id AND f.severity = 'WARNING'
                            AND""" + Reviewed.NOT_CLEARED_F + """
                )
                AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.submission_id = s.id AND f.severity = 'WARNING'
                                AND\s""" + Explained.EXPLANATION_OF_F + " IS NOT NULL)", Long.class, year));
    }

    /**
     * The county figures of a year's latest consolidation (last year's, to compare with), or empty
     * when that year was never consolidated here.
     */
    public Optional<Map<String, BigDecimal>> latestCountyFigures(int year) {
        Map<String, BigDecimal> figures = new HashMap<>();
        jdbc.query("""
                SELECT item_code, figure FROM county_total
                WHERE scope = 'COUNTY' AND job_execution_id =
                      (SELECT MAX(job_execution_id) FROM county_total WHERE report_year = ?)""",
                (RowCallbackHandler) rs -> figures.put(rs.getString(1), rs.getBigDecimal(2)), year);
        return figures.isEmpty() ? Optional.empty() : Optional.of(figures);
    }

    /**
     * 依申请公开: each accepted unit's new applications (表三 一、本年新收, all applicant columns),
     * units with none left out, largest first (then by unit code).
     */
    public List<Map.Entry<String, BigDecimal>> newApplicationsByUnit(FormDefinition form, int year) {
        String newRow = form.table3().rowsWithRole(Table3Row.Role.RECEIVED).get(0).code();
        List<String> codes = form.table3().applicantColumns().stream().map(c -> "T3." + newRow + "." + c.code()).toList();
        return acceptedSumByUnit(year, codes).entrySet().stream().filter(e -> e.getValue().signum() > 0)
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    private Map<String, BigDecimal> acceptedSumByUnit(int year, List<String> itemCodes) {
        Map<String, BigDecimal> sums = new HashMap<>();
        List<Object> args = new ArrayList<>();
        args.add(year);
        args.addAll(itemCodes);
        jdbc.query("SELECT s.unit_code, SUM(v.figure) FROM submission s " + Counted.JOIN_UNIT
                        + " JOIN submission_value v ON v.submission_id = s.id "
                        + "WHERE s.report_year = ? AND " + Counted.WHERE + " AND v.item_code IN ("
                        + String.join(",", itemCodes.stream().map(c -> "?").toList()) + ") GROUP BY s.unit_code",
                (RowCallbackHandler) rs -> sums.put(rs.getString(1),
                        rs.getBigDecimal(2) == null ? BigDecimal.ZERO : rs.getBigDecimal(2)),
                args.toArray());
        return sums;
    }

    /** How many {@link Counted} submissions of the year carry a finding of this rule. */
    public int acceptedWithFinding(int year, String ruleId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM submission s " + Counted.JOIN_UNIT + " WHERE s.report_year = ? "
                + "AND " + Counted.WHERE + " AND EXISTS (SELECT 1 FROM finding f WHERE f.submission_id = s.id "
                + "AND f.rule_id = ?)", Integer.class, year, ruleId);
    }

    public int findingCount(int year) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM finding f JOIN submission s ON s.id = f.submission_id "
                + "WHERE s.report_year = ?", Integer.class, year);
    }

    /** Every finding of the year, by unit, streamed (a province has many). */
    public void findings(int year, Consumer<FindingRow> handler) {
        jdbc.query("""
                SELECT s.id, s.unit_code, s.file_name, s.version, s.status, f.sheet_name, f.cell_ref, f.rule_id, f.severity,
                       f.message, """ + Explained.EXPLANATION_OF_F + ", " + Reviewed.CLEARED_OF_F + """

                FROM finding f JOIN submission s ON s.id = f.submission_id
                WHERE s.report_year = ?
                ORDER BY s.unit_code, s.id, f.seq""",
                (RowCallbackHandler) rs -> handler.accept(new FindingRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4, Integer.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9),
                        Reviewed.message(Explained.message(rs.getString(10), rs.getString(11)), rs.getString(12)))),
                year);
    }

    /**
     * The stored figures of the given submissions, by submission id and item code (a submission
     * without stored figures, an all-zero report, is absent). Looked up by the submissions' primary
     * key: selecting by unit codes made the database test every accepted submission of the year
     * against the whole list, page after page (quadratic in the number of units); the ids are written
     * into the statement ({@link #idList}).
     */
    public Map<Long, Map<String, BigDecimal>> figures(Collection<Long> submissionIds) {
        Map<Long, Map<String, BigDecimal>> figures = new HashMap<>();
        if (submissionIds.isEmpty()) {
            return figures;
        }
        jdbc.query("SELECT submission_id, item_code, figure FROM submission_value WHERE submission_id IN "
                        + idList(submissionIds),
                (RowCallbackHandler) rs -> {
                    BigDecimal figure = rs.getBigDecimal(3);
                    if (figure != null) {
                        figures.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), figure);
                    }
                });
        return figures;
    }

    /**
     * The traceability query: every non-zero figure of a {@link Counted} submission, with the unit,
     * version, file, fingerprint and source cell it came from (zero figures add nothing), one
     * submission after the other in unit order. Derived items are not told apart here: joining
     * the form's items made MySQL drive the query from the item index, one random lookup per
     * stored figure (minutes at 10 000 units); the caller knows the form.
     */
    public void trace(int year, Consumer<TraceRow> handler) {
        record Source(long id, String unitCode, int version, String fileName, String sha256) {
        }
        record Figure(String itemCode, String sheet, String cell, BigDecimal figure) {
        }
        List<Source> submissions = jdbc.query("SELECT s.id, s.unit_code, s.version, s.file_name, s.sha256 FROM submission s "
                        + Counted.JOIN_UNIT + " WHERE s.report_year = ? AND " + Counted.WHERE + " ORDER BY s.unit_code, s.id",
                (rs, i) -> new Source(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)),
                year);
        // The figures a page of submissions at a time, by primary key: ordering every figure of the year
        // by unit made the database sort them all in memory first (a quarter of a million at 10 000 units).
        for (int from = 0; from < submissions.size(); from += TRACE_PAGE) {
            List<Source> page = submissions.subList(from, Math.min(submissions.size(), from + TRACE_PAGE));
            Map<Long, List<Figure>> figures = new HashMap<>();
            jdbc.query("SELECT submission_id, item_code, source_sheet, source_cell, figure FROM submission_value "
                            + "WHERE submission_id IN " + idList(page.stream().map(Source::id).toList()) + " AND figure <> 0",
                    (RowCallbackHandler) rs -> figures.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new Figure(rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5))));
            for (Source s : page) {
                for (Figure f : figures.getOrDefault(s.id(), List.of())) {
                    handler.accept(new TraceRow(f.itemCode(), s.unitCode(), s.version(), s.fileName(), s.sha256(),
                            f.sheet(), f.cell(), f.figure()));
                }
            }
        }
    }

    /** Submissions whose figures {@link #trace} reads in one query. */
    private static final int TRACE_PAGE = 500;

    /**
     * Submission ids written into a statement as {@code (1,2,3)}, not bound: H2 tests each row it
     * fetches against a list of parameters one by one, against a list of numbers in a hash set. They
     * are numbers from the database, so nothing in them can change the statement.
     */
    private static String idList(Collection<Long> ids) {
        StringJoiner list = new StringJoiner(",", "(", ")");
        ids.forEach(id -> list.add(Long.toString(id)));
        return list.toString();
    }
}
