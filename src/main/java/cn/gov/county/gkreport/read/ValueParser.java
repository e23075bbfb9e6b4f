package cn.gov.county.gkreport.read;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.read.grid.GridCell;
import cn.gov.county.gkreport.read.grid.StoredNumbers;

/**
 * Reads a figure cell the way a person would: a number is a number however it was typed
 * (text, full-width digits, thousands separators, a trailing 件/条, a leading +); a blank or a dash
 * means nothing happened (0, noted); anything else is not a number and is never a silent 0.
 * A money unit written in the cell is a unit: {@code 125000元} in a 万元 cell is 12.5 万元 (noted),
 * and a money unit on a count, or a count's unit on an amount, is not a number.
 */
public final class ValueParser {

    private static final Set<String> ZERO_PLACEHOLDERS = Set.of("", "-", "--", "—", "——", "–", "/", "无", "零", "空");
    private static final Pattern UNIT_SUFFIX = Pattern.compile("(件|条|个|次|项|人|万元|元)$");
    /** How many 元 one unit of each money unit is. */
    private static final Map<String, BigDecimal> YUAN_PER = Map.of("元", BigDecimal.ONE, "万元", BigDecimal.valueOf(10_000));
    /** Amounts are kept to the fen of their unit: two decimals. */
    private static final int AMOUNT_SCALE = 2;
    /** A number as a spreadsheet stores it (an exponent is possible: 1E+20). */
    private static final Pattern STORED_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    /** A number as a person types it: no exponent, so "1e9" is not silently a billion. */
    private static final Pattern TYPED_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private ValueParser() {
    }

    public static FigureCell parse(String code, String sheet, CellRef at, GridCell cell) {
        return parse(code, sheet, at, cell, null);
    }

    /**
     * @param moneyUnit the unit an amount item is reported in (元 or 万元), or {@code null} for a count
     */
    public static FigureCell parse(String code, String sheet, CellRef at, GridCell cell, String moneyUnit) {
        if (cell == null) {
            return new FigureCell(code, sheet, at, "", BigDecimal.ZERO, FigureCell.Reading.IMPLICIT_ZERO);
        }
        return switch (cell.kind()) {
            case NUMBER -> number(code, sheet, at, cell.value(), cell.value(), STORED_NUMBER);
            case TEXT -> text(code, sheet, at, cell.value(), moneyUnit);
            case ERROR -> new FigureCell(code, sheet, at, cell.value(), null, FigureCell.Reading.FORMULA_ERROR);
            case FORMULA_WITHOUT_VALUE -> new FigureCell(code, sheet, at, "=" + cell.formula(), null,
                    FigureCell.Reading.FORMULA_WITHOUT_VALUE);
            case DATE -> new FigureCell(code, sheet, at, cell.value(), null, FigureCell.Reading.DATE);
            case BOOLEAN -> new FigureCell(code, sheet, at, cell.value(), null, FigureCell.Reading.NOT_A_NUMBER);
        };
    }

    private static FigureCell text(String code, String sheet, CellRef at, String raw, String moneyUnit) {
        String s = Normalizer.normalize(InvisibleCharacters.strip(raw), Normalizer.Form.NFKC)
                .replaceAll("[\\s\\u00A0\\u3000]", "");
        if (ZERO_PLACEHOLDERS.contains(s)) {
            return new FigureCell(code, sheet, at, raw, BigDecimal.ZERO, FigureCell.Reading.IMPLICIT_ZERO);
        }
        Matcher suffix = UNIT_SUFFIX.matcher(s);
        String unit = suffix.find() ? suffix.group(1) : null;
        s = suffix.replaceFirst("");
        if (s.matches("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            s = s.replace(",", "");
        }
        FigureCell read = number(code, sheet, at, raw, s, TYPED_NUMBER);
        if (unit == null || !read.readable()) {
            return read;
        }
        boolean moneyWritten = YUAN_PER.containsKey(unit);
        if (moneyUnit == null ? moneyWritten : !moneyWritten) {
            // 5万元 in a count, 18件 in an amount: the unit cannot be converted, the number is not the item's
            return new FigureCell(code, sheet, at, raw, null, FigureCell.Reading.NOT_A_NUMBER);
        }
        if (!moneyWritten || unit.equals(moneyUnit) || !YUAN_PER.containsKey(moneyUnit)) {
            return read;
        }
        BigDecimal converted = read.value().multiply(YUAN_PER.get(unit))
                .divide(YUAN_PER.get(moneyUnit), AMOUNT_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        if (converted.scale() < 0) {
            converted = converted.setScale(0);
        }
        return new FigureCell(code, sheet, at, raw, converted, FigureCell.Reading.CONVERTED);
    }

    private static FigureCell number(String code, String sheet, CellRef at, String raw, String text, Pattern form) {
        if (StoredNumbers.isDigits(text, 18)) {
            // nearly every figure: digits only (18 fit a long), which both forms accept; the same value as the general path's
            return new FigureCell(code, sheet, at, raw, BigDecimal.valueOf(Long.parseLong(text)), FigureCell.Reading.NUMBER);
        }
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
