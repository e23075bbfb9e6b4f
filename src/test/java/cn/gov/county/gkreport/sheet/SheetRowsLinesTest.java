package cn.gov.county.gkreport.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Row heights of wrapped text: Chinese characters take two width units, letters and digits one. */
class SheetRowsLinesTest {

    @Test
    void countsChineseAsTwoUnitsAndTheRestAsOne() {
        assertThat(SheetRows.linesOf("", 30)).isEqualTo(1);
        assertThat(SheetRows.linesOf("一".repeat(14), 30)).isEqualTo(1); // 28 units in 28 per line
        assertThat(SheetRows.linesOf("一".repeat(15), 30)).isEqualTo(2);
        assertThat(SheetRows.linesOf("J28".repeat(9), 30)).isEqualTo(1); // 27 units
        assertThat(SheetRows.linesOf("D07-县司法局-2024年政府信息公开年报.xlsx", 30)).isEqualTo(2);
    }

    @Test
    void startsALineAtEachLineBreakAndStopsAtTheTallestRowExcelHolds() {
        assertThat(SheetRows.linesOf("第一行\n第二行\n", 30)).isEqualTo(3);
        assertThat(SheetRows.linesOf("一".repeat(2000), 30)).isEqualTo(27);
    }
}
