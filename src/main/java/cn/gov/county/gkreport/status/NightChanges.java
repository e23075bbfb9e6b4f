package cn.gov.county.gkreport.status;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What tonight's run changed against the previous consolidation of the same year: units whose
 * standing or counted version moved, and county figures with old → new values. Worked out from
 * what is stored — each submission keeps the execution that processed it, and {@code county_total}
 * keeps every run's figures — so it needs no state of its own and is right after a restart too.
 */
@Component
public class NightChanges {

    /** A unit whose standing changed: labels such as 未报送, 未通过（第1版）, 已接收（第2版）. */
    public record UnitChange(String code, String name, String before, String after) {
    }

    /** A county figure that changed, described as the clerk reads the form. */
    public record FigureChange(String code, String label, BigDecimal before, BigDecimal after) {
    }

    /**
     * @param previousRunAt when the previous consolidation of the year ran; empty on the first
     */
    public record Changes(Optional<LocalDateTime> previousRunAt, List<UnitChange> units, List<FigureChange> figures) {

        public boolean firstRun() {
            return previousRunAt.isEmpty();
        }

        public boolean none() {
            return !firstRun() && units.isEmpty() && figures.isEmpty();
        }
    }

    private record Processed(String unitCode, int version, String status, long execution) {
    }

    private final JdbcTemplate jdbc;
    private final Roster roster;
    private final FormDefinition form;

    public NightChanges(JdbcTemplate jdbc, Roster roster, FormDefinition form) {
        this.jdbc = jdbc;
        this.roster = roster;
        this.form = form;
    }

    public Changes since(int year, long executionId) {
        // read with getTimestamp: the MySQL driver hands DATETIME to getObject as LocalDateTime, H2 as Timestamp
        List<Map.Entry<Long, LocalDateTime>> previous = jdbc.query("""
                SELECT job_execution_id, computed_at FROM consolidation_run
                WHERE report_year = ? AND job_execution_id < ? ORDER BY job_execution_id DESC LIMIT 1""",
                (rs, i) -> Map.entry(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime()), year, executionId);
        if (previous.isEmpty()) {
            return new Changes(Optional.empty(), List.of(), List.of());
        }
        long before = previous.get(0).getKey();
        return new Changes(Optional.of(previous.get(0).getValue()), unitChanges(year, before, executionId),
                figureChanges(before, executionId));
    }

    private List<UnitChange> unitChanges(int year, long before, long now) {
        Map<String, List<Processed>> byUnit = new HashMap<>();
        jdbc.query("""
                SELECT unit_code, version, status, processed_by_execution FROM submission
                WHERE report_year = ? AND unit_code IS NOT NULL AND processed_by_execution IS NOT NULL""",
                rs -> {
                    Processed p = new Processed(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4));
                    byUnit.computeIfAbsent(p.unitCode(), c -> new ArrayList<>()).add(p);
                }, year);
        List<UnitChange> changes = new ArrayList<>();
        for (RosterUnit unit : roster.units()) {
            List<Processed> own = byUnit.getOrDefault(unit.code(), List.of());
            String then = standingAt(own, before);
            String tonight = standingAt(own, now);
            if (!then.equals(tonight)) {
                changes.add(new UnitChange(unit.code(), unit.name(), then, tonight));
            }
        }
        return changes;
    }

    /**
     * The unit's standing as the run of {@code execution} saw it: the highest version accepted by
     * then (a SUPERSEDED version was accepted until a newer one was), else its latest rejected one.
     */
    private static String standingAt(List<Processed> own, long execution) {
        int accepted = 0;
        int rejected = 0;
        for (Processed p : own) {
            if (p.execution() > execution) {
                continue;
            }
            if (p.status().equals("ACCEPTED") || p.status().equals("SUPERSEDED")) {
                accepted = Math.max(accepted, p.version());
            } else {
                rejected = Math.max(rejected, p.version());
            }
        }
        if (accepted > 0) {
            return "已接收（第" + accepted + "版）";
        }
        return rejected > 0 ? "未通过（第" + rejected + "版）" : "未报送";
    }

    private List<FigureChange> figureChanges(long before, long now) {
        Map<String, BigDecimal> then = countyFigures(before);
        Map<String, BigDecimal> tonight = countyFigures(now);
        TreeSet<String> codes = new TreeSet<>(form.itemOrder());
        codes.addAll(then.keySet());
        codes.addAll(tonight.keySet());
        List<FigureChange> changes = new ArrayList<>();
        for (String code : codes) {
            BigDecimal a = then.getOrDefault(code, BigDecimal.ZERO);
            BigDecimal b = tonight.getOrDefault(code, BigDecimal.ZERO);
            if (a.compareTo(b) != 0) {
                changes.add(new FigureChange(code, form.item(code).describe(), a, b));
            }
        }
        return changes;
    }

    private Map<String, BigDecimal> countyFigures(long execution) {
        Map<String, BigDecimal> figures = new HashMap<>();
        jdbc.query("SELECT item_code, figure FROM county_total WHERE job_execution_id = ? AND scope = 'COUNTY'",
                rs -> {
                    figures.put(rs.getString(1), rs.getBigDecimal(2));
                }, execution);
        return figures;
    }
}
