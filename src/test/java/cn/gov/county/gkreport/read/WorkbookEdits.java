package cn.gov.county.gkreport.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import cn.gov.county.gkreport.form.CellRef;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What clerks do to a workbook, done with POI's usermodel on a written file: insert and delete
 * rows and columns, move a table, paste values into a fresh workbook, retype labels and figures.
 * Shared by {@link SubmissionReaderTest} and the fixture generator {@link FixtureCorpus}.
 */
final class WorkbookEdits {

    private WorkbookEdits() {
    }

    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** Saves to a new file (the source file is left as it was). */
    static Path save(Workbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    /** Opens {@code source}, applies {@code edit}, saves the result as {@code target}. */
    static Path edit(Path source, Path target, WorkbookEdit edit) throws IOException {
        try (XSSFWorkbook workbook = open(source)) {
            edit.apply(workbook);
            return save(workbook, target);
        }
    }

    /** An edit of an open workbook. */
    @FunctionalInterface
    interface WorkbookEdit {
        void apply(XSSFWorkbook workbook) throws IOException;
    }

    static XSSFSheet sheet(XSSFWorkbook workbook, String name) {
        XSSFSheet sheet = workbook.getSheet(name);
        if (sheet == null) {
            throw new IllegalArgumentException("no sheet " + name);
        }
        return sheet;
    }

    static Cell cell(Sheet sheet, int row, int col) {
        Row r = sheet.getRow(row);
        if (r == null) {
            r = sheet.createRow(row);
        }
        Cell c = r.getCell(col);
        return c == null ? r.createCell(col) : c;
    }

    static Cell cell(Sheet sheet, CellRef at) {
        return cell(sheet, at.row(), at.col());
    }

    static void setText(Sheet sheet, CellRef at, String text) {
        cell(sheet, at).setCellValue(text);
    }

    static void setNumber(Sheet sheet, CellRef at, double value) {
        cell(sheet, at).setCellValue(value);
    }

    /** Empties a cell completely (no value, no style), as the Delete key followed by clearing formats. */
    static void remove(Sheet sheet, CellRef at) {
        Row row = sheet.getRow(at.row());
        if (row != null && row.getCell(at.col()) != null) {
            row.removeCell(row.getCell(at.col()));
        }
    }

    /** Every text cell whose text equals {@code text}, top to bottom. */
    static List<Cell> textCells(Sheet sheet, String text) {
        List<Cell> found = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                    found.add(cell);
                }
            }
        }
        return found;
    }

    /** Retypes a label: every cell reading exactly {@code from} now reads {@code to}; fails if none does. */
    static void retype(Sheet sheet, String from, String to) {
        List<Cell> cells = textCells(sheet, from);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("no cell reads '" + from + "' in " + sheet.getSheetName());
        }
        cells.forEach(c -> c.setCellValue(to));
    }

    /** Rewrites the text of every text cell of the sheet. */
    static void rewriteTexts(Sheet sheet, UnaryOperator<String> rewrite) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    cell.setCellValue(rewrite.apply(cell.getStringCellValue()));
                }
            }
        }
    }

    /** Inserts {@code count} empty rows above {@code row} (Excel's 插入行: merges and formulas follow). */
    static void insertRows(Sheet sheet, int row, int count) {
        sheet.shiftRows(row, Math.max(row, sheet.getLastRowNum()), count);
    }

    /**
     * Deletes a row (Excel's 删除行): cells below move up, merges across it shrink, merges inside
     * it vanish. Formulas should be frozen first ({@link #freezeFormulas}) when they refer to it.
     */
    static void deleteRow(Sheet sheet, int row) {
        List<CellRangeAddress> kept = new ArrayList<>();
        for (int i = sheet.getNumMergedRegions() - 1; i >= 0; i--) {
            CellRangeAddress m = sheet.getMergedRegion(i);
            sheet.removeMergedRegion(i);
            if (m.getFirstRow() == row && m.getLastRow() == row) {
                continue;
            }
            int first = m.getFirstRow() > row ? m.getFirstRow() - 1 : m.getFirstRow();
            int last = m.getLastRow() >= row ? m.getLastRow() - 1 : m.getLastRow();
            kept.add(new CellRangeAddress(first, last, m.getFirstColumn(), m.getLastColumn()));
        }
        Row r = sheet.getRow(row);
        if (r != null) {
            sheet.removeRow(r);
        }
        if (row < sheet.getLastRowNum()) {
            sheet.shiftRows(row + 1, sheet.getLastRowNum(), -1);
        }
        kept.stream().filter(m -> m.getNumberOfCells() > 1).forEach(sheet::addMergedRegion);
    }

    /** Deletes a column (Excel's 删除列): cells to the right move left; merges shrink or vanish. */
    static void deleteColumn(Sheet sheet, int col) {
        List<CellRangeAddress> kept = new ArrayList<>();
        for (int i = sheet.getNumMergedRegions() - 1; i >= 0; i--) {
            CellRangeAddress m = sheet.getMergedRegion(i);
            sheet.removeMergedRegion(i);
            if (m.getFirstColumn() == col && m.getLastColumn() == col) {
                continue;
            }
            int first = m.getFirstColumn() > col ? m.getFirstColumn() - 1 : m.getFirstColumn();
            int last = m.getLastColumn() >= col ? m.getLastColumn() - 1 : m.getLastColumn();
            kept.add(new CellRangeAddress(m.getFirstRow(), m.getLastRow(), first, last));
        }
        for (Row row : sheet) {
            Cell gone = row.getCell(col);
            if (gone != null) {
                row.removeCell(gone);
            }
        }
        int lastCol = 0;
        for (Row row : sheet) {
            lastCol = Math.max(lastCol, row.getLastCellNum());
        }
        if (col + 1 < lastCol) {
            ((XSSFSheet) sheet).shiftColumns(col + 1, lastCol, -1);
        }
        kept.stream().filter(m -> m.getNumberOfCells() > 1).forEach(sheet::addMergedRegion);
    }

    /** Replaces every formula by its cached result, as 选择性粘贴 → 数值 does. */
    static void freezeFormulas(Sheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.FORMULA) {
                    copyValue(cell, cell);
                }
            }
        }
    }

    /**
     * Pastes the sheet's values (formulas as their cached results, no styles) into {@code to},
     * shifted by the offsets; merges are pasted too when asked.
     *
     * @return the number of rows the pasted block takes
     */
    static int pasteValues(Sheet from, Sheet to, int rowOffset, int colOffset, boolean withMerges) {
        for (Row row : from) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.BLANK) {
                    continue;
                }
                copyValue(cell, cell(to, row.getRowNum() + rowOffset, cell.getColumnIndex() + colOffset));
            }
        }
        if (withMerges) {
            for (CellRangeAddress m : from.getMergedRegions()) {
                to.addMergedRegion(new CellRangeAddress(m.getFirstRow() + rowOffset, m.getLastRow() + rowOffset,
                        m.getFirstColumn() + colOffset, m.getLastColumn() + colOffset));
            }
        }
        return from.getLastRowNum() + 1;
    }

    /** Writes the value {@code from} shows into {@code to} as a constant (a formula's cached result). */
    private static void copyValue(Cell from, Cell to) {
        CellType type = from.getCellType() == CellType.FORMULA ? from.getCachedFormulaResultType() : from.getCellType();
        switch (type) {
            case NUMERIC -> {
                double value = from.getNumericCellValue();
                to.setBlank();
                to.setCellValue(value);
            }
            case STRING -> {
                String value = from.getStringCellValue();
                to.setBlank();
                to.setCellValue(value);
            }
            case BOOLEAN -> {
                boolean value = from.getBooleanCellValue();
                to.setBlank();
                to.setCellValue(value);
            }
            case ERROR -> {
                byte value = from.getErrorCellValue();
                to.setBlank();
                to.setCellErrorValue(value);
            }
            default -> to.setBlank();
        }
    }

    /** The first text cell reading {@code text}, if any. */
    static Optional<CellRef> find(Sheet sheet, String text) {
        return textCells(sheet, text).stream().findFirst().map(c -> new CellRef(c.getRowIndex(), c.getColumnIndex()));
    }
    /**
     * Turns a 2021 表三 into the 2019 layout: the three （六）其他处理 leaves become the single row
     * （六）其他处理 (label merged over the two stub columns), holding the column sums of the three
     * leaves, so every total of the table stays right. Formulas are frozen first, as a unit copying
     * the old table by value would have them.
     *
     * @return where the single （六）其他处理 row's label now is
     */
    static CellRef toLegacyTable3(Sheet table3, String firstLeafLabel, String groupLabel, int firstValueCol,
                                  int lastValueCol) {
        freezeFormulas(table3);
        CellRef leaf = find(table3, firstLeafLabel)
                .orElseThrow(() -> new IllegalArgumentException("no row '" + firstLeafLabel + "'"));
        int row = leaf.row();
        for (int col = firstValueCol; col <= lastValueCol; col++) {
            double sum = 0;
            for (int r = row; r < row + 3; r++) {
                Cell c = cell(table3, r, col);
                sum += c.getCellType() == CellType.NUMERIC ? c.getNumericCellValue() : 0;
            }
            cell(table3, row, col).setCellValue(sum);
        }
        deleteRow(table3, row + 2);
        deleteRow(table3, row + 1);
        for (int i = table3.getNumMergedRegions() - 1; i >= 0; i--) {
            if (table3.getMergedRegion(i).isInRange(row, leaf.col() - 1) || table3.getMergedRegion(i).isInRange(row, leaf.col())) {
                table3.removeMergedRegion(i);
            }
        }
        cell(table3, row, leaf.col() - 1).setCellValue(groupLabel);
        cell(table3, row, leaf.col()).setBlank();
        table3.addMergedRegion(new CellRangeAddress(row, row, leaf.col() - 1, leaf.col()));
        return new CellRef(row, leaf.col() - 1);
    }

    /**
     * Replaces 表二 by the 2019 trial format (国办公开办函〔2019〕60号): 本年新制作数量 / 本年新公开数量 /
     * 对外公开总数量; 上一年项目数量 / 本年增/减 / 处理决定数量; 政府集中采购 (labels as printed in 2019).
     */
    static void replaceWithTable2Of2019(XSSFWorkbook workbook, String sheetName) {
        int index = workbook.getSheetIndex(sheetName);
        workbook.removeSheetAt(index);
        Sheet sheet = workbook.createSheet(sheetName);
        workbook.setSheetOrder(sheetName, index);
        Object[][] rows = {
                {"二、主动公开政府信息情况"},
                {},
                {"第二十条第（一）项"},
                {"信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"},
                {"规章", 0, 0, 0},
                {"规范性文件", 3, 3, 25},
                {},
                {"第二十条第（五）项"},
                {"信息内容", "上一年项目数量", "本年增/减", "处理决定数量"},
                {"行政许可", 40, 2, 412},
                {"其他对外管理服务事项", 5, 0, 31},
                {},
                {"第二十条第（六）项"},
                {"信息内容", "上一年项目数量", "本年增/减", "处理决定数量"},
                {"行政处罚", 12, -1, 57},
                {"行政强制", 3, 0, 3},
                {},
                {"第二十条第（八）项"},
                {"信息内容", "上一年项目数量", "本年增/减"},
                {"行政事业性收费", 2, 0},
                {},
                {"第二十条第（九）项"},
                {"信息内容", "采购项目数量", "采购总金额"},
                {"政府集中采购", 4, 12.5},
        };
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                Object value = rows[r][c];
                if (value instanceof String text) {
                    cell(sheet, r, c).setCellValue(text);
                } else {
                    cell(sheet, r, c).setCellValue(((Number) value).doubleValue());
                }
            }
        }
        for (int r : new int[] {0, 2, 7, 12, 17, 21}) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 3));
        }
    }
}
