package cn.gov.county.gkreport.feedback;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.form.CellRef;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** The cell a finding points at, on one sheet of the workbook being annotated. */
record FindingCell(Sheet sheet, int row, int col) {

    /**
     * Where {@code finding} points in {@code workbook}, or {@code null} when it names no existing
     * sheet, the list sheet we add, or no cell inside the sheet's limits.
     */
    static FindingCell of(Workbook workbook, Finding finding, String listSheetName) {
        CellRef at = position(finding, listSheetName, workbook.getSpreadsheetVersion());
        Sheet sheet = at == null ? null : workbook.getSheet(finding.sheet());
        return sheet == null ? null : new FindingCell(sheet, at.row(), at.col());
    }

    /**
     * The cell {@code finding} names, or {@code null} when it names no sheet, the list sheet, or no
     * cell inside the format's limits; whether the sheet exists is the caller's to check (by name,
     * ignoring case, as Excel and POI do).
     */
    static CellRef position(Finding finding, String listSheetName, SpreadsheetVersion version) {
        String sheetName = finding.sheet();
        if (sheetName == null || sheetName.isEmpty() || finding.cell() == null || sheetName.equals(listSheetName)) {
            return null;
        }
        CellRef at = CellRef.parseOrNull(finding.cell().trim());
        if (at == null || at.row() > version.getLastRowIndex() || at.col() > version.getLastColumnIndex()) {
            return null;
        }
        return at;
    }
}
