package cn.gov.county.gkreport.feedback;

import java.util.List;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.Severity;
import cn.gov.county.gkreport.feedback.FeedbackWorkbook.FeedbackRequest;
import cn.gov.county.gkreport.form.CellRef;
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

/**
 * 校验结果, the feedback copy's first sheet: a title, the counts and what to do, then every finding
 * (errors first) with a link to the cell it points at.
 */
final class FeedbackListSheet {

    private FeedbackListSheet() {
    }

    /**
     * Adds the list as the workbook's first and only selected sheet and returns its name:
     * {@link FeedbackWorkbook#LIST_SHEET}, with a suffix if the unit's own file already has a sheet of that name.
     */
    static String write(Workbook workbook, FeedbackRequest request, List<Finding> findings) {
        String name = FeedbackWorkbook.listSheetName(n -> workbook.getSheet(n) != null);
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

        FeedbackList content = FeedbackList.of(request, findings, finding -> {
            FindingCell target = FindingCell.of(workbook, finding, name);
            return target == null ? null : new CellRef(target.row(), target.col());
        });
        List<ListSheet.Line> lines = content.lines().stream()
                .map(l -> new ListSheet.Line(l.text(), l.title() ? title : note, l.pointsPerLine(), l.fontScale()))
                .toList();
        ListSheet list = ListSheet.underLines(workbook, name, lines, FeedbackList.HEADERS, FeedbackList.WIDTHS, header);
        workbook.setSheetOrder(name, 0);
        // exactly one tab selected: several selected tabs open as a group, where typing edits all of them
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            workbook.getSheetAt(i).setSelected(i == 0);
        }
        workbook.setActiveSheet(0);
        workbook.setFirstVisibleTab(0);

        CreationHelper helper = workbook.getCreationHelper();
        for (FeedbackList.Entry entry : content.entries()) {
            Row row = list.newRow();
            SheetRows.number(row, 0, entry.number(), text);
            text(row, 1, entry.severity().label(), entry.severity() == Severity.ERROR ? error : warning);
            text(row, 2, entry.ruleId(), text);
            text(row, 3, entry.sheet(), text);
            text(row, 4, entry.cell(), text);
            if (entry.target() != null) {
                Hyperlink hyperlink = helper.createHyperlink(HyperlinkType.DOCUMENT);
                hyperlink.setAddress(entry.linkAddress());
                row.getCell(4).setHyperlink(hyperlink);
                row.getCell(4).setCellStyle(link);
            }
            text(row, FeedbackList.MESSAGE_COL, entry.message(), wrapped);
            row.setHeightInPoints(entry.height());
        }
        list.finish();
        return name;
    }

    /** Always a string cell: nothing a unit wrote can become a formula. */
    private static void text(Row row, int col, String value, CellStyle style) {
        SheetRows.text(row, col, value, style);
    }
}
