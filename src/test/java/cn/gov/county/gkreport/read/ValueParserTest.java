package cn.gov.county.gkreport.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.read.grid.CellKind;
import cn.gov.county.gkreport.read.grid.GridCell;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers as stored and as typed: digits alone take a shortcut that must read exactly as the general path. */
class ValueParserTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0", "7, 7", "007, 7", "120, 120", "1000000, 1000000", "999999999999999999, 999999999999999999",
            "9999999999999999999, 9999999999999999999", "1.50, 1.5", "6360.31, 6360.31", "1E+3, 1000", "-4, -4",
            "+4, 4", ".5, 0.5"})
    void aStoredNumberReadsAsItsValueWithTheSmallestScale(String stored, String expected) {
        FigureCell figure = ValueParser.parse("X", "表三", new CellRef(0, 0), new GridCell(0, 0, CellKind.NUMBER, stored, null));

        assertThat(figure.reading()).isEqualTo(FigureCell.Reading.NUMBER);
        assertThat(figure.value()).isEqualTo(new BigDecimal(expected)); // equals: the scale too
        assertThat(figure.raw()).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource({"120, 120", "０７, 7", "18件, 18", "'1,234', 1234"})
    void aNumberTypedAsTextReadsTheSame(String typed, String expected) {
        FigureCell figure = ValueParser.parse("X", "表三", new CellRef(0, 0), new GridCell(0, 0, CellKind.TEXT, typed, null));

        assertThat(figure.reading()).isEqualTo(FigureCell.Reading.NUMBER);
        assertThat(figure.value()).isEqualTo(new BigDecimal(expected));
    }
}
