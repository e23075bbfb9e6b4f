package cn.gov.county.gkreport.consolidate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Aggregates the latest accepted submission of each unit in SQL, and stores and loads the totals
 * of each job execution.
 */
@Repository
public class CountyTotalsRepository {

    private final JdbcTemplate jdbc;

    public CountyTotalsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sums of the stored figures by unit type (a type without accepted submissions is absent). Only
     * {@link Counted} submissions count (accepted, of a unit on the roster), and a unit has at most
     * one of those per year (a newer accepted version supersedes the older one). The sums of derived
     * items come along and are ignored by {@code FormDefinition.withDerivedTotals}; filtering them here
     * with a join on the form's items made MySQL drive the query from the item index (minutes at
     * 10 000 units).
     */
    public Map<TotalScope, Map<String, BigDecimal>> sumAcceptedInputs(int year) {
        Map<TotalScope, Map<String, BigDecimal>> sums = new EnumMap<>(TotalScope.class);
        jdbc.query("""
                SELECT u.unit_type, v.item_code, SUM(v.figure)
                FROM submission s
                """ + Counted.JOIN_UNIT + """

                JOIN submission_value v ON v.submission_id = s.id
                WHERE s.report_year = ? AND\s""" + Counted.WHERE + """

                GROUP BY u.unit_type, v.item_code
                ORDER BY u.unit_type, v.item_code""",
                rs -> {
                    sums.computeIfAbsent(TotalScope.valueOf(rs.getString(1)), s -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getBigDecimal(3));
                }, year);
        return sums;
    }

    public Map<TotalScope, Integer> acceptedUnitCounts(int year) {
        Map<TotalScope, Integer> counts = new EnumMap<>(TotalScope.class);
        jdbc.query("""
                SELECT u.unit_type, COUNT(DISTINCT s.unit_code) FROM submission s
                """ + Counted.JOIN_UNIT + """

                WHERE s.report_year = ? AND\s""" + Counted.WHERE + """

                GROUP BY u.unit_type""",
                rs -> {
                    counts.put(TotalScope.valueOf(rs.getString(1)), rs.getInt(2));
                }, year);
        counts.put(TotalScope.COUNTY, counts.values().stream().mapToInt(Integer::intValue).sum());
        return counts;
    }

    /** Replaces the totals of an execution (a restarted step writes them again, not twice). */
    public void save(CountyTotals totals) {
        jdbc.update("DELETE FROM county_total WHERE job_execution_id = ?", totals.jobExecutionId());
        List<Object[]> rows = new ArrayList<>();
        totals.figures().forEach((scope, figures) -> figures.forEach((code, value) -> rows.add(new Object[] {
                totals.jobExecutionId(), totals.year(), scope.name(), code, value, totals.unitCounts().get(scope)})));
        jdbc.batchUpdate("INSERT INTO county_total (job_execution_id, report_year, scope, item_code, figure, unit_count) "
                + "VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    public Optional<CountyTotals> load(long jobExecutionId) {
        Map<TotalScope, Map<String, BigDecimal>> figures = new EnumMap<>(TotalScope.class);
        Map<TotalScope, Integer> counts = new EnumMap<>(TotalScope.class);
        int[] year = {0};
        jdbc.query("SELECT report_year, scope, item_code, figure, unit_count FROM county_total "
                + "WHERE job_execution_id = ? ORDER BY scope, item_code", rs -> {
                    TotalScope scope = TotalScope.valueOf(rs.getString(2));
                    year[0] = rs.getInt(1);
                    figures.computeIfAbsent(scope, s -> new LinkedHashMap<>()).put(rs.getString(3), rs.getBigDecimal(4));
                    counts.put(scope, rs.getInt(5));
                }, jobExecutionId);
        if (figures.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CountyTotals(jobExecutionId, year[0], figures, counts));
    }
}
