package cn.gov.county.gkreport.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import cn.gov.county.gkreport.status.StatusPageData.Bar;
import cn.gov.county.gkreport.status.StatusPageData.KeyRow;
import cn.gov.county.gkreport.status.StatusRepository.Night;

/**
 * The status page's charts as inline SVG (no script, no network: the page opens from a shared
 * folder in any browser). Every bar carries its value in {@code data-value} and a {@code <title>}
 * tooltip, so a reader hovering and a test reading the page see the same figure.
 */
final class SvgCharts {

    static final String ACCEPTED = "#2e7d32";
    static final String REJECTED = "#c62828";
    static final String MISSING = "#9e9e9e";
    static final String THIS_YEAR = "#1565c0";
    static final String LAST_YEAR = "#90caf9";

    private SvgCharts() {
    }

    /** Units by standing over the season's nights: one stacked column per night. */
    static String statusOverNights(List<Night> nights) {
        int width = Math.max(360, 60 + nights.size() * 36);
        int height = 240;
        int top = 20;
        int bottom = 190;
        int max = nights.stream().mapToInt(Night::expected).max().orElse(1);
        StringBuilder svg = open("status-chart", width, height + 30, "各单位报送状态（按晚）");
        axis(svg, 40, top, bottom, width - 10, max);
        double step = (width - 50.0) / Math.max(1, nights.size());
        double barWidth = Math.min(28, step * 0.7);
        for (int i = 0; i < nights.size(); i++) {
            Night night = nights.get(i);
            double x = 45 + i * step + (step - barWidth) / 2;
            double y = bottom;
            y = stackPart(svg, "accepted", ACCEPTED, x, y, barWidth, night.accepted(), max, bottom - top, night, "已接收");
            // a night's record counts returned units with the rejected ones
            y = stackPart(svg, "rejected", REJECTED, x, y, barWidth, night.rejected(), max, bottom - top, night,
                    "未通过（含审核退回）");
            stackPart(svg, "missing", MISSING, x, y, barWidth, night.missing(), max, bottom - top, night, "未报送");
            svg.append(text(x + barWidth / 2, bottom + 14, "middle", 10,
                    String.format("%d-%02d", night.date().getMonthValue(), night.date().getDayOfMonth())));
        }
        legend(svg, 45, height + 10, new String[] {"已接收", "未通过（含审核退回）", "未报送"}, new String[] {ACCEPTED, REJECTED, MISSING});
        return svg.append("</svg>").toString();
    }

    private static double stackPart(StringBuilder svg, String kind, String colour, double x, double y, double w,
                                    int count, int max, int span, Night night, String label) {
        double h = span * (double) count / max;
        svg.append(String.format(Locale.ROOT,
                "<rect class=\"bar %s\" data-night=\"%s\" data-value=\"%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                        + "height=\"%.1f\" fill=\"%s\"><title>%s %s %d 个</title></rect>",
                kind, night.date(), count, x, y - h, w, h, colour, night.date(), label, count));
        return y - h;
    }

    /** Horizontal bars, largest first (e.g. 依申请公开 new applications by unit). */
    static String horizontalBars(String id, String title, List<Bar> bars, String colour) {
        int rowHeight = 20;
        int labelWidth = 130;
        int width = 520;
        int height = 30 + rowHeight * Math.max(1, bars.size());
        BigDecimal max = bars.stream().map(Bar::value).max(BigDecimal::compareTo).filter(m -> m.signum() > 0)
                .orElse(BigDecimal.ONE);
        StringBuilder svg = open(id, width, height, title);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = 10 + i * rowHeight;
            double w = (width - labelWidth - 60) * bar.value().doubleValue() / max.doubleValue();
            svg.append(text(labelWidth - 6, y + 13, "end", 11, bar.label()));
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"bar\" data-label=\"%s\" data-value=\"%s\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" "
                            + "height=\"%d\" fill=\"%s\"><title>%s %s</title></rect>",
                    Html.escape(bar.label()), plain(bar.value()), labelWidth, y, w, rowHeight - 6, colour,
                    Html.escape(bar.label()), plain(bar.value())));
            svg.append(text(labelWidth + w + 4, y + 12, "start", 11, plain(bar.value())));
        }
        return svg.append("</svg>").toString();
    }

    /**
     * This year against last year, figure by figure: each pair scaled to its own larger value (行政许可
     * in thousands and 行政强制 in tens side by side would flatten the small ones to nothing).
     */
    static String yearAgainstLastYear(List<KeyRow> rows, int year) {
        int rowHeight = 34;
        int labelWidth = 150;
        int width = 560;
        int height = 40 + rowHeight * rows.size();
        StringBuilder svg = open("year-chart", width, height, year + " 年与 " + (year - 1) + " 年对比");
        for (int i = 0; i < rows.size(); i++) {
            KeyRow row = rows.get(i);
            double y = 10 + i * rowHeight;
            BigDecimal last = row.lastYear() == null ? BigDecimal.ZERO : row.lastYear();
            double max = Math.max(1e-9, Math.max(row.county().doubleValue(), last.doubleValue()));
            double span = width - labelWidth - 70;
            svg.append(text(labelWidth - 6, y + 17, "end", 11, row.label()));
            pair(svg, "this-year", THIS_YEAR, labelWidth, y, span * row.county().doubleValue() / max, row.county(),
                    row.label(), year);
            if (row.lastYear() != null) {
                pair(svg, "last-year", LAST_YEAR, labelWidth, y + 13, span * last.doubleValue() / max, last,
                        row.label(), year - 1);
            }
        }
        legend(svg, labelWidth, height - 12, new String[] {year + " 年", (year - 1) + " 年"},
                new String[] {THIS_YEAR, LAST_YEAR});
        return svg.append("</svg>").toString();
    }

    private static void pair(StringBuilder svg, String kind, String colour, int x, double y, double w, BigDecimal value,
                             String label, int year) {
        svg.append(String.format(Locale.ROOT,
                "<rect class=\"bar %s\" data-label=\"%s\" data-value=\"%s\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" "
                        + "height=\"11\" fill=\"%s\"><title>%s %d 年 %s</title></rect>",
                kind, Html.escape(label), plain(value), x, y, w, colour, Html.escape(label), year, plain(value)));
        svg.append(text(x + w + 4, y + 10, "start", 10, plain(value)));
    }

    private static StringBuilder open(String id, int width, int height, String title) {
        return new StringBuilder(String.format(
                "<svg id=\"%s\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                        + "height=\"%d\" font-family=\"sans-serif\"><title>%s</title>",
                id, width, height, width, height, Html.escape(title)));
    }

    private static void axis(StringBuilder svg, int x, int top, int bottom, int right, int max) {
        svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#666\"/>", x, bottom, right, bottom));
        for (int k = 0; k <= 4; k++) {
            int value = (int) Math.round(max * k / 4.0);
            double y = bottom - (bottom - top) * (double) value / max;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>",
                    x, y, right, y));
            svg.append(text(x - 4, y + 4, "end", 10, Integer.toString(value)));
        }
    }

    /** Each item after the one before, by its label's width (a fixed step let a long label run into the next). */
    private static void legend(StringBuilder svg, int x, int y, String[] labels, String[] colours) {
        int lx = x;
        for (int i = 0; i < labels.length; i++) {
            svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", lx, y - 9, colours[i]));
            svg.append(text(lx + 14, y, "start", 11, labels[i]).replace("<text ", "<text class=\"legend\" "));
            lx += 14 + textWidth(labels[i], 11) + 16;
        }
    }

    /** About how wide a label is drawn: a CJK character a full em, anything else half of one. */
    static int textWidth(String label, int size) {
        double em = 0;
        for (int i = 0; i < label.length(); i++) {
            em += label.charAt(i) < 0x2E80 ? 0.6 : 1.0;
        }
        return (int) Math.ceil(em * size);
    }

    private static String text(double x, double y, String anchor, int size, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>",
                x, y, anchor, size, Html.escape(content));
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
