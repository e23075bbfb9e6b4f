package cn.gov.county.gkreport.consolidate;

import java.util.List;

import cn.gov.county.gkreport.form.FormDefinition;

/**
 * The county figures leadership looks at first (the status page's table and charts, the chart of
 * key totals against last year on 汇总表), with the short names they go by. Every code is an
 * item of the form; {@link #of} refuses one that is not, so a change of the form shows here at once.
 */
public final class KeyFigures {

    /** A key figure: its item code and short name. */
    public record KeyFigure(String code, String label) {
    }

    private static final List<KeyFigure> FIGURES = List.of(
            new KeyFigure("T2.LICENSE.DECISIONS", "行政许可决定"),
            new KeyFigure("T2.PENALTY.DECISIONS", "行政处罚决定"),
            new KeyFigure("T2.COERCION.DECISIONS", "行政强制决定"),
            new KeyFigure("T2.FEE.AMOUNT", "行政事业性收费（万元）"),
            new KeyFigure("T3.NEW.TOTAL", "新收公开申请"),
            new KeyFigure("T3.R7_TOTAL.TOTAL", "办结公开申请"),
            new KeyFigure("T4.REVIEW.TOTAL", "行政复议"),
            new KeyFigure("T4.SUIT_DIRECT.TOTAL", "未经复议直接起诉"),
            new KeyFigure("T4.SUIT_AFTER.TOTAL", "复议后起诉"),
            new KeyFigure("N.WEB_TOTAL", "门户网站发布信息"));

    private KeyFigures() {
    }

    public static List<KeyFigure> of(FormDefinition form) {
        for (KeyFigure figure : FIGURES) {
            form.item(figure.code());
        }
        return FIGURES;
    }
}
