package cn.gov.county.gkreport.read.grid;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The text of a number as a workbook stores it, the same whichever format the unit saved. */
public final class StoredNumbers {

    /** Excel keeps and shows 15 significant digits; the rest of a stored double is binary noise. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

    private StoredNumbers() {
    }

    /**
     * The canonical text of a stored number, shared by the .xlsx and .xls paths so both read alike. A stored
     * double's binary noise is not a digit anybody typed: {@code =1234.56+5125.75} is cached as
     * 6360.3099999999995 and shown as 6360.31, so it reads 6360.31 (rounded to Excel's 15 significant digits).
     */
    public static String canonical(BigDecimal number) {
        BigDecimal n = (number.precision() > EXCEL_DIGITS.getPrecision() ? number.round(EXCEL_DIGITS) : number)
                .stripTrailingZeros();
        return n.signum() == 0 ? "0" : n.toPlainString();
    }

    /** Whether the text is 1 to {@code maxDigits} ASCII digits and nothing else (what {@code \\d+} matches, no sign or point). */
    public static boolean isDigits(String text, int maxDigits) {
        int n = text.length();
        if (n == 0 || n > maxDigits) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }
}
