package cn.gov.county.gkreport.sheet;

import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A list sheet (header, rows, filter) that goes on over as many sheets as it needs: a sheet stops
 * at 1 048 576 rows (65 536 in an .xls) and a province's traceability list can be longer. Each
 * continuation, named {@code 数据溯源（续2）} and so on, repeats the header and has its own filter and
 * print setup.
 */
public final class ListSheet {

    public static final int EXCEL_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    /**
     * A line of text above the header (a title, an explanation), merged over the table's width so
     * nothing overflows into an extra printed page, and as high as its text wraps:
     * {@code pointsPerLine} a line, {@code fontScale} its font's size relative to the table's.
     */
    public record Line(String text, CellStyle style, float pointsPerLine, double fontScale) {
    }

    private final Workbook workbook;
    private final String name;
    private final List<Line> linesAbove;
    private final String[] headers;
    private final int[] widths;
    private final CellStyle headerStyle;
    private final String printTitle;
    private final boolean filter;
    private final int rowsPerSheet;
    private SheetRows current;
    private int headerRow;
    private int part = 1;

    /** A list of the consolidated workbook: header on the first row, a filter, {@code printTitle} on every printed page. */
    public ListSheet(Workbook workbook, String name, String[] headers, int[] widths, CellStyle headerStyle, String printTitle) {
        this(workbook, name, List.of(), headers, widths, headerStyle, printTitle, true,
                workbook.getSpreadsheetVersion().getMaxRows());
    }

    /** With fewer rows per sheet than Excel allows, for tests. */
    ListSheet(Workbook workbook, String name, String[] headers, int[] widths, CellStyle headerStyle, String printTitle,
              int rowsPerSheet) {
        this(workbook, name, List.of(), headers, widths, headerStyle, printTitle, true, rowsPerSheet);
    }

    private ListSheet(Workbook workbook, String name, List<Line> linesAbove, String[] headers, int[] widths,
                      CellStyle headerStyle, String printTitle, boolean filter, int rowsPerSheet) {
        if (rowsPerSheet < linesAbove.size() + 2) {
            throw new IllegalArgumentException("a list sheet needs room for its header and a row");
        }
        this.workbook = workbook;
        this.name = name;
        this.linesAbove = List.copyOf(linesAbove);
        this.headers = headers;
        this.widths = widths;
        this.headerStyle = headerStyle;
        this.printTitle = printTitle;
        this.filter = filter;
        this.rowsPerSheet = rowsPerSheet;
        this.current = start(name, this.linesAbove);
    }

    /**
     * A short list that carries its own title: {@code linesAbove} on the first sheet above the header,
     * no filter, and no page title (the first line is the title). The frozen rows go down to the
     * header; only the header is repeated on every printed page.
     */
    public static ListSheet underLines(Workbook workbook, String name, List<Line> linesAbove, String[] headers,
                                       int[] widths, CellStyle headerStyle) {
        return new ListSheet(workbook, name, linesAbove, headers, widths, headerStyle, null, false,
                workbook.getSpreadsheetVersion().getMaxRows());
    }

    public static String continuationName(String name, int part) {
        return name + "（续" + part + "）";
    }

    public Row newRow() {
        if (current.rowIndex() >= rowsPerSheet) {
            finishCurrent();
            part++;
            current = start(continuationName(name, part), List.of());
        }
        return current.newRow();
    }

    public void finish() {
        finishCurrent();
    }

    private SheetRows start(String sheetName, List<Line> lines) {
        SheetRows rows = new SheetRows(workbook.createSheet(sheetName));
        for (Line line : lines) {
            writeLine(rows, line);
        }
        headerRow = rows.rowIndex();
        rows.widths(widths);
        rows.header(headers, headerStyle);
        rows.hideFullSha256(headers);
        return rows;
    }

    private void writeLine(SheetRows rows, Line line) {
        Row row = rows.newRow();
        SheetRows.text(row, 0, line.text(), line.style());
        rows.sheet().addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, headers.length - 1));
        row.setHeightInPoints(lineHeight(line.text(), widths, line.pointsPerLine(), line.fontScale()));
    }

    /** The height in points of a line above the header, merged over columns {@code widths} wide, so its text shows whole. */
    public static float lineHeight(String text, int[] widths, float pointsPerLine, double fontScale) {
        int chars = (int) (Arrays.stream(widths).sum() / fontScale);
        return SheetRows.linesOf(text == null ? "" : text, chars) * pointsPerLine + 2f;
    }

    private void finishCurrent() {
        String title = printTitle == null || part == 1 ? printTitle : continuationName(printTitle, part);
        current.finishList(headerRow, title, headers.length, filter);
    }
}
