package cn.gov.county.gkreport.form;

import java.util.List;

/**
 * A supplementary statistic of the narrative part (总体情况), collected so the county can add it up.
 *
 * @param sumOf  codes of the indicators it totals (checked by N-SUM), empty when none
 * @param atMost code of an indicator it may not exceed (回复 ≤ 收到), or {@code null}
 */
public record Indicator(String code, String label, String unit, ValueType type, List<String> sumOf, String atMost) {

    public Indicator {
        sumOf = sumOf == null ? List.of() : List.copyOf(sumOf);
    }

    public String itemCode() {
        return itemCode(code);
    }

    public static String itemCode(String indicatorCode) {
        return "N." + indicatorCode;
    }
}
