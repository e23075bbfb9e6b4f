package cn.gov.county.gkreport.read.grid;

/** A merged region, zero-based and inclusive, as Excel stores it. */
public record CellRange(int firstRow, int lastRow, int firstCol, int lastCol) {

    public boolean contains(int row, int col) {
        return row >= firstRow && row <= lastRow && col >= firstCol && col <= lastCol;
    }
}
