package cn.gov.county.gkreport.read.grid;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells and merged regions of one sheet: a compact, format-independent picture of what the
 * unit's file holds. Empty cells are absent.
 */
public final class SheetGrid {

    private final String name;
    private final Map<Long, GridCell> cells;
    private final List<CellRange> mergedRegions;
    private final boolean hidden;

    public SheetGrid(String name, Collection<GridCell> cells, List<CellRange> mergedRegions) {
        this(name, cells, mergedRegions, false);
    }

    /** @param hidden the sheet's tab is hidden (or very hidden): the clerk does not see it */
    public SheetGrid(String name, Collection<GridCell> cells, List<CellRange> mergedRegions, boolean hidden) {
        this.name = name;
        this.hidden = hidden;
        Map<Long, GridCell> byPosition = new LinkedHashMap<>();
        for (GridCell cell : cells) {
            byPosition.put(key(cell.row(), cell.col()), cell);
        }
        this.cells = Collections.unmodifiableMap(byPosition);
        this.mergedRegions = List.copyOf(mergedRegions);
    }

    private static long key(int row, int col) {
        return ((long) row << 20) | col;
    }

    public String name() {
        return name;
    }

    public boolean hidden() {
        return hidden;
    }

    /** The cell at a position, or {@code null} when it is empty. */
    public GridCell cell(int row, int col) {
        return cells.get(key(row, col));
    }

    public Collection<GridCell> cells() {
        return cells.values();
    }

    public List<CellRange> mergedRegions() {
        return mergedRegions;
    }
}
