package cn.gov.county.gkreport.read;

import java.util.List;
import java.util.Optional;

/**
 * The searchable sheets of one workbook, indexed once. Picks the sheet holding a table: the sheet
 * with the template's name if it carries the table's anchor label, otherwise the first sheet that
 * does (tables pasted into a workbook of the unit's own).
 */
final class SheetFinder {

    private final List<SheetSearch> sheets;

    SheetFinder(WorkbookGrid workbook) {
        this.sheets = workbook.sheets().stream().map(SheetSearch::new).toList();
    }

    Optional<SheetSearch> find(String preferredName, String anchorLabel) {
        Optional<SheetSearch> named = sheets.stream().filter(s -> s.grid().name().equals(preferredName))
                .filter(s -> s.find(anchorLabel).isPresent()).findFirst();
        if (named.isPresent()) {
            return named;
        }
        return sheets.stream().filter(s -> s.find(anchorLabel).isPresent()).findFirst();
    }
}
