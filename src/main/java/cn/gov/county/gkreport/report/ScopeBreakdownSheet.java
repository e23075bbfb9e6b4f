package cn.gov.county.gkreport.report;

import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.form.ValueType;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/** 分类汇总: every figure of the form as 镇小计, 县直单位小计 and 全县合计. */
final class ScopeBreakdownSheet {

    static final String NAME = "分类汇总";

    void write(Workbook workbook, ReportData data, ReportStyles styles) {
        SheetRows rows = new SheetRows(workbook.createSheet(NAME));
        rows.widths(10, 46, 18, 14, 14, 14, 20);
        Row header = rows.newRow();
        String[] titles = {"表", "项目", "栏目", TotalScope.TOWN.label(), TotalScope.DEPARTMENT.label(),
                TotalScope.COUNTY.label(), "项目代码"};
        for (int c = 0; c < titles.length; c++) {
            SheetRows.text(header, c, titles[c], styles.header);
        }
        for (FormItem item : data.form().items()) {
            Row row = rows.newRow();
            SheetRows.text(row, 0, item.table().shortName(), styles.text);
            SheetRows.text(row, 1, item.rowLabel(), styles.text);
            SheetRows.text(row, 2, item.columnLabel(), styles.text);
            int col = 3;
            for (TotalScope scope : TotalScope.values()) {
                SheetRows.number(row, col++, data.totals().figure(scope, item.code()),
                        item.type() == ValueType.AMOUNT ? styles.amount : styles.count);
            }
            SheetRows.text(row, col, item.code(), styles.text);
        }
        rows.sheet().createFreezePane(0, 1);
        rows.printSetup(data.title() + " — " + NAME, 1);
    }
}
