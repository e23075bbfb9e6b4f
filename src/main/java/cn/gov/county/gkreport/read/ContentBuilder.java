package cn.gov.county.gkreport.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.read.grid.CellKind;
import cn.gov.county.gkreport.read.grid.GridCell;
import cn.gov.county.gkreport.read.grid.WorkbookFormat;

/** Collects what the locators find in one workbook. */
final class ContentBuilder {

    /** A number that came with invisible characters, which were stripped. */
    static final String INVISIBLE_RULE_ID = "INVISIBLE";

    private final FormDefinition form;

    final Map<String, String> cover = new LinkedHashMap<>();
    final Map<String, SheetCell> coverCells = new LinkedHashMap<>();
    final Map<String, FigureCell> figures;
    final List<ShapeProblem> problems = new ArrayList<>();
    final List<ReadNote> notes = new ArrayList<>();
    final Set<String> typedAsText = new HashSet<>();
    final List<Explanation> explanations = new ArrayList<>();
    SheetCell legacyTable3Cell;

    ContentBuilder(FormDefinition form) {
        this.form = form;
        // sized for every item of the form: no rehashing while the figures come in
        this.figures = new SubmissionContent.HandedOver<>(form.items().size() * 2);
    }

    void figure(String code, SheetSearch sheet, int row, int col) {
        CellRef at = new CellRef(row, col);
        GridCell cell = sheet.grid().cell(row, col);
        FigureCell figure = ValueParser.parse(code, sheet.grid().name(), at, cell, form.moneyUnit(code));
        figures.put(code, figure);
        if (cell != null && cell.kind() == CellKind.TEXT && figure.readable()
                && figure.reading() != FigureCell.Reading.IMPLICIT_ZERO) {
            typedAsText.add(code);
        }
        if (cell != null && cell.kind() == CellKind.TEXT && figure.readable() && InvisibleCharacters.in(cell.value())) {
            note(ReadNote.warning(INVISIBLE_RULE_ID, figure.sheet(), at.a1(), form.item(code).describe() + "（单元格 "
                    + at.a1() + "）填的“" + InvisibleCharacters.shown(cell.value()) + "”里有看不见的字符 "
                    + InvisibleCharacters.describe(cell.value()) + "（常见于从网页、微信或 PDF 复制的数字），已去掉，按 "
                    + figure.value().toPlainString() + " 计入。请删除该单元格内容后重新输入数字。"));
        }
    }

    void problem(String sheet, String message) {
        problems.add(new ShapeProblem(sheet, message));
    }

    void explanation(Explanation explanation) {
        explanations.add(explanation);
    }

    void note(ReadNote note) {
        notes.add(note);
    }

    /** The content found; once only, the builder is done with then. */
    SubmissionContent build(WorkbookFormat format) {
        return new SubmissionContent(format, cover, coverCells, figures, problems, Optional.ofNullable(legacyTable3Cell),
                notes, typedAsText, explanations);
    }
}
