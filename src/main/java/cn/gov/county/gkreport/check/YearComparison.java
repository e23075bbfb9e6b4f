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
     * Empty without last year's accepted report, for the county's own totals, and when the figures
     * cannot be trusted as a whole (see {@link #complete}).
     */
    static Optional<YearComparison> of(CheckContext context) {
        if (context.scope() != CheckContext.Scope.UNIT_SUBMISSION || context.previousYear().isEmpty()
                || !complete(context)) {
            return Optional.empty();
        }
        return Optional.of(new YearComparison(recomputed(context),
                context.form().withDerivedTotals(context.previousYear().get())));
    }

    /**
     * Whether every table was found and every figure read: otherwise the file is rejected for SHAPE
     * or TYPE, and a missing table read as zeros would only add noise to a plausibility check.
     */
    static boolean complete(CheckContext context) {
        return context.content().problems().isEmpty()
                && context.content().figures().values().stream().allMatch(FigureCell::readable);
    }

    /** The workbook's figures with every total recomputed from its parts (unreadable figures count as 0). */
    static Map<String, BigDecimal> recomputed(CheckContext context) {
        Map<String, BigDecimal> inputs = new LinkedHashMap<>();
        for (FormItem item : context.form().items()) {
            inputs.put(item.code(), context.value(item.code()));
        }
        return context.form().withDerivedTotals(inputs);
    }
}
