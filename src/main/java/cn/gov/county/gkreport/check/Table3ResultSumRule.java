package cn.gov.county.gkreport.check;

import java.util.List;

import cn.gov.county.gkreport.form.FormItem;

/** T3-SUM: in every column of 表三, （七）总计 = the sum of the result rows （一）…（六）. */
public final class Table3ResultSumRule extends RuleDefinition {

    public Table3ResultSumRule() {
        super("T3-SUM", Severity.ERROR);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        return SumMismatch.find(context, id()).stream().map(m -> {
            FormItem total = context.form().item(m.relation().totalCode());
            String message = "表三 \"" + total.columnLabel() + "\" 列: " + total.rowLabel() + " 填报 "
                    + Figures.plain(m.submitted()) + "，各项办理结果之和为 " + Figures.plain(m.computed()) + "（"
                    + Figures.nonZeroParts(context, m.relation().partCodes(), false) + "）。"
                    + "请改正单元格 " + Figures.a1(m.totalCell()) + "：（七）总计应等于（一）至（六）各项办理结果之和，"
                    + "并核对本列各项办理结果是否填全。";
            return Finding.error(id(), Figures.sheet(m.totalCell()), Figures.a1(m.totalCell()), message);
        }).toList();
    }
}
