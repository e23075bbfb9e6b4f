package cn.gov.county.gkreport.read.grid;

import cn.gov.county.gkreport.form.CellRef;

/**
 * One non-empty cell of a sheet as read from the file.
 *
 * @param value   for NUMBER the exact decimal text as stored (never a rounded double); for TEXT the
 *                string; for ERROR the error code; for DATE the stored serial number; for BOOLEAN
 *                {@code TRUE}/{@code FALSE}; for FORMULA_WITHOUT_VALUE the empty string
 * @param formula the formula text without the leading {@code =}, or {@code null} for a constant
 */
public record GridCell(int row, int col, CellKind kind, String value, String formula) {

    public CellRef ref() {
        return new CellRef(row, col);
    }

    public boolean isFormula() {
        return formula != null;
    }
}
