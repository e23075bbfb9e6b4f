package cn.gov.county.gkreport.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * The keys of the labels the locators ask for. They come from the form definition only (a few
     * hundred), so this stays small; normalising them once saves a Unicode normalisation per lookup.
     */
    private static final Map<String, String> LOOKUP_KEYS = new ConcurrentHashMap<>();
    /** The fragments searched for, normalised: as few as the keys, and as constant. */
    private static final Map<String, String> NEEDLES = new ConcurrentHashMap<>();

    private final SheetGrid grid;
    private final Index index;
    /** Records what the locators ask, while the template's layout is derived; otherwise {@code null}. */
    private final LabelQueries asked;

    /** A sheet's text cells, normalised and grouped by label key. */
    static final class Index {

        private final List<String> normalizedTexts;
        /** Answers of {@link #contains}: the template's index is shared by every file that has its labels. */
        private final Map<String, Boolean> containing = new ConcurrentHashMap<>();
        /** Text cells by label key, each list top to bottom, left to right: every lookup is a map hit. */
        private final Map<String, List<GridCell>> byKey = new HashMap<>();

        Index(SheetGrid grid) {
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

        List<GridCell> cells(String key) {
            return byKey.getOrDefault(key, List.of());
        }

        boolean contains(String normalizedFragment) {
            return containing.computeIfAbsent(normalizedFragment,
                    fragment -> normalizedTexts.stream().anyMatch(text -> text.contains(fragment)));
        }
    }

    public SheetSearch(SheetGrid grid) {
        this(grid, new Index(grid), null);
    }

    /** A sheet searched with an index built elsewhere (the template's, when the sheet's labels are exactly its). */
    SheetSearch(SheetGrid grid, Index index, LabelQueries asked) {
        this.grid = grid;
        this.index = index;
        this.asked = asked;
    }

    public SheetGrid grid() {
        return grid;
    }

    /** Every cell whose label matches, top to bottom, left to right. */
    public List<GridCell> findAll(String label) {
        String key = LOOKUP_KEYS.computeIfAbsent(label, LabelText::key);
        if (asked != null) {
            asked.keys().add(key);
        }
        return index.cells(key);
    }

    /** The first matching cell inside an area. */
    public Optional<GridCell> find(String label, Predicate<GridCell> area) {
        for (GridCell cell : findAll(label)) {
            if (area.test(cell)) {
                return Optional.of(cell);
            }
        }
        return Optional.empty();
    }

    public Optional<GridCell> find(String label) {
        List<GridCell> all = findAll(label);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Whether any cell's normalised text contains the fragment (for recognising old formats). */
    public boolean containsText(String fragment) {
        String needle = NEEDLES.computeIfAbsent(fragment, LabelText::normalize);
        if (asked != null) {
            asked.fragments().add(needle);
        }
        return index.contains(needle);
    }

    /** The merged region a cell heads, if any. */
    public Optional<CellRange> mergedAt(int row, int col) {
        for (CellRange region : grid.mergedRegions()) {
            if (region.firstRow() == row && region.firstCol() == col) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }

    /** The last column a label cell covers (itself, or the end of the merge it heads). */
    public int lastColumnOf(GridCell cell) {
        return mergedAt(cell.row(), cell.col()).map(CellRange::lastCol).orElse(cell.col());
    }
}
