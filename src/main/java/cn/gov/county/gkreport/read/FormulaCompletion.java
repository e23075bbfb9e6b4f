package cn.gov.county.gkreport.read;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gov.county.gkreport.read.grid.CellKind;
import cn.gov.county.gkreport.read.grid.GridCell;
import cn.gov.county.gkreport.read.grid.SheetGrid;
import cn.gov.county.gkreport.read.grid.StoredNumbers;
import cn.gov.county.gkreport.read.grid.WorkbookGrid;

/**
 * Computes formulas that a file carries without their results (files written by scripts such as
 * openpyxl and by some online tools never calculate). The form's own formulas are sums: SUM over
 * cells and ranges, {@code +} and {@code −} of cells and numbers, on this or another sheet of the
 * workbook; those are evaluated here exactly (BigDecimal), as Excel would on opening the file (SUM
 * passes over text and blanks). Anything else (other functions, {@code *}, text in {@code +}, a
 * circular reference, an external workbook) stays a formula without a value, for TYPE to report.
 *
 * <p>What was computed is said once per file (a FORMULA warning): the clerk's file should be
 * opened and saved once in Excel or WPS, so that what it shows is what was counted.
 */
final class FormulaCompletion {

    static final String RULE_ID = "FORMULA";

    private final Map<String, SheetGrid> sheets = new HashMap<>();
    private final Map<String, BigDecimal> done = new HashMap<>();
    private final Set<String> failed = new HashSet<>();
    private final Set<String> evaluating = new HashSet<>();

    private FormulaCompletion(WorkbookGrid workbook) {
        workbook.sheets().forEach(s -> sheets.put(s.name(), s));
    }

    private static boolean hasUncachedFormula(WorkbookGrid workbook) {
        for (SheetGrid sheet : workbook.sheets()) {
            for (GridCell cell : sheet.cells()) {
                if (cell.kind() == CellKind.FORMULA_WITHOUT_VALUE) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The workbook with every computable uncached formula replaced by its number; notes what was done. */
    static WorkbookGrid complete(WorkbookGrid workbook, ContentBuilder out) {
        if (!hasUncachedFormula(workbook)) {
            return workbook;
        }
        FormulaCompletion completion = new FormulaCompletion(workbook);
        List<SheetGrid> result = new ArrayList<>();
        String example = null;
        int computed = 0;
        for (SheetGrid sheet : workbook.sheets()) {
            List<GridCell> cells = new ArrayList<>(sheet.cells().size());
            for (GridCell cell : sheet.cells()) {
                if (cell.kind() != CellKind.FORMULA_WITHOUT_VALUE) {
                    cells.add(cell);
                    continue;
                }
                BigDecimal value = completion.value(sheet.name(), cell);
                if (value == null) {
                    cells.add(cell);
                    continue;
                }
                String text = StoredNumbers.canonical(value);
                cells.add(new GridCell(cell.row(), cell.col(), CellKind.NUMBER, text, cell.formula()));
                if (computed++ == 0) {
                    example = sheet.name() + "!" + cell.ref().a1() + " =" + cell.formula() + " 得 " + text;
                }
            }
            result.add(new SheetGrid(sheet.name(), cells, sheet.mergedRegions(), sheet.hidden()));
        }
        if (computed > 0) {
            out.note(ReadNote.warning(RULE_ID, "", "", "文件中有 " + computed + " 个公式单元格没有保存计算结果（保存文件的程序"
                    + "没有计算公式），本系统已按公式算出并计入，例如 " + example + "。请在 Excel 或 WPS 中打开文件，"
                    + "核对显示的数字后保存一次再报送。"));
        }
        return new WorkbookGrid(workbook.format(), result);
    }

    /** The value of a formula cell, or null when it cannot be computed here. */
    private BigDecimal value(String sheet, GridCell cell) {
        String key = sheet + "!" + cell.row() + ":" + cell.col();
        if (done.containsKey(key)) {
            return done.get(key);
        }
        if (failed.contains(key) || !evaluating.add(key)) {
            return null; // a circular reference has no value
        }
        BigDecimal value;
        try {
            value = new Parser(sheet, cell.formula()).formula();
        } catch (NotComputable e) {
            value = null;
        } finally {
            evaluating.remove(key);
        }
        if (value == null) {
            failed.add(key);
        } else {
            done.put(key, value);
        }
        return value;
    }

    /** The number a referenced cell holds for + and −: a blank is 0, text or an error is not a number. */
    private BigDecimal cellValue(String sheet, int row, int col, boolean inSum) {
        SheetGrid grid = sheets.get(sheet);
        if (grid == null) {
            throw new NotComputable();
        }
        GridCell cell = grid.cell(row, col);
        if (cell == null) {
            return BigDecimal.ZERO;
        }
        return switch (cell.kind()) {
            case NUMBER, DATE -> new BigDecimal(cell.value());
            case FORMULA_WITHOUT_VALUE -> {
                BigDecimal v = value(sheet, cell);
                if (v == null) {
                    throw new NotComputable();
                }
                yield v;
            }
            // SUM passes over text and TRUE/FALSE in references, as Excel does; + and − cannot
            case TEXT, BOOLEAN -> {
                if (inSum) {
                    yield BigDecimal.ZERO;
                }
                throw new NotComputable();
            }
            case ERROR -> throw new NotComputable();
        };
    }

    private static final class NotComputable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotComputable() {
            super(null, null, false, false);
        }
    }

    /** A recursive-descent reader of {@code SUM}, {@code +}, {@code −}, references and numbers. */
    private final class Parser {
        private final String sheet;
        private final String text;
        private int pos;

        Parser(String sheet, String formula) {
            this.sheet = sheet;
            this.text = formula == null ? "" : formula.strip();
        }

        BigDecimal formula() {
            BigDecimal v = expression();
            skipSpaces();
            if (pos != text.length()) {
                throw new NotComputable();
            }
            return v;
        }

        private BigDecimal expression() {
            BigDecimal v = term();
            while (true) {
                skipSpaces();
                if (eat('+')) {
                    v = v.add(term());
                } else if (eat('-')) {
                    v = v.subtract(term());
                } else {
                    return v;
                }
            }
        }

        private BigDecimal term() {
            skipSpaces();
            if (eat('+')) {
                return term();
            }
            if (eat('-')) {
                return term().negate();
            }
            if (eat('(')) {
                BigDecimal v = expression();
                skipSpaces();
                expect(')');
                return v;
            }
            if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                return number();
            }
            if (text.regionMatches(true, pos, "SUM(", 0, 4)) {
                pos += 4;
                return sum();
            }
            Area area = area();
            if (area.single()) {
                return cellValue(area.sheet, area.top, area.left, false);
            }
            throw new NotComputable();
        }

        private BigDecimal sum() {
            BigDecimal total = BigDecimal.ZERO;
            skipSpaces();
            if (eat(')')) {
                return total;
            }
            do {
                skipSpaces();
                int start = pos;
                Area area = tryArea();
                skipSpaces();
                if (area != null && pos < text.length() && (text.charAt(pos) == ',' || text.charAt(pos) == ')')) {
                    for (int r = area.top; r <= area.bottom; r++) {
                        for (int c = area.left; c <= area.right; c++) {
                            total = total.add(cellValue(area.sheet, r, c, true));
                        }
                    }
                } else {
                    pos = start;
                    total = total.add(expression());
                }
                skipSpaces();
            } while (eat(','));
            expect(')');
            return total;
        }

        private BigDecimal number() {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            try {
                return new BigDecimal(text.substring(start, pos));
            } catch (NumberFormatException e) {
                throw new NotComputable();
            }
        }

        private Area area() {
            Area a = tryArea();
            if (a == null) {
                throw new NotComputable();
            }
            return a;
        }

        /** {@code A1}, {@code $A$1}, {@code A1:B2}, {@code 表三!A1}, {@code '表 三'!A1:B2}; null when none is here. */
        private Area tryArea() {
            int start = pos;
            String onSheet = sheet;
            if (pos < text.length() && text.charAt(pos) == '\'') {
                int end = text.indexOf("'!", pos + 1);
                if (end < 0) {
                    return null;
                }
                onSheet = text.substring(pos + 1, end).replace("''", "'");
                pos = end + 2;
            } else {
                int bang = text.indexOf('!', pos);
                if (bang > pos && text.substring(pos, bang).chars().noneMatch(ch -> "+-*/(),:'\" ".indexOf(ch) >= 0)) {
                    onSheet = text.substring(pos, bang);
                    pos = bang + 1;
                }
            }
            int[] from = ref();
            if (from == null) {
                pos = start;
                return null;
            }
            int[] to = from;
            if (eat(':')) {
                to = ref();
                if (to == null) {
                    pos = start;
                    return null;
                }
            }
            return new Area(onSheet, Math.min(from[0], to[0]), Math.max(from[0], to[0]),
                    Math.min(from[1], to[1]), Math.max(from[1], to[1]));
        }

        private int[] ref() {
            int start = pos;
            eat('$');
            int col = 0;
            int letters = 0;
            while (pos < text.length() && letters < 3 && isLetter(text.charAt(pos))) {
                col = col * 26 + (Character.toUpperCase(text.charAt(pos)) - 'A' + 1);
                pos++;
                letters++;
            }
            eat('$');
            int digitsFrom = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos)) && pos - digitsFrom < 7) {
                pos++;
            }
            if (letters == 0 || pos == digitsFrom || pos < text.length() && (isLetter(text.charAt(pos))
                    || text.charAt(pos) == '(')) {
                pos = start;
                return null;
            }
            return new int[] {Integer.parseInt(text.substring(digitsFrom, pos)) - 1, col - 1};
        }

        private boolean eat(char ch) {
            if (pos < text.length() && text.charAt(pos) == ch) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char ch) {
            if (!eat(ch)) {
                throw new NotComputable();
            }
        }

        private void skipSpaces() {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
        }

        private static boolean isLetter(char ch) {
            return ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z';
        }
    }

    private record Area(String sheet, int top, int bottom, int left, int right) {
        boolean single() {
            return top == bottom && left == right;
        }
    }
}
