package cn.gov.county.gkreport.draft;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.consolidate.TotalScope;

/**
 * What a draft is written from: the year, the units it covers, this year's figures (the total
 * and a subtotal per kind of unit) and last year's total when it is in the database.
 */
public record DraftData(int year, DraftScope scope, Map<TotalScope, Map<String, BigDecimal>> figures,
                        Optional<Map<String, BigDecimal>> previousYear) {

    public DraftData {
        figures = Map.copyOf(figures);
    }

    public Map<String, BigDecimal> total() {
        return figures.get(TotalScope.COUNTY);
    }

    public BigDecimal sum(TotalScope scope, List<String> codes) {
        Map<String, BigDecimal> values = figures.getOrDefault(scope, Map.of());
        return codes.stream().map(c -> values.getOrDefault(c, BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Optional<BigDecimal> previousSum(List<String> codes) {
        return previousYear.map(values -> codes.stream().map(c -> values.getOrDefault(c, BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
