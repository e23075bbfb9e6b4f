package cn.gov.county.gkreport.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The styles of the report sheets, created once per workbook and shared by every cell. */
final class ReportStyles {

    final CellStyle title;
    final CellStyle header;
    final CellStyle text;
    final CellStyle wrapped;
    final CellStyle count;
    final CellStyle amount;
    final CellStyle subtotalText;
    final CellStyle subtotalCount;
    final CellStyle subtotalAmount;
    final CellStyle error;
    final CellStyle warning;

    ReportStyles(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        short integer = workbook.createDataFormat().getFormat("#,##0");
        short decimal = workbook.createDataFormat().getFormat("#,##0.00");

        title = workbook.createCellStyle();
        title.setFont(big);
        header = bordered(workbook);
        header.setFont(bold);
        header.setWrapText(true);
        header.setAlignment(HorizontalAlignment.CENTER);
        fill(header, IndexedColors.GREY_25_PERCENT);
        text = bordered(workbook);
        wrapped = bordered(workbook);
        wrapped.setWrapText(true);
        count = bordered(workbook);
        count.setDataFormat(integer);
        amount = bordered(workbook);
        amount.setDataFormat(decimal);
        subtotalText = bordered(workbook);
        subtotalText.setFont(bold);
        fill(subtotalText, IndexedColors.LIGHT_CORNFLOWER_BLUE);
        subtotalCount = bordered(workbook);
        subtotalCount.cloneStyleFrom(subtotalText);
        subtotalCount.setDataFormat(integer);
        subtotalAmount = bordered(workbook);
        subtotalAmount.cloneStyleFrom(subtotalText);
        subtotalAmount.setDataFormat(decimal);
        error = bordered(workbook);
        fill(error, IndexedColors.ROSE);
        warning = bordered(workbook);
        fill(warning, IndexedColors.LIGHT_YELLOW);
    }

    private static CellStyle bordered(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    private static void fill(CellStyle style, IndexedColors color) {
        style.setFillForegroundColor(color.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
}
