package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The 表三 row totals that T3-ROW finds wrong, with the value each should have (the sum of its
 * applicant columns). A column rule (T3-SUM, T3-BAL) that fails only because of these cells is a
 * consequence: with them repaired it holds, so the cells to change are these, not the column's
 * total (which is right). Without this, the finding told the clerk to change a correct cell.
 */
record RowTotalRepairs(Map<String, BigDecimal> byItem, Map<String, String> cells) {

    static RowTotalRepairs of(CheckContext context) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Map<String, String> cells = new LinkedHashMap<>();
        for (SumMismatch mismatch : SumMismatch.find(context, "T3-ROW")) {
            values.put(mismatch.relation().totalCode(), mismatch.computed());
            cells.put(mismatch.relation().totalCode(), Figures.a1(mismatch.totalCell()));
        }
        return new RowTotalRepairs(values, cells);
    }

    /** The figure as it would be with the wrong row totals corrected. */
    BigDecimal value(CheckContext context, String code) {
        return byItem.getOrDefault(code, context.value(code));
    }

    BigDecimal sum(CheckContext context, List<String> codes) {
        return codes.stream().map(c -> value(context, c)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The repaired items among {@code codes}, in their order. */
    List<String> among(List<String> codes) {
        return codes.stream().filter(byItem::containsKey).toList();
    }

    /** {@code J17、J19、J27}: the cells of the given repaired items. */
    String cellList(List<String> codes) {
        return codes.stream().map(cells::get).collect(Collectors.joining("、"));
    }

    String firstCell(List<String> codes) {
        return cells.get(codes.get(0));
    }
}
