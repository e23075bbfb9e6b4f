package cn.gov.county.gkreport.report;

import java.util.List;

import cn.gov.county.gkreport.sheet.SheetRows;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How 分单位明细 prints: A4 landscape, a page break after each page of {@link DetailColumns}, the
 * unit columns and header levels repeated on every page, and a scale at which a county's units and
 * subtotals all fit one page's height (so no page holds only subtotal rows) and the widest page of
 * columns its width. A roster too long for one page (a province) prints at a readable scale instead,
 * page after page with the header repeated.
 */
final class DetailPrint {

    /** A4 landscape less the margins set below, in points. */
    private static final double PAGE_WIDTH = 842 - 2 * 0.4 * 72;
    private static final double PAGE_HEIGHT = 595 - 2 * 0.6 * 72;
    /**
     * A column of w characters prints about (7 w + 5) pixels wide in Calibri 11 (Excel's rule; a
     * pixel is 0.75 pt); LibreOffice prints the same columns about a fifth wider (measured on the rendered pages), hence the margin.
     */
    private static final double SAFETY = 1.25;
    private static final int SMALLEST_SCALE = 55;
    private static final int LONG_LIST_SCALE = 70;

    private final Sheet sheet;
    private final List<DetailColumns.Column> columns;
    private final int fixed;
    private final int headerRows;

    DetailPrint(Sheet sheet, List<DetailColumns.Column> columns, int fixed, int headerRows) {
        this.sheet = sheet;
        this.columns = columns;
        this.fixed = fixed;
        this.headerRows = headerRows;
    }

    void setUp(String title, int bodyRows) {
        new SheetRows(sheet).pageSetup(title, 0);
        PrintSetup print = sheet.getPrintSetup();
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.setMargin(Sheet.HeaderMargin, 0.25);
        sheet.setMargin(Sheet.FooterMargin, 0.25);
        sheet.setRepeatingRows(new CellRangeAddress(1, headerRows - 1, -1, -1));
        sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, fixed - 1));
        double fixedWidth = width(0, fixed);
        double widest = 0;
        int pageStart = 0;
        for (int i = 0; i < columns.size(); i++) {
            boolean lastOfPage = i == columns.size() - 1 || columns.get(i + 1).page() != columns.get(i).page();
            if (lastOfPage) {
                widest = Math.max(widest, width(fixed + pageStart, fixed + i + 1));
                if (i < columns.size() - 1) {
                    sheet.setColumnBreak(fixed + i);
                }
                pageStart = i + 1;
            }
        }
        double byWidth = PAGE_WIDTH / (fixedWidth + widest);
        // From the header's own sizes: on a long list SXSSF has flushed the header rows to disk already.
        double byHeight = PAGE_HEIGHT / (DetailHeader.height() + bodyRows * sheet.getDefaultRowHeightInPoints());
        int fitted = (int) Math.floor(100 * Math.min(1, Math.min(byWidth, byHeight)));
        print.setScale((short) (fitted >= SMALLEST_SCALE ? fitted
                : Math.min(LONG_LIST_SCALE, (int) Math.floor(100 * Math.min(1, byWidth)))));
    }

    private double width(int from, int to) {
        double points = 0;
        for (int c = from; c < to; c++) {
            points += (sheet.getColumnWidth(c) / 256.0 * 7 + 5) * 0.75;
        }
        return points * SAFETY;
    }
}
