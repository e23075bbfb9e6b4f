package cn.gov.county.gkreport.read;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a figure cell the way a person would: a number is a number however it was typed
 * (text, full-width digits, thousands separators, a trailing 件/条, a leading +); a blank or a dash
 * means nothing happened (0, noted); anything else is not a number and is never a silent 0.
 */
public final class ValueParser {

    private static final Set<String> ZERO_PLACEHOLDERS = Set.of("", "-", "--", "—", "——", "–", "/", "无", "零", "空");
    private static final Pattern UNIT_SUFFIX = Pattern.compile("(件|条|个|次|项|人|万元|元)$");
    /** A number as a spreadsheet stores it (an exponent is possible: 1E+20). */
    private static final Pattern STORED_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    /** A number as a person types it: no exponent, so "1e9" is not silently a billion. */
    private static final Pattern TYPED_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private ValueParser() {
    }

    public static FigureCell parse(String code, String sheet, CellRef at, GridCell cell) {
        if (cell == null) {
            return new FigureCell(code, sheet, at, "", BigDecimal.ZERO, FigureCell.Reading.IMPLICIT_ZERO);
        }
        return switch (cell.kind()) {
            case NUMBER -> number(code, sheet, at, cell.value(), cell.value(), STORED_NUMBER);
            case TEXT -> text(code, sheet, at, cell.value());
            case ERROR -> new FigureCell(code, sheet, at, cell.value(), null, FigureCell.Reading.FORMULA_ERROR);
            case FORMULA_WITHOUT_VALUE -> new FigureCell(code, sheet, at, "=" + cell.formula(), null,
                    FigureCell.Reading.FORMULA_WITHOUT_VALUE);
            case DATE -> new FigureCell(code, sheet, at, cell.value(), null, FigureCell.Reading.DATE);
            case BOOLEAN -> new FigureCell(code, sheet, at, cell.value(), null, FigureCell.Reading.NOT_A_NUMBER);
        };
    }

    private static FigureCell text(String code, String sheet, CellRef at, String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("[\\s\\u00A0\\u3000]", "");
        if (ZERO_PLACEHOLDERS.contains(s)) {
            return new FigureCell(code, sheet, at, raw, BigDecimal.ZERO, FigureCell.Reading.IMPLICIT_ZERO);
        }
        s = UNIT_SUFFIX.matcher(s).replaceFirst("");
        if (s.matches("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            s = s.replace(",", "");
        }
        return number(code, sheet, at, raw, s, TYPED_NUMBER);
    }

    private static FigureCell number(String code, String sheet, CellRef at, String raw, String text, Pattern form) {
        if (!form.matcher(text).matches()) {
            return new FigureCell(code, sheet, at, raw, null, FigureCell.Reading.NOT_A_NUMBER);
        }
        BigDecimal value = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        value = value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        return new FigureCell(code, sheet, at, raw, value, FigureCell.Reading.NUMBER);
    }
}
