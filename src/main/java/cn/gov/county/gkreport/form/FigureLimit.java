package cn.gov.county.gkreport.form;

import java.math.BigDecimal;
import java.util.List;

/**
 * How large a kind of figure can plausibly be, from the form definition's {@code limits} section.
 *
 * @param items     item codes, {@code *} matching the rest of a code ({@code T3.*})
 * @param unit      the money unit an amount is reported in (元, 万元), or {@code null} for counts
 * @param max       above this no county unit can be (a phone number typed into a count): an error
 * @param warnAbove above this the figure is suspicious (元 typed into a 万元 cell), or {@code null}
 * @param warnRule  the rule id of that warning (T2-FEE-MAG), or {@code null}
 */
public record FigureLimit(List<String> items, String unit, BigDecimal max, BigDecimal warnAbove, String warnRule) {

    public FigureLimit {
        items = List.copyOf(items);
    }

    public boolean covers(String code) {
        return ItemPatterns.matches(items, code);
    }
}
