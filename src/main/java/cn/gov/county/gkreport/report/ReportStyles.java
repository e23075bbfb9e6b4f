package cn.gov.county.gkreport.report;

import cn.gov.county.gkreport.sheet.CellStyles;
import cn.gov.county.gkreport.sheet.SheetStyles;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The styles of the report sheets, made from the shared {@link SheetStyles}, created once per workbook and shared by every cell. */
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
        SheetStyles styles = new SheetStyles(workbook);

        title = styles.title();
        header = styles.header(VerticalAlignment.TOP);
        header.setWrapText(true);
        text = styles.bordered(VerticalAlignment.TOP);
        wrapped = styles.wrapped(VerticalAlignment.TOP);
        // an item code beside a right-aligned figure: indented, so the two never run together
        code = styles.bordered(VerticalAlignment.TOP);
        code.setIndention((short) 1);
        count = styles.count(VerticalAlignment.TOP);
        amount = styles.amount(VerticalAlignment.TOP);
        subtotalText = styles.bordered(VerticalAlignment.TOP);
        subtotalText.setFont(styles.bold());
        CellStyles.fill(subtotalText, IndexedColors.LIGHT_CORNFLOWER_BLUE);
        subtotalCount = styles.count(VerticalAlignment.TOP);
        subtotalCount.cloneStyleFrom(subtotalText);
        subtotalCount.setDataFormat(count.getDataFormat());
        subtotalAmount = styles.amount(VerticalAlignment.TOP);
        subtotalAmount.cloneStyleFrom(subtotalText);
        subtotalAmount.setDataFormat(amount.getDataFormat());
        // a figure with a comment (the unit typed another total than the one summed)
        notedCount = styles.count(VerticalAlignment.TOP);
        CellStyles.fill(notedCount, IndexedColors.LIGHT_YELLOW);
        notedAmount = styles.amount(VerticalAlignment.TOP);
        CellStyles.fill(notedAmount, IndexedColors.LIGHT_YELLOW);
        error = styles.bordered(VerticalAlignment.TOP);
        CellStyles.fill(error, IndexedColors.ROSE);
        warning = styles.bordered(VerticalAlignment.TOP);
        CellStyles.fill(warning, IndexedColors.LIGHT_YELLOW);
    }
}
