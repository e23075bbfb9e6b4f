package cn.gov.county.gkreport.report;

import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.gov.county.gkreport.review.ReviewDecision;
import cn.gov.county.gkreport.review.ReviewRepository.Recorded;
import cn.gov.county.gkreport.review.ReviewTarget;
import cn.gov.county.gkreport.sheet.ListSheet;
import cn.gov.county.gkreport.sheet.SheetRows;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * 审核记录: every decision the reviewers made this year, withdrawn ones too, with who decided and
 * when the job read it; written only once there is one.
 */
final class ReviewHistorySheet {

    static final String NAME = "审核记录";
    private static final String[] HEADERS = {"单位代码", "单位名称", "版本", "审核对象", "审核决定", "理由", "审核人", "审核日期",
            "记录时间", "现状"};
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    void write(Workbook workbook, ReportData data, ReportStyles styles) {
        List<Recorded> history = data.queries().reviewHistory(data.year());
        if (history.isEmpty()) {
            return;
        }
        ListSheet list = new ListSheet(workbook, NAME, HEADERS, new int[] {8, 16, 5, 22, 8, 36, 8, 11, 16, 20},
                styles.header, data.title() + " — " + NAME);
        for (Recorded r : history) {
            ReviewDecision d = r.decision();
            ReviewTarget t = d.target();
            Row row = list.newRow();
            SheetRows.text(row, 0, t.unitCode(), styles.text);
            SheetRows.text(row, 1, data.unitName(t.unitCode()), styles.wrapped);
            SheetRows.number(row, 2, t.version(), styles.text);
            SheetRows.text(row, 3, t.ruleId() == null ? "该版本" : t.ruleId() + "（" + t.sheet()
                    + (t.cell().isEmpty() ? "" : "!" + t.cell()) + "）", styles.wrapped);
            SheetRows.text(row, 4, d.decision().word(), r.withdrawnAt() == null ? styles.text : styles.warning);
            SheetRows.text(row, 5, d.reason(), styles.wrapped);
            SheetRows.text(row, 6, d.reviewer(), styles.text);
            SheetRows.text(row, 7, d.decidedOn(), styles.text);
            SheetRows.text(row, 8, r.recordedAt().format(MINUTE), styles.text);
            SheetRows.text(row, 9, r.withdrawnAt() == null ? "有效" : "已撤回（" + r.withdrawnAt().format(MINUTE) + "）",
                    styles.text);
            SheetRows.lines(row, Math.max(SheetRows.linesOf(d.reason() == null ? "" : d.reason(), 36),
                    SheetRows.linesOf(data.unitName(t.unitCode()), 16)));
        }
        list.finish();
    }
}
