package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.form.FigureLimit;
import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.form.ValueType;
import cn.gov.county.gkreport.read.FigureCell;

/**
 * RANGE: a figure larger than any county unit can report (a phone number in a count) is an error
 * with its cell; T2-FEE-MAG (and any other {@code warnRule} of the form's limits): an amount large
 * enough to be 元 typed into a 万元 cell is a warning. The bounds are data, in the form
 * definition's {@code limits}. Figures beyond {@link TypeRule#LARGEST} are TYPE's.
 */
public final class MagnitudeRule extends RuleDefinition {

    public MagnitudeRule() {
        super("RANGE", Severity.ERROR);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        if (context.scope() != CheckContext.Scope.UNIT_SUBMISSION) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (FormItem item : context.form().items()) {
            FigureCell cell = context.content().figures().get(item.code());
            Optional<FigureLimit> limit = context.form().limit(item.code());
            if (cell == null || !cell.readable() || limit.isEmpty() || cell.value().compareTo(TypeRule.LARGEST) > 0) {
                continue;
            }
            BigDecimal value = cell.value();
            if (value.compareTo(limit.get().max()) > 0) {
                findings.add(Finding.error(id(), cell.sheet(), Figures.a1(cell), where(item, cell) + "，超过了一个单位一年可能达到的数量（"
                        + Figures.plain(limit.get().max()) + "）。"
                        + (item.type() == ValueType.COUNT ? "是否误填了电话号码、文号或其他编号？" : "是否单位填错了？")
                        + "请核对后填写实际数字。"));
            } else if (limit.get().warnAbove() != null && value.compareTo(limit.get().warnAbove()) > 0) {
                String unit = context.form().moneyUnit(item.code());
                findings.add(Finding.warning(limit.get().warnRule(), cell.sheet(), Figures.a1(cell), where(item, cell) + " " + unit
                        + "，一个单位一年很少超过 " + Figures.plain(limit.get().warnAbove()) + " " + unit + "。如果填的其实是以“元”"
                        + "为单位的数，请换算成" + unit + "后重新报送；数字确实如此的，可不改。"));
            }
        }
        return findings;
    }

    /** Built only for a finding: most workbooks have none, and every item is looked at. */
    private static String where(FormItem item, FigureCell cell) {
        return item.describe() + "（单元格 " + Figures.a1(cell) + "）填报 " + Figures.plain(cell.value());
    }
}
