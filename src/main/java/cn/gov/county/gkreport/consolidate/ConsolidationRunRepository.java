package cn.gov.county.gkreport.consolidate;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Run records: one per job execution that consolidated. */
@Repository
public class ConsolidationRunRepository {

    private final JdbcTemplate jdbc;

    public ConsolidationRunRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts the roster: units with an accepted submission, with only rejected ones, with none. */
    public ConsolidationRun count(Roster roster, int year, long jobExecutionId, LocalDateTime computedAt) {
        Map<String, Boolean> hasAccepted = new HashMap<>();
        jdbc.query("SELECT unit_code, status FROM submission WHERE report_year = ? AND unit_code IS NOT NULL",
                rs -> {
                    hasAccepted.merge(rs.getString(1), "ACCEPTED".equals(rs.getString(2)), Boolean::logicalOr);
                }, year);
        int accepted = 0;
        int rejected = 0;
        int missing = 0;
        for (RosterUnit unit : roster.units()) {
            Boolean state = hasAccepted.get(unit.code());
            if (state == null) {
                missing++;
            } else if (state) {
                accepted++;
            } else {
                rejected++;
            }
        }
        return new ConsolidationRun(jobExecutionId, year, computedAt, roster.units().size(), accepted, rejected, missing,
                null);
    }

    public void save(ConsolidationRun run) {
        jdbc.update("DELETE FROM consolidation_run WHERE job_execution_id = ?", run.jobExecutionId());
        jdbc.update("INSERT INTO consolidation_run (job_execution_id, report_year, computed_at, units_expected, "
                        + "units_accepted, units_rejected, units_missing, workbook_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                run.jobExecutionId(), run.year(), Timestamp.valueOf(run.computedAt()), run.expected(), run.accepted(),
                run.rejected(), run.missing(), run.workbookPath());
    }

    public void recordWorkbook(long jobExecutionId, String path) {
        jdbc.update("UPDATE consolidation_run SET workbook_path = ? WHERE job_execution_id = ?", path, jobExecutionId);
    }

    public Optional<ConsolidationRun> find(long jobExecutionId) {
        return jdbc.query("SELECT * FROM consolidation_run WHERE job_execution_id = ?", (rs, i) -> new ConsolidationRun(
                rs.getLong("job_execution_id"), rs.getInt("report_year"),
                rs.getTimestamp("computed_at").toLocalDateTime(), rs.getInt("units_expected"),
                rs.getInt("units_accepted"), rs.getInt("units_rejected"), rs.getInt("units_missing"),
                rs.getString("workbook_path")), jobExecutionId).stream().findFirst();
    }
}
