package cn.gov.county.gkreport.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.sheet.CellStyles;
import cn.gov.county.gkreport.sheet.SheetRows;
import cn.gov.county.gkreport.sheet.SheetStyles;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The review workbook a reviewer edits in Excel or WPS: 单位审核 (a row per unit version: 通过 or 退回)
 * and 问题审核 (a row per warning: 确认 or 撤销), each with the reviewer's 审核决定, 理由, 审核人 and
 * 审核日期, and a 系统处理结果 column the job fills in. Columns are found by their headings, so a
 * reviewer who moves or adds columns loses nothing: once the file exists the job changes only the
 * 系统处理结果 cells and appends the night's new rows; the reviewer's own columns, notes, colours,
 * filters and sheets stay as they were.
 */
public final class ReviewWorkbook {

    /** The columns, by heading. */
    public enum Column {
        UNIT_CODE("单位代码", 8), UNIT_NAME("单位名称", 18), VERSION("版本", 5), FILE("文件名", 30),
        RECEIVED("接收时间", 17), CHECKED("校验结果", 14), RULE("规则", 10), SEVERITY("级别", 5), SHEET("工作表", 10),
        CELL("单元格", 7), MESSAGE("问题", 50), DECISION("审核决定", 9), REASON("理由", 30), REVIEWER("审核人", 8),
        DATE("审核日期", 11), OUTCOME("系统处理结果", 36);

        private final String heading;
        private final int width;

        Column(String heading, int width) {
            this.heading = heading;
            this.width = width;
        }

        public String heading() {
            return heading;
        }

        /** The reviewer's own cells: kept as typed when the job writes the file back. */
        boolean reviewers() {
            return this == DECISION || this == REASON || this == REVIEWER || this == DATE;
        }
    }

    public static final String VERSIONS = "单位审核";
    public static final String FINDINGS = "问题审核";
    static final String GUIDE = "填写说明";
    private static final long MAX_BYTES = 10L * 1024 * 1024;

    static final List<Column> VERSION_COLUMNS = List.of(Column.UNIT_CODE, Column.UNIT_NAME, Column.VERSION, Column.FILE,
            Column.RECEIVED, Column.CHECKED, Column.DECISION, Column.REASON, Column.REVIEWER, Column.DATE, Column.OUTCOME);
    static final List<Column> FINDING_COLUMNS = List.of(Column.UNIT_CODE, Column.UNIT_NAME, Column.VERSION, Column.RULE,
            Column.SEVERITY, Column.SHEET, Column.CELL, Column.MESSAGE, Column.DECISION, Column.REASON, Column.REVIEWER,
            Column.DATE, Column.OUTCOME);

    /** One row of either sheet: its number as Excel shows it (0 for a row the job adds) and its cells by column. */
    public record Line(Decision.Target kind, int rowNumber, Map<Column, String> cells) {

        public String get(Column column) {
            String value = cells.get(column);
            return value == null ? "" : value.strip();
        }

        /** Where the row is, as the reviewer finds it: 「单位审核」第 5 行. */
        public String where() {
            return "「" + (kind == Decision.Target.VERSION ? VERSIONS : FINDINGS) + "」第 " + rowNumber + " 行";
        }
    }

    /** The review workbook cannot be read as one (not a workbook, a sheet or a heading missing). */
    public static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }

    private ReviewWorkbook() {
    }

    /** The rows of both sheets, in the order they stand, empty rows left out. */
    public static List<Line> read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new Unreadable("文件超过 10 MB，不像是审核表");
        }
        DataFormatter text = new DataFormatter(Locale.CHINA);
        List<Line> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            for (Decision.Target kind : Decision.Target.values()) {
                String name = sheetName(kind);
                Sheet sheet = workbook.getSheet(name);
                if (sheet == null) {
                    throw new Unreadable("没有“" + name + "”工作表（工作表名不要修改）");
                }
                Map<Column, Integer> at = headings(sheet, kind, text);
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    if (row == null) {
                        continue;
                    }
                    Map<Column, String> cells = new EnumMap<>(Column.class);
                    at.forEach((column, c) -> {
                        Cell cell = row.getCell(c);
                        String value = cell == null ? "" : text.formatCellValue(cell).strip();
                        if (!value.isEmpty()) {
                            cells.put(column, value);
                        }
                    });
                    if (!cells.isEmpty()) {
                        lines.add(new Line(kind, r + 1, cells));
                    }
                }
            }
        } catch (Unreadable e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("无法作为 Excel 工作簿打开（" + e.getMessage() + "）");
        }
        return lines;
    }

    private static Map<Column, Integer> headings(Sheet sheet, Decision.Target kind, DataFormatter text) throws Unreadable {
        Row header = sheet.getRow(0);
        Map<Column, Integer> at = new LinkedHashMap<>();
        if (header != null) {
            for (Cell cell : header) {
                String heading = text.formatCellValue(cell).strip();
                for (Column column : Column.values()) {
                    if (column.heading.equals(heading)) {
                        at.putIfAbsent(column, cell.getColumnIndex());
                    }
                }
            }
        }
        for (Column needed : columns(kind)) {
            if (needed != Column.OUTCOME && !at.containsKey(needed)) {
                throw new Unreadable("“" + sheet.getSheetName() + "”第 1 行没有“" + needed.heading + "”列（列标题不要修改）");
            }
        }
        return at;
    }

    static List<Column> columns(Decision.Target kind) {
        return kind == Decision.Target.VERSION ? VERSION_COLUMNS : FINDING_COLUMNS;
    }

    /**
     * Writes the night's lines (atomically: a reader never sees half a file). A new file gets both
     * sheets and the guide; an existing one, just read by {@link #read}, is updated in place: each
     * read row's 系统处理结果 cell is set, and rows the job adds ({@code rowNumber} 0) are appended.
     */
    public static void write(Path file, String title, List<Line> lines) throws IOException {
        if (Files.exists(file)) {
            update(file, lines);
        } else {
            create(file, title, lines);
        }
    }

    /** Rows kept in memory per sheet while a new file is written. */
    private static final int ROW_WINDOW = 200;

    /**
     * A new file, streamed: its rows leave memory as they are written (the first night of a large
     * run lists every unit's version). Text goes into a shared-strings table, as Excel writes it.
     */
    private static void create(Path file, String title, List<Line> lines) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, ROW_WINDOW, false, true)) {
            SheetStyles styles = new SheetStyles(workbook);
            CellStyle header = styles.header(VerticalAlignment.CENTER);
            header.setWrapText(true);
            Styles cells = new Styles(workbook);
            for (Decision.Target kind : Decision.Target.values()) {
                List<Column> columns = columns(kind);
                SheetRows rows = new SheetRows(workbook.createSheet(sheetName(kind)));
                rows.widths(columns.stream().mapToInt(c -> c.width).toArray());
                rows.header(columns.stream().map(Column::heading).toArray(String[]::new), header);
                Map<Column, Integer> at = new LinkedHashMap<>();
                for (int c = 0; c < columns.size(); c++) {
                    at.put(columns.get(c), c);
                }
                for (Line line : lines) {
                    if (line.kind() == kind) {
                        fill(rows.newRow(), at, line, cells);
                    }
                }
                choices(rows.sheet(), columns.indexOf(Column.DECISION), 1, Math.max(rows.rowIndex() + 500, 1000), kind);
                rows.finishList(title + " — " + sheetName(kind), columns.size());
            }
            guide(workbook, styles);
            FormFiles.writeAtomically(workbook, file);
        }
    }

    private static void update(Path file, List<Line> lines) throws IOException {
        DataFormatter text = new DataFormatter(Locale.CHINA);
        // loaded from a stream: a package opened on the file itself would be saved back into it on close
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Styles cells = new Styles(workbook);
            for (Decision.Target kind : Decision.Target.values()) {
                Sheet sheet = workbook.getSheet(sheetName(kind));
                Map<Column, Integer> at = headings(sheet, kind, text);
                if (!at.containsKey(Column.OUTCOME)) {
                    at.put(Column.OUTCOME, addHeading(sheet, Column.OUTCOME));
                }
                int next = sheet.getLastRowNum() + 1;
                int firstAppended = next;
                for (Line line : lines) {
                    if (line.kind() != kind) {
                        continue;
                    }
                    if (line.rowNumber() > 0) {
                        Row row = sheet.getRow(line.rowNumber() - 1);
                        Cell cell = row.getCell(at.get(Column.OUTCOME));
                        String outcome = line.get(Column.OUTCOME);
                        if (cell == null) {
                            SheetRows.text(row, at.get(Column.OUTCOME), outcome, cells.given());
                        } else {
                            // blanked first (its format kept): POI setting an inline string, as some
                            // programs save text, would keep the old text in the cell
                            cell.setBlank();
                            cell.setCellValue(outcome);
                        }
                    } else {
                        fill(sheet.createRow(next++), at, line, cells);
                    }
                }
                int covered = choicesReach(sheet, at.get(Column.DECISION));
                if (next > covered + 1) {
                    // rows appended beyond the drop-downs the file has get their own, not overlapping them
                    choices(sheet, at.get(Column.DECISION), Math.max(firstAppended, covered + 1), next + 500, kind);
                }
            }
            FormFiles.writeAtomically(workbook, file);
        }
    }

    /** A row's cells in the columns where the headings stand, the reviewer's ones yellow. */
    private static void fill(Row row, Map<Column, Integer> at, Line line, Styles styles) {
        int height = 1;
        for (Map.Entry<Column, Integer> column : at.entrySet()) {
            String value = line.get(column.getKey());
            SheetRows.text(row, column.getValue(), value, column.getKey().reviewers() ? styles.yours() : styles.given());
            height = Math.max(height, SheetRows.linesOf(value, column.getKey().width));
        }
        SheetRows.lines(row, height);
    }

    /** A heading the reviewer removed (系统处理结果): put back after the last heading, styled like the first. */
    private static int addHeading(Sheet sheet, Column column) {
        Row header = sheet.getRow(0);
        int c = Math.max(header.getLastCellNum(), 0);
        Cell cell = header.createCell(c);
        cell.setCellValue(column.heading);
        Cell first = header.getCell(header.getFirstCellNum());
        if (first != null) {
            cell.setCellStyle(first.getCellStyle());
        }
        sheet.setColumnWidth(c, column.width * 256);
        return c;
    }

    /** The last row (zero-based) a list of the column's cells reaches; 0 when there is none. */
    private static int choicesReach(Sheet sheet, int column) {
        int reach = 0;
        for (DataValidation validation : sheet.getDataValidations()) {
            for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
                if (range.getFirstColumn() <= column && column <= range.getLastColumn()) {
                    reach = Math.max(reach, range.getLastRow());
                }
            }
        }
        return reach;
    }

    private static String sheetName(Decision.Target kind) {
        return kind == Decision.Target.VERSION ? VERSIONS : FINDINGS;
    }

    /**
     * The two cell styles of the rows: the job's (wrapped, top) and the reviewer's (the same on
     * yellow). Made on first use, so a night that only updates results adds no styles to the file.
     */
    private static final class Styles {
        private final Workbook workbook;
        private SheetStyles styles;
        private CellStyle given;
        private CellStyle yours;

        Styles(Workbook workbook) {
            this.workbook = workbook;
        }

        CellStyle given() {
            if (given == null) {
                given = styles().wrapped(VerticalAlignment.TOP);
            }
            return given;
        }

        private SheetStyles styles() {
            if (styles == null) {
                styles = new SheetStyles(workbook);
            }
            return styles;
        }

        CellStyle yours() {
            if (yours == null) {
                yours = styles().wrapped(VerticalAlignment.TOP);
                CellStyles.fill(yours, IndexedColors.LIGHT_YELLOW);
            }
            return yours;
        }
    }

    /** The 审核决定 column offers its words as a list; another word typed in is refused by Excel, and by the job. */
    private static void choices(Sheet sheet, int column, int firstRow, int lastRow, Decision.Target kind) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(Decision.words(kind)),
                new CellRangeAddressList(firstRow, lastRow, column, column));
        validation.setShowErrorBox(true);
        validation.createErrorBox("审核决定", "请从列表中选择：" + String.join("、", Decision.words(kind)) + "，或留空");
        sheet.addValidationData(validation);
    }

    private static void guide(Workbook workbook, SheetStyles styles) {
        SheetRows rows = new SheetRows(workbook.createSheet(GUIDE));
        rows.widths(100);
        CellStyle note = styles.note();
        String[] text = {
            "审核表填写说明",
            "1. “单位审核”每行是一个单位报送的一个版本（已通过全部校验规则的版本才列出）。在黄色的“审核决定”栏选择“通过”或“退回”。"
                + "“退回”必须填写理由：理由会写入发给该单位的回复邮件和校验反馈文件。",
            "2. 退回的版本不计入全县汇总，该单位列入催报名单；单位报送新版本后按正常流程校验。要撤回退回，把“审核决定”改为“通过”或清空。",
            "3. “问题审核”每行是一条提醒（警告）。选择“确认”（问题存在，保留）或“撤销”（不是问题，须填写理由）。"
                + "撤销的提醒在汇总工作簿“校验问题”中标为“审核已撤销”，不再计入提醒数。错误不能撤销，须由单位改正。",
            "4. 每个决定都要填写“审核人”；“审核日期”可不填（系统记录首次读到的时间）。",
            "5. 系统每晚运行时读取本表，在“系统处理结果”栏写明每行是否生效及原因，并在末尾追加新的版本和提醒。"
                + "请勿修改工作表名和列标题，也不要修改黄色以外的各栏（单位代码、版本、规则、工作表、单元格用于识别）。",
            "6. 所有审核决定连同审核人和记录时间保存在数据库中，汇总工作簿“审核记录”工作表列出全部历史。"
        };
        for (String line : text) {
            Row row = rows.newRow();
            SheetRows.text(row, 0, line, note);
            SheetRows.lines(row, SheetRows.linesOf(line, 100));
        }
    }
}
