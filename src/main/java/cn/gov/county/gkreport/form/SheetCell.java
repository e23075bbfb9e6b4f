package cn.gov.county.gkreport.form;


/** A cell of a named sheet: where an item sits in a workbook. */
public record SheetCell(String sheet, CellRef cell) {

    @Override
    public String toString() {
        return sheet + "!" + cell.a1();
    }
}
