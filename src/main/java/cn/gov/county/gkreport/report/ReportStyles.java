package cn.gov.county.gkreport.report;


import cn.gov.county.gkreport.sheet.CellStyles;

import org.apache.poi.ss.usermodel.CellStyle;
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
    final CellStyle code;
    final CellStyle count;
    final CellStyle amount;
    final CellStyle subtotalText;
    final CellStyle subtotalCount;
    final CellStyle subtotalAmount;
    final CellStyle notedCount;
    final CellStyle notedAmount;
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
        header = CellStyles.bordered(workbook, VerticalAlignment.TOP);
        header.setFont(bold);
        header.setWrapText(true);
        header.setAlignment(HorizontalAlignment.CENTER);
        CellStyles.fill(header, IndexedColors.GREY_25_PERCENT);
        text = CellStyles.bordered(workbook, VerticalAlignment.TOP);
        wrapped = CellStyles.bordered(workbook, VerticalAlignment.TOP);
        wrapped.setWrapText(true);
        // an item code beside a right-aligned figure: indented, so the two never run together
        code = CellStyles.bordered(workbook, VerticalAlignment.TOP);
        code.setIndention((short) 1);
        count = CellStyles.bordered(workbook, VerticalAlignment.TOP);
        count.setDataFormat(integer);
        amount = CellStyles.bordered(workbook, VerticalAlignment.TOP);
        amount.setDataFormat(decimal);
        subtotalText = CellStyles.bordered(workbook, VerticalAlignment.TOP);
        subtotalText.setFont(bold);
        CellStyles.fill(subtotalText, IndexedColors.LIGHT_CORNFLOWER_BLUE);
        subtotalCount = CellStyles.bordered(workbook, VerticalAlignment.TOP);
        subtotalCount.cloneStyleFrom(subtotalText);
        subtotalCount.setDataFormat(integer);
        subtotalAmount = CellStyles.bordered(workbook, VerticalAlignment.TOP);
        subtotalAmount.cloneStyleFrom(subtotalText);
        subtotalAmount.setDataFormat(decimal);
        // a figure with a comment (the unit typed another total than the one summed)
        notedCount = CellStyles.bordered(workbook, VerticalAlignment.TOP);
        notedCount.setDataFormat(integer);
        CellStyles.fill(notedCount, IndexedColors.LIGHT_YELLOW);
        notedAmount = CellStyles.bordered(workbook, VerticalAlignment.TOP);
        notedAmount.setDataFormat(decimal);
        CellStyles.fill(notedAmount, IndexedColors.LIGHT_YELLOW);
        error = CellStyles.bordered(workbook, VerticalAlignment.TOP);
        CellStyles.fill(error, IndexedColors.ROSE);
        warning = CellStyles.bordered(workbook, VerticalAlignment.TOP);
        CellStyles.fill(warning, IndexedColors.LIGHT_YELLOW);
    }

}
