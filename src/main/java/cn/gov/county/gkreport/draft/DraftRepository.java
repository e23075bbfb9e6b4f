package cn.gov.county.gkreport.draft;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.consolidate.TotalScope;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the draft reads from the database besides the stored county totals. */
@Repository
public class DraftRepository {

    private final JdbcTemplate jdbc;

    public DraftRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The job execution whose county totals of the year are the latest, when the year was consolidated. */
    public Optional<Long> latestConsolidation(int year) {
        return Optional.ofNullable(jdbc.queryForObject(
                "SELECT MAX(job_execution_id) FROM consolidation_run WHERE report_year = ?", Long.class, year));
    }

    /** For every unit that sent anything this year: whether one of its submissions is accepted. */
    public Map<String, Boolean> unitsWithSubmissions(int year) {
        Map<String, Boolean> accepted = new HashMap<>();
        jdbc.query("SELECT unit_code, status FROM submission WHERE report_year = ? AND unit_code IS NOT NULL",
                rs -> {
                    accepted.merge(rs.getString(1), "ACCEPTED".equals(rs.getString(2)), Boolean::logicalOr);
                }, year);
        return accepted;
    }

    /**
     * The stored figures of the accepted submissions of the named units, summed by unit type (a
     * 本级 report of fewer units than the roster). Derived items come along and are recomputed by
     * the caller, as for the county totals.
     */
    public Map<TotalScope, Map<String, BigDecimal>> acceptedInputs(int year, Collection<String> unitCodes) {
        Map<TotalScope, Map<String, BigDecimal>> sums = new EnumMap<>(TotalScope.class);
        if (unitCodes.isEmpty()) {
            return sums;
        }
        String marks = String.join(", ", Collections.nCopies(unitCodes.size(), "?"));
        Object[] arguments = new Object[unitCodes.size() + 1];
        arguments[0] = year;
        List<String> codes = List.copyOf(unitCodes);
        for (int i = 0; i < codes.size(); i++) {
            arguments[i + 1] = codes.get(i);
        }
        jdbc.query("SELECT u.unit_type, v.item_code, SUM(v.figure) FROM submission s "
                        + "JOIN reporting_unit u ON u.code = s.unit_code "
                        + "JOIN submission_value v ON v.submission_id = s.id "
                        + "WHERE s.report_year = ? AND s.status = 'ACCEPTED' AND s.unit_code IN (" + marks + ") "
                        + "GROUP BY u.unit_type, v.item_code",
                rs -> {
                    sums.computeIfAbsent(TotalScope.valueOf(rs.getString(1)), s -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getBigDecimal(3));
                }, arguments);
        return sums;
    }
}
