package cn.gov.county.gkreport.status;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.gov.county.gkreport.consolidate.ConsolidationRun;
import cn.gov.county.gkreport.mail.OutgoingMail;
import cn.gov.county.gkreport.report.RunChanges;
import cn.gov.county.gkreport.report.UnitStanding;

/**
 * The night's result, mailed to the office's own address: the roster's standing, the units not
 * in, what changed since the last run, where the workbook is, and the status page attached. Sent
 * through the same SMTP sending as the replies to units.
 */
public class ResultMail {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int LISTED_CHANGES = 30;

    private final OutgoingMail outgoing;
    private final String countyName;

    public ResultMail(OutgoingMail outgoing, String countyName) {
        this.outgoing = outgoing;
        this.countyName = countyName;
    }

    public void send(String to, ConsolidationRun run, List<UnitStanding> standings, RunChanges changes,
                     Path statusPage) throws Exception {
        for (String address : to.split(",")) {
            if (!address.isBlank()) {
                outgoing.send(new OutgoingMail.Outgoing(address.trim(), subject(run), body(run, standings, changes,
                        statusPage), null, statusPage, "auto-generated"));
            }
        }
    }

    String subject(ConsolidationRun run) {
        return countyName + run.year() + "年度政府信息公开年报汇总结果：已接收 " + run.accepted() + "/" + run.expected()
                + "（" + run.computedAt().toLocalDate() + "）";
    }

    String body(ConsolidationRun run, List<UnitStanding> standings, RunChanges changes, Path statusPage) {
        StringBuilder text = new StringBuilder();
        text.append(countyName).append(run.year()).append("年度政府信息公开工作年度报告汇总（")
                .append(run.computedAt().format(TIME)).append("）\n\n");
        text.append("应报 ").append(run.expected()).append(" 个单位：已接收 ").append(run.accepted()).append("，未通过 ")
                .append(run.rejected()).append("，未报送 ").append(run.missing()).append("\n");
        for (UnitStanding s : standings) {
            if (s.standing() == UnitStanding.Standing.REJECTED) {
                text.append("  未通过：").append(s.unit().name()).append("（").append(s.unit().code()).append("，错误 ")
                        .append(s.counting().map(r -> r.errors()).orElse(0)).append(" 处）\n");
            } else if (s.standing() == UnitStanding.Standing.RETURNED) {
                text.append("  审核退回：").append(s.unit().name()).append("（").append(s.unit().code()).append("）\n");
            } else if (s.standing() == UnitStanding.Standing.MISSING) {
                text.append("  未报送：").append(s.unit().name()).append("（").append(s.unit().code()).append("）\n");
            }
        }
        text.append("\n与上次汇总相比：");
        if (changes.previousRun().isEmpty()) {
            text.append("本年度第一次汇总。\n");
        } else if (changes.none()) {
            text.append("无变化\n");
        } else {
            text.append("\n");
            changes.units().forEach(c -> text.append("  ").append(c.unitName()).append("：").append(c.before()).append(" → ")
                    .append(c.after()).append("\n"));
            changes.figures().stream().limit(LISTED_CHANGES).forEach(c -> text.append("  ").append(c.item()).append("：")
                    .append(SvgCharts.plain(c.before())).append(" → ").append(SvgCharts.plain(c.after())).append("\n"));
            if (changes.figures().size() > LISTED_CHANGES) {
                text.append("  …另有 ").append(changes.figures().size() - LISTED_CHANGES).append(" 个数字有变化，见状态页\n");
            }
        }
        text.append("\n汇总工作簿：").append(run.workbookPath()).append("\n");
        text.append("状态页：").append(statusPage.toAbsolutePath()).append("（附件，用浏览器打开；其中的反馈文件链接在共享文件夹中打开时可用）\n");
        text.append("\n本邮件由年报汇总程序在每晚汇总后自动发送，请勿回复。\n");
        return text.toString();
    }
}
