package cn.gov.county.gkreport.consolidate;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The county's figures for one year as computed by one job execution: every item of the form for
 * each {@link TotalScope}, derived totals recomputed from the inputs, and how many units each
 * scope adds up.
 */
public record CountyTotals(long jobExecutionId, int year, Map<TotalScope, Map<String, BigDecimal>> figures,
                           Map<TotalScope, Integer> unitCounts) {

    public CountyTotals {
        figures = new EnumMap<>(figures);
        unitCounts = new EnumMap<>(unitCounts);
    }

    public Map<String, BigDecimal> of(TotalScope scope) {
        return figures.get(scope);
    }

    public BigDecimal figure(TotalScope scope, String code) {
        return figures.get(scope).getOrDefault(code, BigDecimal.ZERO);
    }
}
