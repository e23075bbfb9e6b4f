package cn.gov.county.gkreport.read;

import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.form.Label;
import cn.gov.county.gkreport.form.Table2Block;
import cn.gov.county.gkreport.form.Table2Layout;
import cn.gov.county.gkreport.read.grid.GridCell;

/**
 * Finds 表二 block by block: the block title (第二十条第（一）项 …), the header row below it that
 * starts with 信息内容, then each row label below that, each column label in the header row.
 */
final class Table2Locator {

    /** Words that only the 2019 trial format of 表二 has. */
    private static final List<String> FORMAT_2019_MARKERS = List.of("本年新公开数量", "对外公开总数量", "政府集中采购",
            "上一年项目数量", "本年增/减", "本年新制作数量");
    private static final int HEADER_SEARCH_ROWS = 3;
    private static final int BLOCK_SEARCH_ROWS = 8;

    private final Table2Layout table;
    private final String templateName;

    Table2Locator(Table2Layout table, String templateName) {
        this.table = table;
        this.templateName = templateName;
    }

    void locate(SheetFinder workbook, ContentBuilder out) {
        String anchor = table.blocks().get(0).title();
        Optional<SheetSearch> found = workbook.find(table.sheet(), anchor);
        if (found.isEmpty()) {
            out.problem(table.sheet(), "找不到表二（" + table.title() + "）：没有“" + anchor
                    + "”标题。请使用标准模板，不要删除或改名表二。");
            return;
        }
        SheetSearch sheet = found.get();
        if (FORMAT_2019_MARKERS.stream().anyMatch(sheet::containsText)) {
            out.problem(sheet.grid().name(), "表二使用的是2019年试行格式（国办公开办函〔2019〕60号），与现行格式的栏目不对应，无法汇总。"
                    + "请改用现行标准模板“" + templateName + "”（国办公开办函〔2021〕30号格式）重新填写表二。");
            return;
        }
        for (Table2Block block : table.blocks()) {
            locateBlock(sheet, block, out);
        }
    }

    private void locateBlock(SheetSearch sheet, Table2Block block, ContentBuilder out) {
        String name = sheet.grid().name();
        Optional<GridCell> title = sheet.find(block.title());
        if (title.isEmpty()) {
            out.problem(name, "表二缺少“" + block.title() + "”部分。请使用标准模板，不要删除表二的任何部分。");
            return;
        }
        int top = title.get().row();
        Optional<GridCell> header = sheet.find(Table2Block.FIRST_HEADER,
                c -> c.row() > top && c.row() <= top + HEADER_SEARCH_ROWS);
        if (header.isEmpty()) {
            out.problem(name, "表二“" + block.title() + "”下面找不到“信息内容”表头行。");
            return;
        }
        int headerRow = header.get().row();
        int labelCol = header.get().col();
        for (int c = 0; c < block.columns().size(); c++) {
            Label column = block.columns().get(c);
            Optional<GridCell> columnCell = column.spellings()
                    .map(s -> sheet.find(s, cell -> cell.row() == headerRow))
                    .flatMap(Optional::stream).findFirst();
            if (columnCell.isEmpty()) {
                out.problem(name, "表二“" + block.title() + "”缺少“" + column.text() + "”列。");
                continue;
            }
            for (Label row : block.rows()) {
                Optional<GridCell> rowCell = row.spellings()
                        .map(s -> sheet.find(s, cell -> cell.col() == labelCol && cell.row() > headerRow
                                && cell.row() <= headerRow + BLOCK_SEARCH_ROWS))
                        .flatMap(Optional::stream).findFirst();
                if (rowCell.isEmpty()) {
                    if (c == 0) {
                        out.problem(name, "表二“" + block.title() + "”缺少“" + row.text() + "”行。");
                    }
                    continue;
                }
                out.figure(Table2Block.itemCode(row, column), sheet, rowCell.get().row(), columnCell.get().col());
            }
        }
    }
}
