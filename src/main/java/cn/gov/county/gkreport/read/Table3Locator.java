package cn.gov.county.gkreport.read;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.form.Table3Column;
import cn.gov.county.gkreport.form.Table3Layout;
import cn.gov.county.gkreport.form.Table3Row;
import cn.gov.county.gkreport.read.grid.GridCell;

/**
 * Finds 表三: the applicant columns by their headers (自然人 … 其他, 总计) in the header band, the
 * rows by their stub labels to the left of the figures. Only header cells count as columns and
 * only stub cells as rows, so the 其他 applicant column is never confused with the row 3.其他,
 * nor the 总计 column with the （七）总计 row. A 2019-format table (one （六）其他处理 row) is
 * read into （六）3.其他.
 */
final class Table3Locator {

    private static final int HEADER_BAND = 2;

    private final Table3Layout table;
    /**
     * Each cell's item code by row and column code, made once: 表三 is most of a workbook's figures,
     * and a code built per cell is a new string hashed again by every map it goes into.
     */
    private final Map<String, Map<String, String>> codes = new HashMap<>();

    Table3Locator(Table3Layout table) {
        this.table = table;
        for (Table3Row row : table.rows()) {
            Map<String, String> byColumn = codes.computeIfAbsent(row.code(), r -> new HashMap<>());
            table.columns().forEach(column -> byColumn.put(column.code(), Table3Layout.itemCode(row.code(), column.code())));
        }
    }

    void locate(SheetFinder workbook, ContentBuilder out) {
        Table3Column first = table.columns().get(0);
        String anchorRow = table.rows().get(0).label();
        Optional<SheetSearch> found = workbook.find(table.sheet(), anchorRow);
        if (found.isEmpty()) {
            out.problem(table.sheet(), "找不到表三（" + table.title() + "）：没有“" + anchorRow
                    + "”一行。请使用标准模板，不要删除或改名表三。");
            return;
        }
        SheetSearch sheet = found.get();
        String name = sheet.grid().name();
        int firstDataRow = sheet.find(anchorRow).orElseThrow().row();
        Optional<GridCell> firstHeader = sheet.find(first.label(), c -> c.row() < firstDataRow);
        if (firstHeader.isEmpty()) {
            out.problem(name, "表三缺少“" + first.label() + "”列标题，无法确定各列。请不要改动表三的表头。");
            return;
        }
        int headerTop = firstHeader.get().row();
        int stubEnd = firstHeader.get().col();
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (Table3Column column : table.columns()) {
            Optional<GridCell> cell = sheet.find(column.label(), c -> c.row() >= headerTop
                    && c.row() <= headerTop + HEADER_BAND && c.row() < firstDataRow && c.col() >= stubEnd);
            if (cell.isPresent()) {
                columns.put(column.code(), cell.get().col());
            } else {
                out.problem(name, "表三缺少“" + column.label() + "”列。请不要删除或改动表三的表头。");
            }
        }

        Map<String, Integer> rows = new LinkedHashMap<>();
        for (Table3Row row : table.rows()) {
            sheet.find(row.label(), c -> c.col() < stubEnd && c.row() >= firstDataRow)
                    .ifPresent(cell -> rows.put(row.code(), cell.row()));
        }
        Set<String> notInLayout = readLegacyRows(sheet, stubEnd, firstDataRow, rows, out);
        for (Table3Row row : table.rows()) {
            Integer at = rows.get(row.code());
            if (at != null) {
                Map<String, String> rowCodes = codes.get(row.code());
                columns.forEach((column, col) -> out.figure(rowCodes.get(column), sheet, at, col));
            } else if (!notInLayout.contains(row.code())) {
                out.problem(name, "表三缺少“" + row.fullLabel() + "”一行。请使用标准模板，不要删除或合并表三的行。");
            }
        }
    }

    /**
     * The 2019 format printed a group such as （六）其他处理 as a single row of figures. When none of
     * the 2021 leaves is present but that row is, its figures are read as the mapped leaf; the other
     * leaves of the group do not exist in that layout and are returned.
     */
    private Set<String> readLegacyRows(SheetSearch sheet, int stubEnd, int firstDataRow, Map<String, Integer> rows,
                                       ContentBuilder out) {
        Set<String> notInLayout = new HashSet<>();
        table.legacySingleRows().forEach((group, mappedCode) -> {
            List<Table3Row> leaves = table.rows().stream().filter(r -> r.groups().contains(group)).toList();
            if (leaves.stream().anyMatch(r -> rows.containsKey(r.code()))) {
                return;
            }
            sheet.find(group, c -> c.col() < stubEnd && c.row() >= firstDataRow).ifPresent(cell -> {
                rows.put(mappedCode, cell.row());
                out.legacyTable3Cell = new SheetCell(sheet.grid().name(), cell.ref());
                leaves.stream().map(Table3Row::code).filter(code -> !code.equals(mappedCode)).forEach(notInLayout::add);
            });
        });
        return notInLayout;
    }
}
