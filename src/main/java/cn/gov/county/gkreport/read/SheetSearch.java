package cn.gov.county.gkreport.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds labels in a sheet by their normalised text, so tables are located by what they say rather
 * than where the template put them (units insert rows, move tables, paste into new workbooks).
 */
public final class SheetSearch {

    private final SheetGrid grid;
    private final List<GridCell> textCells;

    public SheetSearch(SheetGrid grid) {
        this.grid = grid;
        this.textCells = grid.cells().stream().filter(c -> c.kind() == CellKind.TEXT)
                .sorted(Comparator.comparingInt(GridCell::row).thenComparingInt(GridCell::col)).toList();
    }

    public SheetGrid grid() {
        return grid;
    }

    /** Every cell whose label matches, top to bottom, left to right. */
    public List<GridCell> findAll(String label) {
        String key = LabelText.key(label);
        List<GridCell> found = new ArrayList<>();
        for (GridCell cell : textCells) {
            if (LabelText.key(cell.value()).equals(key)) {
                found.add(cell);
            }
        }
        return found;
    }

    /** The first matching cell inside an area. */
    public Optional<GridCell> find(String label, Predicate<GridCell> area) {
        return findAll(label).stream().filter(area).findFirst();
    }

    public Optional<GridCell> find(String label) {
        return find(label, c -> true);
    }

    /** Whether any cell's normalised text contains the fragment (for recognising old formats). */
    public boolean containsText(String fragment) {
        String needle = LabelText.normalize(fragment);
        return textCells.stream().anyMatch(c -> LabelText.normalize(c.value()).contains(needle));
    }

    /** The merged region a cell heads, if any. */
    public Optional<CellRange> mergedAt(int row, int col) {
        return grid.mergedRegions().stream().filter(r -> r.firstRow() == row && r.firstCol() == col).findFirst();
    }

    /** The last column a label cell covers (itself, or the end of the merge it heads). */
    public int lastColumnOf(GridCell cell) {
        return mergedAt(cell.row(), cell.col()).map(CellRange::lastCol).orElse(cell.col());
    }
}
