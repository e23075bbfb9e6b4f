package cn.gov.county.gkreport.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the status page reads beyond the workbook's queries: the season's runs and findings by submission. */
@Repository
public class StatusRepository {

    private final JdbcTemplate jdbc;

    public StatusRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How the roster stood after a night's last run. */
    public record Night(LocalDate date, int expected, int accepted, int rejected, int missing) {
    }

    /** A finding as the page lists it. */
    public record PageFinding(String severity, String sheet, String cell, String ruleId, String message) {
    }

    /** The season's nights up to this execution, oldest first: the last run of each calendar day. */
    public List<Night> nights(int year, long upToExecution) {
        Map<LocalDate, Night> byDate = new LinkedHashMap<>();
        jdbc.query("""
                SELECT computed_at, units_expected, units_accepted, units_rejected, units_missing FROM consolidation_run
                WHERE report_year = ? AND job_execution_id <= ? ORDER BY computed_at, job_execution_id""",
                rs -> {
                    LocalDate date = rs.getTimestamp(1).toLocalDateTime().toLocalDate();
                    byDate.put(date, new Night(date, rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                }, year, upToExecution);
        return new ArrayList<>(byDate.values());
    }

    /** The findings of the given submissions, errors first, in the order the checker listed them. */
    public Map<Long, List<PageFinding>> findings(int year, Collection<Long> submissionIds) {
        Map<Long, List<PageFinding>> bySubmission = new HashMap<>();
        if (submissionIds.isEmpty()) {
            return bySubmission;
        }
        jdbc.query("""
                SELECT f.submission_id, f.severity, f.sheet_name, f.cell_ref, f.rule_id, f.message
                FROM finding f JOIN submission s ON s.id = f.submission_id
                WHERE s.report_year = ? ORDER BY f.submission_id, f.severity, f.seq""",
                rs -> {
                    long id = rs.getLong(1);
                    if (submissionIds.contains(id)) {
                        bySubmission.computeIfAbsent(id, k -> new ArrayList<>()).add(new PageFinding(rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }, year);
        return bySubmission;
    }
}
