package cn.gov.county.gkreport.report;

import java.util.List;

import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.form.ValueType;
import cn.gov.county.gkreport.sheet.SheetRows;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/** 分类汇总: every figure of the form as 镇小计, 县直单位小计 and 全县合计 (one column per scope). */
final class ScopeBreakdownSheet {

    static final String NAME = "分类汇总";

    void write(Workbook workbook, ReportData data, ReportStyles styles) {
        SheetRows rows = new SheetRows(workbook.createSheet(NAME));
        List<TotalScope> scopes = TotalScope.of(data.roster());
        rows.widths(7, 40, 16, 12, 12, 12, 12);
        Row header = rows.newRow();
        SheetRows.text(header, 0, "表", styles.header);
        SheetRows.text(header, 1, "项目", styles.header);
        SheetRows.text(header, 2, "栏目", styles.header);
        for (int s = 0; s < scopes.size(); s++) {
            SheetRows.text(header, 3 + s, scopes.get(s).label(data.roster().countyName()), styles.header);
        }
        SheetRows.text(header, 3 + scopes.size(), "项目代码", styles.header);
        rows.sheet().setColumnWidth(3 + scopes.size(), 24 * 256);
        for (FormItem item : data.form().items()) {
            Row row = rows.newRow();
            SheetRows.text(row, 0, item.table().shortName(), styles.text);
            SheetRows.text(row, 1, item.rowLabel(), styles.wrapped);
            if (item.rowLabel().length() > 20) { // about 20 Chinese characters a line
                SheetRows.lines(row, item.rowLabel().length() / 20 + 1);
            }
            SheetRows.text(row, 2, item.columnLabel(), styles.text);
            int col = 3;
            for (TotalScope scope : scopes) {
                SheetRows.number(row, col++, data.totals().figure(scope, item.code()),
                        item.type() == ValueType.AMOUNT ? styles.amount : styles.count);
            }
            SheetRows.text(row, col, item.code(), styles.code);
        }
        rows.sheet().createFreezePane(0, 1);
        rows.printSetup(data.title() + " — " + NAME, 1);
    }
}
