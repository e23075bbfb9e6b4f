package cn.gov.county.gkreport.draft;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.consolidate.CountyTotals;
import cn.gov.county.gkreport.consolidate.CountyTotalsRepository;
import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.UnitType;

/**
 * Gathers what a draft is written from. A report of the whole roster takes the county totals
 * stored by a consolidation (this run's, or the year's latest for the {@code draft} command);
 * a 本级 report of named units sums their accepted submissions the same way the county totals
 * are summed, derived totals recomputed by the form.
 */
public class DraftSource {

    private final FormDefinition form;
    private final Roster roster;
    private final DraftSettings settings;
    private final DraftRepository queries;
    private final CountyTotalsRepository totals;

    public DraftSource(FormDefinition form, Roster roster, DraftSettings settings, DraftRepository queries,
                       CountyTotalsRepository totals) {
        this.form = form;
        this.roster = roster;
        this.settings = settings;
        this.queries = queries;
        this.totals = totals;
    }

    /**
     * The data for the year's draft; {@code execution} names the consolidation to take the whole
     * roster's totals from (empty: the year's latest).
     */
    public DraftData gather(int year, Optional<Long> execution) {
        DraftScope scope = DraftScope.of(roster, settings.units(), queries.unitsWithSubmissions(year));
        if (scope.wholeRoster()) {
            long id = execution.or(() -> queries.latestConsolidation(year)).orElseThrow(() -> new IllegalStateException(
                    "数据库中没有 " + year + " 年度的汇总结果，无法生成年度报告草稿。请先运行该年度的汇总（--year=" + year + "）。"));
            CountyTotals current = totals.load(id).orElseThrow(() -> new IllegalStateException(
                    "汇总执行 " + id + " 没有保存全县合计数（汇总未完成）。请重新运行 " + year + " 年度的汇总。"));
            Optional<Map<String, BigDecimal>> previous = queries.latestConsolidation(year - 1).flatMap(totals::load)
                    .filter(t -> t.unitCounts().getOrDefault(TotalScope.COUNTY, 0) > 0)
                    .map(t -> t.of(TotalScope.COUNTY));
            return new DraftData(year, scope, current.figures(), previous);
        }
        Map<TotalScope, Map<String, BigDecimal>> current = withTotals(queries.acceptedInputs(year, scope.coveredCodes()));
        Map<TotalScope, Map<String, BigDecimal>> lastYear = queries.acceptedInputs(year - 1, scope.coveredCodes());
        // Last year counts only when one of the named units had an accepted report then.
        Optional<Map<String, BigDecimal>> previous = lastYear.isEmpty() ? Optional.empty()
                : Optional.of(withTotals(lastYear).get(TotalScope.COUNTY));
        return new DraftData(year, scope, current, previous);
    }

    /** The sums by kind of unit and over all, every derived total recomputed by the form. */
    private Map<TotalScope, Map<String, BigDecimal>> withTotals(Map<TotalScope, Map<String, BigDecimal>> inputs) {
        Map<String, BigDecimal> all = new LinkedHashMap<>();
        inputs.values().forEach(scope -> scope.forEach((code, value) -> all.merge(code, value, BigDecimal::add)));
        Map<TotalScope, Map<String, BigDecimal>> figures = new EnumMap<>(TotalScope.class);
        for (UnitType type : UnitType.values()) {
            TotalScope scope = TotalScope.of(type);
            if (!roster.units(type).isEmpty()) {
                figures.put(scope, form.withDerivedTotals(inputs.getOrDefault(scope, Map.of())));
            }
        }
        figures.put(TotalScope.COUNTY, form.withDerivedTotals(all));
        return figures;
    }
}
