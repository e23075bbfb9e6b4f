package cn.gov.county.gkreport.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.SheetCell;

/** Collects what the locators find in one workbook. */
final class ContentBuilder {

    private final FormDefinition form;

    final Map<String, String> cover = new LinkedHashMap<>();
    final Map<String, SheetCell> coverCells = new LinkedHashMap<>();
    final Map<String, FigureCell> figures = new LinkedHashMap<>();
    final List<ShapeProblem> problems = new ArrayList<>();
    final List<ReadNote> notes = new ArrayList<>();
    SheetCell legacyTable3Cell;

    ContentBuilder(FormDefinition form) {
        this.form = form;
    }

    void figure(String code, SheetSearch sheet, int row, int col) {
        CellRef at = new CellRef(row, col);
        figures.put(code, ValueParser.parse(code, sheet.grid().name(), at, sheet.grid().cell(row, col),
                form.moneyUnit(code)));
    }

    void problem(String sheet, String message) {
        problems.add(new ShapeProblem(sheet, message));
    }

    void note(ReadNote note) {
        notes.add(note);
    }

    SubmissionContent build(WorkbookFormat format) {
        return new SubmissionContent(format, cover, coverCells, figures, problems, Optional.ofNullable(legacyTable3Cell),
                notes);
    }
}
