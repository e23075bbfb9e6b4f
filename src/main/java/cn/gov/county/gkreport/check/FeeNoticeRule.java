package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.form.Plausibility;
import cn.gov.county.gkreport.read.FigureCell;

/**
 * FEE-NOTICE: 表三（六）2 counts applications dropped because a fee notice went unpaid, so the unit
 * did send fee notices; yet none of the fees ({@code plausibility.feeNotice.collected}: 行政事业性收费,
 * 信息处理费) is reported. Possible (nobody paid), hence a warning that asks, not a correction.
 */
public final class FeeNoticeRule extends RuleDefinition {

    public FeeNoticeRule() {
        super("FEE-NOTICE", Severity.WARNING);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        Plausibility plausibility = context.form().plausibility();
        if (context.scope() != CheckContext.Scope.UNIT_SUBMISSION || plausibility.feeNotice() == null) {
            return List.of();
        }
        FigureCell notices = context.figure(plausibility.feeNotice()).orElse(null);
        List<String> fees = context.form().itemCodes(plausibility.feesCollected());
        if (notices == null || !YearComparison.complete(context) || fees.stream().anyMatch(code -> context.value(code).signum() != 0)) {
            return List.of();
        }
        // the notices counted by the row's parts: a mistyped total is T3-ROW's error, not a notice
        BigDecimal count = context.form().derivedValue(plausibility.feeNotice(), context::value);
        if (count.signum() <= 0) {
            return List.of();
        }
        FormItem noticeItem = context.form().item(plausibility.feeNotice());
        String feeNames = fees.stream().map(code -> {
            FormItem fee = context.form().item(code);
            FigureCell cell = context.figure(code).orElse(null);
            return "“" + fee.rowLabel() + "”" + (cell == null ? "（未填报）" : "（单元格 " + Figures.a1(cell) + "，"
                    + Figures.plain(cell.valueOrZero()) + "）");
        }).collect(Collectors.joining("和"));
        return List.of(Finding.warning(id(), notices.sheet(), Figures.a1(notices), noticeItem.describe() + "（单元格 "
                + Figures.a1(notices) + "）为 " + Figures.plain(count) + " 件，说明本单位发出过收费通知；但"
                + feeNames + "均为 0 或未填报。请核对：如果有申请人缴纳了信息处理费，请在总体情况表填写收取金额；"
                + "如果确实没有收到任何费用（申请人均未缴纳），不必修改数字，" + explainOnSheet(context) + "。"));
    }
}
