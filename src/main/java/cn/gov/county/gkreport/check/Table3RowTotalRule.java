package cn.gov.county.gkreport.check;

import java.util.List;

import cn.gov.county.gkreport.form.FormItem;

/** T3-ROW: in every row of 表三, 总计 = 自然人 + the five kinds of 法人或其他组织. */
public final class Table3RowTotalRule extends RuleDefinition {

    public Table3RowTotalRule() {
        super("T3-ROW", Severity.ERROR);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        return SumMismatch.find(context, id()).stream().map(m -> {
            FormItem total = context.form().item(m.relation().totalCode());
            String message = "表三 \"" + total.rowLabel() + "\" 行: " + total.columnLabel() + " 填报 "
                    + Figures.plain(m.submitted()) + "，各类申请人之和为 " + Figures.plain(m.computed()) + "（"
                    + Figures.nonZeroParts(context, m.relation().partCodes(), true) + "）。"
                    + "请改正单元格 " + Figures.a1(m.totalCell()) + "：总计应等于自然人、商业企业、科研机构、社会公益组织、"
                    + "法律服务机构、其他六列之和；如果总计是手工填写的，请恢复模板中的求和公式。";
            return Finding.error(id(), Figures.sheet(m.totalCell()), Figures.a1(m.totalCell()), message);
        }).toList();
    }
}
