package cn.gov.county.gkreport.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.Severity;
import cn.gov.county.gkreport.feedback.FeedbackWorkbook.FeedbackRequest;
import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.review.ReviewRepository;
import cn.gov.county.gkreport.sheet.SheetRows;

/**
 * What the list sheet 校验结果 says — its lines above the table, its header and one row per finding
 * with the cell it links to — whichever way the copy is written ({@link FeedbackListSheet} with POI,
 * {@link ListSheetXml} as XML), so both say the same in the same words.
 */
record FeedbackList(List<Line> lines, List<Entry> entries) {

    static final String[] HEADERS = {"序号", "级别", "规则", "工作表", "单元格", "说明"};
    static final int[] WIDTHS = {6, 6, 12, 12, 9, 80};
    static final int MESSAGE_COL = 5;

    /** A line above the table: the title (larger) or a note. */
    record Line(String text, boolean title, float pointsPerLine, double fontScale) {
    }

    /**
     * One finding: texts already capped to what Excel takes; {@code target} the cell its link
     * leads to ({@code null}: no link), {@code height} the row's height in points.
     */
    record Entry(int number, Severity severity, String ruleId, String sheet, String cell, CellRef target,
                 String message, float height) {

        /** The link's address: the sheet as the finding names it, quoted, and the cell. */
        String linkAddress() {
            return "'" + sheet.replace("'", "''") + "'!" + target.a1();
        }
    }

    /**
     * The list for {@code findings} (errors first), each linked to the cell {@code target} finds
     * for it in the copy, if any.
     */
    static FeedbackList of(FeedbackRequest request, List<Finding> findings, Function<Finding, CellRef> target) {
        List<Entry> entries = new ArrayList<>(findings.size());
        int number = 1;
        for (Finding finding : findings) {
            String message = ExcelText.capped(finding.message());
            entries.add(new Entry(number++, SeverityMark.of(finding), ExcelText.capped(finding.ruleId()),
                    ExcelText.capped(finding.sheet()), ExcelText.capped(finding.cell()), target.apply(finding), message,
                    // Excel does not grow a row for wrapped text written by a program
                    SheetRows.linesOf(message, WIDTHS[MESSAGE_COL]) * 15f + 2f));
        }
        return new FeedbackList(linesAbove(request, findings), entries);
    }

    /** The title and three lines above the table; the header comes on {@link FeedbackWorkbook#HEADER_ROW}. */
    private static List<Line> linesAbove(FeedbackRequest request, List<Finding> findings) {
        long errors = findings.stream().filter(f -> SeverityMark.of(f) == Severity.ERROR).count();
        long warnings = findings.size() - errors;
        String unit = request.unitName() == null || request.unitName().isBlank() ? FeedbackNames.UNIDENTIFIED : request.unitName();
        return List.of(
                line(unit + " " + request.year() + "年政府信息公开年报 校验结果"
                        + (request.version() == null ? "" : "（第" + request.version() + "版）"), true, 20f, 1.3),
                line(headline(findings, errors, warnings), false, 15f, 1),
                line("红色为必须改正的错误，黄色为提醒；改正后请重新报送整个文件。", false, 15f, 1),
                line("原文件：" + Objects.toString(request.originalFileName(), "")
                        + (request.unitCode() == null ? "" : "　单位代码：" + request.unitCode()), false, 15f, 1));
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

    private static Line line(String value, boolean title, float pointsPerLine, double fontScale) {
        return new Line(ExcelText.capped(value), title, pointsPerLine, fontScale);
    }
}
