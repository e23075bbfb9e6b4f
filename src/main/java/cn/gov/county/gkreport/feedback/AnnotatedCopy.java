package cn.gov.county.gkreport.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.Severity;
import cn.gov.county.gkreport.form.CellStyles;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.read.CellRef;
import cn.gov.county.gkreport.read.WorkbookFormat;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The copy of a unit's own workbook that goes back to its clerk: every cell a finding points at
 * filled red (ERROR) or yellow (WARNING) with the message as a cell comment, and a first sheet
 * 校验结果 listing every finding with a link to its cell. The unit's values, formulas and layout are
 * left as they were; the original file is only read, never written.
 */
public final class AnnotatedCopy {

    private static final Logger log = LoggerFactory.getLogger(AnnotatedCopy.class);
    private static final String LIST_SHEET = "校验结果";
    private static final String AUTHOR = "年报汇总";

    /**
     * What to annotate.
     *
     * @param format the format decided from the content, or {@code null} when the file could not be read
     */
    public record Request(Path original, WorkbookFormat format, String unitName, int year, Integer version,
                          String originalFileName, List<Finding> findings) {

        public Request {
            findings = List.copyOf(findings);
        }
    }

    /** Writes the annotated copy into {@code dir} and returns its path. */
    public Path write(Request request, Path dir) throws IOException {
        Path target = dir.resolve(FeedbackFileName.of(request));
        try (Workbook workbook = open(request)) {
            Annotator annotator = new Annotator(workbook);
            List<Finding> ordered = new ArrayList<>(request.findings());
            ordered.sort(Comparator.comparing((Finding f) -> f.severity() == Severity.ERROR ? 0 : 1));
            annotator.listSheet(request, ordered);
            annotator.markCells(ordered);
            FormFiles.writeAtomically(workbook, target);
        }
        return target;
    }

    /**
     * The unit's workbook, loaded from a stream so the original file is only ever read (a package
     * opened from a File would be rewritten on close); a new empty one when it cannot be opened.
     * Files reaching here already passed the reader's size limits.
     */
    private static Workbook open(Request request) {
        if (request.format() != null) {
            try (InputStream in = Files.newInputStream(request.original())) {
                return request.format() == WorkbookFormat.XLSX ? new XSSFWorkbook(in) : new HSSFWorkbook(in);
            } catch (Exception | OutOfMemoryError e) {
                log.info("{}: cannot annotate the original, writing the findings only ({})", request.originalFileName(),
                        e.toString());
            }
        }
        return request.format() == WorkbookFormat.XLS ? new HSSFWorkbook() : new XSSFWorkbook();
    }

    /** Does the writing into one open workbook; styles are made once per (original style, severity). */
    private static final class Annotator {
        private final Workbook workbook;
        private final CreationHelper helper;
        private final Map<String, CellStyle> marked = new HashMap<>();
        private final Map<Sheet, Drawing<?>> drawings = new HashMap<>();

        Annotator(Workbook workbook) {
            this.workbook = workbook;
            this.helper = workbook.getCreationHelper();
        }

        void listSheet(Request request, List<Finding> findings) {
            String name = LIST_SHEET;
            for (int n = 2; workbook.getSheet(name) != null; n++) {
                name = LIST_SHEET + "(" + n + ")";
            }
            Sheet sheet = workbook.createSheet(name);
            workbook.setSheetOrder(name, 0);
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                workbook.getSheetAt(i).setSelected(i == 0);
            }
            workbook.setActiveSheet(0);
            workbook.setFirstVisibleTab(0);

            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            CellStyle title = workbook.createCellStyle();
            title.setFont(big);
            CellStyle header = CellStyles.bordered(workbook, VerticalAlignment.CENTER);
            header.setFont(bold);
            CellStyles.fill(header, IndexedColors.GREY_25_PERCENT);
            CellStyle text = CellStyles.bordered(workbook, VerticalAlignment.TOP);
            CellStyle wrapped = CellStyles.bordered(workbook, VerticalAlignment.TOP);
            wrapped.setWrapText(true);
            CellStyle error = CellStyles.bordered(workbook, VerticalAlignment.TOP);
            CellStyles.fill(error, IndexedColors.ROSE);
            CellStyle warning = CellStyles.bordered(workbook, VerticalAlignment.TOP);
            CellStyles.fill(warning, IndexedColors.LIGHT_YELLOW);
            CellStyle link = CellStyles.bordered(workbook, VerticalAlignment.TOP);
            Font blue = workbook.createFont();
            blue.setUnderline(Font.U_SINGLE);
            blue.setColor(IndexedColors.BLUE.getIndex());
            link.setFont(blue);

            long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
            String unit = request.unitName() == null ? "（封面未能识别单位）" : request.unitName();
            text(sheet, 0, 0, unit + " " + request.year() + "年政府信息公开年报 校验结果"
                    + (request.version() == null ? "" : "（第" + request.version() + "版）"), title);
            text(sheet, 1, 0, "文件：" + request.originalFileName() + "　错误 " + errors + " 处，警告 "
                    + (findings.size() - errors) + " 处。", null);
            text(sheet, 2, 0, errors > 0
                    ? "本次报送未通过校验，未计入汇总。红色为必须改正的错误，黄色为提醒；请在原文件中逐条改正后，重新报送整个文件。"
                    : "本次报送已接收。黄色为提醒，请核对；如需更正，请重新报送整个文件。", null);
            String[] titles = {"序号", "级别", "规则", "工作表", "单元格", "说明"};
            Row head = sheet.createRow(4);
            for (int c = 0; c < titles.length; c++) {
                text(head, c, titles[c], header);
            }
            int r = 5;
            for (Finding finding : findings) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r - 4);
                row.getCell(0).setCellStyle(text);
                text(row, 1, finding.severity().label(), finding.severity() == Severity.ERROR ? error : warning);
                text(row, 2, finding.ruleId(), text);
                text(row, 3, finding.sheet(), text);
                text(row, 4, finding.cell(), text);
                if (!finding.cell().isEmpty() && workbook.getSheet(finding.sheet()) != null) {
                    Hyperlink hyperlink = helper.createHyperlink(HyperlinkType.DOCUMENT);
                    hyperlink.setAddress("'" + finding.sheet().replace("'", "''") + "'!" + finding.cell());
                    row.getCell(4).setHyperlink(hyperlink);
                    row.getCell(4).setCellStyle(link);
                }
                text(row, 5, finding.message(), wrapped);
                row.setHeightInPoints((finding.message().length() / 40 + 1) * 15f);
                r++;
            }
            int[] widths = {6, 6, 11, 10, 8, 84};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256 + 200);
            }
            sheet.createFreezePane(0, 5);
            CellStyles.printOnA4FitToWidth(sheet);
        }

        void markCells(List<Finding> findings) {
            Map<String, List<Finding>> byCell = new LinkedHashMap<>();
            for (Finding finding : findings) {
                if (!finding.cell().isEmpty() && workbook.getSheet(finding.sheet()) != null) {
                    byCell.computeIfAbsent(finding.sheet() + "!" + finding.cell(), k -> new ArrayList<>()).add(finding);
                }
            }
            byCell.forEach((key, onCell) -> mark(onCell));
        }

        private void mark(List<Finding> onCell) {
            Sheet sheet = workbook.getSheet(onCell.get(0).sheet());
            CellRef ref = topLeft(sheet, CellRef.parse(onCell.get(0).cell()));
            Row row = sheet.getRow(ref.row()) == null ? sheet.createRow(ref.row()) : sheet.getRow(ref.row());
            Cell cell = row.getCell(ref.col()) == null ? row.createCell(ref.col()) : row.getCell(ref.col());
            Severity severity = onCell.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? Severity.ERROR
                    : Severity.WARNING;
            CellStyle original = cell.getCellStyle();
            cell.setCellStyle(marked.computeIfAbsent(original.getIndex() + "/" + severity, k -> {
                CellStyle style = workbook.createCellStyle();
                style.cloneStyleFrom(original);
                CellStyles.fill(style, severity == Severity.ERROR ? IndexedColors.ROSE : IndexedColors.LIGHT_YELLOW);
                return style;
            }));
            StringBuilder text = new StringBuilder();
            for (Finding finding : onCell) {
                text.append(text.isEmpty() ? "" : "\n").append('[').append(finding.severity().label()).append(' ')
                        .append(finding.ruleId()).append("] ").append(finding.message());
            }
            Comment existing = cell.getCellComment();
            if (existing != null) {
                existing.setString(helper.createRichTextString(existing.getString().getString() + "\n" + text));
                return;
            }
            Drawing<?> drawing = drawings.computeIfAbsent(sheet, Sheet::createDrawingPatriarch);
            ClientAnchor anchor = helper.createClientAnchor();
            anchor.setCol1(ref.col() + 1);
            anchor.setCol2(ref.col() + 6);
            anchor.setRow1(ref.row());
            anchor.setRow2(ref.row() + 7);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(helper.createRichTextString(text.toString()));
            comment.setAuthor(AUTHOR);
            cell.setCellComment(comment);
        }

        /** A finding on a merged cell is shown on the region's visible top-left cell. */
        private static CellRef topLeft(Sheet sheet, CellRef ref) {
            for (CellRangeAddress region : sheet.getMergedRegions()) {
                if (region.isInRange(ref.row(), ref.col())) {
                    return new CellRef(region.getFirstRow(), region.getFirstColumn());
                }
            }
            return ref;
        }

        private static void text(Sheet sheet, int row, int col, String value, CellStyle style) {
            Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
            text(r, col, value, style);
        }

        private static void text(Row row, int col, String value, CellStyle style) {
            Cell cell = row.createCell(col);
            cell.setCellValue(value == null ? "" : value);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
