package cn.gov.county.gkreport.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import cn.gov.county.gkreport.read.grid.CellKind;
import cn.gov.county.gkreport.read.grid.CellRange;
import cn.gov.county.gkreport.read.grid.GridCell;
import cn.gov.county.gkreport.read.grid.SheetGrid;

/**
 * Finds labels in a sheet by their normalised text, so tables are located by what they say rather
 * than where the template put them (units insert rows, move tables, paste into new workbooks).
 */
public final class SheetSearch {

    private final SheetGrid grid;
    private final List<String> normalizedTexts;
    /** Text cells by label key, each list top to bottom, left to right: every lookup is a map hit. */
    private final Map<String, List<GridCell>> byKey = new HashMap<>();

    public SheetSearch(SheetGrid grid) {
        this.grid = grid;
        List<GridCell> textCells = grid.cells().stream().filter(c -> c.kind() == CellKind.TEXT)
                .sorted(Comparator.comparingInt(GridCell::row).thenComparingInt(GridCell::col)).toList();
        List<String> normalized = new ArrayList<>(textCells.size());
        for (GridCell cell : textCells) {
            String text = LabelText.normalize(cell.value());
            normalized.add(text);
            byKey.computeIfAbsent(LabelText.keyOfNormalized(text), k -> new ArrayList<>()).add(cell);
        }
        this.normalizedTexts = normalized;
    }

    public SheetGrid grid() {
        return grid;
    }

    /** Every cell whose label matches, top to bottom, left to right. */
    public List<GridCell> findAll(String label) {
        return byKey.getOrDefault(LabelText.key(label), List.of());
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
        return normalizedTexts.stream().anyMatch(text -> text.contains(needle));
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
