package cn.gov.county.gkreport.read.grid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeHandlerTest {

    @Test
    void anIndexIsReadAsIntegerReadsItOrIsMinusOne() {
        assertThat(SafeHandler.parseIndex("0")).isZero();
        assertThat(SafeHandler.parseIndex("17")).isEqualTo(17);
        assertThat(SafeHandler.parseIndex("007")).isEqualTo(7);
        assertThat(SafeHandler.parseIndex("999999999")).isEqualTo(999_999_999);
        // past the digits-only path, as Integer reads them
        assertThat(SafeHandler.parseIndex("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(SafeHandler.parseIndex(" 12 ")).isEqualTo(12);
        assertThat(SafeHandler.parseIndex("+5")).isEqualTo(5);
        assertThat(SafeHandler.parseIndex("-0")).isZero();
        // none, negative, too large, not a number
        assertThat(SafeHandler.parseIndex(null)).isEqualTo(-1);
        assertThat(SafeHandler.parseIndex("")).isEqualTo(-1);
        assertThat(SafeHandler.parseIndex("-1")).isEqualTo(-1);
        assertThat(SafeHandler.parseIndex("2147483648")).isEqualTo(-1);
        assertThat(SafeHandler.parseIndex("1e3")).isEqualTo(-1);
        assertThat(SafeHandler.parseIndex("A1")).isEqualTo(-1);
    }
}
