package cn.gov.county.gkreport.form;

import cn.gov.county.gkreport.sheet.CellStyles;
import cn.gov.county.gkreport.sheet.SheetRows;

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
        SheetRows.text(sheet.createRow(row), 0, explanations.title(), styles.title);
        sheet.addMergedRegion(new CellRangeAddress(row, row, 0, 2));
        row++;
        for (String instruction : explanations.instructions()) {
            Row line = sheet.createRow(row);
            SheetRows.text(line, 0, instruction, styles.note);
            sheet.addMergedRegion(new CellRangeAddress(row, row, 0, 2));
            line.setHeightInPoints(48);
            row++;
        }
        Row header = sheet.createRow(row);
        SheetRows.text(header, 0, explanations.codeHeader(), styles.header);
        SheetRows.text(header, 1, explanations.cellHeader(), styles.header);
        SheetRows.text(header, 2, explanations.textHeader(), styles.header);
        for (int r = row + 1; r <= row + explanations.rows(); r++) {
            Row blank = sheet.createRow(r);
            for (int c = 0; c < 3; c++) {
                blank.createCell(c).setCellStyle(styles.textInput);
            }
        }
        CellStyles.printOnA4FitToWidth(sheet);
        sheet.protectSheet("");
    }
}
