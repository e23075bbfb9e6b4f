package cn.gov.county.gkreport.report;

import java.util.Set;

import cn.gov.county.gkreport.check.Severity;
import cn.gov.county.gkreport.sheet.ListSheet;
import cn.gov.county.gkreport.sheet.SheetRows;
import cn.gov.county.gkreport.store.SubmissionStatus;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * 校验问题: the findings of the submission that counts for each unit tonight (its accepted one, or its
 * latest), the list a reviewer acts on and the one 汇总表 counts. 校验问题（历史）: the findings of
 * earlier versions that no longer count (corrected, superseded, or of a unit taken off the roster),
 * with what became of each version; they stay in the database and here, apart, so a corrected
 * unit's old errors are not read as tonight's.
 */
final class FindingsSheet {

    static final String NAME = "校验问题";
    static final String HISTORY_NAME = "校验问题（历史）";
    private static final String[] HEADERS = {"单位代码", "单位名称", "文件名", "版本", "工作表", "单元格", "规则", "级别", "说明"};
    private static final String[] HISTORY_HEADERS = {"单位代码", "单位名称", "文件名", "版本", "该版本现状", "工作表", "单元格",
            "规则", "级别", "说明"};

    /** What became of a version of a unit taken off the roster (see {@link ReportData#offRoster}). */
    static final String OFF_ROSTER = "不在本年度名单，报告保留，不计入汇总";

    private final boolean history;

    private FindingsSheet(boolean history) {
        this.history = history;
    }

    static FindingsSheet current() {
        return new FindingsSheet(false);
    }

    static FindingsSheet history() {
        return new FindingsSheet(true);
    }

    void write(Workbook workbook, ReportData data, ReportStyles styles) {
        String name = history ? HISTORY_NAME : NAME;
        int[] widths = history ? new int[] {8, 16, 30, 5, 14, 8, 7, 8, 6, 80} : new int[] {8, 16, 30, 5, 8, 7, 8, 6, 90};
        ListSheet list = new ListSheet(workbook, name, history ? HISTORY_HEADERS : HEADERS, widths, styles.header,
                data.title() + " — " + name);
        Set<Long> counting = data.countingIds();
        data.queries().findings(data.year(), finding -> {
            if (counting.contains(finding.submissionId()) == history) {
                return;
            }
            Row row = list.newRow();
            Severity severity = Severity.valueOf(finding.severity());
            CellStyle mark = severity == Severity.ERROR ? styles.error : styles.warning;
            SheetRows.text(row, 0, finding.unitCode(), styles.text);
            SheetRows.text(row, 1, data.unitName(finding.unitCode()), styles.wrapped);
            SheetRows.text(row, 2, finding.fileName(), styles.wrapped);
            if (finding.version() == null) {
                SheetRows.text(row, 3, "", styles.text);
            } else {
                SheetRows.number(row, 3, finding.version(), styles.text);
            }
            int col = 4;
            if (history) {
                SheetRows.text(row, col++, data.offRoster().containsKey(finding.unitCode()) ? OFF_ROSTER
                        : SubmissionStatus.valueOf(finding.status()) == SubmissionStatus.SUPERSEDED
                        ? SubmissionStatus.SUPERSEDED.label() : "未通过，不计入（以本单位计入的版本为准）", styles.text);
            }
            SheetRows.text(row, col++, finding.sheet(), styles.text);
            SheetRows.text(row, col++, finding.cell(), styles.text);
            SheetRows.text(row, col++, finding.ruleId(), styles.text);
            SheetRows.text(row, col++, severity.label(), mark);
            SheetRows.text(row, col, finding.message(), styles.wrapped);
            SheetRows.lines(row, Math.max(SheetRows.linesOf(finding.message(), widths[widths.length - 1]),
                    SheetRows.linesOf(finding.fileName(), widths[2])));
        });
        list.finish();
    }
}
