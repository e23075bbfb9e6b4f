package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.form.Plausibility;
import cn.gov.county.gkreport.read.FigureCell;

/**
 * X-YOY: a key total (the form definition's {@code plausibility.yearOnYear}) changed more than
 * {@code factor}-fold, up or down, against the unit's accepted report of last year, or went from or
 * to zero. Small figures swing by chance: nothing is said while both years stay at or below {@code floor}.
 */
public final class YearOnYearRule extends RuleDefinition {

    public YearOnYearRule() {
        super("X-YOY", Severity.WARNING);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        Optional<YearComparison> years = YearComparison.of(context);
        if (years.isEmpty()) {
            return List.of();
        }
        Plausibility bounds = context.form().plausibility();
        List<Finding> findings = new ArrayList<>();
        for (String code : context.form().itemCodes(bounds.yearOnYear())) {
            BigDecimal now = years.get().now().get(code);
            BigDecimal last = years.get().last().get(code);
            if (now.max(last).compareTo(bounds.floor()) <= 0) {
                continue;
            }
            String change;
            if (last.signum() == 0 || now.signum() == 0) {
                change = "";
            } else if (now.compareTo(last.multiply(bounds.factor())) > 0) {
                change = "，是上年的 " + Figures.plain(now.divide(last, 1, RoundingMode.HALF_UP)) + " 倍";
            } else if (last.compareTo(now.multiply(bounds.factor())) > 0) {
                change = "，不到上年的 1/" + Figures.plain(bounds.factor());
            } else {
                continue;
            }
            FormItem item = context.form().item(code);
            FigureCell cell = context.figure(code).orElse(null);
            String where = cell == null || cell.cell() == null ? "" : "（单元格 " + Figures.a1(cell) + "）";
            findings.add(Finding.warning(id(), cell == null ? item.table().shortName() : cell.sheet(), Figures.a1(cell),
                    item.describe() + where + "本年为 " + Figures.plain(now) + "，本单位 " + (context.year() - 1)
                            + " 年度已接收的报告为 " + Figures.plain(last) + change + "。变化这样大，常是填错了：请核对是否多填或少填了"
                            + "一位数、填了累计数或填错了行；数字确实如此的，不必修改，" + explainOnSheet(context) + "。"));
        }
        return findings;
    }
}
