package cn.gov.county.gkreport.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.gov.county.gkreport.CountyClock;
import cn.gov.county.gkreport.check.Assessment;
import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.intake.IncomingFile;
import cn.gov.county.gkreport.read.Explanation;
import cn.gov.county.gkreport.read.FigureCell;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Submissions, their figures and findings. A new file is registered as RECEIVED; its assessment
 * is then recorded in one go: version, status, figures, findings, and the supersession of the
 * unit's previously accepted version.
 */
@Repository
public class SubmissionRepository {

    private static final int RAW_TEXT_LIMIT = 200;

    private final JdbcTemplate jdbc;

    public SubmissionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isKnown(int year, String sha256) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE report_year = ? AND sha256 = ?",
                Integer.class, year, sha256);
        return count != null && count > 0;
    }

    /** Which of these fingerprints are already registered for the year (one query for a chunk of files). */
    public Set<String> known(int year, Collection<String> sha256s) {
        if (sha256s.isEmpty()) {
            return Set.of();
        }
        // Pairs, not "report_year = ? AND sha256 IN (…)": H2 uses only the year of uq_submission_file
        // for the latter and reads the whole year for every chunk; all three use the index for pairs.
        String pairs = String.join(", ", Collections.nCopies(sha256s.size(), "(?, ?)"));
        List<Object> args = new ArrayList<>();
        sha256s.forEach(sha256 -> {
            args.add(year);
            args.add(sha256);
        });
        return new HashSet<>(jdbc.queryForList("SELECT sha256 FROM submission WHERE (report_year, sha256) IN ("
                + pairs + ")", String.class, args.toArray()));
    }

    /** A new file to register as RECEIVED. */
    public record Registration(IncomingFile file, String source, LocalDateTime receivedAt) {
    }

    /** Registers new files in one batch, in the given order (their ids are their arrival order). */
    public void register(List<Registration> files, int year, long executionId) {
        if (files.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (Registration r : files) {
            IncomingFile file = r.file();
            rows.add(new Object[] {year, r.source(), file.path().toAbsolutePath().normalize().toString(),
                    file.fileName(), file.sha256(), file.size(), Timestamp.valueOf(r.receivedAt()),
                    Timestamp.valueOf(LocalDateTime.ofInstant(file.modifiedAt(), CountyClock.ZONE)), executionId});
        }
        jdbc.batchUpdate("""
                INSERT INTO submission (report_year, status, source, source_path, file_name, sha256, size_bytes,
                                        received_at, file_modified_at, registered_by_execution)
                VALUES (?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /**
     * Stores the assessments of an import chunk, in order. Runs inside the chunk's transaction, so a
     * submission's status, figures and findings commit together or not at all. Versions continue
     * per unit from what is stored, in the chunk's (arrival) order; an accepted submission
     * supersedes the unit's accepted one, stored or earlier in the chunk. A few statements per
     * chunk, whatever its size: on MySQL each statement is a round trip.
     */
    public void recordOutcomes(List<? extends Assessment> assessments, int year, long executionId,
                               LocalDateTime processedAt) {
        Stored stored = stored(year, assessments);
        Map<String, Integer> versions = stored.lastVersions();
        Map<String, Long> lastAccepted = new HashMap<>();
        for (Assessment assessment : assessments) {
            if (assessment.accepted() && assessment.unit().isPresent()) {
                lastAccepted.put(assessment.unit().get().code(), assessment.submissionId());
            }
        }
        List<Object[]> outcomes = new ArrayList<>();
        List<Object[]> values = new ArrayList<>();
        List<Object[]> findings = new ArrayList<>();
        List<Object[]> explanations = new ArrayList<>();
        for (Assessment assessment : assessments) {
            String unitCode = assessment.unit().map(u -> u.code()).orElse(null);
            Integer version = unitCode == null ? null : versions.merge(unitCode, 1, Integer::sum);
            SubmissionStatus status = !assessment.accepted() ? SubmissionStatus.REJECTED
                    : unitCode == null || Objects.equals(lastAccepted.get(unitCode), assessment.submissionId())
                    ? SubmissionStatus.ACCEPTED
                    : SubmissionStatus.SUPERSEDED; // a newer file of the unit in this chunk was accepted too
            outcomes.add(new Object[] {unitCode, version, status.name(), blankToNull(assessment.fileFormat()),
                    truncate(assessment.formVersion(), 32), truncate(assessment.contact(), 100),
                    truncate(assessment.phone(), 50), executionId, Timestamp.valueOf(processedAt),
                    assessment.submissionId(), year});
            addRows(assessment, values, findings);
            int seq = 1;
            for (Explanation explanation : assessment.explanations()) {
                explanations.add(new Object[] {assessment.submissionId(), seq++, truncate(explanation.ruleId(), 16),
                        truncate(explanation.cell(), 16), truncate(explanation.text(), Explanation.MAX_TEXT)});
            }
        }
        // the units' accepted versions stored so far step back before this chunk's outcomes go in; by
        // primary key: H2 planned "unit and year and ACCEPTED" over the status index, every accepted
        // submission of the year read per unit (quadratic: most of a 10 000-unit import's writing)
        List<Object[]> superseded = lastAccepted.keySet().stream().map(stored.acceptedIds()::get)
                .filter(Objects::nonNull).flatMap(List::stream).map(id -> new Object[] {id}).toList();
        if (!superseded.isEmpty()) {
            jdbc.batchUpdate("UPDATE submission SET status = 'SUPERSEDED' WHERE id = ? AND status = 'ACCEPTED'", superseded);
        }
        jdbc.batchUpdate("""
                UPDATE submission SET unit_code = ?, version = ?, status = ?, file_format = ?, form_version = ?,
                       contact_person = ?, contact_phone = ?, processed_by_execution = ?, processed_at = ?
                WHERE id = ? AND report_year = ? AND status = 'RECEIVED'""", outcomes);
        requireAllRecorded(assessments, year, executionId);
        if (!values.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO submission_value (submission_id, item_code, figure, source_sheet, "
                    + "source_cell, raw_text) VALUES (?, ?, ?, ?, ?, ?)", values);
        }
        if (!findings.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO finding (submission_id, seq, rule_id, severity, reason_code, sheet_name, "
                    + "cell_ref, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", findings);
        }
        if (!explanations.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO submission_explanation (submission_id, seq, rule_id, cell_ref, explanation) "
                    + "VALUES (?, ?, ?, ?, ?)", explanations);
        }
    }

    /**
     * What is stored of the chunk's units: each unit's highest version (0 for a unit without one) and
     * the ids of its accepted submissions (one, or none).
     */
    private record Stored(Map<String, Integer> lastVersions, Map<String, List<Long>> acceptedIds) {
    }

    /** Read by unit and year alone, which the unit-version key answers, whatever a planner makes of a status. */
    private Stored stored(int year, List<? extends Assessment> assessments) {
        Set<String> units = new HashSet<>();
        assessments.forEach(a -> a.unit().ifPresent(u -> units.add(u.code())));
        Map<String, Integer> versions = new HashMap<>();
        Map<String, List<Long>> accepted = new HashMap<>();
        units.forEach(unit -> versions.put(unit, 0));
        if (!units.isEmpty()) {
            List<Object> args = new ArrayList<>(units);
            args.add(year);
            jdbc.query("SELECT unit_code, version, status, id FROM submission WHERE unit_code IN ("
                    + String.join(", ", Collections.nCopies(units.size(), "?")) + ") AND report_year = ?", rs -> {
                        String unit = rs.getString(1);
                        versions.merge(unit, rs.getInt(2), Math::max);
                        if (SubmissionStatus.ACCEPTED.name().equals(rs.getString(3))) {
                            accepted.computeIfAbsent(unit, u -> new ArrayList<>()).add(rs.getLong(4));
                        }
                    }, args.toArray());
        }
        return new Stored(versions, accepted);
    }

    /**
     * Every submission of the chunk must have been RECEIVED and now carry this execution's outcome.
     * Checked by a query, since a rewritten JDBC batch need not report per-row counts.
     */
    private void requireAllRecorded(List<? extends Assessment> assessments, int year, long executionId) {
        List<Object> ids = new ArrayList<>();
        assessments.forEach(a -> ids.add(a.submissionId()));
        List<Object> args = new ArrayList<>(ids);
        args.add(year);
        args.add(executionId);
        Integer recorded = jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") AND report_year = ? "
                + "AND processed_by_execution = ? AND status <> 'RECEIVED'", Integer.class, args.toArray());
        if (recorded == null || recorded != assessments.size()) {
            throw new IllegalStateException("of submissions " + ids + " of " + year + " only " + recorded
                    + " were waiting to be processed");
        }
    }

    private static void addRows(Assessment assessment, List<Object[]> values, List<Object[]> findings) {
        long id = assessment.submissionId();
        for (FigureCell figure : assessment.figures()) {
            if (plainZero(figure)) {
                continue;
            }
            values.add(new Object[] {id, figure.code(), storable(figure.value()), truncate(figure.sheet(), 100),
                    figure.cell() == null ? "" : figure.cell().a1(), truncate(figure.raw(), RAW_TEXT_LIMIT)});
        }
        int seq = 1;
        for (Finding finding : assessment.findings()) {
            String reason = "FILE".equals(finding.ruleId()) ? assessment.unreadable().map(Enum::name).orElse(null) : null;
            findings.add(new Object[] {id, seq++, finding.ruleId(), finding.severity().name(), reason,
                    truncate(finding.sheet(), 100), truncate(finding.cell(), 16), truncate(finding.message(), 2000)});
        }
    }

    /**
     * Figures are stored sparsely: a cell that held the plain number 0 is not stored, because the
     * form defines every item and an item without a row is 0. Most cells of a report are such zeros
     * (about nine in ten), and at province scale they were most of the database's work. Everything
     * else is stored with its source cell and text: non-zero figures, blanks and placeholders read
     * as 0 (IMPLICIT-0), text that is no number.
     */
    static boolean plainZero(FigureCell figure) {
        return figure.reading() == FigureCell.Reading.NUMBER && figure.value() != null && figure.value().signum() == 0;
    }

    /**
     * The stored figures of a unit's accepted submission for a year (for the cross-year rules);
     * items not in the map are 0 (see {@link #plainZero}). Empty when there is no accepted submission.
     */
    public Optional<Map<String, BigDecimal>> acceptedFigures(String unitCode, int year) {
        // by unit and year alone, the status tested here: see recordOutcomes (asked for every workbook read)
        List<Long> accepted = jdbc.query("SELECT id, status FROM submission WHERE unit_code = ? AND report_year = ?",
                (rs, i) -> SubmissionStatus.ACCEPTED.name().equals(rs.getString(2)) ? rs.getLong(1) : null, unitCode, year)
                .stream().filter(Objects::nonNull).toList();
        if (accepted.isEmpty()) {
            return Optional.empty();
        }
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        jdbc.query("SELECT item_code, figure FROM submission_value WHERE submission_id = ? AND figure IS NOT NULL",
                rs -> {
                    figures.put(rs.getString(1), rs.getBigDecimal(2));
                }, accepted.get(0));
        return Optional.of(figures);
    }

    public boolean anyAccepted(int year) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM submission WHERE report_year = ? AND status = 'ACCEPTED'", Integer.class, year);
        return count != null && count > 0;
    }

    /** Files of a year still waiting to be read and checked. */
    public int countReceived(int year) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM submission WHERE report_year = ? AND status = 'RECEIVED'", Integer.class, year);
        return count == null ? 0 : count;
    }

    public Optional<Submission> find(long id) {
        return jdbc.query("SELECT * FROM submission WHERE id = ?", SubmissionRepository::map, id).stream().findFirst();
    }

    /** Every submission of a year, oldest first. */
    public List<Submission> forYear(int year) {
        return jdbc.query("SELECT * FROM submission WHERE report_year = ? ORDER BY id", SubmissionRepository::map, year);
    }

    /**
     * Who sent the mail that first brought this file ("县自然资源局 <zrzy@example.cn>", or the bare
     * address), empty for a file put into the input folder.
     */
    public Optional<String> mailSenderOf(int year, String sha256) {
        return jdbc.query("SELECT m.sender_name, m.sender FROM mail_attachment a "
                        + "JOIN mail_message m ON m.id = a.mail_message_id "
                        + "WHERE a.report_year = ? AND a.sha256 = ? AND a.outcome = 'SAVED' ORDER BY m.received_at, m.id",
                (rs, row) -> rs.getString(1) == null || rs.getString(1).isBlank() ? rs.getString(2)
                        : rs.getString(1) + " <" + rs.getString(2) + ">", year, sha256).stream().findFirst();
    }

    public static Submission map(ResultSet rs, int row) throws SQLException {
        Timestamp processedModified = rs.getTimestamp("file_modified_at");
        return new Submission(rs.getLong("id"), rs.getInt("report_year"), rs.getString("unit_code"),
                (Integer) rs.getObject("version", Integer.class), SubmissionStatus.valueOf(rs.getString("status")),
                rs.getString("source"), rs.getString("source_path"), rs.getString("file_name"), rs.getString("sha256"),
                rs.getLong("size_bytes"), rs.getTimestamp("received_at").toLocalDateTime(),
                processedModified.toLocalDateTime(), rs.getString("file_format"), rs.getString("form_version"),
                rs.getString("contact_person"), rs.getString("contact_phone"));
    }

    /**
     * The figure as DECIMAL(18,2) holds it exactly, or null (the raw text is kept) for a value no
     * count or amount can have: such a submission is rejected by TYPE, and must not fail the run.
     */
    static BigDecimal storable(BigDecimal value) {
        if (value == null || value.scale() > 2 || value.precision() - value.scale() > 16) {
            return null;
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String truncate(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
