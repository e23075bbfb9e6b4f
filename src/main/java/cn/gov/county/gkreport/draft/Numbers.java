package cn.gov.county.gkreport.draft;

import java.math.BigDecimal;
import java.math.RoundingMode;

import cn.gov.county.gkreport.form.ValueType;

/** How the draft prints figures and comparisons with last year. */
final class Numbers {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Numbers() {
    }

    /** A count as a whole number, an amount with two decimals (6360.31). */
    static String format(BigDecimal value, ValueType type) {
        if (type == ValueType.AMOUNT) {
            return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        return value.setScale(0, RoundingMode.UNNECESSARY).toPlainString();
    }

    /**
     * The comparison with last year as the reports word it: {@code ，比上年增加 12 件、增长 8.5%},
     * {@code ，比上年减少 3 件、下降 20.0%}, {@code ，与上年持平}, or {@code ，比上年增加 5 件（上年为 0）}.
     */
    static String change(BigDecimal current, BigDecimal previous, String unit, ValueType type) {
        int direction = current.compareTo(previous);
        if (direction == 0) {
            return "，与上年持平";
        }
        BigDecimal difference = current.subtract(previous).abs();
        String amount = format(difference, type) + unit;
        if (previous.signum() == 0) {
            return "，比上年增加" + amount + "（上年为0）";
        }
        String percent = difference.multiply(HUNDRED).divide(previous, 1, RoundingMode.HALF_UP).toPlainString() + "%";
        return direction > 0 ? "，比上年增加" + amount + "、增长" + percent : "，比上年减少" + amount + "、下降" + percent;
    }
}
