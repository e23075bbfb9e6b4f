package cn.gov.county.gkreport.consolidate;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;

/**
 * Computes the county totals: input figures summed in SQL over the latest accepted submission of
 * each unit, split by 镇 and 县直单位, every derived total recomputed from the inputs (never a
 * submitted total), then the result checked with the same in-year rules as a unit's workbook.
 */
public class CountyTotalsCalculator {

    private final FormDefinition form;
    private final Roster roster;
    private final CountyTotalsRepository repository;
    private final CountySelfCheck selfCheck;

    public CountyTotalsCalculator(FormDefinition form, Roster roster, CountyTotalsRepository repository) {
        this.form = form;
        this.roster = roster;
        this.repository = repository;
        this.selfCheck = new CountySelfCheck(form, roster);
    }

    public CountyTotals compute(int year, long jobExecutionId) {
        Map<TotalScope, Map<String, BigDecimal>> inputs = repository.sumAcceptedInputs(year);
        Map<String, BigDecimal> county = new LinkedHashMap<>();
        inputs.values().forEach(scope -> scope.forEach((code, value) -> county.merge(code, value, BigDecimal::add)));
        Map<TotalScope, Map<String, BigDecimal>> figures = new EnumMap<>(TotalScope.class);
        Map<TotalScope, Integer> counts = repository.acceptedUnitCounts(year);
        for (TotalScope scope : TotalScope.of(roster)) {
            figures.put(scope, form.withDerivedTotals(scope == TotalScope.COUNTY ? county
                    : inputs.getOrDefault(scope, Map.of())));
            counts.putIfAbsent(scope, 0);
        }
        CountyTotals totals = new CountyTotals(jobExecutionId, year, figures, counts);
        for (TotalScope scope : figures.keySet()) {
            selfCheck(totals, scope);
        }
        repository.save(totals);
        return totals;
    }

    /** The county's tables must pass every in-year rule; if they do not, the code is wrong. */
    private void selfCheck(CountyTotals totals, TotalScope scope) {
        List<Finding> findings = selfCheck.check(totals.year(), scope.label(roster.countyName()), totals.of(scope));
        if (!findings.isEmpty()) {
            throw new IllegalStateException("county totals (" + scope + ") fail the in-year rules — this is a bug: "
                    + findings);
        }
    }
}
