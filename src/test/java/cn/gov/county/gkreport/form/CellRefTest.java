package cn.gov.county.gkreport.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CellRefTest {

    @Test
    void parsesPlainAbsoluteAndLowerCaseReferences() {
        assertThat(CellRef.parse("D12")).isEqualTo(new CellRef(11, 3));
        assertThat(CellRef.parse("$D$12")).isEqualTo(new CellRef(11, 3));
        assertThat(CellRef.parse("d$12")).isEqualTo(new CellRef(11, 3));
        assertThat(CellRef.parse("A1")).isEqualTo(new CellRef(0, 0));
        assertThat(CellRef.parse("XFD1048576")).isEqualTo(new CellRef(CellRef.MAX_ROWS - 1, CellRef.MAX_COLUMNS - 1));
    }

    @Test
    void refusesWhatIsNotAReferenceInsideExcelsGrid() {
        for (String notOne : new String[] {"", "D", "12", "A0", "XFE1", "A1048577", "AAAA1", "A12345678", "D12x",
                " D12", "D 12", "$$D12", "D$$12", "Sheet1!D12", "D-1"}) {
            assertThat(CellRef.parseOrNull(notOne)).as(notOne).isNull();
        }
        assertThatThrownBy(() -> CellRef.parse("A0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsWhatItParses() {
        for (String a1 : new String[] {"A1", "Z9", "AA10", "AZ100", "XFD1048576"}) {
            assertThat(CellRef.parse(a1).a1()).isEqualTo(a1);
        }
    }
}
