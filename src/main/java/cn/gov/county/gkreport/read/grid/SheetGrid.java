package cn.gov.county.gkreport.read.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The cells and merged regions of one sheet: a compact, format-independent picture of what the
 * unit's file holds. Empty cells are absent.
 */
public final class SheetGrid {

    private final String name;
    /** The cells in the order read; a later cell at the same position replaces the earlier one in its place. */
    private final List<GridCell> cells;
    /**
     * Open addressing from a position key to its index in {@link #cells}, {@code -1} for a free
     * slot: every figure and label lookup goes through here, and a boxed {@code Long} map cost a
     * tenth of reading a workbook.
     */
    private final long[] keys;
    private final int[] slots;
    private final List<CellRange> mergedRegions;
    private final boolean hidden;

    public SheetGrid(String name, Collection<GridCell> cells, List<CellRange> mergedRegions) {
        this(name, cells, mergedRegions, false);
    }

    /** @param hidden the sheet's tab is hidden (or very hidden): the clerk does not see it */
    public SheetGrid(String name, Collection<GridCell> cells, List<CellRange> mergedRegions, boolean hidden) {
        this.name = name;
        this.hidden = hidden;
        int capacity = Integer.highestOneBit(Math.max(4, cells.size() * 2)) << 1;
        this.keys = new long[capacity];
        this.slots = new int[capacity];
        Arrays.fill(slots, -1);
        List<GridCell> ordered = new ArrayList<>(cells.size());
        for (GridCell cell : cells) {
            long key = key(cell.row(), cell.col());
            int slot = slot(key);
            if (slots[slot] < 0) {
                keys[slot] = key;
                slots[slot] = ordered.size();
                ordered.add(cell);
            } else {
                ordered.set(slots[slot], cell);
            }
        }
        this.cells = Collections.unmodifiableList(ordered);
        this.mergedRegions = List.copyOf(mergedRegions);
    }

    private static long key(int row, int col) {
        return ((long) row << 20) | col;
    }

    /** The slot holding the key, or the free slot where it would go (the table is never full). */
    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) (key * 0x9E3779B97F4A7C15L >>> 40) & mask;
        while (slots[i] >= 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    public String name() {
        return name;
    }

    public boolean hidden() {
        return hidden;
    }

    /** The cell at a position, or {@code null} when it is empty. */
    public GridCell cell(int row, int col) {
        if (row < 0 || col < 0) {
            return null;
        }
        int index = slots[slot(key(row, col))];
        return index < 0 ? null : cells.get(index);
    }

    public Collection<GridCell> cells() {
        return cells;
    }

    public List<CellRange> mergedRegions() {
        return mergedRegions;
    }
}
