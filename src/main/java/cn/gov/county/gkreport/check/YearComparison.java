package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.read.FigureCell;

/**
 * A unit's figures of this year and of its accepted report of last year, side by side, with every
 * total recomputed on both sides (a typed total is T3-ROW's business, not a change between years).
 */
record YearComparison(Map<String, BigDecimal> now, Map<String, BigDecimal> last) {

    /**
     * Empty without last year's accepted report, for the county's own totals, and when a figure is
     * unreadable (the file is rejected for TYPE; a comparison would only add noise).
     */
    static Optional<YearComparison> of(CheckContext context) {
        if (context.scope() != CheckContext.Scope.UNIT_SUBMISSION || context.previousYear().isEmpty()
                || !context.content().figures().values().stream().allMatch(FigureCell::readable)) {
            return Optional.empty();
        }
        Map<String, BigDecimal> inputs = new LinkedHashMap<>();
        for (FormItem item : context.form().items()) {
            inputs.put(item.code(), context.value(item.code()));
        }
        return Optional.of(new YearComparison(context.form().withDerivedTotals(inputs),
                context.form().withDerivedTotals(context.previousYear().get())));
    }
}
