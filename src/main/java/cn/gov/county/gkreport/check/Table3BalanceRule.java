package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import cn.gov.county.gkreport.form.Table3Column;
import cn.gov.county.gkreport.form.Table3Layout;
import cn.gov.county.gkreport.form.Table3Row;
import cn.gov.county.gkreport.read.FigureCell;

/**
 * T3-BAL: the balance printed in 表三's corner, per column: 一 + 二 = （七）总计 + 四 (what came in
 * equals what was settled plus what carries over). When the imbalance follows from cells other
 * rules found wrong (row totals, or a （七）总计 that is not its rows' sum) the finding says so and
 * names those cells; otherwise it names the column's four cells to check, and marks none of them.
 */
public final class Table3BalanceRule extends RuleDefinition {

    public Table3BalanceRule() {
        super("T3-BAL", Severity.ERROR);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        Table3Layout table = context.form().table3();
        RowTotalRepairs repairs = null; // found only for an imbalance: most workbooks have none
        List<Finding> findings = new ArrayList<>();
        for (Table3Column column : table.columns()) {
            Balance balance = Balance.of(context, column);
            if (balance == null || balance.received(context, null).compareTo(balance.settled(context, null)) == 0) {
                continue;
            }
            if (repairs == null) {
                repairs = RowTotalRepairs.of(context);
            }
            findings.add(finding(context, repairs, balance));
        }
        return findings;
    }

    private Finding finding(CheckContext context, RowTotalRepairs repairs, Balance b) {
        String resultTotal = b.out.get(0);
        FigureCell at = context.figure(resultTotal).get();
        String found = "表三 \"" + b.column.label() + "\" 列: 一、本年新收 " + Figures.plain(context.value(b.in.get(0)))
                + " + 二、上年结转 " + Figures.plain(context.value(b.in.get(1))) + " = " + Figures.plain(b.received(context, null))
                + "，而（七）总计 " + Figures.plain(context.value(resultTotal)) + " + 四、结转下年度继续办理 "
                + Figures.plain(context.value(b.out.get(1))) + " = " + Figures.plain(b.settled(context, null))
                + "，两者应相等（表中注明：第一项加第二项之和，等于第三项加第四项之和）。";
        List<String> involved = new ArrayList<>(b.in);
        involved.addAll(b.out);
        List<String> wrongRows = repairs.among(involved);
        if (!wrongRows.isEmpty() && b.received(context, repairs).compareTo(b.settled(context, repairs)) == 0) {
            return Finding.error(id(), at.sheet(), repairs.firstCell(wrongRows), found + "这是 "
                    + repairs.cellList(wrongRows) + " 的行总计有误造成的（见上，总计应等于各类申请人之和），改正后两边相等。请改正单元格 "
                    + repairs.cellList(wrongRows) + "，本列其他单元格不要改动。");
        }
        BigDecimal parts = Figures.sum(context, resultParts(context, b.column));
        if (parts.compareTo(context.value(resultTotal)) != 0
                && b.received(context, null).compareTo(parts.add(context.value(b.out.get(1)))) == 0) {
            return Finding.error(id(), at.sheet(), Figures.a1(at), found + "这是（七）总计（" + Figures.a1(at)
                    + "）不等于各项办理结果之和 " + Figures.plain(parts) + " 造成的（见 T3-SUM），按各项办理结果之和计算两边相等。"
                    + "请改正单元格 " + Figures.a1(at) + "。");
        }
        String cells = involved.stream().map(code -> Figures.a1(context.figure(code).orElse(null)))
                .collect(Collectors.joining("、"));
        return Finding.error(id(), at.sheet(), "", found + "请核对本列的收到申请数、办理结果和结转数（单元格 " + cells
                + "），改正填错的一项。");
    }

    /**
     * What （七）总计 of the column holding {@code resultTotalCode} must be for the balance to hold:
     * 一 + 二 − 四 (with wrong row totals repaired), or {@code null} when a figure is unreadable.
     */
    static BigDecimal expectedResultTotal(CheckContext context, String resultTotalCode, RowTotalRepairs repairs) {
        Table3Column column = context.form().table3().columns().stream()
                .filter(c -> resultTotalCode.endsWith("." + c.code())).findFirst().orElseThrow();
        Balance balance = Balance.of(context, column);
        if (balance == null) {
            return null;
        }
        return balance.received(context, repairs).subtract(repairs.value(context, balance.out.get(1)));
    }

    private static List<String> resultParts(CheckContext context, Table3Column column) {
        return context.form().table3().rowsWithRole(Table3Row.Role.RESULT).stream()
                .map(r -> Table3Layout.itemCode(r.code(), column.code())).toList();
    }

    /** One column's balance: the received rows (一, 二) and the settled ones (（七）总计, 四). */
    private record Balance(Table3Column column, List<String> in, List<String> out) {

        static Balance of(CheckContext context, Table3Column column) {
            Table3Layout table = context.form().table3();
            List<String> in = table.rowsWithRole(Table3Row.Role.RECEIVED).stream()
                    .map(r -> Table3Layout.itemCode(r.code(), column.code())).toList();
            List<String> out = new ArrayList<>(table.rowsWithRole(Table3Row.Role.RESULT_TOTAL).stream()
                    .map(r -> Table3Layout.itemCode(r.code(), column.code())).toList());
            table.rowsWithRole(Table3Row.Role.CARRIED_OUT).forEach(r -> out.add(Table3Layout.itemCode(r.code(), column.code())));
            List<String> all = new ArrayList<>(in);
            all.addAll(out);
            if (!context.allReadable(all) || context.figure(out.get(0)).isEmpty()) {
                return null;
            }
            return new Balance(column, in, out);
        }

        BigDecimal received(CheckContext context, RowTotalRepairs repairs) {
            return repairs == null ? Figures.sum(context, in) : repairs.sum(context, in);
        }

        BigDecimal settled(CheckContext context, RowTotalRepairs repairs) {
            return repairs == null ? Figures.sum(context, out) : repairs.sum(context, out);
        }
    }
}
