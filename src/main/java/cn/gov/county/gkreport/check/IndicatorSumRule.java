package cn.gov.county.gkreport.check;

import java.util.ArrayList;
import java.util.List;

import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.form.Indicator;
import cn.gov.county.gkreport.read.FigureCell;

/** N-SUM: supplementary totals equal the sum of their parts, and 回复 ≤ 收到. */
public final class IndicatorSumRule extends RuleDefinition {

    public IndicatorSumRule() {
        super("N-SUM", Severity.WARNING);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        for (SumMismatch m : SumMismatch.find(context, id())) {
            FormItem total = context.form().item(m.relation().totalCode());
            findings.add(Finding.warning(id(), m.totalCell().sheet(), Figures.a1(m.totalCell()), "总体情况 \""
                    + total.rowLabel() + "\"（单元格 " + Figures.a1(m.totalCell()) + "）填报 " + Figures.plain(m.submitted())
                    + "，其分项之和为 " + Figures.plain(m.computed()) + "（"
                    + Figures.nonZeroParts(context, m.relation().partCodes(), false)
                    + "）。汇总时按分项之和计算；请核对总数和各分项。"));
        }
        for (Indicator indicator : context.form().indicators().indicators()) {
            if (indicator.atMost() == null) {
                continue;
            }
            String limitCode = Indicator.itemCode(indicator.atMost());
            FigureCell cell = context.figure(indicator.itemCode()).orElse(null);
            if (cell == null || !context.allReadable(List.of(indicator.itemCode(), limitCode))) {
                continue;
            }
            if (context.value(indicator.itemCode()).compareTo(context.value(limitCode)) > 0) {
                findings.add(Finding.warning(id(), cell.sheet(), Figures.a1(cell), "总体情况 \"" + indicator.label()
                        + "\"（单元格 " + Figures.a1(cell) + "）填报 " + Figures.plain(context.value(indicator.itemCode()))
                        + "，多于“" + context.form().item(limitCode).rowLabel() + "” "
                        + Figures.plain(context.value(limitCode)) + "。回复数不应超过收到数，请核对。"));
            }
        }
        return findings;
    }
}
