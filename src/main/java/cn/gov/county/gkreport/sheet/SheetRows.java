package cn.gov.county.gkreport.sheet;

import java.math.BigDecimal;


import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Appends rows to a report sheet. Text always goes in as a string cell, never as a formula, so
 * nothing a unit typed (names, file names, messages) can run as a formula in the reviewer's Excel.
 */
public final class SheetRows {

    private final Sheet sheet;
    private int next;

    public SheetRows(Sheet sheet) {
        this.sheet = sheet;
    }

    public Sheet sheet() {
        return sheet;
    }

    public int rowIndex() {
        return next;
    }

    public Row newRow() {
        return sheet.createRow(next++);
    }

    public void skip() {
        next++;
    }

    /** The header of the hidden last column holding the whole fingerprint (the visible one shows its start). */
    public static final String FULL_SHA256 = "SHA-256（完整）";

    /**
     * The first 16 hex digits and an ellipsis: enough to tell files apart by eye, narrow enough that
     * the sheet prints at a readable size. The whole value stays in the hidden last column, for
     * filters, searches and comparisons with {@code sha256sum}.
     */
    public static String shortSha256(String sha256) {
        return sha256 == null || sha256.length() <= 16 ? sha256 : sha256.substring(0, 16) + "…";
    }

    /** Hides the full-fingerprint column if the sheet has one (it is not printed). */
    public void hideFullSha256(String[] headers) {
        for (int c = 0; c < headers.length; c++) {
            if (FULL_SHA256.equals(headers[c])) {
                sheet.setColumnHidden(c, true);
            }
        }
    }

    /** The header row of a list sheet. */
    public void header(String[] titles, CellStyle style) {
        Row row = newRow();
        for (int c = 0; c < titles.length; c++) {
            text(row, c, titles[c], style);
        }
    }

    /** Finishes a list sheet: header row frozen, a filter over every column, printable. */
    public void finishList(String title, int columns) {
        finishList(0, title, columns, true);
    }

    /**
     * Finishes a list sheet whose header is on row {@code headerRow}: the rows down to the header
     * frozen, the header repeated on every printed page, a filter over every column if asked, and
     * {@code title} with page numbers on every page unless it is {@code null}.
     */
    public void finishList(int headerRow, String title, int columns, boolean filter) {
        sheet.createFreezePane(0, headerRow + 1);
        if (filter) {
            sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(next - 1, headerRow + 1), 0, columns - 1));
        }
        if (title != null) {
            // first: repeated rows set on a sheet without a page setup write one with usePrinterDefaults="false"
            pageSetup(title, 0);
        }
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        CellStyles.printOnA4FitToWidth(sheet);
        // a new .xls sheet (the feedback copy of an .xls) has automatic page breaks off, and LibreOffice
        // then ignores "fit to width"
        if (!sheet.getAutobreaks()) {
            sheet.setAutobreaks(true);
        }
    }

    public static void text(Row row, int col, String value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    public static void number(Row row, int col, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(col);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }

    public static void number(Row row, int col, long value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    public void widths(int... chars) {
        for (int c = 0; c < chars.length; c++) {
            sheet.setColumnWidth(c, chars[c] * 256 + 200);
        }
    }

    /** A4 landscape, fit to width, header rows repeated on every page, title and page numbers. */
    public void printSetup(String title, int headerRows) {
        pageSetup(title, headerRows);
        CellStyles.printOnA4FitToWidth(sheet);
    }

    /** A4 landscape with the title on top and page numbers below; the first {@code headerRows} rows on every page. */
    public void pageSetup(String title, int headerRows) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.getHeader().setCenter(title);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
        if (headerRows > 0) {
            sheet.setRepeatingRows(new CellRangeAddress(0, headerRows - 1, -1, -1));
        }
    }

    /** A row whose text wraps over several lines: Excel does not grow streamed rows by itself. */
    public static void lines(Row row, int lines) {
        row.setHeightInPoints(Math.max(1, lines) * 15f);
    }

    /**
     * The lines a text wraps onto in a column {@code columnChars} wide (the unit of column widths):
     * a Chinese or full-width character takes two units, anything else one, and each line break of
     * the text starts a line. Counting characters alone overestimates mixed text (cell references,
     * codes, file names) and prints half-empty rows. At most 27: Excel's tallest row (409 pt) holds
     * no more at 15 pt a line.
     */
    public static int linesOf(String text, int columnChars) {
        int perLine = Math.max(1, columnChars - 2); // the cell's own padding
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            int units = line.codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
            lines += Math.max(1, (units + perLine - 1) / perLine);
        }
        return Math.min(lines, 27);
    }
}
