package cn.gov.county.gkreport.check;

import java.util.List;

import cn.gov.county.gkreport.form.Table2Block;
import cn.gov.county.gkreport.read.FigureCell;

/** T2-REG: towns and county departments cannot make 规章, so their 规章 row of 表二 is 0. */
public final class RegulationRowRule extends RuleDefinition {

    public RegulationRowRule() {
        super("T2-REG", Severity.ERROR);
    }

    static final String REGULATION_ROW = "REG";

    @Override
    public List<Finding> check(CheckContext context) {
        if (context.scope() != CheckContext.Scope.UNIT_SUBMISSION) {
            return List.of();
        }
        return context.form().table2().blocks().stream()
                .flatMap(block -> block.rows().stream().filter(r -> r.code().equals(REGULATION_ROW))
                        .flatMap(row -> block.columns().stream().map(col -> Table2Block.itemCode(row, col))))
                .map(code -> context.figure(code).orElse(null))
                .filter(cell -> cell != null && cell.readable() && cell.value().signum() != 0)
                .map(cell -> Finding.error(id(), cell.sheet(), Figures.a1(cell),
                        context.form().item(cell.code()).describe() + "（单元格 " + Figures.a1(cell) + "）填报 "
                                + Figures.plain(cell.value()) + "。镇和县直单位无权制定规章，“规章”一行应填 0；"
                                + "本单位制发的文件请填在“行政规范性文件”一行。"))
                .toList();
    }
}
