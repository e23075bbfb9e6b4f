package cn.gov.county.gkreport.form;

import cn.gov.county.gkreport.sheet.CellStyles;
import cn.gov.county.gkreport.sheet.SheetStyles;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The handful of cell styles the form sheets use, made from the shared {@link SheetStyles} and created
 * once per workbook: one style per cell would hit Excel's style limit and slow writing down.
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
        SheetStyles styles = new SheetStyles(workbook);

        title = styles.title();
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);

        subtitle = workbook.createCellStyle();
        subtitle.setAlignment(HorizontalAlignment.CENTER);
        subtitle.setWrapText(true);

        header = styles.header(VerticalAlignment.CENTER);
        header.setWrapText(true);

        label = styles.wrapped(VerticalAlignment.CENTER);
        CellStyles.fill(label, IndexedColors.GREY_25_PERCENT);

        note = styles.note();
        note.setVerticalAlignment(VerticalAlignment.TOP);

        textInput = styles.bordered(VerticalAlignment.CENTER);
        textInput.setLocked(false);

        countInput = styles.count(VerticalAlignment.CENTER);
        countInput.setLocked(false);
        amountInput = styles.amount(VerticalAlignment.CENTER);
        amountInput.setLocked(false);

        countTotal = styles.count(VerticalAlignment.CENTER);
        countTotal.setFont(styles.bold());
        CellStyles.fill(countTotal, IndexedColors.GREY_25_PERCENT);
        amountTotal = styles.amount(VerticalAlignment.CENTER);
        amountTotal.setFont(styles.bold());
        CellStyles.fill(amountTotal, IndexedColors.GREY_25_PERCENT);
    }

    public CellStyle input(ValueType type) {
        return type == ValueType.AMOUNT ? amountInput : countInput;
    }

    public CellStyle total(ValueType type) {
        return type == ValueType.AMOUNT ? amountTotal : countTotal;
    }
}
