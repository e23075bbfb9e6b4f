package cn.gov.county.gkreport.feedback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.Severity;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The marks on the unit's own cells: every cell a finding points at filled red (错误) or yellow
 * (警告), keeping the rest of its look, with the findings' messages as one comment.
 */
final class CellMarks {

    /** Author of every comment we add, so a clerk can tell ours from their own. */
    static final String AUTHOR = "年报汇总";

    private final Workbook workbook;
    private final String listSheetName;
    private final CreationHelper helper;
    private final SpreadsheetVersion version;
    /** One marked style per (original style, severity): never one per cell (.xls holds ~4000 styles). */
    private final Map<String, CellStyle> marked = new HashMap<>();
    private final Map<Sheet, Drawing<?>> drawings = new HashMap<>();
    private final Map<Sheet, List<CellRangeAddress>> merged = new HashMap<>();

    /** Marks in {@code workbook}, whose list of findings is the sheet {@code listSheetName} (never marked). */
    CellMarks(Workbook workbook, String listSheetName) {
        this.workbook = workbook;
        this.listSheetName = listSheetName;
        this.helper = workbook.getCreationHelper();
        this.version = workbook.getSpreadsheetVersion();
    }

    /** Fills and comments every cell a finding points at; findings on one cell share one comment. */
    void mark(List<Finding> findings) {
        Map<FindingCell, List<Finding>> byCell = new LinkedHashMap<>();
        for (Finding finding : findings) {
            FindingCell target = FindingCell.of(workbook, finding, listSheetName);
            if (target != null) {
                byCell.computeIfAbsent(topLeft(target), k -> new ArrayList<>()).add(finding);
            }
        }
        byCell.forEach(this::mark);
    }

    private void mark(FindingCell target, List<Finding> onCell) {
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
        Severity severity = severity(onCell);
        CellStyle base = original;
        cell.setCellStyle(marked.computeIfAbsent(base.getIndex() + "/" + severity, k -> {
            CellStyle style = workbook.createCellStyle();
            style.cloneStyleFrom(base);
            SeverityMark.fill(workbook, style, severity);
            return style;
        }));

        String text = note(onCell);
        Comment existing = cell.getCellComment();
        if (existing != null) {
            // the clerk's own note stays, ours follows it
            String before = existing.getString() == null ? "" : existing.getString().getString();
            existing.setString(helper.createRichTextString(ExcelText.capped(before + "\n" + text)));
            return;
        }
        Drawing<?> drawing = drawings.computeIfAbsent(sheet, Sheet::createDrawingPatriarch);
        Comment comment = drawing.createCellComment(anchor(sheet, target));
        comment.setString(helper.createRichTextString(ExcelText.capped(text)));
        comment.setAuthor(AUTHOR);
        cell.setCellComment(comment);
    }

    /**
     * A comment box about four columns by six rows, beside the cell. Its top-left cell must not
     * hold a comment yet: POI files a new comment under that cell until it is attached to its
     * own, and refuses two there.
     */
    private ClientAnchor anchor(Sheet sheet, FindingCell target) {
        int lastRow = version.getLastRowIndex();
        CommentBox box = CommentBox.beside(target.row(), target.col(), version);
        int row1 = box.row1();
        for (int tries = 0; tries < 1000 && sheet.getCellComment(new CellAddress(row1, box.col1())) != null; tries++) {
            row1 = row1 + 7 <= lastRow ? row1 + 1 : 0;
        }
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setCol1(box.col1());
        anchor.setCol2(box.col2());
        anchor.setRow1(row1);
        anchor.setRow2(Math.min(row1 + 6, lastRow));
        return anchor;
    }

    /** Where a comment box goes: about four columns by six rows, right of the cell (left of it at the sheet's edge). */
    record CommentBox(int col1, int row1, int col2, int row2) {

        static CommentBox beside(int row, int col, SpreadsheetVersion version) {
            int lastCol = version.getLastColumnIndex();
            int lastRow = version.getLastRowIndex();
            int col1 = col + 5 <= lastCol ? col + 1 : Math.max(0, col - 5);
            int row1 = row + 6 <= lastRow ? row : Math.max(0, row - 6);
            return new CommentBox(col1, row1, Math.min(col1 + 4, lastCol), Math.min(row1 + 6, lastRow));
        }
    }

    /** A finding on a cell inside a merged area is shown on the area's top-left cell, the one that is displayed. */
    private FindingCell topLeft(FindingCell target) {
        for (CellRangeAddress region : merged.computeIfAbsent(target.sheet(), Sheet::getMergedRegions)) {
            if (region.isInRange(target.row(), target.col())) {
                return new FindingCell(target.sheet(), region.getFirstRow(), region.getFirstColumn());
            }
        }
        return target;
    }

    /** A cell's mark: red if any finding on it is an error, yellow if all are warnings. */
    static Severity severity(List<Finding> onCell) {
        return onCell.stream().allMatch(f -> SeverityMark.of(f) == Severity.WARNING) ? Severity.WARNING : Severity.ERROR;
    }

    /** The comment of a cell: one line per finding on it, {@code [错误 T3-ROW] message}. */
    static String note(List<Finding> onCell) {
        StringBuilder text = new StringBuilder();
        for (Finding finding : onCell) {
            text.append(text.length() == 0 ? "" : "\n").append('[')
                    .append(SeverityMark.of(finding).label()).append(' ')
                    .append(orEmpty(finding.ruleId())).append("] ").append(orEmpty(finding.message()));
        }
        return text.toString();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
