package cn.gov.county.gkreport.read;

import java.util.Optional;

/**
 * Picks the sheet holding a table: the sheet with the template's name if it carries the table's
 * anchor label, otherwise the first sheet that does (tables pasted into a workbook of the unit's own).
 */
final class SheetFinder {

    private SheetFinder() {
    }

    static Optional<SheetSearch> find(WorkbookGrid workbook, String preferredName, String anchorLabel) {
        Optional<SheetSearch> named = workbook.sheet(preferredName).map(SheetSearch::new)
                .filter(s -> s.find(anchorLabel).isPresent());
        if (named.isPresent()) {
            return named;
        }
        return workbook.sheets().stream().map(SheetSearch::new).filter(s -> s.find(anchorLabel).isPresent()).findFirst();
    }
}
