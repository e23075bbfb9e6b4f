package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.read.FigureCell;

/** T3-ROW: in every row of 表三, 总计 = 自然人 + the five kinds of 法人或其他组织. */
public final class Table3RowTotalRule extends RuleDefinition {

    public Table3RowTotalRule() {
        super("T3-ROW", Severity.ERROR);
    }

    /**
     * When the difference is exactly what numbers typed as text hold, the total is a SUM that passed
     * over them (Excel's SUM skips text): the cause is those cells, not the total.
     */
    private static String textCause(CheckContext context, SumMismatch m) {
        List<FigureCell> text = m.relation().partCodes().stream()
                .filter(code -> context.content().typedAsText().contains(code) && context.value(code).signum() != 0)
                .map(code -> context.content().figures().get(code)).toList();
        if (text.isEmpty()) {
            return null;
        }
        BigDecimal skipped = text.stream().map(FigureCell::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (m.computed().subtract(m.submitted()).compareTo(skipped) != 0) {
            return null;
        }
        String cells = text.stream().map(c -> "单元格 " + Figures.a1(c) + " 的“" + c.raw() + "”")
                .collect(Collectors.joining("、"));
        return cells + "是文本（不是数值），求和公式不计文本，所以总计少算了 " + Figures.plain(skipped) + "。请把"
                + text.stream().map(Figures::a1).collect(Collectors.joining("、")) + " 的格式改为“常规”或“数值”后重新输入数字，"
                + "总计会自动更正；不要手工改总计。";
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
            String cause = textCause(context, m);
            if (cause != null) {
                message = "表三 \"" + total.rowLabel() + "\" 行: " + total.columnLabel() + " 为 " + Figures.plain(m.submitted())
                        + "，各类申请人之和为 " + Figures.plain(m.computed()) + "。" + cause;
            }
            return Finding.error(id(), Figures.sheet(m.totalCell()), Figures.a1(m.totalCell()), message);
        }).toList();
    }
}
