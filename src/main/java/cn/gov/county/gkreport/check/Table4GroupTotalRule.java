package cn.gov.county.gkreport.check;

import java.util.List;
import java.util.stream.Collectors;

import cn.gov.county.gkreport.form.FormItem;

/**
 * T4-SUM: in every group of 表四, 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计. Which side is wrong
 * cannot be told from the figures (no other rule involves them), so the finding asks to check both
 * rather than to change the total.
 */
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
                    + Figures.nonZeroParts(context, m.relation().partCodes(), true) + "）"
                    + "。请核对这四栏（单元格 " + m.relation().partCodes().stream()
                            .map(code -> Figures.a1(context.figure(code).orElse(null))).collect(Collectors.joining("、"))
                    + "）和总计（单元格 " + Figures.a1(m.totalCell()) + "），改正填错的一项：模板中总计是求和公式，"
                    + "如果它被改写成了数字，请恢复公式；如果是某一栏漏填或填错，请改正那一栏。";
            return Finding.error(id(), Figures.sheet(m.totalCell()), Figures.a1(m.totalCell()), message);
        }).toList();
    }
}
