package cn.gov.county.gkreport.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.form.Table4Layout;
import cn.gov.county.gkreport.read.grid.CellRange;
import cn.gov.county.gkreport.read.grid.GridCell;

/**
 * Finds 表四: the group headers (行政复议, 未经复议直接起诉, 复议后起诉), each group's column labels
 * in the first row under its own header, and the figures in the first row after the last label row
 * (the 2021 print merges 行政复议's labels over two rows, one row above the 行政诉讼 groups' labels).
 * Each group owns the columns its header is merged over, else up to the next group's header.
 */
final class Table4Locator {

    private static final int LABEL_SEARCH_ROWS = 3;

    private final Table4Layout table;

    Table4Locator(Table4Layout table) {
        this.table = table;
    }

    void locate(SheetFinder workbook, ContentBuilder out) {
        String anchor = table.groups().get(0).label();
        Optional<SheetSearch> found = workbook.find(table.sheet(), anchor);
        if (found.isEmpty()) {
            out.problem(table.sheet(), "找不到表四（" + table.title() + "）：没有“" + anchor
                    + "”表头。请使用标准模板，不要删除或改名表四。");
            return;
        }
        SheetSearch sheet = found.get();
        String name = sheet.grid().name();
        int top = sheet.find(anchor).orElseThrow().row();
        List<GridCell> groupCells = new ArrayList<>();
        for (Table4Layout.Group group : table.groups()) {
            Optional<GridCell> cell = sheet.find(group.label(), c -> c.row() >= top && c.row() <= top + LABEL_SEARCH_ROWS);
            if (cell.isEmpty()) {
                out.problem(name, "表四缺少“" + group.label() + "”一组。请不要改动表四的表头。");
                return;
            }
            groupCells.add(cell.get());
        }
        // Each group's labels sit under its own header: in the 2021 print 行政复议's labels are merged over
        // two rows right under it, while the two 行政诉讼 groups have theirs one row lower.
        List<GridCell> ordered = groupCells.stream().sorted(Comparator.comparingInt(GridCell::col)).toList();
        List<Map<Table4Layout.Column, GridCell>> labels = new ArrayList<>();
        int lastLabelRow = -1;
        for (int g = 0; g < table.groups().size(); g++) {
            Table4Layout.Group group = table.groups().get(g);
            GridCell header = groupCells.get(g);
            int from = header.col();
            int index = ordered.indexOf(header);
            int next = index + 1 < ordered.size() ? ordered.get(index + 1).col() - 1 : Integer.MAX_VALUE;
            int merged = sheet.lastColumnOf(header);
            int to = merged > from ? Math.min(merged, next) : next;
            int below = sheet.mergedAt(header.row(), header.col()).map(CellRange::lastRow).orElse(header.row());
            Map<Table4Layout.Column, GridCell> groupLabels = groupLabels(sheet, below, from, to);
            if (groupLabels.isEmpty()) {
                out.problem(name, "表四“" + group.label() + "”下面缺少“" + table.columns().get(0).label()
                        + "”等栏目。请不要改动表四的表头。");
                return;
            }
            for (GridCell label : groupLabels.values()) {
                lastLabelRow = Math.max(lastLabelRow,
                        sheet.mergedAt(label.row(), label.col()).map(CellRange::lastRow).orElse(label.row()));
            }
            labels.add(groupLabels);
        }
        int valueRow = lastLabelRow + 1;
        for (int g = 0; g < table.groups().size(); g++) {
            Table4Layout.Group group = table.groups().get(g);
            for (Table4Layout.Column column : table.columns()) {
                GridCell cell = labels.get(g).get(column);
                if (cell == null) {
                    out.problem(name, "表四“" + group.label() + "”缺少“" + column.label() + "”栏。");
                    continue;
                }
                out.figure(Table4Layout.itemCode(group, column), sheet, valueRow, cell.col());
            }
        }
    }

    /** The column labels in the first row below a group's header that has any, within the group's columns. */
    private Map<Table4Layout.Column, GridCell> groupLabels(SheetSearch sheet, int headerBottom, int from, int to) {
        for (int row = headerBottom + 1; row <= headerBottom + LABEL_SEARCH_ROWS; row++) {
            int r = row;
            Map<Table4Layout.Column, GridCell> found = new LinkedHashMap<>();
            for (Table4Layout.Column column : table.columns()) {
                sheet.find(column.label(), c -> c.row() == r && c.col() >= from && c.col() <= to)
                        .ifPresent(cell -> found.put(column, cell));
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        return Map.of();
    }
}
