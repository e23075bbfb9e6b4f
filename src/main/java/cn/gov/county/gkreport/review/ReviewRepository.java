package cn.gov.county.gkreport.review;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The review's data: the versions and findings a reviewer decides on, the decisions in effect and
 * their history, and what a decision changes (a returned version's status and its REVIEW finding).
 */
@Repository
public class ReviewRepository {

    /** The rule under which a return is listed with the version's findings. */
    public static final String RETURN_RULE = "REVIEW";

    /** A unit's version, as the review lists it. */
    public record Version(long submissionId, String unitCode, int version, String status, String fileName,
                          String receivedAt, int errors, int warnings) {
    }

    /** A finding of a unit's version (not the review's own). */
    public record FindingLine(long submissionId, String unitCode, int version, String status, String ruleId,
                              String severity, String sheet, String cell, String message) {

        public ReviewTarget target() {
            return ReviewTarget.finding(unitCode, version, ruleId, sheet, cell);
        }
    }

    /** A decision as recorded. */
    public record Recorded(long id, long submissionId, ReviewDecision decision, LocalDateTime recordedAt,
                           LocalDateTime withdrawnAt) {
    }

    private final JdbcTemplate jdbc;

    public ReviewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every version of a roster unit of the year, by unit and version. */
    public List<Version> versions(int year) {
        return jdbc.query("""
                SELECT s.id, s.unit_code, s.version, s.status, s.file_name, s.received_at,
                       (SELECT COUNT(*) FROM finding f WHERE f.submission_id = s.id AND f.severity = 'ERROR'
                          AND f.rule_id <> 'REVIEW'),
                       (SELECT COUNT(*) FROM finding f WHERE f.submission_id = s.id AND f.severity = 'WARNING')
                FROM submission s WHERE s.report_year = ? AND s.unit_code IS NOT NULL AND s.version IS NOT NULL
                ORDER BY s.unit_code, s.version""",
                (rs, i) -> new Version(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toLocalDateTime().withNano(0).toString().replace('T', ' '), rs.getInt(7),
                        rs.getInt(8)), year);
    }

    /** Every finding of the year's unit versions, except the review's own returns, in checker order. */
    public List<FindingLine> findings(int year) {
        return jdbc.query("""
                SELECT s.id, s.unit_code, s.version, s.status, f.rule_id, f.severity, f.sheet_name, f.cell_ref, f.message
                FROM finding f JOIN submission s ON s.id = f.submission_id
                WHERE s.report_year = ? AND s.unit_code IS NOT NULL AND s.version IS NOT NULL AND f.rule_id <> 'REVIEW'
                ORDER BY s.unit_code, s.version, f.seq""",
                (rs, i) -> new FindingLine(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)), year);
    }

    /** The decisions in effect (not withdrawn), one per target. */
    public Map<ReviewTarget, Recorded> inEffect(int year) {
        Map<ReviewTarget, Recorded> decisions = new LinkedHashMap<>();
        for (Recorded r : query("WHERE d.report_year = ? AND d.withdrawn_at IS NULL ORDER BY d.id", year)) {
            decisions.put(r.decision().target(), r);
        }
        return decisions;
    }

    /** Every decision of the year, withdrawn ones too, oldest first: who decided what, and when. */
    public List<Recorded> history(int year) {
        return query("WHERE d.report_year = ? ORDER BY s.unit_code, s.version, d.id", year);
    }

    private List<Recorded> query(String where, int year) {
        return jdbc.query("""
                SELECT d.id, d.submission_id, s.unit_code, s.version, d.rule_id, d.sheet_name, d.cell_ref, d.decision,
                       d.reason, d.reviewer, d.decided_on, d.recorded_at, d.withdrawn_at
                FROM review_decision d JOIN submission s ON s.id = d.submission_id
                """ + where, ReviewRepository::recorded, year);
    }

    private static Recorded recorded(ResultSet rs, int row) throws SQLException {
        String rule = rs.getString(5);
        ReviewTarget target = rule == null ? ReviewTarget.version(rs.getString(3), rs.getInt(4))
                : ReviewTarget.finding(rs.getString(3), rs.getInt(4), rule, rs.getString(6), rs.getString(7));
        Timestamp withdrawn = rs.getTimestamp(13);
        return new Recorded(rs.getLong(1), rs.getLong(2), new ReviewDecision(target, Decision.valueOf(rs.getString(8)),
                rs.getString(9), rs.getString(10), rs.getString(11)), rs.getTimestamp(12).toLocalDateTime(),
                withdrawn == null ? null : withdrawn.toLocalDateTime());
    }

    /** Records a decision and returns its id (the generated key: no second query that could name another row). */
    public long record(int year, long submissionId, ReviewDecision d, long executionId, LocalDateTime now) {
        ReviewTarget t = d.target();
        Object[] values = {year, submissionId, t.ruleId(), t.sheet(), t.cell(), d.decision().name(), cut(d.reason(), 1000),
            cut(d.reviewer(), 100), cut(d.decidedOn(), 32), Timestamp.valueOf(now), executionId};
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO review_decision (report_year, submission_id, rule_id, sheet_name, cell_ref, decision, reason,
                        reviewer, decided_on, recorded_at, recorded_by_execution)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            new ArgumentPreparedStatementSetter(values).setValues(ps);
            return ps;
        }, keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    public void withdraw(long decisionId, long executionId, LocalDateTime now) {
        jdbc.update("UPDATE review_decision SET withdrawn_at = ?, withdrawn_by_execution = ? WHERE id = ? "
                + "AND withdrawn_at IS NULL", Timestamp.valueOf(now), executionId, decisionId);
    }

    /** The ids of the year's RETURNED versions. */
    public List<Long> returned(int year) {
        return jdbc.queryForList("SELECT id FROM submission WHERE report_year = ? AND status = 'RETURNED'", Long.class, year);
    }

    /** Returns an accepted version: it counts as rejected, with the reviewer's reason as its REVIEW finding. */
    public boolean returnVersion(long submissionId, String message) {
        if (jdbc.update("UPDATE submission SET status = 'RETURNED' WHERE id = ? AND status = 'ACCEPTED'", submissionId) == 0) {
            return false;
        }
        setReturnFinding(submissionId, message);
        return true;
    }

    /** The REVIEW finding of a returned version says the reason in effect (a changed reason replaces it). */
    public void setReturnFinding(long submissionId, String message) {
        jdbc.update("DELETE FROM finding WHERE submission_id = ? AND rule_id = ?", submissionId, RETURN_RULE);
        Integer seq = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) + 1 FROM finding WHERE submission_id = ?",
                Integer.class, submissionId);
        jdbc.update("INSERT INTO finding (submission_id, seq, rule_id, severity, reason_code, sheet_name, cell_ref, message) "
                + "VALUES (?, ?, ?, 'ERROR', NULL, '', '', ?)", submissionId, seq, RETURN_RULE, cut(message, 2000));
    }

    /**
     * Undoes a return whose decision was withdrawn: the version counts again, unless a later version
     * of the unit passed the rules meanwhile (then it is superseded, as it would have been).
     */
    public void restore(long submissionId) {
        Map<String, Object> s = jdbc.queryForMap("SELECT unit_code, report_year, version FROM submission WHERE id = ?",
                submissionId);
        Integer later = jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE unit_code = ? AND report_year = ? "
                        + "AND version > ? AND status IN ('ACCEPTED', 'SUPERSEDED', 'RETURNED')", Integer.class,
                s.get("unit_code"), s.get("report_year"), s.get("version"));
        if (later != null && later > 0) {
            jdbc.update("UPDATE submission SET status = 'SUPERSEDED' WHERE id = ? AND status = 'RETURNED'", submissionId);
        } else {
            // one accepted version per unit: an earlier one still counting steps back
            jdbc.update("UPDATE submission SET status = 'SUPERSEDED' WHERE unit_code = ? AND report_year = ? "
                    + "AND status = 'ACCEPTED'", s.get("unit_code"), s.get("report_year"));
            jdbc.update("UPDATE submission SET status = 'ACCEPTED' WHERE id = ? AND status = 'RETURNED'", submissionId);
        }
        jdbc.update("DELETE FROM finding WHERE submission_id = ? AND rule_id = ?", submissionId, RETURN_RULE);
    }

    /**
     * Forgets a version's feedback copy (its findings changed: a return, a cleared warning), so the
     * feedback step writes it again tonight; returns where it was, relative to the feedback folder.
     */
    public Optional<String> forgetFeedbackCopy(long submissionId) {
        Optional<String> path = jdbc.queryForList("SELECT feedback_file FROM submission WHERE id = ?", String.class,
                submissionId).stream().filter(p -> p != null).findFirst();
        jdbc.update("UPDATE submission SET feedback_file = NULL WHERE id = ?", submissionId);
        return path;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
