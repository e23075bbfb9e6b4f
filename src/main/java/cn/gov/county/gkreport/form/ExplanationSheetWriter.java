package cn.gov.county.gkreport.form;

import cn.gov.county.gkreport.sheet.CellStyles;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Adds the form's 说明 sheet to the blank template: the instructions, the header row and blank rows
 * the unit may fill (unlocked, the rest of the sheet protected like the tables).
 */
public final class ExplanationSheetWriter {

    private final ExplanationSheet explanations;

    public ExplanationSheetWriter(FormDefinition form) {
        this.explanations = form.explanations();
    }

    public void write(Workbook workbook) {
        if (!explanations.present()) {
            return;
        }
        FormStyles styles = new FormStyles(workbook);
        Sheet sheet = workbook.createSheet(explanations.sheet());
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        sheet.setColumnWidth(2, 70 * 256);
        int row = 0;
        text(sheet, row, 0, explanations.title(), styles.title);
        sheet.addMergedRegion(new CellRangeAddress(row, row, 0, 2));
        row++;
        for (String instruction : explanations.instructions()) {
            text(sheet, row, 0, instruction, styles.note);
            sheet.addMergedRegion(new CellRangeAddress(row, row, 0, 2));
            sheet.getRow(row).setHeightInPoints(48);
            row++;
        }
        text(sheet, row, 0, explanations.codeHeader(), styles.header);
        text(sheet, row, 1, explanations.cellHeader(), styles.header);
        text(sheet, row, 2, explanations.textHeader(), styles.header);
        for (int r = row + 1; r <= row + explanations.rows(); r++) {
            for (int c = 0; c < 3; c++) {
                cell(sheet, r, c).setCellStyle(styles.textInput);
            }
        }
        CellStyles.printOnA4FitToWidth(sheet);
        sheet.protectSheet("");
    }

    private static void text(Sheet sheet, int row, int col, String text, org.apache.poi.ss.usermodel.CellStyle style) {
        Cell cell = cell(sheet, row, col);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private static Cell cell(Sheet sheet, int row, int col) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        return r.getCell(col) == null ? r.createCell(col) : r.getCell(col);
    }
}
