package cn.gov.county.gkreport.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.form.ValueType;
import cn.gov.county.gkreport.sheet.ListSheet;
import cn.gov.county.gkreport.sheet.SheetRows;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * 数据溯源: for each county figure, the units whose accepted submissions make it up, with version,
 * file, SHA-256 and the source cell in the unit's own file, unit by unit and in form order within a
 * unit. Filter by 项目代码 to follow one figure.
 */
final class TraceabilitySheet {

    static final String NAME = "数据溯源";
    private static final String[] HEADERS = {"项目代码", "项目", "单位代码", "单位名称", "版本", "文件名", "SHA-256",
            "来源单元格", "数值", SheetRows.FULL_SHA256};

    void write(Workbook workbook, ReportData data, ReportStyles styles) {
        ListSheet list = new ListSheet(workbook, NAME, HEADERS, new int[] {20, 44, 8, 20, 6, 40, 18, 14, 12, 66},
                styles.header, data.title() + " — " + NAME);
        // The query gives one submission after the other; each one's figures go out in form order.
        List<ReportRepository.TraceRow> submission = new ArrayList<>();
        data.queries().trace(data.year(), trace -> {
            if (!submission.isEmpty() && !sameSubmission(submission.get(0), trace)) {
                writeSubmission(list, data, styles, submission);
            }
            submission.add(trace);
        });
        writeSubmission(list, data, styles, submission);
        list.finish();
    }

    private static boolean sameSubmission(ReportRepository.TraceRow a, ReportRepository.TraceRow b) {
        return a.unitCode().equals(b.unitCode()) && a.version() == b.version() && a.sha256().equals(b.sha256());
    }

    private static void writeSubmission(ListSheet list, ReportData data, ReportStyles styles,
                                        List<ReportRepository.TraceRow> submission) {
        submission.sort(Comparator.comparing(ReportRepository.TraceRow::itemCode, data.form().itemOrder()));
        for (ReportRepository.TraceRow trace : submission) {
            FormItem item = data.form().item(trace.itemCode());
            if (item.derived()) {
                continue; // a total the unit typed: the county recomputes totals, so it traces to nothing
            }
            Row row = list.newRow();
            SheetRows.text(row, 0, trace.itemCode(), styles.text);
            SheetRows.text(row, 1, item.describe(), styles.text);
            SheetRows.text(row, 2, trace.unitCode(), styles.text);
            SheetRows.text(row, 3, data.unitName(trace.unitCode()), styles.text);
            SheetRows.number(row, 4, trace.version(), styles.text);
            SheetRows.text(row, 5, trace.fileName(), styles.text);
            SheetRows.text(row, 6, SheetRows.shortSha256(trace.sha256()), styles.text);
            SheetRows.text(row, 7, trace.sheet() + "!" + trace.cell(), styles.text);
            SheetRows.number(row, 8, trace.figure(), item.type() == ValueType.AMOUNT ? styles.amount : styles.count);
            SheetRows.text(row, 9, trace.sha256(), styles.text);
        }
        submission.clear();
    }
}
