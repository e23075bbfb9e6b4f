package cn.gov.county.gkreport.check;

import java.util.List;

import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.read.FigureCell;

/** IMPLICIT-0: a blank or a placeholder (-, —, /, 无, 零) in a figure cell was read as 0. */
public final class ImplicitZeroRule extends RuleDefinition {

    public ImplicitZeroRule() {
        super("IMPLICIT-0", Severity.WARNING);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        return Figures.readAs(context, FigureCell.Reading.IMPLICIT_ZERO).stream()
                .filter(cell -> !context.form().item(cell.code()).derived())
                .map(cell -> {
                    FormItem item = context.form().item(cell.code());
                    String shown = cell.raw().isBlank() ? "空白" : "“" + cell.raw() + "”";
                    return Finding.warning(id(), cell.sheet(), Figures.a1(cell), item.describe() + "（单元格 "
                            + Figures.a1(cell) + "）为" + shown + "，已按 0 汇总。如确实为 0，请填写数字 0；如不是 0，请补填实际数字。");
                })
                .toList();
    }
}
