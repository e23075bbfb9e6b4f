package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.List;

import cn.gov.county.gkreport.form.FormItem;

/**
 * T3-SUM: in every column of 表三, （七）总计 = the sum of the result rows （一）…（六）. The finding
 * names the cells to change: the wrong row totals when those alone explain the difference (the
 * （七）总计 is then right and is not marked), the （七）总计 when the rows and the balance agree
 * without it, and otherwise no single cell (the clerk is asked to check the column).
 */
public final class Table3ResultSumRule extends RuleDefinition {

    public Table3ResultSumRule() {
        super("T3-SUM", Severity.ERROR);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        List<SumMismatch> mismatches = SumMismatch.find(context, id());
        if (mismatches.isEmpty()) {
            return List.of();
        }
        RowTotalRepairs repairs = RowTotalRepairs.of(context);
        return mismatches.stream().map(m -> finding(context, repairs, m)).toList();
    }

    private Finding finding(CheckContext context, RowTotalRepairs repairs, SumMismatch m) {
        FormItem total = context.form().item(m.relation().totalCode());
        String totalCell = Figures.a1(m.totalCell());
        String sheet = Figures.sheet(m.totalCell());
        String found = "表三 \"" + total.columnLabel() + "\" 列: " + total.rowLabel() + " 填报 "
                + Figures.plain(m.submitted()) + "，各项办理结果之和为 " + Figures.plain(m.computed()) + "（"
                + Figures.nonZeroParts(context, m.relation().partCodes(), false) + "）。";
        List<String> wrongRows = repairs.among(m.relation().partCodes());
        boolean totalRowWrong = repairs.byItem().containsKey(m.relation().totalCode());
        BigDecimal repairedParts = repairs.sum(context, m.relation().partCodes());
        if (!wrongRows.isEmpty() && !totalRowWrong && repairedParts.compareTo(m.submitted()) == 0) {
            return Finding.error(id(), sheet, repairs.firstCell(wrongRows), found + "这是 "
                    + repairs.cellList(wrongRows) + " 的行总计有误造成的（见上，总计应等于各类申请人之和）：改正后各项办理结果之和为 "
                    + Figures.plain(repairedParts) + "，与（七）总计一致。请改正单元格 " + repairs.cellList(wrongRows)
                    + "；" + totalCell + " 是对的，不要改动。");
        }
        BigDecimal byBalance = Table3BalanceRule.expectedResultTotal(context, total.code(), repairs);
        if (byBalance != null && repairedParts.compareTo(byBalance) == 0) {
            return Finding.error(id(), sheet, totalCell, found + "各项办理结果与本列的收到数、结转数相符（一 + 二 − 四 = "
                    + Figures.plain(byBalance) + "），" + total.rowLabel() + " 填错了。请改正单元格 " + totalCell + " 为 "
                    + Figures.plain(repairedParts) + "（模板中该格是求和公式，如已被改写请恢复公式）。");
        }
        if (byBalance != null && m.submitted().compareTo(byBalance) == 0) {
            return Finding.error(id(), sheet, "", found + total.rowLabel() + " 与本列的收到数、结转数相符（一 + 二 − 四 = "
                    + Figures.plain(byBalance) + "），是（一）至（六）中有办理结果漏填或填错。请逐行核对本列各项办理结果，"
                    + totalCell + " 不要改动。");
        }
        return Finding.error(id(), sheet, totalCell, found + "请核对本列各项办理结果和" + total.rowLabel()
                + "（单元格 " + totalCell + "），改正填错的一项：（七）总计应等于（一）至（六）各项办理结果之和。");
    }
}
