package cn.gov.county.gkreport.report;

import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.form.ValueType;
import cn.gov.county.gkreport.sheet.SheetRows;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * 本次变化: what tonight's run changed since the previous one — the units whose counting version or
 * standing changed, then the county figures that changed with old and new values.
 */
final class RunChangesSheet {

    static final String NAME = "本次变化";

    void write(Workbook workbook, ReportData data, RunChanges changes, ReportStyles styles) {
        SheetRows rows = new SheetRows(workbook.createSheet(NAME));
        rows.widths(12, 52, 20, 20, 26);
        SheetRows.text(rows.newRow(), 0, changes.headline(), styles.title);
        rows.skip();
        if (!changes.units().isEmpty()) {
            rows.header(new String[] {"单位代码", "单位名称", "上次", "本次", "变化"}, styles.header);
            for (RunChanges.UnitChange unit : changes.units()) {
                Row row = rows.newRow();
                SheetRows.text(row, 0, unit.unitCode(), styles.text);
                SheetRows.text(row, 1, unit.unitName(), styles.text);
                SheetRows.text(row, 2, unit.before(), styles.text);
                SheetRows.text(row, 3, unit.after(), styles.text);
                SheetRows.text(row, 4, unit.what(), styles.text);
            }
            rows.skip();
        }
        if (!changes.figures().isEmpty()) {
            rows.header(new String[] {"项目代码", "项目", "上次", "本次", "增减"}, styles.header);
            for (RunChanges.FigureChange figure : changes.figures()) {
                FormItem item = data.form().item(figure.itemCode());
                boolean amount = item.type() == ValueType.AMOUNT;
                Row row = rows.newRow();
                SheetRows.text(row, 0, figure.itemCode(), styles.text);
                SheetRows.text(row, 1, figure.item(), styles.wrapped);
                SheetRows.number(row, 2, figure.before(), amount ? styles.amount : styles.count);
                SheetRows.number(row, 3, figure.after(), amount ? styles.amount : styles.count);
                SheetRows.number(row, 4, figure.after().subtract(figure.before()), amount ? styles.amount : styles.count);
                SheetRows.lines(row, figure.item().length() / 26 + 1);
            }
        }
        rows.printSetup(data.title() + " — " + NAME, 0);
    }
}
