package cn.gov.county.gkreport.form;

import cn.gov.county.gkreport.sheet.CellStyles;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The handful of cell styles the form sheets use, created once per workbook: one style per cell
 * would hit Excel's style limit and slow writing down.
 */
public final class FormStyles {

    public final CellStyle title;
    public final CellStyle subtitle;
    public final CellStyle header;
    public final CellStyle label;
    public final CellStyle note;
    public final CellStyle textInput;
    public final CellStyle countInput;
    public final CellStyle amountInput;
    public final CellStyle countTotal;
    public final CellStyle amountTotal;

    public FormStyles(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);

        title = workbook.createCellStyle();
        title.setFont(big);
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);

        subtitle = workbook.createCellStyle();
        subtitle.setAlignment(HorizontalAlignment.CENTER);
        subtitle.setWrapText(true);

        header = CellStyles.bordered(workbook, VerticalAlignment.CENTER);
        header.setFont(bold);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setWrapText(true);
        CellStyles.fill(header, IndexedColors.GREY_25_PERCENT);

        label = CellStyles.bordered(workbook, VerticalAlignment.CENTER);
        label.setWrapText(true);
        CellStyles.fill(label, IndexedColors.GREY_25_PERCENT);

        note = workbook.createCellStyle();
        note.setWrapText(true);
        note.setVerticalAlignment(VerticalAlignment.TOP);

        textInput = CellStyles.bordered(workbook, VerticalAlignment.CENTER);
        textInput.setLocked(false);

        short integer = workbook.createDataFormat().getFormat("#,##0");
        short decimal = workbook.createDataFormat().getFormat("#,##0.00");
        countInput = CellStyles.bordered(workbook, VerticalAlignment.CENTER);
        countInput.setLocked(false);
        countInput.setDataFormat(integer);
        amountInput = CellStyles.bordered(workbook, VerticalAlignment.CENTER);
        amountInput.setLocked(false);
        amountInput.setDataFormat(decimal);

        countTotal = CellStyles.bordered(workbook, VerticalAlignment.CENTER);
        countTotal.setDataFormat(integer);
        countTotal.setFont(bold);
        CellStyles.fill(countTotal, IndexedColors.GREY_25_PERCENT);
        amountTotal = CellStyles.bordered(workbook, VerticalAlignment.CENTER);
        amountTotal.setDataFormat(decimal);
        amountTotal.setFont(bold);
        CellStyles.fill(amountTotal, IndexedColors.GREY_25_PERCENT);
    }


    public CellStyle input(ValueType type) {
        return type == ValueType.AMOUNT ? amountInput : countInput;
    }

    public CellStyle total(ValueType type) {
        return type == ValueType.AMOUNT ? amountTotal : countTotal;
    }
}
