package cn.gov.county.gkreport.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.Severity;
import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.read.grid.ReadLimits;
import cn.gov.county.gkreport.read.grid.WorkbookFormat;
import cn.gov.county.gkreport.read.grid.ZipLimits;
import cn.gov.county.gkreport.sheet.ListSheet;
import cn.gov.county.gkreport.sheet.SheetRows;
import cn.gov.county.gkreport.sheet.SheetStyles;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.hssf.usermodel.HSSFPalette;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hssf.util.HSSFColor;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feedback copy a town clerk receives for a rejected or warned submission: the unit's own
 * workbook with every cell a finding points at filled red (错误) or yellow (警告) and the message as a
 * cell comment, plus a first sheet 校验结果 listing every finding with a link to its cell.
 *
 * <p>The unit's values, formulas, merged cells, formatting and sheet protection are left as they
 * were, and the original file is only ever read: the copy is a new file, written atomically. When
 * the original cannot be opened at all, the copy is a workbook holding just the list.
 *
 * <p>Safe for concurrent use: all per-copy state lives in one call.
 */
public final class FeedbackWorkbook {

    private static final Logger log = LoggerFactory.getLogger(FeedbackWorkbook.class);

    /** The list sheet's name (a suffix is added if the unit's own file already has one). */
    public static final String LIST_SHEET = "校验结果";
    /** Author of every comment we add, so a clerk can tell ours from their own. */
    public static final String AUTHOR = "年报汇总";
    /** The list's header row (zero-based), below the title and three lines of explanation; the findings start on the row below it. */
    public static final int HEADER_ROW = 4;

    /** ROSE and LIGHT_YELLOW of the standard palette: light enough that black text stays readable. */
    private static final byte[] ERROR_RGB = {(byte) 0xFF, (byte) 0x99, (byte) 0xCC};
    private static final byte[] WARNING_RGB = {(byte) 0xFF, (byte) 0xFF, (byte) 0x99};

    private static final String[] HEADERS = {"序号", "级别", "规则", "工作表", "单元格", "说明"};
    private static final int[] WIDTHS = {6, 6, 12, 12, 9, 80};
    private static final int MESSAGE_COL = 5;

    /** Excel refuses longer text in a cell or comment. */
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    /** The usermodel holds the whole workbook in memory (roughly ten times its XML); a filled form inflates to under 1 MB. */
    private static final long MAX_INFLATED_FOR_USERMODEL = 32L * 1024 * 1024;


    private final long maxFileBytes;
    private final long maxInflatedBytes;

    public FeedbackWorkbook() {
        this(ReadLimits.defaults());
    }

    /** Uses the reader's size limits, so a file the reader refused as too large is not loaded whole here either. */
    public FeedbackWorkbook(ReadLimits limits) {
        this.maxFileBytes = limits.maxFileBytes();
        this.maxInflatedBytes = Math.min(limits.maxInflatedBytes(), MAX_INFLATED_FOR_USERMODEL);
    }

    /**
     * What to annotate.
     *
     * @param original         the unit's file as received (only read)
     * @param format           the format decided from the content; {@code null} when the file could not be read at all
     * @param unitName         the unit's name, or {@code null} when the unit was not identified
     * @param unitCode         the unit's roster code, or {@code null}
     * @param year             the reporting year
     * @param version          the unit's submission number for the year, or {@code null}
     * @param originalFileName the file name the unit sent
     * @param findings         what the rules found, in the order found
     */
    public record FeedbackRequest(Path original, WorkbookFormat format, String unitName, String unitCode, int year,
                                  Integer version, String originalFileName, List<Finding> findings) {

        public FeedbackRequest {
            findings = findings == null ? List.of() : List.copyOf(findings);
        }
    }

    /**
     * Writes the annotated copy into {@code feedbackDir} (created if needed) and returns the file
     * written. Its name is {@link #fileName}, except that a findings-only copy of an .xls original
     * that could not be opened is an .xlsx. An existing file of that name is replaced.
     *
     * @throws IOException only when the copy cannot be written; an unreadable original gives a findings-only copy
     */
    public Path write(FeedbackRequest request, Path feedbackDir) throws IOException {
        List<Finding> ordered = errorsFirst(request.findings());
        Path target = feedbackDir.resolve(fileName(request));
        try (Original original = open(request)) {
            if (original != null) {
                try {
                    Annotator annotator = new Annotator(original.workbook());
                    annotator.listSheet(request, ordered);
                    annotator.markCells(ordered);
                    FormFiles.writeAtomically(original.workbook(), target);
                    return target;
                } catch (RuntimeException e) {
                    // e.g. the .xls style table is full: the clerk still gets the list
                    log.warn("{}: cannot annotate the unit's workbook, writing the findings only", request.originalFileName(), e);
                }
            }
        }
        Path listOnly = feedbackDir.resolve(FeedbackNames.withExtension(fileName(request), ".xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            new Annotator(workbook).listSheet(request, ordered);
            FormFiles.writeAtomically(workbook, listOnly);
        }
        return listOnly;
    }

    // ------------------------------------------------------------------------------- file name

    /** The copy's name: see {@link FeedbackNames#fileName}. */
    public static String fileName(FeedbackRequest r) {
        return FeedbackNames.fileName(r);
    }

    // ----------------------------------------------------------------------------------- opening

    /** An opened original and what must be closed with it. */
    private record Original(Workbook workbook, POIFSFileSystem fs) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                workbook.close();
            } finally {
                if (fs != null) {
                    fs.close();
                }
            }
        }
    }

    /**
     * The unit's workbook, or {@code null} when it cannot be opened. An .xlsx is loaded from a stream:
     * a package opened from the file in READ mode cannot be changed at all, and one opened
     * READ_WRITE is saved back into the file on close, so the stream is the way to never touch it.
     * An .xls is opened read-only ({@code POIFSFileSystem(file, true)}) and kept open until written,
     * so macros and other streams of the file are carried over into the copy.
     */
    private Original open(FeedbackRequest request) {
        if (request.format() == null || request.original() == null) {
            return null;
        }
        Path file = request.original();
        POIFSFileSystem fs = null;
        try {
            if (Files.size(file) > maxFileBytes) {
                log.info("{}: too large to annotate, writing the findings only", request.originalFileName());
                return null;
            }
            if (request.format() == WorkbookFormat.XLSX || request.format() == WorkbookFormat.XLSM) {
                if (!ZipLimits.inflatesWithin(file, maxInflatedBytes)) {
                    log.info("{}: inflates beyond {} bytes, writing the findings only", request.originalFileName(),
                            maxInflatedBytes);
                    return null;
                }
                // POI's zip-bomb guard (ZipSecureFile) applies to this stream as well
                try (InputStream in = Files.newInputStream(file)) {
                    return new Original(new XSSFWorkbook(OPCPackage.open(in)), null);
                }
            }
            fs = new POIFSFileSystem(file.toFile(), true);
            return new Original(new HSSFWorkbook(fs.getRoot(), true), fs);
        } catch (Exception e) {
            // WPS packages that fail POI's compliance checks, encrypted or corrupt files: list only
            log.info("{}: cannot open the original to annotate it, writing the findings only ({})",
                    request.originalFileName(), e.toString());
            if (fs != null) {
                try {
                    fs.close();
                } catch (IOException ignored) {
                    // read-only: nothing to lose
                }
            }
            return null;
        }
    }

    private static List<Finding> errorsFirst(List<Finding> findings) {
        List<Finding> ordered = new ArrayList<>(findings.size());
        findings.stream().filter(f -> !isWarning(f)).forEach(ordered::add);
        findings.stream().filter(FeedbackWorkbook::isWarning).forEach(ordered::add);
        return ordered;
    }

    private static boolean isWarning(Finding finding) {
        return finding.severity() == Severity.WARNING;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String capped(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    // --------------------------------------------------------------------------------- annotating

    /** The writing into one open workbook. */
    private static final class Annotator {
        private final Workbook workbook;
        private final CreationHelper helper;
        private final SpreadsheetVersion version;
        /** One marked style per (original style, severity): never one per cell (.xls holds ~4000 styles). */
        private final Map<String, CellStyle> marked = new HashMap<>();
        private final Map<Sheet, Drawing<?>> drawings = new HashMap<>();
        private final Map<Sheet, List<CellRangeAddress>> merged = new HashMap<>();
        private String listSheetName;

        Annotator(Workbook workbook) {
            this.workbook = workbook;
            this.helper = workbook.getCreationHelper();
            this.version = workbook.getSpreadsheetVersion();
        }

        void listSheet(FeedbackRequest request, List<Finding> findings) {
            listSheetName = LIST_SHEET;
            for (int n = 2; workbook.getSheet(listSheetName) != null; n++) {
                listSheetName = LIST_SHEET + "(" + n + ")";
            }
            SheetStyles styles = new SheetStyles(workbook);
            Font blue = workbook.createFont();
            blue.setUnderline(Font.U_SINGLE);
            blue.setColor(IndexedColors.BLUE.getIndex());
            CellStyle title = styles.title();
            title.setWrapText(true);
            CellStyle note = styles.note();
            CellStyle header = styles.header(VerticalAlignment.CENTER);
            CellStyle text = styles.bordered(VerticalAlignment.TOP);
            CellStyle wrapped = styles.wrapped(VerticalAlignment.TOP);
            CellStyle link = styles.bordered(VerticalAlignment.TOP);
            link.setFont(blue);
            CellStyle error = styles.bordered(VerticalAlignment.TOP);
            fill(error, Severity.ERROR);
            CellStyle warning = styles.bordered(VerticalAlignment.TOP);
            fill(warning, Severity.WARNING);

            long errors = findings.stream().filter(f -> !isWarning(f)).count();
            long warnings = findings.size() - errors;
            String unit = request.unitName() == null || request.unitName().isBlank() ? FeedbackNames.UNIDENTIFIED : request.unitName();
            List<ListSheet.Line> above = List.of(
                    line(unit + " " + request.year() + "年政府信息公开年报 校验结果"
                            + (request.version() == null ? "" : "（第" + request.version() + "版）"), title, 20f, 1.3),
                    line("错误 " + errors + " 处，警告 " + warnings + " 处"
                            + (errors > 0 ? "：本次报送未通过校验，未计入汇总。" : "：本次报送已接收并计入汇总。"), note, 15f, 1),
                    line("红色为必须改正的错误，黄色为提醒；改正后请重新报送整个文件。", note, 15f, 1),
                    line("原文件：" + orEmpty(request.originalFileName())
                            + (request.unitCode() == null ? "" : "　单位代码：" + request.unitCode()), note, 15f, 1));
            ListSheet list = ListSheet.underLines(workbook, listSheetName, above, HEADERS, WIDTHS, header);
            workbook.setSheetOrder(listSheetName, 0);
            // exactly one tab selected: several selected tabs open as a group, where typing edits all of them
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                workbook.getSheetAt(i).setSelected(i == 0);
            }
            workbook.setActiveSheet(0);
            workbook.setFirstVisibleTab(0);

            int number = 1;
            for (Finding finding : findings) {
                Row row = list.newRow();
                SheetRows.number(row, 0, number++, text);
                Severity severity = isWarning(finding) ? Severity.WARNING : Severity.ERROR;
                text(row, 1, severity.label(), severity == Severity.ERROR ? error : warning);
                text(row, 2, finding.ruleId(), text);
                text(row, 3, finding.sheet(), text);
                text(row, 4, finding.cell(), text);
                Target target = position(finding);
                if (target != null) {
                    Hyperlink hyperlink = helper.createHyperlink(HyperlinkType.DOCUMENT);
                    hyperlink.setAddress("'" + finding.sheet().replace("'", "''") + "'!"
                            + new CellAddress(target.row(), target.col()).formatAsString());
                    row.getCell(4).setHyperlink(hyperlink);
                    row.getCell(4).setCellStyle(link);
                }
                text(row, MESSAGE_COL, finding.message(), wrapped);
                // Excel does not grow a row for wrapped text written by a program
                row.setHeightInPoints(SheetRows.linesOf(orEmpty(finding.message()), WIDTHS[MESSAGE_COL]) * 15f + 2f);
            }
            list.finish();
        }

        /** Fills and comments every cell a finding points at; findings on one cell share one comment. */
        void markCells(List<Finding> findings) {
            Map<Target, List<Finding>> byCell = new LinkedHashMap<>();
            for (Finding finding : findings) {
                Target target = position(finding);
                if (target != null) {
                    byCell.computeIfAbsent(topLeft(target), k -> new ArrayList<>()).add(finding);
                }
            }
            byCell.forEach(this::mark);
        }

        private void mark(Target target, List<Finding> onCell) {
            Sheet sheet = target.sheet();
            Row row = sheet.getRow(target.row());
            if (row == null) {
                row = sheet.createRow(target.row());
            }
            Cell cell = row.getCell(target.col());
            CellStyle original;
            if (cell != null) {
                original = cell.getCellStyle();
            } else {
                // a cell absent from the file shows its row's or column's format: keep that one
                original = row.isFormatted() ? row.getRowStyle() : sheet.getColumnStyle(target.col());
                cell = row.createCell(target.col());
                if (original == null) {
                    original = cell.getCellStyle();
                }
            }
            Severity severity = onCell.stream().allMatch(FeedbackWorkbook::isWarning) ? Severity.WARNING : Severity.ERROR;
            CellStyle base = original;
            cell.setCellStyle(marked.computeIfAbsent(base.getIndex() + "/" + severity, k -> {
                CellStyle style = workbook.createCellStyle();
                style.cloneStyleFrom(base);
                fill(style, severity);
                return style;
            }));

            StringBuilder text = new StringBuilder();
            for (Finding finding : onCell) {
                text.append(text.length() == 0 ? "" : "\n").append('[')
                        .append(isWarning(finding) ? Severity.WARNING.label() : Severity.ERROR.label()).append(' ')
                        .append(orEmpty(finding.ruleId())).append("] ").append(orEmpty(finding.message()));
            }
            Comment existing = cell.getCellComment();
            if (existing != null) {
                // the clerk's own note stays, ours follows it
                String before = existing.getString() == null ? "" : existing.getString().getString();
                existing.setString(helper.createRichTextString(capped(before + "\n" + text)));
                return;
            }
            Drawing<?> drawing = drawings.computeIfAbsent(sheet, Sheet::createDrawingPatriarch);
            Comment comment = drawing.createCellComment(anchor(sheet, target));
            comment.setString(helper.createRichTextString(capped(text.toString())));
            comment.setAuthor(AUTHOR);
            cell.setCellComment(comment);
        }

        /**
         * A comment box about four columns by six rows, beside the cell. Its top-left cell must not
         * hold a comment yet: POI files a new comment under that cell until it is attached to its
         * own, and refuses two there.
         */
        private ClientAnchor anchor(Sheet sheet, Target target) {
            int lastCol = version.getLastColumnIndex();
            int lastRow = version.getLastRowIndex();
            int col1 = target.col() + 5 <= lastCol ? target.col() + 1 : Math.max(0, target.col() - 5);
            int row1 = target.row() + 6 <= lastRow ? target.row() : Math.max(0, target.row() - 6);
            for (int tries = 0; tries < 1000 && sheet.getCellComment(new CellAddress(row1, col1)) != null; tries++) {
                row1 = row1 + 7 <= lastRow ? row1 + 1 : 0;
            }
            ClientAnchor anchor = helper.createClientAnchor();
            anchor.setCol1(col1);
            anchor.setCol2(Math.min(col1 + 4, lastCol));
            anchor.setRow1(row1);
            anchor.setRow2(Math.min(row1 + 6, lastRow));
            return anchor;
        }

        /** Where a finding points in this workbook, or {@code null} when it names no existing sheet or no valid cell. */
        private Target position(Finding finding) {
            String sheetName = finding.sheet();
            if (sheetName == null || sheetName.isEmpty() || finding.cell() == null || sheetName.equals(listSheetName)) {
                return null;
            }
            Sheet sheet = workbook.getSheet(sheetName);
            CellRef at = CellRef.parseOrNull(finding.cell().trim());
            if (sheet == null || at == null || at.row() > version.getLastRowIndex()
                    || at.col() > version.getLastColumnIndex()) {
                return null;
            }
            return new Target(sheet, at.row(), at.col());
        }

        /** A finding on a cell inside a merged area is shown on the area's top-left cell, the one that is displayed. */
        private Target topLeft(Target target) {
            for (CellRangeAddress region : merged.computeIfAbsent(target.sheet(), Sheet::getMergedRegions)) {
                if (region.isInRange(target.row(), target.col())) {
                    return new Target(target.sheet(), region.getFirstRow(), region.getFirstColumn());
                }
            }
            return target;
        }

        /**
         * A solid fill in the severity's colour. In an .xlsx the colour is given as RGB, so a custom
         * palette cannot change it; an .xls can only name a palette entry, so take the entry nearest to
         * it rather than redefine one the unit's own cells may use.
         */
        private void fill(CellStyle style, Severity severity) {
            byte[] rgb = severity == Severity.ERROR ? ERROR_RGB : WARNING_RGB;
            if (style instanceof XSSFCellStyle xssf) {
                xssf.setFillForegroundColor(new XSSFColor(rgb, null));
            } else {
                HSSFPalette palette = ((HSSFWorkbook) workbook).getCustomPalette();
                HSSFColor color = palette.findColor(rgb[0], rgb[1], rgb[2]);
                if (color == null) {
                    color = palette.findSimilarColor(rgb[0], rgb[1], rgb[2]);
                }
                style.setFillForegroundColor(color.getIndex());
            }
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }

        /** A line above the list; capped like every text we write (a file name is the unit's). */
        private static ListSheet.Line line(String value, CellStyle style, float pointsPerLine, double fontScale) {
            return new ListSheet.Line(capped(value), style, pointsPerLine, fontScale);
        }

        /** Always a string cell: nothing a unit wrote can become a formula. */
        private static void text(Row row, int col, String value, CellStyle style) {
            Cell cell = row.createCell(col);
            cell.setCellValue(capped(orEmpty(value)));
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    /** A cell position on one sheet of the workbook being annotated. */
    private record Target(Sheet sheet, int row, int col) {
    }
}
