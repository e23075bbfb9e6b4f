package cn.gov.county.gkreport.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.draft.Block.Cell;
import cn.gov.county.gkreport.draft.Block.VerticalMerge;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormTable;
import cn.gov.county.gkreport.form.Label;
import cn.gov.county.gkreport.form.Table2Block;
import cn.gov.county.gkreport.form.Table3Column;
import cn.gov.county.gkreport.form.Table3Layout;
import cn.gov.county.gkreport.form.Table3Row;
import cn.gov.county.gkreport.form.Table4Layout;

/**
 * Tables 二, 三 and 四 as the national format prints them, derived from the form definition and
 * filled with the county's figures: 表二's four blocks under their merged 第二十条 titles, 表三's
 * corner with the balance note over three header rows and its nested row stubs, 表四's two-level
 * header.
 */
final class FormTables {

    /** The text block is 156 mm wide (GB/T 9704); every table uses all of it. */
    static final double TEXT_WIDTH_MM = 156;
    private static final double STUB_WIDTH_MM = 72;

    private final FormDefinition form;
    private final Map<String, BigDecimal> figures;

    FormTables(FormDefinition form, Map<String, BigDecimal> figures) {
        this.form = form;
        this.figures = figures;
    }

    Block.Table table2() {
        List<Table2Block> blocks = form.table2().blocks();
        int valueColumns = blocks.stream().mapToInt(b -> b.columns().size()).max().orElseThrow();
        List<List<Cell>> rows = new ArrayList<>();
        for (Table2Block block : blocks) {
            rows.add(List.of(Cell.label(block.title(), valueColumns + 1, VerticalMerge.NONE)));
            List<Cell> header = new ArrayList<>(List.of(Cell.label(Table2Block.FIRST_HEADER)));
            for (int c = 0; c < block.columns().size(); c++) {
                header.add(Cell.label(block.columns().get(c).text(), span(block, c, valueColumns), VerticalMerge.NONE));
            }
            rows.add(header);
            for (Label row : block.rows()) {
                List<Cell> cells = new ArrayList<>(List.of(Cell.label(row.text())));
                for (int c = 0; c < block.columns().size(); c++) {
                    cells.add(figure(Table2Block.itemCode(row, block.columns().get(c)), span(block, c, valueColumns)));
                }
                rows.add(cells);
            }
        }
        double label = 52;
        return new Block.Table(FormTable.T2, rows, 0,
                widths(label, valueColumns, (TEXT_WIDTH_MM - label) / valueColumns));
    }

    /** A block with fewer columns than the widest one lets its last column take the rest of the row. */
    private static int span(Table2Block block, int column, int valueColumns) {
        return column == block.columns().size() - 1 ? valueColumns - column : 1;
    }

    Block.Table table3() {
        Table3Layout layout = form.table3();
        int stub = 1 + layout.rows().stream().mapToInt(r -> r.groups().size()).max().orElseThrow();
        List<Table3Column> columns = layout.columns();
        long organisations = columns.stream().filter(Table3Column::organisation).count();
        List<Cell> top = new ArrayList<>(List.of(Cell.leading(layout.corner(), stub, VerticalMerge.START),
                Cell.label(layout.applicantHeader(), columns.size(), VerticalMerge.NONE)));
        List<Cell> middle = new ArrayList<>(List.of(Cell.below(stub)));
        List<Cell> bottom = new ArrayList<>(List.of(Cell.below(stub)));
        boolean organisationHeaderDone = false;
        for (Table3Column column : columns) {
            if (!column.organisation()) {
                middle.add(Cell.label(column.label(), 1, VerticalMerge.START));
                bottom.add(Cell.below(1));
            } else {
                if (!organisationHeaderDone) {
                    middle.add(Cell.label(layout.organisationHeader(), (int) organisations, VerticalMerge.NONE));
                    organisationHeaderDone = true;
                }
                bottom.add(Cell.label(column.label()));
            }
        }
        List<List<Cell>> rows = new ArrayList<>(List.of(top, middle, bottom));
        List<String> previousGroups = List.of();
        for (Table3Row row : layout.rows()) {
            List<Cell> cells = new ArrayList<>();
            for (int level = 0; level < row.groups().size(); level++) {
                boolean continues = previousGroups.size() > level
                        && previousGroups.subList(0, level + 1).equals(row.groups().subList(0, level + 1));
                cells.add(continues ? Cell.below(1) : Cell.label(row.groups().get(level), 1, VerticalMerge.START));
            }
            cells.add(Cell.leading(row.label(), stub - row.groups().size(), VerticalMerge.NONE));
            for (Table3Column column : columns) {
                cells.add(figure(Table3Layout.itemCode(row.code(), column.code()), 1));
            }
            rows.add(cells);
            previousGroups = row.groups();
        }
        // The outermost stub is two characters wide (三、本年度办理结果 wraps), the next four (（三）不予公开),
        // the innermost holds the long row labels.
        List<Double> widths = new ArrayList<>();
        for (int level = 0; level < stub - 1; level++) {
            widths.add(level == 0 ? 9.0 : 17.0);
        }
        widths.add(STUB_WIDTH_MM - widths.stream().mapToDouble(Double::doubleValue).sum());
        double stubWidth = widths.stream().mapToDouble(Double::doubleValue).sum();
        widths.addAll(Collections.nCopies(columns.size(), (TEXT_WIDTH_MM - stubWidth) / columns.size()));
        return new Block.Table(FormTable.T3, rows, 3, widths);
    }

    Block.Table table4() {
        Table4Layout layout = form.table4();
        int width = layout.columns().size();
        List<Cell> top = new ArrayList<>();
        List<Cell> middle = new ArrayList<>();
        List<Cell> bottom = new ArrayList<>();
        List<Cell> values = new ArrayList<>();
        String parentDone = null;
        for (Table4Layout.Group group : layout.groups()) {
            if (group.parent() == null) {
                top.add(Cell.label(group.label(), width, VerticalMerge.START));
                middle.add(Cell.below(width));
            } else {
                if (!group.parent().equals(parentDone)) {
                    long siblings = layout.groups().stream().filter(g -> group.parent().equals(g.parent())).count();
                    top.add(Cell.label(group.parent(), (int) siblings * width, VerticalMerge.NONE));
                    parentDone = group.parent();
                }
                middle.add(Cell.label(group.label(), width, VerticalMerge.NONE));
            }
            for (Table4Layout.Column column : layout.columns()) {
                bottom.add(Cell.label(column.label()));
                values.add(figure(Table4Layout.itemCode(group, column), 1));
            }
        }
        int columns = layout.groups().size() * width;
        return new Block.Table(FormTable.T4, List.of(top, middle, bottom, values), 3,
                Collections.nCopies(columns, TEXT_WIDTH_MM / columns));
    }

    private Cell figure(String code, int columnSpan) {
        BigDecimal value = figures.getOrDefault(code, BigDecimal.ZERO);
        return new Cell(Numbers.format(value, form.item(code).type()), code, value, columnSpan, VerticalMerge.NONE,
                false, false);
    }

    private static List<Double> widths(double first, int count, double each) {
        List<Double> widths = new ArrayList<>(List.of(first));
        widths.addAll(Collections.nCopies(count, each));
        return widths;
    }
}
