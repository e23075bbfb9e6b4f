package cn.gov.county.gkreport.check;

import java.util.List;

import cn.gov.county.gkreport.form.FormItem;

/** T4-SUM: in every group of 表四, 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计. */
public final class Table4GroupTotalRule extends RuleDefinition {

    public Table4GroupTotalRule() {
        super("T4-SUM", Severity.ERROR);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        return SumMismatch.find(context, id()).stream().map(m -> {
            FormItem total = context.form().item(m.relation().totalCode());
            String message = "表四 \"" + total.rowLabel() + "\": 总计 填报 " + Figures.plain(m.submitted())
                    + "，结果维持、结果纠正、其他结果、尚未审结之和为 " + Figures.plain(m.computed()) + "（"
                    + Figures.nonZeroParts(context, m.relation().partCodes(), true) + "）。"
                    + "请改正单元格 " + Figures.a1(m.totalCell()) + "，使总计等于这四栏之和。";
            return Finding.error(id(), Figures.sheet(m.totalCell()), Figures.a1(m.totalCell()), message);
        }).toList();
    }
}
