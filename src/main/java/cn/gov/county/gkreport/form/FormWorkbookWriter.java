package cn.gov.county.gkreport.form;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Lays the national form out as sheets (封面, 表二, 表三, 表四, 总体情况) exactly as printed:
 * merged headers, the exact labels, figures where the form has them. The same layout serves
 * the blank template, the demo submissions and the county's consolidated tables, so a county's
 * result can be submitted one level up.
 */
public final class FormWorkbookWriter {

    /** How the sheets are written. */
    public record Options(boolean totalsAsFormulas, boolean protect) {
        /** The blank template and unit files: totals are formulas, labels are locked. */
        public static final Options TEMPLATE = new Options(true, true);
        /** Consolidated output: totals are recomputed values, nothing is locked. */
        public static final Options VALUES = new Options(false, false);

        /**
         * The consolidated result, read by reviewers: no instructions meant for the units, item codes
         * hidden (kept in the file, so the result can still be read one level up), titles apart from
         * their tables and without borders.
         */
        public boolean forReviewers() {
            return !totalsAsFormulas;
        }
    }

    private final FormDefinition form;

    public FormWorkbookWriter(FormDefinition form) {
        this.form = form;
    }

    /**
     * Writes the form's sheets into {@code workbook} and returns where each item landed.
     */
    public Map<String, SheetCell> write(Workbook workbook, FormContent content, Options options) {
        FormStyles styles = new FormStyles(workbook);
        boolean plain = options.forReviewers();
        FormSheetBuilder cover = new FormSheetBuilder(workbook.createSheet(form.cover().sheet()), styles, plain);
        FormSheetBuilder t2 = new FormSheetBuilder(workbook.createSheet(form.table2().sheet()), styles, plain);
        FormSheetBuilder t3 = new FormSheetBuilder(workbook.createSheet(form.table3().sheet()), styles, plain);
        FormSheetBuilder t4 = new FormSheetBuilder(workbook.createSheet(form.table4().sheet()), styles, plain);
        FormSheetBuilder n = new FormSheetBuilder(workbook.createSheet(form.indicators().sheet()), styles, plain);

        Map<String, SheetCell> positions = new LinkedHashMap<>();
        writeCover(cover, content, options);
        layoutTable2(t2, positions);
        layoutTable3(t3, positions);
        layoutTable4(t4, positions);
        layoutIndicators(n, positions);

        Map<String, FormSheetBuilder> bySheet = Map.of(t2.sheet.getSheetName(), t2, t3.sheet.getSheetName(), t3,
                t4.sheet.getSheetName(), t4, n.sheet.getSheetName(), n);
        Map<String, BigDecimal> totals = options.totalsAsFormulas() ? content.values()
                : form.withDerivedTotals(content.values());
        for (Map.Entry<String, SheetCell> entry : positions.entrySet()) {
            FormItem item = form.item(entry.getKey());
            FormSheetBuilder builder = bySheet.get(entry.getValue().sheet());
            writeFigure(builder, item, entry.getValue().cell(), content, totals, positions, options);
        }
        if (options.protect()) {
            for (FormSheetBuilder builder : List.of(t2, t3, t4, n)) {
                InputValidation.figures(form, builder, positions);
            }
        }
        for (FormSheetBuilder builder : List.of(cover, t2, t3, t4, n)) {
            builder.printSetup(options.protect());
            if (plain) {
                builder.height(0, 30); // the title stands apart from the table below it
            }
        }
        if (plain) {
            n.sheet.setColumnHidden(0, true);
        }
        if (options.totalsAsFormulas()) {
            workbook.setForceFormulaRecalculation(true);
        }
        return positions;
    }

    private void writeCover(FormSheetBuilder b, FormContent content, Options options) {
        CoverSheet cover = form.cover();
        b.widths(16, 40, 12, 12);
        b.text(0, 0, cover.title(), b.styles.title);
        b.merge(0, 0, 0, 3);
        int row = 2;
        for (CoverField field : cover.fields()) {
            b.text(row, 0, field.label(), b.styles.label);
            String value = content.cover().get(field.key());
            Cell cell = b.cell(row, 1);
            cell.setCellStyle(b.styles.textInput);
            if (value != null) {
                cell.setCellValue(value);
            }
            if (options.protect() && CoverField.UNIT_TYPE.equals(field.key())) {
                InputValidation.unitType(b, row, 1);
            }
            row++;
        }
        row++;
        if (options.forReviewers()) {
            return;
        }
        b.text(row++, 0, "填报说明", b.styles.header);
        b.merge(row - 1, row - 1, 0, 3);
        int number = 1;
        for (String instruction : cover.instructions()) {
            b.text(row, 0, number++ + ". " + instruction, b.styles.note);
            b.merge(row, row, 0, 3);
            b.height(row, 32);
            row++;
        }
    }

    private void layoutTable2(FormSheetBuilder b, Map<String, SheetCell> positions) {
        Table2Layout t2 = form.table2();
        b.widths(30, 18, 18, 18);
        b.text(0, 0, t2.title(), b.styles.title);
        b.merge(0, 0, 0, 3);
        int row = 2;
        for (Table2Block block : t2.blocks()) {
            b.text(row, 0, block.title(), b.styles.header);
            b.merge(row, row, 0, 3);
            row++;
            b.text(row, 0, Table2Block.FIRST_HEADER, b.styles.header);
            for (int c = 0; c < block.columns().size(); c++) {
                b.text(row, 1 + c, block.columns().get(c).text(), b.styles.header);
            }
            mergeSingleColumn(b, block, row);
            row++;
            for (Label rowLabel : block.rows()) {
                b.text(row, 0, rowLabel.text(), b.styles.label);
                for (int c = 0; c < block.columns().size(); c++) {
                    positions.put(Table2Block.itemCode(rowLabel, block.columns().get(c)),
                            new SheetCell(b.name(), new CellRef(row, 1 + c)));
                }
                mergeSingleColumn(b, block, row);
                row++;
            }
            row++;
        }
    }

    /** Blocks with one figure column span it over the three columns, as the printed form does. */
    private static void mergeSingleColumn(FormSheetBuilder b, Table2Block block, int row) {
        if (block.columns().size() == 1) {
            b.border(row, 2, 3);
            b.merge(row, row, 1, 3);
        }
    }

    private void layoutTable3(FormSheetBuilder b, Map<String, SheetCell> positions) {
        Table3Layout t3 = form.table3();
        List<Table3Column> columns = t3.columns();
        int firstValueCol = 3;
        int lastCol = firstValueCol + columns.size() - 1;
        b.widths(10, 16, 40);
        for (int c = firstValueCol; c <= lastCol; c++) {
            b.width(c, 11);
        }
        b.text(0, 0, t3.title(), b.styles.title);
        b.merge(0, 0, 0, lastCol);
        // Header: corner note over 3×3, 申请人情况 over every column, 法人或其他组织 over its five.
        b.text(1, 0, t3.corner(), b.styles.header);
        b.merge(1, 3, 0, 2);
        b.text(1, firstValueCol, t3.applicantHeader(), b.styles.header);
        b.merge(1, 1, firstValueCol, lastCol);
        int firstOrg = -1;
        int lastOrg = -1;
        for (int i = 0; i < columns.size(); i++) {
            Table3Column column = columns.get(i);
            int col = firstValueCol + i;
            if (column.organisation()) {
                firstOrg = firstOrg < 0 ? col : firstOrg;
                lastOrg = col;
                b.text(3, col, column.label(), b.styles.header);
            } else {
                b.text(2, col, column.label(), b.styles.header);
                b.merge(2, 3, col, col);
            }
        }
        b.text(2, firstOrg, t3.organisationHeader(), b.styles.header);
        b.merge(2, 2, firstOrg, lastOrg);
        b.height(3, 30);

        int row = 4;
        List<Table3Row> rows = t3.rows();
        for (int r = 0; r < rows.size(); r++) {
            Table3Row figureRow = rows.get(r);
            int depth = figureRow.groups().size();
            b.text(row, depth, figureRow.label(), b.styles.label);
            if (depth < 2) {
                b.border(row, depth + 1, 2);
                b.merge(row, row, depth, 2);
            }
            // A group's stub cell is written on its first row and merged down over its rows.
            for (int g = 0; g < depth; g++) {
                String group = figureRow.groups().get(g);
                boolean first = r == 0 || rows.get(r - 1).groups().size() <= g
                        || !rows.get(r - 1).groups().get(g).equals(group);
                if (first) {
                    int span = 1;
                    while (r + span < rows.size() && rows.get(r + span).groups().size() > g
                            && rows.get(r + span).groups().get(g).equals(group)) {
                        span++;
                    }
                    b.text(row, g, group, b.styles.label);
                    for (int k = 1; k < span; k++) {
                        b.border(row + k, g, g);
                    }
                    b.merge(row, row + span - 1, g, g);
                }
            }
            if (figureRow.label().length() > 24) {
                b.height(row, 30);
            }
            for (int i = 0; i < columns.size(); i++) {
                positions.put(Table3Layout.itemCode(figureRow.code(), columns.get(i).code()),
                        new SheetCell(b.name(), new CellRef(row, firstValueCol + i)));
            }
            row++;
        }
    }

    private void layoutTable4(FormSheetBuilder b, Map<String, SheetCell> positions) {
        Table4Layout t4 = form.table4();
        int width = t4.columns().size();
        int lastCol = t4.groups().size() * width - 1;
        for (int c = 0; c <= lastCol; c++) {
            b.width(c, 9);
        }
        b.text(0, 0, t4.title(), b.styles.title);
        b.merge(0, 0, 0, lastCol);
        int col = 0;
        String openParent = null;
        int parentStart = 0;
        for (Table4Layout.Group group : t4.groups()) {
            if (group.parent() == null) {
                b.text(1, col, group.label(), b.styles.header);
                b.border(2, col, col + width - 1);
                b.merge(1, 2, col, col + width - 1);
            } else {
                if (!group.parent().equals(openParent)) {
                    openParent = group.parent();
                    parentStart = col;
                    b.text(1, col, group.parent(), b.styles.header);
                }
                b.text(2, col, group.label(), b.styles.header);
                b.merge(2, 2, col, col + width - 1);
            }
            for (Table4Layout.Column column : t4.columns()) {
                b.text(3, col, column.label(), b.styles.header);
                positions.put(Table4Layout.itemCode(group, column), new SheetCell(b.name(), new CellRef(4, col)));
                col++;
            }
            boolean parentEnds = group.parent() != null;
            if (parentEnds) {
                b.border(1, parentStart, col - 1);
                if (col - 1 > parentStart && (t4.groups().indexOf(group) == t4.groups().size() - 1
                        || !group.parent().equals(t4.groups().get(t4.groups().indexOf(group) + 1).parent()))) {
                    b.merge(1, 1, parentStart, col - 1);
                }
            }
        }
        b.height(3, 30);
    }

    private void layoutIndicators(FormSheetBuilder b, Map<String, SheetCell> positions) {
        IndicatorSheet sheet = form.indicators();
        b.widths(20, 36, 8, 16);
        b.text(0, 0, sheet.title(), b.styles.title);
        b.merge(0, 0, 0, 3);
        for (int c = 0; c < sheet.headers().size(); c++) {
            b.text(1, c, sheet.headers().get(c), b.styles.header);
        }
        int row = 2;
        for (Indicator indicator : sheet.indicators()) {
            b.text(row, 0, indicator.code(), b.styles.label);
            b.text(row, 1, indicator.label(), b.styles.label);
            b.text(row, 2, indicator.unit(), b.styles.label);
            positions.put(indicator.itemCode(), new SheetCell(b.name(), new CellRef(row, 3)));
            row++;
        }
    }

    private void writeFigure(FormSheetBuilder b, FormItem item, CellRef at, FormContent content,
                             Map<String, BigDecimal> values, Map<String, SheetCell> positions, Options options) {
        Cell cell = b.cell(at.row(), at.col());
        Object override = content.overrides().get(item.code());
        if (override instanceof String text) {
            cell.setCellStyle(b.styles.input(item.type()));
            cell.setCellValue(text);
            return;
        }
        if (override instanceof Number number) {
            cell.setCellStyle(b.styles.input(item.type()));
            cell.setCellValue(number.doubleValue());
            return;
        }
        if (item.derived() && options.totalsAsFormulas()) {
            cell.setCellStyle(b.styles.total(item.type()));
            cell.setCellFormula(formulaFor(item, positions));
            return;
        }
        cell.setCellStyle(item.derived() ? b.styles.total(item.type()) : b.styles.input(item.type()));
        BigDecimal value = values.get(item.code());
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
    }

    private String formulaFor(FormItem item, Map<String, SheetCell> positions) {
        SumRelation relation = form.relations().stream()
                .filter(r -> r.defining() && r.totalCode().equals(item.code()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no defining sum for " + item.code()));
        return "SUM(" + relation.partCodes().stream().map(code -> positions.get(code).cell().a1())
                .collect(Collectors.joining(",")) + ")";
    }
}
