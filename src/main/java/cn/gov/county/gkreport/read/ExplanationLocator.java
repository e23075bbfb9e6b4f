package cn.gov.county.gkreport.read;

import java.util.Locale;
import java.util.Optional;

import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.form.ExplanationSheet;
import cn.gov.county.gkreport.read.grid.GridCell;

/**
 * Reads the 说明 sheet: below its header row, every row with a code and a text is an explanation.
 * A workbook without the sheet (an older template, tables pasted elsewhere) has none; nothing
 * here can reject a file.
 */
final class ExplanationLocator {

    /** A sheet cannot hold more explanations than the form has findings worth explaining. */
    private static final int MAX_ROWS = 200;

    private final ExplanationSheet sheet;

    ExplanationLocator(ExplanationSheet sheet) {
        this.sheet = sheet;
    }

    void locate(SheetFinder workbook, ContentBuilder out) {
        if (!sheet.present()) {
            return;
        }
        Optional<SheetSearch> found = workbook.find(sheet.sheet(), sheet.codeHeader());
        if (found.isEmpty()) {
            return;
        }
        SheetSearch search = found.get();
        Optional<GridCell> code = search.find(sheet.codeHeader());
        Optional<GridCell> text = code.flatMap(c -> search.find(sheet.textHeader(), t -> t.row() == c.row()));
        if (text.isEmpty()) {
            return;
        }
        Optional<GridCell> cell = search.find(sheet.cellHeader(), t -> t.row() == code.get().row());
        int header = code.get().row();
        int last = search.grid().cells().stream().mapToInt(GridCell::row).max().orElse(header);
        for (int row = header + 1; row <= Math.min(last, header + MAX_ROWS); row++) {
            String ruleId = value(search, row, code.get().col()).toUpperCase(Locale.ROOT);
            String explanation = value(search, row, text.get().col());
            if (ruleId.isEmpty() || explanation.isEmpty()) {
                continue;
            }
            int r = row;
            String at = cell.map(c -> cellRef(value(search, r, c.col()))).orElse("");
            out.explanation(new Explanation(ruleId, at, explanation.length() > Explanation.MAX_TEXT
                    ? explanation.substring(0, Explanation.MAX_TEXT) : explanation));
        }
    }

    /**
     * The cell as findings name it (J28), however the unit typed it ($J$28, j28); anything else,
     * a sheet name or a range, is kept as typed and so explains no single cell.
     */
    private static String cellRef(String typed) {
        CellRef ref = CellRef.parseOrNull(typed);
        return ref == null ? typed : ref.a1();
    }

    private static String value(SheetSearch search, int row, int col) {
        GridCell cell = search.grid().cell(row, col);
        return cell == null || cell.value() == null ? "" : cell.value().strip();
    }
}
