package cn.gov.county.gkreport.report;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares tonight's run with the previous run of the year: the county figures stored per run
 * ({@code county_total}) and each unit's counting submission then and now. A submission counted
 * "then" if it was processed by the previous run or earlier; of those, the latest that was
 * accepted at the time (now ACCEPTED or SUPERSEDED, or RETURNED by a reviewer since) counted, or
 * else the latest. A unit changed if it sent a file since, or a reviewer's return of one of its
 * versions was recorded or withdrawn since.
 */
final class RunChangeRepository {

    private final JdbcTemplate jdbc;

    RunChangeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Stored(String unitCode, int version, String status, long processedBy, boolean reviewedSince) {

        boolean acceptedThen() {
            return status.equals("ACCEPTED") || status.equals("SUPERSEDED") || (status.equals("RETURNED") && reviewedSince);
        }
    }

    RunChanges changes(FormDefinition form, Roster roster, int year, long execution) {
        List<RunChanges.PreviousRun> previous = jdbc.query("""
                SELECT job_execution_id, computed_at FROM consolidation_run
                WHERE report_year = ? AND job_execution_id < ? ORDER BY job_execution_id DESC LIMIT 1""",
                (rs, i) -> new RunChanges.PreviousRun(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime()
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))), year, execution);
        if (previous.isEmpty()) {
            return new RunChanges(Optional.empty(), List.of(), List.of());
        }
        long before = previous.get(0).executionId();
        return new RunChanges(Optional.of(previous.get(0)), units(roster, year, before), figures(form, before, execution));
    }

    private List<RunChanges.UnitChange> units(Roster roster, int year, long previous) {
        Map<String, List<Stored>> byUnit = new LinkedHashMap<>();
        jdbc.query("""
                SELECT s.unit_code, s.version, s.status, s.processed_by_execution,
                       (SELECT COUNT(*) FROM review_decision d WHERE d.submission_id = s.id AND d.decision = 'RETURN'
                          AND (d.recorded_by_execution > ? OR d.withdrawn_by_execution > ?))
                FROM submission s
                WHERE s.report_year = ? AND s.unit_code IS NOT NULL AND s.version IS NOT NULL
                ORDER BY s.unit_code, s.version""", rs -> {
            byUnit.computeIfAbsent(rs.getString(1), u -> new ArrayList<>()).add(new Stored(rs.getString(1), rs.getInt(2),
                    rs.getString(3), rs.getLong(4), rs.getInt(5) > 0));
        }, previous, previous, year);
        List<RunChanges.UnitChange> changes = new ArrayList<>();
        for (RosterUnit unit : roster.units()) {
            List<Stored> all = byUnit.getOrDefault(unit.code(), List.of());
            if (all.stream().noneMatch(s -> s.processedBy() > previous || s.reviewedSince())) {
                continue;
            }
            Optional<Stored> then = counting(all.stream().filter(s -> s.processedBy() <= previous).toList(), true);
            Optional<Stored> now = counting(all, false);
            if (now.isEmpty()) {
                continue;
            }
            boolean acceptedNow = now.get().status().equals("ACCEPTED");
            boolean acceptedThen = then.isPresent() && then.get().acceptedThen();
            String what;
            if (then.isPresent() && then.get().version() == now.get().version() && acceptedThen != acceptedNow) {
                what = acceptedNow ? "审核撤回退回，重新计入" : "审核退回，不再计入";
            } else if (then.isEmpty()) {
                what = acceptedNow ? "新报送，已接收" : "新报送，未通过";
            } else if (then.get().version() == now.get().version()) {
                what = acceptedNow ? "新版本未通过，仍以原版本计入" : "又报送未通过的新版本";
            } else if (acceptedNow) {
                what = acceptedThen ? "新版本替代原版本" : "已更正，已接收";
            } else {
                what = "又报送未通过的新版本";
            }
            changes.add(new RunChanges.UnitChange(unit.code(), unit.name(), then.map(s -> describe(s, true)).orElse("未报送"),
                    describe(now.get(), false), what));
        }
        return changes;
    }

    /** The counting submission: the latest accepted (then: accepted at the time) one, or the latest. */
    private static Optional<Stored> counting(List<Stored> own, boolean then) {
        Optional<Stored> accepted = own.stream()
                .filter(s -> then ? s.acceptedThen() : s.status().equals("ACCEPTED"))
                .reduce((a, b) -> b);
        return accepted.isPresent() || own.isEmpty() ? accepted : Optional.of(own.get(own.size() - 1));
    }

    private static String describe(Stored s, boolean then) {
        boolean accepted = then ? s.acceptedThen() : s.status().equals("ACCEPTED");
        return "第 " + s.version() + " 版，" + (accepted ? "已接收" : s.status().equals("RETURNED") ? "审核退回" : "未通过");
    }

    private List<RunChanges.FigureChange> figures(FormDefinition form, long previous, long execution) {
        Map<String, BigDecimal> old = new HashMap<>();
        Map<String, BigDecimal> now = new HashMap<>();
        jdbc.query("SELECT job_execution_id, item_code, figure FROM county_total WHERE job_execution_id IN (?, ?) "
                + "AND scope = 'COUNTY'", rs -> {
            (rs.getLong(1) == previous ? old : now).put(rs.getString(2), rs.getBigDecimal(3));
        }, previous, execution);
        List<RunChanges.FigureChange> changes = new ArrayList<>();
        form.items().forEach(item -> {
            BigDecimal a = old.getOrDefault(item.code(), BigDecimal.ZERO);
            BigDecimal b = now.getOrDefault(item.code(), BigDecimal.ZERO);
            if (a.compareTo(b) != 0) {
                changes.add(new RunChanges.FigureChange(item.code(), item.describe(), a, b));
            }
        });
        return changes;
    }
}
