package cn.gov.county.gkreport.mail.reply;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.Severity;
import cn.gov.county.gkreport.deadline.DeadlineSettings;
import cn.gov.county.gkreport.mail.AttachmentKind;
import cn.gov.county.gkreport.mail.MailMessageRepository.AttachmentOutcome;
import cn.gov.county.gkreport.mail.MailMessageRepository;
import cn.gov.county.gkreport.mail.SafeFileName;
import cn.gov.county.gkreport.mail.inbox.AttachmentSaver;
import cn.gov.county.gkreport.mail.reply.MailReplyRepository.AttachmentLine;
import cn.gov.county.gkreport.mail.reply.MailReplyRepository.EarlierFile;
import cn.gov.county.gkreport.mail.reply.MailReplyRepository.Kind;
import cn.gov.county.gkreport.mail.reply.MailReplyRepository.PendingNotice;
import cn.gov.county.gkreport.mail.reply.MailReplyRepository.PendingReply;

/**
 * The Chinese texts of replies and notices, and the parts reminders share with them (the deadline,
 * where to send, the closing): polite, short, and saying what to do.
 */
public final class ReplyTexts {

    /** A figure quoted in the reply so the clerk can check what was read. */
    record KeyFigure(String code, String label, String unit, boolean amount) {
    }

    static final List<KeyFigure> KEY_FIGURES = List.of(
            new KeyFigure("T3.NEW.TOTAL", "表三 一、本年新收政府信息公开申请数量（总计）", "件", false),
            new KeyFigure("T2.LICENSE.DECISIONS", "表二 行政许可 本年处理决定数量", "件", false),
            new KeyFigure("T2.FEE.AMOUNT", "表二 行政事业性收费 本年收费金额", "万元", true));

    /** Findings listed in the body at most; the attached copy has them all. */
    public static final int MAX_LISTED = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** A mail to write: subject and plain-text body. */
    public record Letter(String subject, String body) {
    }

    private final String signature;
    private final DeadlineSettings deadlines;
    private final String mailbox;
    private final String templateName;

    /**
     * @param signature    the last line (the office's name)
     * @param deadlines    the reporting calendar, whose deadline the mails quote
     * @param mailbox      the address submissions are sent to
     * @param templateName the blank template's name, as the office calls it
     */
    public ReplyTexts(String signature, DeadlineSettings deadlines, String mailbox, String templateName) {
        this.signature = signature;
        this.deadlines = deadlines;
        this.mailbox = mailbox;
        this.templateName = templateName;
    }

    static Kind kindOf(PendingReply reply, List<Finding> findings) {
        return switch (reply.status()) {
            case ACCEPTED -> findings.isEmpty() ? Kind.ACCEPTED : Kind.WARNED;
            case SUPERSEDED -> Kind.SUPERSEDED;
            default -> Kind.REJECTED;
        };
    }

    /** The reply about one submission. */
    public Letter reply(PendingReply r, int year, List<Finding> findings, Map<String, BigDecimal> figures,
                        Optional<Integer> countingVersion, List<AttachmentLine> siblings, String attachmentName,
                        LocalDate today) {
        Kind kind = kindOf(r, findings);
        String unit = r.unitName();
        String what = (unit == null ? "" : unit) + year + "年政府信息公开年报" + (r.version() == null ? ""
                : "（第" + r.version() + "版）");
        String file = "《" + display(r.nameAsSent()) + "》";
        String subject = switch (kind) {
            case ACCEPTED -> "【已接收】" + what;
            case WARNED -> "【已接收，请核对提醒】" + what;
            case SUPERSEDED -> "【已接收】" + what + "，以第" + countingVersion.map(String::valueOf).orElse("新") + "版为准";
            default -> "【未通过校验】" + (unit == null ? "年报文件" + file : what) + "，请改正后重新报送";
        };
        StringBuilder b = new StringBuilder();
        b.append(unit == null ? "您好！" : unit + "：\n\n您好！");
        b.append("贵单位于").append(r.receivedAt().format(WHEN)).append(" 发来的").append(file).append("已收到");
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.size() - errors;
        switch (kind) {
            case ACCEPTED -> b.append("，并通过校验，已作为").append(year).append("年度第").append(r.version())
                    .append("版计入全县汇总。\n");
            case WARNED -> b.append("，并通过校验，已作为").append(year).append("年度第").append(r.version())
                    .append("版计入全县汇总。另有 ").append(warnings).append(" 处提醒（不影响接收），请核对：\n");
            case SUPERSEDED -> b.append("，并通过校验。此后又收到贵单位的第").append(countingVersion.map(String::valueOf)
                    .orElse("新")).append("版，汇总以较新的版本为准。\n");
            default -> b.append("，但未通过校验，暂未计入汇总。需要改正的问题共 ").append(errors).append(" 处")
                    .append(warnings > 0 ? "（另有 " + warnings + " 处提醒）" : "").append("：\n");
        }
        if (kind == Kind.WARNED || kind == Kind.REJECTED) {
            b.append('\n');
            int n = 0;
            for (Finding f : findings) {
                if (++n > MAX_LISTED) {
                    b.append("  ……另有 ").append(findings.size() - MAX_LISTED).append(" 条，详见附件。\n");
                    break;
                }
                b.append("  ").append(n).append(". [").append(f.severity().label()).append("] ").append(f.message())
                        .append('\n');
            }
            if (attachmentName != null) {
                b.append("\n附件《").append(attachmentName).append("》是贵单位文件的副本，")
                        .append(kind == Kind.REJECTED ? "出错的单元格已用红色标出" : "需要核对的单元格已用黄色标出")
                        .append("，并附有说明。\n");
            }
        }
        if (kind == Kind.ACCEPTED || kind == Kind.WARNED) {
            b.append("\n读取到的主要数据如下，请核对：\n");
            for (KeyFigure k : KEY_FIGURES) {
                BigDecimal v = figures.get(k.code());
                b.append("  · ").append(k.label()).append("：").append(v == null ? "未读取到" : format(v, k.amount())
                        + " " + k.unit()).append('\n');
            }
            b.append("\n如数据有误，请改正后重新发送整个文件，新版本将替代本版本。\n");
        } else if (kind == Kind.REJECTED) {
            b.append("\n请在原文件中逐条改正后").append(deadline(year).isBefore(today) ? "" : "，于" + day(deadline(year)) + "前")
                    .append("重新发送整个文件（仍发送到本邮箱）。\n");
        }
        siblings.stream().filter(a -> r.sha256() != null && r.sha256().equals(a.sha256()) && a.note() != null
                && a.note().contains(AttachmentSaver.SHORTENED)).findFirst().ifPresent(a -> b.append("\n注：文件名《")
                .append(display(a.nameAsSent())).append("》超过文件系统允许的长度（255 字节），本系统已将其缩短保存为《")
                .append(a.savedName()).append("》，内容未作任何改动。\n"));
        List<AttachmentLine> refused = siblings.stream().filter(a -> a.outcome() != AttachmentOutcome.SAVED
                && a.outcome() != AttachmentOutcome.DUPLICATE).toList();
        if (!refused.isEmpty()) {
            b.append("\n另：同一封邮件中的以下附件未处理：\n");
            refused.forEach(a -> b.append("  · 《").append(display(a.nameAsSent())).append("》：").append(alongside(a))
                    .append('\n'));
        }
        return new Letter(subject, b.append(closing(today)).toString());
    }

    /** The reply telling a unit that the reviewer returned a version that had passed every rule. */
    public Letter returned(PendingReply r, int year, String reason, String attachmentName, LocalDate today) {
        String what = (r.unitName() == null ? "" : r.unitName()) + year + "年政府信息公开年报（第" + r.version() + "版）";
        StringBuilder b = new StringBuilder(r.unitName() == null ? "您好！" : r.unitName() + "：\n\n您好！");
        b.append("贵单位于").append(r.receivedAt().format(WHEN)).append(" 发来的《").append(display(r.nameAsSent()))
                .append("》（第").append(r.version()).append("版）已通过校验，但经审核退回，暂不计入全县汇总。\n\n审核意见：")
                .append(reason).append('\n');
        if (attachmentName != null) {
            b.append("\n附件《").append(attachmentName).append("》是贵单位文件的副本，列有审核意见")
                    .append("和需要核对的提醒。\n");
        }
        b.append("\n请按审核意见修改后").append(deadline(year).isBefore(today) ? "" : "，于" + day(deadline(year)) + "前")
                .append("重新发送整个文件（仍发送到本邮箱），新版本将按正常流程校验并替代本版本。\n");
        return new Letter("【审核退回】" + what + "，请修改后重新报送", b.append(closing(today)).toString());
    }

    /** Why an attachment sent beside a processed Excel file was not read. */
    private String alongside(AttachmentLine a) {
        return a.outcome() == AttachmentOutcome.NOT_EXCEL ? "不是 Excel 文件，汇总只读取 Excel 文件（如为盖章扫描件等，无需处理）"
                : refusal(a);
    }

    /** The notice for a message that brought nothing new. */
    public Letter notice(PendingNotice n, List<AttachmentLine> attachments,
                         Function<String, Optional<EarlierFile>> earlier, int year, LocalDate today) {
        StringBuilder b = new StringBuilder("您好！\n\n您于").append(n.receivedAt().format(WHEN)).append(" 发来的邮件（主题：")
                .append(n.originalSubject() == null || n.originalSubject().isBlank() ? "无" : n.originalSubject())
                .append("）已收到。");
        String subject;
        if (n.outcome() == MailMessageRepository.MessageOutcome.DUPLICATE) {
            subject = "【已收到】您发来的文件此前已经收到，无需重复发送";
            b.append("其中的文件与此前收到的文件内容完全相同，无需重复发送：\n\n");
            for (AttachmentLine a : attachments) {
                if (a.outcome() == AttachmentOutcome.DUPLICATE) {
                    b.append("  · 《").append(display(a.nameAsSent())).append("》");
                    earlier.apply(a.sha256()).ifPresent(e -> b.append("：").append(e.receivedAt().format(WHEN))
                            .append("已收到").append(e.version() == null ? "" : "（第" + e.version() + "版）")
                            .append("，处理结果：").append(e.status().label()));
                    b.append('\n');
                }
            }
            b.append("\n如需更正，请修改后重新发送整个文件。\n");
        } else {
            subject = "【未能处理】您发来的邮件中没有可处理的 Excel 年报文件";
            b.append("但其中没有可以处理的年报文件：\n\n");
            for (AttachmentLine a : attachments) {
                b.append("  · 《").append(display(a.nameAsSent())).append("》：").append(refusal(a)).append('\n');
            }
            b.append("\n请将填好的").append(template()).append("（Excel 文件，.xlsx 或 .xls）作为附件直接发送到")
                    .append(mailbox()).append("，截止日期为").append(day(deadline(year))).append("。\n");
        }
        List<AttachmentLine> refused = n.outcome() == MailMessageRepository.MessageOutcome.DUPLICATE
                ? attachments.stream().filter(a -> a.outcome() != AttachmentOutcome.DUPLICATE).toList() : List.of();
        if (!refused.isEmpty()) {
            b.append("\n另：以下附件未处理：\n");
            refused.forEach(a -> b.append("  · 《").append(display(a.nameAsSent())).append("》：").append(refusal(a)).append('\n'));
        }
        return new Letter(subject, b.append(closing(today)).toString());
    }

    private String refusal(AttachmentLine a) {
        return switch (a.outcome()) {
            case ARCHIVE -> "压缩文件不解压处理，请解压后直接发送其中的 Excel 文件";
            case NOT_EXCEL -> "不是 Excel 文件，请发送填好的标准模板（.xlsx 或 .xls）";
            case TOO_LARGE -> "文件过大（" + (a.note() == null ? "超出限制" : a.note()) + "），请确认是否为填好的标准模板";
            case UNREADABLE -> "附件内容无法解码，请重新发送";
            case FEEDBACK_COPY -> "这是本系统发回的校验反馈副本（已标出问题），不能作为报送文件；请在贵单位自己的原文件中"
                    + "改正后，发送改正后的文件";
            case WINMAIL_EMPTY -> "这是 Outlook 以“RTF 格式”发送邮件时生成的 winmail.dat，其中没有 Excel 文件（"
                    + (a.note() == null ? "" : a.note()) + "）。请在 Outlook 中把邮件格式改为“HTML”或“纯文本”"
                    + "（文件 → 选项 → 邮件 → 撰写邮件格式；或在本封邮件的“设置文本格式”中选择 HTML），"
                    + "再把 Excel 文件作为普通附件重新发送";
            default -> a.note() == null ? "" : a.note();
        };
    }

    /** The deadline of the report year ({@code consolidator.deadline.date}). */
    public LocalDate deadline(int year) {
        return deadlines.calendar(year).deadline();
    }

    /** A day as the mails write it: 2025年1月31日. */
    public static String day(LocalDate day) {
        return day.format(DAY);
    }

    /** The blank template, as the office calls it. */
    public String template() {
        return templateName == null || templateName.isBlank() ? "标准模板" : templateName;
    }

    /** Where submissions are sent, as the mails write it after 发送到. */
    public String mailbox() {
        return mailbox == null ? "本邮箱" : " " + mailbox;
    }

    /** A name as the clerk sent it, without any path or control characters, for the mail text. */
    public static String display(String name) {
        return SafeFileName.of(name, AttachmentKind.OTHER);
    }

    /** The last lines of every mail: thanks, the office, the day. */
    public String closing(LocalDate today) {
        return "\n感谢您的支持与配合！\n\n" + signature + "\n" + today.format(DAY) + "\n（本邮件由年报汇总系统自动发送，如有疑问请直接回复本邮件。）\n";
    }

    static String format(BigDecimal v, boolean amount) {
        return amount ? v.setScale(2, RoundingMode.HALF_UP).toPlainString()
                : v.stripTrailingZeros().toPlainString();
    }
}
