package cn.gov.county.gkreport.report;

import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.form.ValueType;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * 数据溯源: for each county figure, the units whose accepted submissions make it up, with version,
 * file, SHA-256 and the source cell in the unit's own file. Filter by 项目代码 to follow one figure.
 */
final class TraceabilitySheet {

    static final String NAME = "数据溯源";
    private static final String[] HEADERS = {"项目代码", "项目", "单位代码", "单位名称", "版本", "文件名", "SHA-256",
            "来源单元格", "数值"};

    void write(Workbook workbook, ReportData data, ReportStyles styles) {
        SheetRows rows = new SheetRows(workbook.createSheet(NAME));
        rows.widths(20, 44, 8, 20, 6, 40, 66, 14, 12);
        rows.header(HEADERS, styles.header);
        data.queries().trace(data.year(), trace -> {
            FormItem item = data.form().item(trace.itemCode());
            Row row = rows.newRow();
            SheetRows.text(row, 0, trace.itemCode(), styles.text);
            SheetRows.text(row, 1, item.describe(), styles.text);
            SheetRows.text(row, 2, trace.unitCode(), styles.text);
            SheetRows.text(row, 3, data.unitName(trace.unitCode()), styles.text);
            SheetRows.number(row, 4, trace.version(), styles.text);
            SheetRows.text(row, 5, trace.fileName(), styles.text);
            SheetRows.text(row, 6, trace.sha256(), styles.text);
            SheetRows.text(row, 7, trace.sheet() + "!" + trace.cell(), styles.text);
            SheetRows.number(row, 8, trace.figure(), item.type() == ValueType.AMOUNT ? styles.amount : styles.count);
        });
        rows.finishList(data.title() + " — " + NAME, HEADERS.length);
    }
}
