package cn.gov.county.gkreport.sheet;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * A list sheet (header, rows, filter) that goes on over as many sheets as it needs: a sheet stops
 * at 1 048 576 rows and a province's traceability list can be longer. Each continuation, named
 * {@code 数据溯源（续2）} and so on, repeats the header and has its own filter and print setup.
 */
public final class ListSheet {

    public static final int EXCEL_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    private final Workbook workbook;
    private final String name;
    private final String[] headers;
    private final int[] widths;
    private final CellStyle headerStyle;
    private final String printTitle;
    private final int rowsPerSheet;
    private SheetRows current;
    private int part = 1;

    public ListSheet(Workbook workbook, String name, String[] headers, int[] widths, CellStyle headerStyle, String printTitle) {
        this(workbook, name, headers, widths, headerStyle, printTitle, EXCEL_ROWS);
    }

    /** With fewer rows per sheet than Excel allows, for tests. */
    ListSheet(Workbook workbook, String name, String[] headers, int[] widths, CellStyle headerStyle, String printTitle,
              int rowsPerSheet) {
        if (rowsPerSheet < 2) {
            throw new IllegalArgumentException("a list sheet needs room for its header and a row");
        }
        this.workbook = workbook;
        this.name = name;
        this.headers = headers;
        this.widths = widths;
        this.headerStyle = headerStyle;
        this.printTitle = printTitle;
        this.rowsPerSheet = rowsPerSheet;
        this.current = start(name);
    }

    public static String continuationName(String name, int part) {
        return name + "（续" + part + "）";
    }

    public Row newRow() {
        if (current.rowIndex() >= rowsPerSheet) {
            finishCurrent();
            part++;
            current = start(continuationName(name, part));
        }
        return current.newRow();
    }

    public void finish() {
        finishCurrent();
    }

    private SheetRows start(String sheetName) {
        SheetRows rows = new SheetRows(workbook.createSheet(sheetName));
        rows.widths(widths);
        rows.header(headers, headerStyle);
        rows.hideFullSha256(headers);
        return rows;
    }

    private void finishCurrent() {
        current.finishList(part == 1 ? printTitle : continuationName(printTitle, part), headers.length);
    }
}
