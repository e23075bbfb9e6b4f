package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.form.ValueType;
import cn.gov.county.gkreport.read.FigureCell;
import cn.gov.county.gkreport.read.InvisibleCharacters;

/**
 * TYPE: counts are non-negative integers; amounts are non-negative with at most two decimals.
 * Text that is not a number, a formula error, a formula without a stored result and a date are
 * all refused here, never read as a silent 0.
 */
public final class TypeRule extends RuleDefinition {

    public TypeRule() {
        super("TYPE", Severity.ERROR);
    }

    /** Far beyond any real count, and within DECIMAL(18,2). */
    static final BigDecimal LARGEST = new BigDecimal("9999999999999");

    @Override
    public List<Finding> check(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        // In form order (表二, 表三 row by row, 表四, 总体情况): the figures map has no stable order.
        List<FigureCell> uncomputed = new ArrayList<>();
        for (FormItem item : context.form().items()) {
            FigureCell cell = context.content().figures().get(item.code());
            if (cell == null) {
                continue;
            }
            if (cell.reading() == FigureCell.Reading.FORMULA_WITHOUT_VALUE) {
                uncomputed.add(cell);
                continue;
            }
            problem(cell, item).ifPresent(text -> findings.add(Finding.error(id(), cell.sheet(), Figures.a1(cell),
                    item.describe() + "（单元格 " + Figures.a1(cell) + "）" + text)));
        }
        if (!uncomputed.isEmpty()) {
            findings.add(uncomputedFormulas(uncomputed));
        }
        return findings;
    }

    /**
     * Formulas without a stored result that the reader could not compute either: one finding per
     * file (the cause is the tool that saved it, not each cell), listing the cells.
     */
    private Finding uncomputedFormulas(List<FigureCell> cells) {
        FigureCell first = cells.get(0);
        String listed = cells.stream().limit(5).map(c -> c.sheet() + "!" + Figures.a1(c) + " " + c.raw())
                .collect(java.util.stream.Collectors.joining("、"));
        return Finding.error(id(), first.sheet(), Figures.a1(first), cells.size() + " 个单元格是公式，但文件里没有保存计算结果，"
                + "本系统也无法代算（" + listed + (cells.size() > 5 ? " 等" : "") + "）。请在 Excel 或 WPS 中打开文件、"
                + "确认数字显示正确后重新保存，或把这些单元格改为直接填写数字。");
    }

    private static Optional<String> problem(FigureCell cell, FormItem item) {
        String kind = item.type() == ValueType.AMOUNT ? "金额" : "件数";
        return switch (cell.reading()) {
            case NOT_A_NUMBER -> Optional.of(InvisibleCharacters.in(cell.raw())
                    ? "填的是“" + InvisibleCharacters.shown(cell.raw()) + "”，里面有看不见的字符 "
                            + InvisibleCharacters.describe(cell.raw()) + "，去掉后仍不是数字。请删除该单元格内容后重新输入"
                            + kind + "数字；没有发生的填 0。"
                    : "填的是“" + cell.raw() + "”，不是数字。请填写" + kind + "数字；没有发生的填 0。");
            case FORMULA_ERROR -> Optional.of("的公式结果是错误值 " + cell.raw() + "。请改为直接填写数字，或修正公式引用。");
            case FORMULA_WITHOUT_VALUE -> Optional.empty(); // listed once per file
            case DATE -> Optional.of("显示为日期格式。请把单元格格式改为“常规”或“数值”，再填写" + kind + "。");
            case NUMBER, IMPLICIT_ZERO, CONVERTED -> valueProblem(cell.value(), item, kind);
        };
    }

    private static Optional<String> valueProblem(BigDecimal value, FormItem item, String kind) {
        if (value.signum() < 0) {
            return Optional.of("填报 " + Figures.plain(value) + "，" + kind + "不能为负数。请改为实际数字（没有发生的填 0）。");
        }
        if (value.compareTo(LARGEST) > 0) {
            return Optional.of("填报 " + value.toPlainString() + "，数字大得不合理。请核对后填写实际" + kind + "。");
        }
        if (item.type() == ValueType.COUNT && value.scale() > 0 && value.stripTrailingZeros().scale() > 0) {
            return Optional.of("填报 " + value.toPlainString() + "，件数必须是整数。请改为整数。");
        }
        if (item.type() == ValueType.AMOUNT && value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            return Optional.of("填报 " + value.toPlainString() + "，金额最多保留两位小数。请按万元保留两位小数填写。");
        }
        return Optional.empty();
    }
}
