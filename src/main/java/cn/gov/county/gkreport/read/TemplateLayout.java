package cn.gov.county.gkreport.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.read.grid.CellKind;
import cn.gov.county.gkreport.read.grid.CellRange;
import cn.gov.county.gkreport.read.grid.GridCell;
import cn.gov.county.gkreport.read.grid.SheetGrid;
import cn.gov.county.gkreport.read.grid.UnreadableWorkbookException;
import cn.gov.county.gkreport.read.grid.WorkbookGrid;
import cn.gov.county.gkreport.read.grid.WorkbookLoader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standard template's layout, derived once from the form: per sheet, where each label cell
 * sits and what it says, indexed as {@link SheetSearch} indexes it, and which label keys and
 * fragments the locators ask for when they read the template.
 *
 * <p>Almost every file is the unmodified template. Indexing a sheet normalises each of its few
 * hundred text cells (a third of the reading time); checking that they are the template's is one
 * map lookup and one string comparison each. A file's sheet is searched with the template's index
 * when, against the template's sheet of the same name:
 * <ul>
 *   <li>every label cell of the template is there, at the same position, with the same content;</li>
 *   <li>its merged regions are the template's;</li>
 *   <li>every other text cell (the clerk's entries: unit name, contact, a number typed as text) has
 *       a key no locator asks for and contains no fragment one searches for.</li>
 * </ul>
 * Then every lookup the locators make has the same answer from either index, so they locate
 * exactly what they would have located. Anything else, and the sheet is indexed anew and
 * searched by its labels as before: rows moved, a label retyped, a column inserted.
 */
final class TemplateLayout {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateLayout.class);

    /** No template layout: every sheet is indexed anew. */
    static final TemplateLayout NONE = new TemplateLayout(Map.of(), new LabelQueries());

    /** The locating pass of the reader: a workbook, how its sheets are made searchable, what to record. */
    interface Locating {
        void locate(WorkbookGrid workbook, Function<SheetGrid, SheetSearch> search, LabelQueries asked);
    }

    /**
     * @param grid   the template's sheet: its label cells are looked up by position in its own table, and
     *               its merged regions compared as written first (a file saved by the same writer lists them alike)
     * @param labels how many label (text) cells it has
     * @param merged its merged regions in any order
     */
    private record SheetLayout(SheetGrid grid, int labels, Set<CellRange> merged, SheetSearch.Index index) {
    }

    private final Map<String, SheetLayout> sheets;
    private final LabelQueries asked;

    private TemplateLayout(Map<String, SheetLayout> sheets, LabelQueries asked) {
        this.sheets = sheets;
        this.asked = asked;
    }

    /**
     * Writes the blank template as {@link FormFiles} writes the committed one, loads it like any
     * file and runs the locators over it, recording what they ask. {@link #NONE} when that fails or
     * when a table's anchor label stands on two of the template's sheets (a file's sheet could then
     * be chosen for another table than the template's sheet was, and asked other labels).
     */
    static TemplateLayout derive(FormDefinition form, WorkbookLoader loader, Locating locating) {
        Path file = null;
        try {
            file = Files.createTempFile("template-layout-", ".xlsx");
            new FormFiles(form).write(file, FormContent.blank(Map.of()));
            WorkbookGrid template = loader.load(file);
            LabelQueries asked = new LabelQueries();
            Map<String, SheetLayout> sheets = new HashMap<>();
            locating.locate(template, grid -> {
                SheetSearch.Index index = new SheetSearch.Index(grid);
                sheets.put(grid.name(), new SheetLayout(grid, labels(grid), Set.copyOf(grid.mergedRegions()), index));
                return new SheetSearch(grid, index, asked);
            }, asked);
            for (SheetLayout sheet : sheets.values()) {
                // SheetSearch.mergedAt takes the first region a cell heads: in another order, the same one
                if (sheet.merged().stream().map(r -> List.of(r.firstRow(), r.firstCol())).distinct().count()
                        != sheet.merged().size()) {
                    LOG.warn("Template layout not used: two merged regions of the template start in one cell");
                    return NONE;
                }
            }
            for (String anchor : asked.anchors()) {
                String key = LabelText.key(anchor);
                if (sheets.values().stream().filter(s -> !s.index().cells(key).isEmpty()).count() > 1) {
                    LOG.warn("Template layout not used: the anchor {} is on more than one sheet of the template", anchor);
                    return NONE;
                }
            }
            return new TemplateLayout(Map.copyOf(sheets), new LabelQueries(Set.copyOf(asked.keys()),
                    Set.copyOf(asked.fragments()), Set.copyOf(asked.anchors())));
        } catch (IOException | UnreadableWorkbookException | RuntimeException e) {
            LOG.warn("Template layout not derived, every file is located by its labels alone: {}", e.toString());
            return NONE;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    private static int labels(SheetGrid grid) {
        return (int) grid.cells().stream().filter(cell -> cell.kind() == CellKind.TEXT).count();
    }

    /** The sheet made searchable: with the template's index when it has the template's labels, else its own. */
    SheetSearch search(SheetGrid grid) {
        SheetLayout template = sheets.get(grid.name());
        return template != null && matches(grid, template) ? new SheetSearch(grid, template.index(), null)
                : new SheetSearch(grid);
    }

    /** Whether the sheet is searched with the template's index. */
    boolean matches(SheetGrid grid) {
        SheetLayout template = sheets.get(grid.name());
        return template != null && matches(grid, template);
    }

    private boolean matches(SheetGrid grid, SheetLayout template) {
        List<CellRange> merged = grid.mergedRegions();
        if (merged.size() != template.merged().size()
                || !merged.equals(template.grid().mergedRegions()) && !template.merged().equals(new HashSet<>(merged))) {
            return false;
        }
        int labelsFound = 0;
        for (GridCell cell : grid.cells()) {
            if (cell.kind() != CellKind.TEXT) {
                continue;
            }
            GridCell label = template.grid().cell(cell.row(), cell.col());
            if (label != null && label.kind() == CellKind.TEXT && cell.equals(label)) {
                labelsFound++;
            } else if (askedFor(cell.value())) {
                return false;
            }
        }
        return labelsFound == template.labels();
    }

    /** Whether a text the template does not have there would answer one of the locators' questions. */
    private boolean askedFor(String text) {
        String normalized = LabelText.normalize(text);
        if (asked.keys().contains(LabelText.keyOfNormalized(normalized))) {
            return true;
        }
        for (String fragment : asked.fragments()) {
            if (normalized.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    /** The template's sheets, for the tests. */
    Set<String> sheetNames() {
        return new HashSet<>(sheets.keySet());
    }
}
