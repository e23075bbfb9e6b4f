package cn.gov.county.gkreport.form;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the plausibility checks look at, from the form definition's {@code plausibility} section:
 * figures that add up but are almost certainly wrong. Item lists are {@link ItemPatterns}.
 *
 * @param yearOnYear     X-YOY: the key totals compared with the unit's accepted report of last year
 * @param factor         X-YOY: a change by more than this factor, up or down, is flagged
 * @param floor          X-YOY: when both years are at most this, a change is noise (also from and to zero)
 * @param sameAsLastYear X-SAME: the items that, all equal to last year's, mean last year's tables were sent
 * @param allZero        ZERO-ALL: the items that, all zero, need the unit's confirmation
 * @param feeNotice      FEE-NOTICE: the item counting fee notices (表三（六）2 总计)
 * @param feesCollected  FEE-NOTICE: the fee items of which at least one is expected when there were notices
 */
public record Plausibility(List<String> yearOnYear, BigDecimal factor, BigDecimal floor, List<String> sameAsLastYear,
                           List<String> allZero, String feeNotice, List<String> feesCollected) {

    /** A form without the section: no plausibility check applies. */
    public static final Plausibility NONE = new Plausibility(List.of(), BigDecimal.ONE, BigDecimal.ZERO, List.of(),
            List.of(), null, List.of());

    public Plausibility {
        yearOnYear = List.copyOf(yearOnYear);
        sameAsLastYear = List.copyOf(sameAsLastYear);
        allZero = List.copyOf(allZero);
        feesCollected = List.copyOf(feesCollected);
    }
}
