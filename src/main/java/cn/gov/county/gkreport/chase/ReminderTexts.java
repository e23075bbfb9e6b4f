package cn.gov.county.gkreport.chase;

import java.time.LocalDate;

import cn.gov.county.gkreport.mail.reply.ReplyTexts;

/**
 * The reminder mail and the chase list's sentence about a unit, saying why it is chased and by when
 * to act; the deadline, where to send and the closing are the replies' own ({@link ReplyTexts}).
 */
final class ReminderTexts {

    private final ReplyTexts replies;

    ReminderTexts(ReplyTexts replies) {
        this.replies = replies;
    }

    /** The reminder to one unit of the chase list. */
    ReplyTexts.Letter letter(ChaseList.Entry e, int year, LocalDate today) {
        String subject = "【提醒】" + e.unit().name() + year + "年政府信息公开工作年度报告" + switch (e.reason()) {
            case MISSING -> "尚未报送";
            case REJECTED -> "尚未通过校验";
            case RETURNED -> "已被退回，请修改后重新报送";
            case UNEXPLAINED -> "有提醒尚未说明";
        } + "（截止" + ReplyTexts.day(replies.deadline(year)) + "）";
        StringBuilder b = new StringBuilder(e.unit().name()).append("：\n\n您好！").append(e.reminderText()).append('\n');
        b.append("\n请将").append(e.reason() == ChaseReason.MISSING ? "填好的" + replies.template() : "修改后的整个文件")
                .append("（Excel 文件）作为附件发送到").append(replies.mailbox())
                .append("，系统收到后会自动回复校验结果。如已发送，请忽略本提醒。\n");
        return new ReplyTexts.Letter(subject, b.append(replies.closing(today)).toString());
    }

    /**
     * The one sentence the reminder and the chase list say about a unit: the reason and the deadline.
     *
     * @param lastFile the name of the version that counts, or null
     */
    String sentence(ChaseReason reason, String lastFile, int errors, int warnings, int year, LocalDate today) {
        LocalDate deadline = replies.deadline(year);
        boolean past = today.isAfter(deadline);
        String report = "贵单位报送的" + year + "年政府信息公开工作年度报告" + (lastFile == null ? "" : "《" + lastFile + "》");
        String by = past ? "（截止日期" + ReplyTexts.day(deadline) + "已过）" : "（截止日期" + ReplyTexts.day(deadline) + "）";
        String asOf = "截至" + ReplyTexts.day(today) + "，";
        return asOf + switch (reason) {
            case MISSING -> "尚未收到贵单位" + year + "年政府信息公开工作年度报告，" + (past
                    ? "截止日期" + ReplyTexts.day(deadline) + "已过，请尽快报送" : "请于" + ReplyTexts.day(deadline) + "前报送");
            case REJECTED -> report + "未通过校验（错误 " + errors + " 处），尚未计入汇总，请按反馈意见改正后重新报送" + by;
            case RETURNED -> report + "经审核退回，尚未计入汇总，请按退回意见修改后重新报送" + by;
            case UNEXPLAINED -> report + "已计入汇总，但有 " + warnings + " 处提醒尚未说明。请逐条核对：数据无误的，"
                    + "请在报告的“说明”表中写明原因；数据有误的，请改正。然后重新报送整个文件" + by;
        } + "。";
    }
}
