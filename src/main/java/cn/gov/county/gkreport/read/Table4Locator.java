package cn.gov.county.gkreport.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.form.Table4Layout;

/**
 * Finds 表四: the group headers (行政复议, 未经复议直接起诉, 复议后起诉), the row of column labels
 * below them, and the figures in the row below that. Each group owns the columns from its header
 * to the next group's header.
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
        Table4Layout.Column firstColumn = table.columns().get(0);
        Optional<GridCell> labelCell = sheet.find(firstColumn.label(),
                c -> c.row() > top && c.row() <= top + LABEL_SEARCH_ROWS + 1);
        if (labelCell.isEmpty()) {
            out.problem(name, "表四缺少“" + firstColumn.label() + "”等栏目行。请不要改动表四的表头。");
            return;
        }
        int labelRow = labelCell.get().row();
        int valueRow = labelRow + 1;
        List<GridCell> ordered = groupCells.stream().sorted(Comparator.comparingInt(GridCell::col)).toList();
        for (int g = 0; g < table.groups().size(); g++) {
            Table4Layout.Group group = table.groups().get(g);
            int from = groupCells.get(g).col();
            int index = ordered.indexOf(groupCells.get(g));
            int to = index + 1 < ordered.size() ? ordered.get(index + 1).col() - 1 : Integer.MAX_VALUE;
            for (Table4Layout.Column column : table.columns()) {
                Optional<GridCell> cell = sheet.find(column.label(),
                        c -> c.row() == labelRow && c.col() >= from && c.col() <= to);
                if (cell.isEmpty()) {
                    out.problem(name, "表四“" + group.label() + "”缺少“" + column.label() + "”栏。");
                    continue;
                }
                out.figure(Table4Layout.itemCode(group, column), sheet, valueRow, cell.get().col());
            }
        }
    }
}
