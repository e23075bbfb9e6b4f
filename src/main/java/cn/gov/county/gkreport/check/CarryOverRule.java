package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.form.Table3Column;
import cn.gov.county.gkreport.form.Table3Layout;
import cn.gov.county.gkreport.form.Table3Row;
import cn.gov.county.gkreport.read.FigureCell;

/**
 * X-CARRY: this year's 二、上年结转 equals last year's 四、结转下年度继续办理, column by column,
 * against the unit's accepted report of the year before. Silent when there is none (the run
 * summary says so once).
 */
public final class CarryOverRule extends RuleDefinition {

    public CarryOverRule() {
        super("X-CARRY", Severity.WARNING);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        if (context.previousYear().isEmpty()) {
            return List.of();
        }
        Map<String, BigDecimal> last = context.previousYear().get();
        Table3Layout table = context.form().table3();
        Table3Row carriedIn = table.rowsWithRole(Table3Row.Role.RECEIVED).get(1);
        Table3Row carriedOut = table.rowsWithRole(Table3Row.Role.CARRIED_OUT).get(0);
        List<Finding> findings = new ArrayList<>();
        for (Table3Column column : table.columns()) {
            String thisCode = Table3Layout.itemCode(carriedIn.code(), column.code());
            BigDecimal previous = last.getOrDefault(Table3Layout.itemCode(carriedOut.code(), column.code()), BigDecimal.ZERO);
            FigureCell cell = context.figure(thisCode).orElse(null);
            if (cell == null || !cell.readable() || cell.value().compareTo(previous) == 0) {
                continue;
            }
            findings.add(Finding.warning(id(), cell.sheet(), Figures.a1(cell), "表三 \"" + column.label() + "\" 列: "
                    + carriedIn.label() + " 填报 " + Figures.plain(cell.value()) + "（单元格 " + Figures.a1(cell) + "），而本单位 "
                    + (context.year() - 1) + " 年度报告的“" + carriedOut.label() + "”为 " + Figures.plain(previous)
                    + "，两者应相等。请核对上年结转数。"));
        }
        return findings;
    }
}
