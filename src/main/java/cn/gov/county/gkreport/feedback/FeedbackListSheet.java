package cn.gov.county.gkreport.feedback;

import java.util.List;
import java.util.Objects;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.Severity;
import cn.gov.county.gkreport.feedback.FeedbackWorkbook.FeedbackRequest;
import cn.gov.county.gkreport.review.ReviewRepository;
import cn.gov.county.gkreport.sheet.ListSheet;
import cn.gov.county.gkreport.sheet.SheetRows;
import cn.gov.county.gkreport.sheet.SheetStyles;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;

/**
 * 校验结果, the feedback copy's first sheet: a title, the counts and what to do, then every finding
 * (errors first) with a link to the cell it points at.
 */
final class FeedbackListSheet {

    private static final String[] HEADERS = {"序号", "级别", "规则", "工作表", "单元格", "说明"};
    private static final int[] WIDTHS = {6, 6, 12, 12, 9, 80};
    private static final int MESSAGE_COL = 5;

    private FeedbackListSheet() {
    }

    /**
     * Adds the list as the workbook's first and only selected sheet and returns its name:
     * {@link FeedbackWorkbook#LIST_SHEET}, with a suffix if the unit's own file already has a sheet of that name.
     */
    static String write(Workbook workbook, FeedbackRequest request, List<Finding> findings) {
        String name = FeedbackWorkbook.LIST_SHEET;
        for (int n = 2; workbook.getSheet(name) != null; n++) {
            name = FeedbackWorkbook.LIST_SHEET + "(" + n + ")";
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
        SeverityMark.fill(workbook, error, Severity.ERROR);
        CellStyle warning = styles.bordered(VerticalAlignment.TOP);
        SeverityMark.fill(workbook, warning, Severity.WARNING);

        ListSheet list = ListSheet.underLines(workbook, name, linesAbove(request, findings, title, note), HEADERS, WIDTHS,
                header);
        workbook.setSheetOrder(name, 0);
        // exactly one tab selected: several selected tabs open as a group, where typing edits all of them
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            workbook.getSheetAt(i).setSelected(i == 0);
        }
        workbook.setActiveSheet(0);
        workbook.setFirstVisibleTab(0);

        CreationHelper helper = workbook.getCreationHelper();
        int number = 1;
        for (Finding finding : findings) {
            Row row = list.newRow();
            SheetRows.number(row, 0, number++, text);
            Severity severity = SeverityMark.of(finding);
            text(row, 1, severity.label(), severity == Severity.ERROR ? error : warning);
            text(row, 2, finding.ruleId(), text);
            text(row, 3, finding.sheet(), text);
            text(row, 4, finding.cell(), text);
            FindingCell target = FindingCell.of(workbook, finding, name);
            if (target != null) {
                Hyperlink hyperlink = helper.createHyperlink(HyperlinkType.DOCUMENT);
                hyperlink.setAddress("'" + finding.sheet().replace("'", "''") + "'!"
                        + new CellAddress(target.row(), target.col()).formatAsString());
                row.getCell(4).setHyperlink(hyperlink);
                row.getCell(4).setCellStyle(link);
            }
            text(row, MESSAGE_COL, finding.message(), wrapped);
            // Excel does not grow a row for wrapped text written by a program
            row.setHeightInPoints(SheetRows.linesOf(ExcelText.capped(finding.message()), WIDTHS[MESSAGE_COL]) * 15f + 2f);
        }
        list.finish();
        return name;
    }

    /** The title and three lines above the table; the header comes on {@link FeedbackWorkbook#HEADER_ROW}. */
    private static List<ListSheet.Line> linesAbove(FeedbackRequest request, List<Finding> findings, CellStyle title,
                                                   CellStyle note) {
        long errors = findings.stream().filter(f -> SeverityMark.of(f) == Severity.ERROR).count();
        long warnings = findings.size() - errors;
        String unit = request.unitName() == null || request.unitName().isBlank() ? FeedbackNames.UNIDENTIFIED : request.unitName();
        return List.of(
                line(unit + " " + request.year() + "年政府信息公开年报 校验结果"
                        + (request.version() == null ? "" : "（第" + request.version() + "版）"), title, 20f, 1.3),
                line(headline(findings, errors, warnings), note, 15f, 1),
                line("红色为必须改正的错误，黄色为提醒；改正后请重新报送整个文件。", note, 15f, 1),
                line("原文件：" + Objects.toString(request.originalFileName(), "")
                        + (request.unitCode() == null ? "" : "　单位代码：" + request.unitCode()), note, 15f, 1));
    }

    /** What became of the version: a return is the reviewer's, not a failed check. */
    private static String headline(List<Finding> findings, long errors, long warnings) {
        boolean returned = findings.stream().anyMatch(f -> ReviewRepository.RETURN_RULE.equals(f.ruleId()));
        if (returned && errors == 1) {
            return "审核退回，警告 " + warnings + " 处：本次报送已通过各项校验，但经审核退回，未计入汇总；请按审核意见修改后重新报送。";
        }
        return "错误 " + errors + " 处，警告 " + warnings + " 处"
                + (errors > 0 ? "：本次报送未通过校验，未计入汇总。" : "：本次报送已接收并计入汇总。");
    }

    private static ListSheet.Line line(String value, CellStyle style, float pointsPerLine, double fontScale) {
        return new ListSheet.Line(ExcelText.capped(value), style, pointsPerLine, fontScale);
    }

    /** Always a string cell: nothing a unit wrote can become a formula. */
    private static void text(Row row, int col, String value, CellStyle style) {
        SheetRows.text(row, col, ExcelText.capped(value), style);
    }
}
