package cn.gov.county.gkreport.check;

import java.util.List;

import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.read.FigureCell;

/**
 * UNIT: an amount written with another money unit than the form's ({@code 125000元} in the 万元
 * column) was converted; the clerk hears what was written and what was counted.
 */
public final class UnitConversionRule extends RuleDefinition {

    public UnitConversionRule() {
        super("UNIT", Severity.WARNING);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        return Figures.readAs(context, FigureCell.Reading.CONVERTED).stream()
                .map(cell -> finding(context.form().item(cell.code()), cell, context.form().moneyUnit(cell.code())))
                .toList();
    }

    private Finding finding(FormItem item, FigureCell cell, String unit) {
        return Finding.warning(id(), cell.sheet(), Figures.a1(cell), item.describe() + "（单元格 " + Figures.a1(cell)
                + "）填的是“" + cell.raw() + "”，本栏以" + unit + "为单位：已按 " + Figures.plain(cell.value()) + " " + unit
                + " 计入（保留两位小数）。请核对；以后请按" + unit + "填写纯数字。");
    }
}
