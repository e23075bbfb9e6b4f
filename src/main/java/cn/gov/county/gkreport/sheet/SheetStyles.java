package cn.gov.county.gkreport.sheet;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The fonts, number formats and style recipes every sheet we write is made of — the form's sheets,
 * the report's and the feedback copy's list — so a heading or a figure looks the same everywhere.
 * One per style set of a workbook; each recipe creates a new style, so a caller creates each style it
 * needs once and shares it by every cell (one style per cell would hit Excel's style limit). Style
 * sets stay as small as their sheets need: the blank template is committed byte for byte and carries
 * only the form's styles.
 */
public final class SheetStyles {

    private final Workbook workbook;
    private final Font bold;
    private final Font big;

    public SheetStyles(Workbook workbook) {
        this.workbook = workbook;
        bold = workbook.createFont();
        bold.setBold(true);
        big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
    }

    public Font bold() {
        return bold;
    }

    /** A sheet's title: bold, 14 pt, no border. */
    public CellStyle title() {
        CellStyle style = workbook.createCellStyle();
        style.setFont(big);
        return style;
    }

    /** Text that wraps, without a border (notes above or below a table). */
    public CellStyle note() {
        CellStyle style = workbook.createCellStyle();
        style.setWrapText(true);
        return style;
    }

    /** A table cell: thin borders all round. */
    public CellStyle bordered(VerticalAlignment alignment) {
        return CellStyles.bordered(workbook, alignment);
    }

    /** A table cell whose text wraps. */
    public CellStyle wrapped(VerticalAlignment alignment) {
        CellStyle style = bordered(alignment);
        style.setWrapText(true);
        return style;
    }

    /** A column heading: bordered, bold, centred, on grey. */
    public CellStyle header(VerticalAlignment alignment) {
        CellStyle style = bordered(alignment);
        style.setFont(bold);
        style.setAlignment(HorizontalAlignment.CENTER);
        CellStyles.fill(style, IndexedColors.GREY_25_PERCENT);
        return style;
    }

    /** A count: whole numbers with thousands separators. */
    public CellStyle count(VerticalAlignment alignment) {
        CellStyle style = bordered(alignment);
        // asked for when used: a copy of a unit's own .xls gets no format it does not need
        style.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        return style;
    }

    /** An amount (万元): two decimals with thousands separators. */
    public CellStyle amount(VerticalAlignment alignment) {
        CellStyle style = bordered(alignment);
        style.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        return style;
    }
}
