package cn.gov.county.gkreport.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import cn.gov.county.gkreport.form.ValueType;

import org.junit.jupiter.api.Test;

/** How figures and year-over-year changes are worded. */
class NumbersTest {

    private static String change(String current, String previous, String unit, ValueType type) {
        return Numbers.change(new BigDecimal(current), new BigDecimal(previous), unit, type);
    }

    @Test
    void wordsAnIncreaseADecreaseAndNoChange() {
        assertThat(change("780", "750", "件", ValueType.COUNT)).isEqualTo("，比上年增加30件、增长4.0%");
        assertThat(change("6948", "7000", "件", ValueType.COUNT)).isEqualTo("，比上年减少52件、下降0.7%");
        assertThat(change("23", "23", "件", ValueType.COUNT)).isEqualTo("，与上年持平");
    }

    @Test
    void saysLastYearWasZeroInsteadOfAPercentage() {
        assertThat(change("5", "0", "件", ValueType.COUNT)).isEqualTo("，比上年增加5件（上年为0）");
    }

    @Test
    void printsAmountsWithTwoDecimals() {
        assertThat(Numbers.format(new BigDecimal("6360.3"), ValueType.AMOUNT)).isEqualTo("6360.30");
        assertThat(Numbers.format(new BigDecimal("6948.00"), ValueType.COUNT)).isEqualTo("6948");
        assertThat(change("6360.31", "6000.00", "万元", ValueType.AMOUNT)).isEqualTo("，比上年增加360.31万元、增长6.0%");
    }
}
