package cn.gov.county.gkreport.form;

import cn.gov.county.gkreport.sheet.CellStyles;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/** Small helpers over one sheet of the form, so {@link FormWorkbookWriter}'s layout code reads like the form. */
final class FormSheetBuilder {
    final Sheet sheet;
    final FormStyles styles;
    /** Merged cells take the style of their visible cell (a title keeps no border), not a bordered label's. */
    final boolean plainMerges;

    FormSheetBuilder(Sheet sheet, FormStyles styles, boolean plainMerges) {
        this.sheet = sheet;
        this.styles = styles;
        this.plainMerges = plainMerges;
    }

    String name() {
        return sheet.getSheetName();
    }

    Cell cell(int row, int col) {
        Row r = sheet.getRow(row);
        if (r == null) {
            r = sheet.createRow(row);
        }
        Cell c = r.getCell(col);
        return c == null ? r.createCell(col) : c;
    }

    void text(int row, int col, String text, CellStyle style) {
        Cell c = cell(row, col);
        c.setCellValue(text);
        c.setCellStyle(style);
    }

    /** Gives the hidden cells of a merge the border of the visible one. */
    void border(int row, int fromCol, int toCol) {
        for (int c = fromCol; c <= toCol; c++) {
            Cell cell = cell(row, c);
            if (cell.getCellStyle().getIndex() == 0) {
                cell.setCellStyle(styles.label);
            }
        }
    }

    void merge(int firstRow, int lastRow, int firstCol, int lastCol) {
        if (firstRow != lastRow || firstCol != lastCol) {
            for (int r = firstRow; r <= lastRow; r++) {
                if (plainMerges) {
                    for (int c = firstCol; c <= lastCol; c++) {
                        if (r != firstRow || c != firstCol) {
                            cell(r, c).setCellStyle(cell(firstRow, firstCol).getCellStyle());
                        }
                    }
                } else {
                    border(r, firstCol, lastCol);
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol));
        }
    }

    void width(int col, int chars) {
        sheet.setColumnWidth(col, chars * 256 + 200);
    }

    void widths(int... chars) {
        for (int c = 0; c < chars.length; c++) {
            width(c, chars[c]);
        }
    }

    void height(int row, int points) {
        Row r = sheet.getRow(row);
        if (r == null) {
            r = sheet.createRow(row);
        }
        r.setHeightInPoints(points);
    }

    void printSetup(boolean protect) {
        CellStyles.printOnA4FitToWidth(sheet);
        sheet.setHorizontallyCenter(true);
        if (protect) {
            sheet.protectSheet("");
        }
    }
}
