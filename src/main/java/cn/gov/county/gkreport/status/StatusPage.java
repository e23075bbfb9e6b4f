package cn.gov.county.gkreport.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.gov.county.gkreport.report.RunChanges;
import cn.gov.county.gkreport.report.UnitStanding.Standing;
import cn.gov.county.gkreport.status.StatusPageData.KeyRow;
import cn.gov.county.gkreport.status.StatusPageData.UnitRow;
import cn.gov.county.gkreport.status.StatusRepository.PageFinding;

/**
 * {@code output/<year>/index.html}: one self-contained page (inline CSS and SVG, no script, no
 * link outside its folder) that a leader opens from the shared folder in any browser — every
 * roster unit with its standing as colour, the deadline, what changed since last night, each
 * unit's findings with a link to its feedback copy, the county's key figures and three charts.
 */
public final class StatusPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final String CSS = """
            body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#222;background:#f6f7f9}
            header{background:#234;color:#fff;padding:16px 24px}header h1{margin:0;font-size:22px}
            header p{margin:6px 0 0;font-size:14px;color:#cde}
            main{padding:12px 24px;max-width:1200px}
            section{background:#fff;border:1px solid #dde;border-radius:6px;margin:12px 0;padding:12px 16px}
            h2{font-size:17px;margin:0 0 10px}
            .tiles{display:flex;gap:12px;flex-wrap:wrap}.tile{flex:1;min-width:140px;padding:10px 14px;border-radius:6px;color:#fff}
            .tile b{display:block;font-size:28px}.tile.expected{background:#455a64}.tile.accepted{background:#2e7d32}
            .tile.rejected{background:#c62828}.tile.returned{background:#e65100}.tile.missing{background:#757575}.tile.deadline{background:#6a1b9a}
            .tile.deadline.past{background:#b71c1c}
            table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #e3e3e3;padding:4px 6px;text-align:left}
            th{background:#eef1f5}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px}
            tr.accepted td:first-child{border-left:5px solid #2e7d32}tr.rejected td:first-child{border-left:5px solid #c62828}tr.returned td:first-child{border-left:5px solid #e65100}
            tr.missing td:first-child{border-left:5px solid #9e9e9e}
            .badge.accepted{background:#2e7d32}.badge.rejected{background:#c62828}.badge.returned{background:#e65100}.badge.missing{background:#9e9e9e}
            .warn{color:#8d6e00}.charts{display:flex;flex-wrap:wrap;gap:16px}.charts figure{margin:0}
            figcaption{font-weight:bold;font-size:14px;margin-bottom:4px}
            .unit-findings h3{font-size:15px;margin:14px 0 4px}.unit-findings li{margin:2px 0;font-size:13px}
            li.ERROR::marker{color:#c62828}li.WARNING::marker{color:#f9a825}
            .sev{font-size:11px;padding:0 5px;border-radius:3px;color:#fff;margin-right:4px}.sev.ERROR{background:#c62828}
            .sev.WARNING{background:#f9a825;color:#222}.muted{color:#777}
            """;

    private StatusPage() {
    }

    /** Written to a temporary file and moved into place, so a reader never opens half a page. */
    public static void write(StatusPageData data, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, html(data), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String html(StatusPageData data) {
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>").append(Html.escape(data.title())).append("</title><style>").append(CSS)
                .append("</style></head><body>");
        page.append("<header><h1>").append(Html.escape(data.title())).append("</h1><p id=\"updated\">更新于 ")
                .append(data.runTime().format(TIME)).append(" · 每晚汇总后自动更新 · <a style=\"color:#cde\" href=\"")
                .append(Html.escape(data.workbookHref())).append("\">汇总工作簿</a></p></header><main>");
        tiles(page, data);
        changes(page, data.changes());
        charts(page, data);
        units(page, data);
        findings(page, data);
        keyFigures(page, data);
        page.append("</main></body></html>\n");
        return page.toString();
    }

    private static void tiles(StringBuilder page, StatusPageData data) {
        page.append("<section id=\"overview\"><div class=\"tiles\">");
        tile(page, "expected", "应报单位", data.units().size());
        tile(page, "accepted", "已接收", data.count(Standing.ACCEPTED));
        tile(page, "rejected", "未通过", data.count(Standing.REJECTED));
        if (data.count(Standing.RETURNED) > 0) {
            tile(page, "returned", "审核退回", data.count(Standing.RETURNED));
        }
        tile(page, "missing", "未报送", data.count(Standing.MISSING));
        page.append("<div id=\"deadline\" class=\"tile deadline");
        if (data.daysToDeadline().isEmpty()) {
            page.append("\">截止日期<b>未设置</b>在 consolidator.deadline.date 中设置</div>");
        } else {
            long days = data.daysToDeadline().get();
            page.append(days < 0 ? " past" : "").append("\">报送截止 ").append(data.deadline().get()).append("<b>")
                    .append(days > 0 ? "还有 " + days + " 天" : days == 0 ? "今天截止" : "已过 " + -days + " 天")
                    .append("</b></div>");
        }
        page.append("</div></section>");
    }

    private static void tile(StringBuilder page, String kind, String label, long count) {
        page.append("<div class=\"tile ").append(kind).append("\" id=\"tile-").append(kind).append("\">").append(label)
                .append("<b>").append(count).append("</b></div>");
    }

    private static void changes(StringBuilder page, RunChanges changes) {
        page.append("<section id=\"changes\"><h2>与上次汇总相比</h2>");
        if (changes.previousRun().isEmpty()) {
            page.append("<p>本年度第一次汇总，没有可比较的上次结果。</p></section>");
            return;
        }
        page.append("<p class=\"muted\">上次汇总: ").append(changes.previousRun().get().computedAt()).append("</p>");
        if (changes.none()) {
            page.append("<p>无变化</p></section>");
            return;
        }
        if (!changes.units().isEmpty()) {
            page.append("<table id=\"unit-changes\"><tr><th>单位</th><th>上次</th><th>本次</th></tr>");
            for (RunChanges.UnitChange c : changes.units()) {
                page.append("<tr><td>").append(Html.escape(c.unitName())).append(" <span class=\"muted\">")
                        .append(Html.escape(c.unitCode())).append("</span></td><td>").append(Html.escape(c.before()))
                        .append("</td><td>").append(Html.escape(c.after())).append("</td></tr>");
            }
            page.append("</table>");
        }
        if (!changes.figures().isEmpty()) {
            page.append("<table id=\"figure-changes\" style=\"margin-top:8px\"><tr><th>全县数字</th><th>上次</th>"
                    + "<th>本次</th><th>增减</th></tr>");
            for (RunChanges.FigureChange c : changes.figures()) {
                page.append("<tr data-code=\"").append(Html.escape(c.itemCode())).append("\"><td>").append(Html.escape(c.item()))
                        .append("</td><td class=\"n\">").append(SvgCharts.plain(c.before())).append("</td><td class=\"n\">")
                        .append(SvgCharts.plain(c.after())).append("</td><td class=\"n\">")
                        .append(signed(c.after().subtract(c.before()))).append("</td></tr>");
            }
            page.append("</table>");
        }
        page.append("</section>");
    }

    private static void charts(StringBuilder page, StatusPageData data) {
        page.append("<section id=\"charts\"><h2>图表</h2><div class=\"charts\">");
        page.append("<figure><figcaption>各单位报送状态（本报告季每晚）</figcaption>")
                .append(SvgCharts.statusOverNights(data.nights())).append("</figure>");
        page.append("<figure><figcaption>依申请公开：各单位本年新收申请（已接收单位）</figcaption>");
        if (data.applications().isEmpty()) {
            page.append("<p class=\"muted\">尚无已接收单位的新收申请。</p>");
        } else {
            page.append(SvgCharts.horizontalBars("applications-chart", "各单位本年新收政府信息公开申请",
                    data.applications(), SvgCharts.THIS_YEAR));
        }
        page.append("</figure><figure><figcaption>主要数字：").append(data.year()).append(" 年与上年</figcaption>");
        if (!data.lastYearKnown()) {
            page.append("<p class=\"muted\">数据库中没有 ").append(data.year() - 1).append(" 年度的汇总，只显示本年。</p>");
        }
        page.append(SvgCharts.yearAgainstLastYear(data.keyFigures(), data.year())).append("</figure></div></section>");
    }

    private static void units(StringBuilder page, StatusPageData data) {
        page.append("<section id=\"units\"><h2>各单位报送情况</h2><table><tr><th>代码</th><th>单位</th><th>类型</th>"
                + "<th>状态</th><th>计入版本</th><th>文件数</th><th>错误</th><th>警告</th><th>最近报送</th><th>反馈文件</th></tr>");
        for (UnitRow unit : data.units()) {
            String kind = unit.standing().name().toLowerCase();
            page.append("<tr class=\"unit ").append(kind).append("\" id=\"row-").append(Html.escape(unit.code()))
                    .append("\" data-status=\"").append(unit.standing().label()).append("\"><td>")
                    .append(Html.escape(unit.code())).append("</td><td>");
            if (unit.findings().isEmpty()) {
                page.append(Html.escape(unit.name()));
            } else {
                page.append("<a href=\"#unit-").append(Html.escape(unit.code())).append("\">")
                        .append(Html.escape(unit.name())).append("</a>");
            }
            page.append("</td><td>").append(Html.escape(unit.type())).append("</td><td><span class=\"badge ").append(kind)
                    .append("\">").append(unit.standing().label()).append("</span></td><td class=\"n\">")
                    .append(unit.version() == null ? "—" : "第" + unit.version() + "版").append("</td><td class=\"n\">")
                    .append(unit.files()).append("</td><td class=\"n\">").append(unit.errors()).append("</td><td class=\"n")
                    .append(unit.warnings() > 0 ? " warn" : "").append("\">").append(unit.warnings()).append("</td><td>")
                    .append(Html.escape(unit.receivedAt() == null ? "—" : unit.receivedAt())).append("</td><td>");
            if (unit.feedbackHref() != null) {
                page.append("<a class=\"feedback\" href=\"").append(Html.escape(unit.feedbackHref())).append("\">反馈文件</a>");
            }
            page.append("</td></tr>");
        }
        page.append("</table></section>");
    }

    private static void findings(StringBuilder page, StatusPageData data) {
        List<UnitRow> withFindings = data.units().stream().filter(u -> !u.findings().isEmpty()).toList();
        page.append("<section id=\"findings\" class=\"unit-findings\"><h2>校验问题（计入或最新一版）</h2>");
        if (withFindings.isEmpty()) {
            page.append("<p>各单位当前版本均无校验问题。</p>");
        }
        for (UnitRow unit : withFindings) {
            page.append("<div id=\"unit-").append(Html.escape(unit.code())).append("\"><h3>")
                    .append(Html.escape(unit.name())).append(" <span class=\"badge ")
                    .append(unit.standing().name().toLowerCase()).append("\">").append(unit.standing().label())
                    .append("</span> <span class=\"muted\">第").append(unit.version() == null ? "—" : unit.version())
                    .append("版 · ").append(Html.escape(unit.fileName())).append("</span>");
            if (unit.feedbackHref() != null) {
                page.append(" <a class=\"feedback\" href=\"").append(Html.escape(unit.feedbackHref()))
                        .append("\">打开反馈文件</a>");
            }
            page.append("</h3><ol>");
            for (PageFinding f : unit.findings()) {
                page.append("<li class=\"").append(f.severity()).append("\"><span class=\"sev ").append(f.severity())
                        .append("\">").append(f.severity().equals("ERROR") ? "错误" : "警告").append("</span>")
                        .append(Html.escape(f.sheet())).append(" ").append(Html.escape(f.cell())).append(" [")
                        .append(Html.escape(f.ruleId())).append("] ").append(Html.escape(f.message())).append("</li>");
            }
            page.append("</ol></div>");
        }
        page.append("</section>");
    }

    private static void keyFigures(StringBuilder page, StatusPageData data) {
        page.append("<section id=\"totals\"><h2>全县合计（主要数字）</h2><table><tr><th>项目</th><th>全县合计</th>");
        data.subtotalLabels().forEach(l -> page.append("<th>").append(Html.escape(l)).append("</th>"));
        page.append("<th>上年</th><th>比上年</th></tr>");
        for (KeyRow row : data.keyFigures()) {
            page.append("<tr data-code=\"").append(Html.escape(row.code())).append("\"><td>").append(Html.escape(row.label()))
                    .append("</td><td class=\"n county\">").append(SvgCharts.plain(row.county())).append("</td>");
            row.subtotals().forEach(v -> page.append("<td class=\"n\">").append(SvgCharts.plain(v)).append("</td>"));
            page.append("<td class=\"n\">").append(row.lastYear() == null ? "—" : SvgCharts.plain(row.lastYear()))
                    .append("</td><td class=\"n\">")
                    .append(row.lastYear() == null ? "—" : signed(row.county().subtract(row.lastYear())))
                    .append("</td></tr>");
        }
        page.append("</table><p class=\"muted\">全部数字见汇总工作簿的表二、表三、表四、总体情况和分类汇总。</p></section>");
    }

    private static String signed(BigDecimal delta) {
        return (delta.signum() > 0 ? "+" : "") + SvgCharts.plain(delta);
    }
}
