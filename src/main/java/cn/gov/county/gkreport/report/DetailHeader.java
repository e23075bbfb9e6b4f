package cn.gov.county.gkreport.report;

import java.util.List;

import cn.gov.county.gkreport.form.FormTable;
import cn.gov.county.gkreport.sheet.SheetRows;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The header of 分单位明细: a hidden row of item codes, then the form's four levels as merged cells.
 * Equal texts next to each other on one printed page merge across; a text repeated on the level
 * below merges down, so every label is printed once, whole, over the columns it is about. Merges
 * stop at a page's edge, so each printed page names its own table and rows.
 */
final class DetailHeader {

    /** Heights of the four levels in points: table, row group, row (two lines), column (three lines). */
    private static final float[] HEIGHTS = {16, 30, 30, 45};

    /** The visible header rows' height in points (the code row is hidden). */
    static double height() {
        double points = 0;
        for (float level : HEIGHTS) {
            points += level;
        }
        return points;
    }

    private final Sheet sheet;
    private final SheetRows rows;
    private final ReportStyles styles;
    private final List<DetailColumns.Column> columns;
    private final int fixed;

    DetailHeader(Sheet sheet, SheetRows rows, ReportStyles styles, List<DetailColumns.Column> columns, int fixed) {
        this.sheet = sheet;
        this.rows = rows;
        this.styles = styles;
        this.columns = columns;
        this.fixed = fixed;
    }

    void write(String[] fixedTitles) {
        Row codes = rows.newRow();
        codes.setZeroHeight(true);
        SheetRows.text(codes, 0, "项目代码", styles.text);
        for (int i = 0; i < columns.size(); i++) {
            SheetRows.text(codes, fixed + i, columns.get(i).item().code(), styles.text);
        }
        int top = rows.rowIndex();
        for (int level = 0; level < DetailColumns.LEVELS; level++) {
            Row row = rows.newRow();
            row.setHeightInPoints(HEIGHTS[level]);
            for (int c = 0; c < fixed; c++) {
                SheetRows.text(row, c, level == 0 ? fixedTitles[c] : "", styles.header);
            }
            for (int i = 0; i < columns.size(); i++) {
                SheetRows.text(row, fixed + i, columns.get(i).headers().get(level), styles.header);
            }
        }
        for (int c = 0; c < fixed; c++) {
            sheet.addMergedRegion(new CellRangeAddress(top, top + DetailColumns.LEVELS - 1, c, c));
        }
        merge(top);
        for (int i = 0; i < columns.size(); i++) {
            sheet.setColumnWidth(fixed + i, width(columns.get(i).item().table()) * 256 + 200);
        }
        rows.widths(6, 17, 8);
        sheet.setDefaultRowHeightInPoints(13);
    }

    /** Characters per column: 表二's labels are long and its columns few; the other pages hold 15–21 columns. */
    private static int width(FormTable table) {
        return switch (table) {
            case T2 -> 11;
            case T3 -> 6;
            case T4, INDICATORS -> 7;
        };
    }

    /** Merges equal texts: across within a page, then down while the rows below repeat the same span. */
    private void merge(int top) {
        boolean[][] taken = new boolean[DetailColumns.LEVELS][columns.size()];
        for (int level = 0; level < DetailColumns.LEVELS; level++) {
            for (int first = 0; first < columns.size(); ) {
                int last = first;
                while (last + 1 < columns.size() && sameCell(level, first, last + 1)) {
                    last++;
                }
                if (!taken[level][first]) {
                    int bottom = level;
                    while (bottom + 1 < DetailColumns.LEVELS && sameSpan(level, bottom + 1, first, last)) {
                        bottom++;
                    }
                    for (int l = level; l <= bottom; l++) {
                        for (int i = first; i <= last; i++) {
                            taken[l][i] = true;
                        }
                    }
                    if (bottom > level || last > first) {
                        sheet.addMergedRegion(new CellRangeAddress(top + level, top + bottom, fixed + first, fixed + last));
                    }
                }
                first = last + 1;
            }
        }
    }

    private boolean sameCell(int level, int a, int b) {
        return columns.get(a).page() == columns.get(b).page()
                && text(level, a).equals(text(level, b))
                && (level == 0 || sameCell(level - 1, a, b)); // a label never spans two of the parent's
    }

    /** Whether {@code level} holds the text of {@code from}'s span over exactly the same columns. */
    private boolean sameSpan(int from, int level, int first, int last) {
        String text = text(from, first);
        for (int i = first; i <= last; i++) {
            if (!text(level, i).equals(text)) {
                return false;
            }
        }
        boolean openLeft = first > 0 && sameCell(level, first - 1, first);
        boolean openRight = last + 1 < columns.size() && sameCell(level, last, last + 1);
        return !openLeft && !openRight;
    }

    private String text(int level, int column) {
        return columns.get(column).headers().get(level);
    }
}
