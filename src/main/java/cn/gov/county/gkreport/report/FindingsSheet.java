package cn.gov.county.gkreport.report;

import cn.gov.county.gkreport.check.Severity;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/** 校验问题: every finding of every submission of the year, by unit, with a filter. */
final class FindingsSheet {

    static final String NAME = "校验问题";
    private static final String[] HEADERS = {"单位代码", "单位名称", "文件名", "版本", "工作表", "单元格", "规则", "级别", "说明"};

    void write(Workbook workbook, ReportData data, ReportStyles styles) {
        ListSheet list = new ListSheet(workbook, NAME, HEADERS, new int[] {8, 20, 36, 6, 10, 8, 10, 6, 90},
                styles.header, data.title() + " — " + NAME);
        data.queries().findings(data.year(), finding -> {
            Row row = list.newRow();
            Severity severity = Severity.valueOf(finding.severity());
            CellStyle mark = severity == Severity.ERROR ? styles.error : styles.warning;
            SheetRows.text(row, 0, finding.unitCode(), styles.text);
            SheetRows.text(row, 1, data.unitName(finding.unitCode()), styles.text);
            SheetRows.text(row, 2, finding.fileName(), styles.wrapped);
            if (finding.version() == null) {
                SheetRows.text(row, 3, "", styles.text);
            } else {
                SheetRows.number(row, 3, finding.version(), styles.text);
            }
            SheetRows.text(row, 4, finding.sheet(), styles.text);
            SheetRows.text(row, 5, finding.cell(), styles.text);
            SheetRows.text(row, 6, finding.ruleId(), styles.text);
            SheetRows.text(row, 7, severity.label(), mark);
            SheetRows.text(row, 8, finding.message(), styles.wrapped);
            // about 44 Chinese characters fit a line of the 说明 column, 18 of the file name column
            SheetRows.lines(row, Math.max(finding.message().length() / 44 + 1, finding.fileName().length() / 18 + 1));
        });
        list.finish();
    }
}
