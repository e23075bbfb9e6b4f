package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.gov.county.gkreport.form.Table3Column;
import cn.gov.county.gkreport.form.Table3Layout;
import cn.gov.county.gkreport.form.Table3Row;
import cn.gov.county.gkreport.read.FigureCell;

/**
 * T3-BAL: the balance printed in 表三's corner, per column: 一 + 二 = （七）总计 + 四 (what came in
 * equals what was settled plus what carries over).
 */
public final class Table3BalanceRule extends RuleDefinition {

    public Table3BalanceRule() {
        super("T3-BAL", Severity.ERROR);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        Table3Layout table = context.form().table3();
        List<Table3Row> in = table.rowsWithRole(Table3Row.Role.RECEIVED);
        List<Table3Row> out = new ArrayList<>(table.rowsWithRole(Table3Row.Role.RESULT_TOTAL));
        out.addAll(table.rowsWithRole(Table3Row.Role.CARRIED_OUT));
        List<Finding> findings = new ArrayList<>();
        for (Table3Column column : table.columns()) {
            List<String> inCodes = in.stream().map(r -> Table3Layout.itemCode(r.code(), column.code())).toList();
            List<String> outCodes = out.stream().map(r -> Table3Layout.itemCode(r.code(), column.code())).toList();
            List<String> all = new ArrayList<>(inCodes);
            all.addAll(outCodes);
            if (!context.allReadable(all) || context.figure(outCodes.get(0)).isEmpty()) {
                continue;
            }
            BigDecimal received = Figures.sum(context, inCodes);
            BigDecimal settled = Figures.sum(context, outCodes);
            if (received.compareTo(settled) != 0) {
                FigureCell at = context.figure(outCodes.get(0)).get();
                String message = "表三 \"" + column.label() + "\" 列: 一、本年新收 " + Figures.plain(context.value(inCodes.get(0)))
                        + " + 二、上年结转 " + Figures.plain(context.value(inCodes.get(1))) + " = " + Figures.plain(received)
                        + "，而（七）总计 " + Figures.plain(context.value(outCodes.get(0))) + " + 四、结转下年度继续办理 "
                        + Figures.plain(context.value(outCodes.get(1))) + " = " + Figures.plain(settled)
                        + "，两者应相等（表中注明：第一项加第二项之和，等于第三项加第四项之和）。"
                        + "请核对本列的收到申请数、办理结果和结转数。";
                findings.add(Finding.error(id(), at.sheet(), Figures.a1(at), message));
            }
        }
        return findings;
    }
}
