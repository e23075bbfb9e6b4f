package cn.gov.county.gkreport.mail.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.deadline.DeadlineSettings;
import cn.gov.county.gkreport.mail.MailMessageRepository.AttachmentOutcome;
import cn.gov.county.gkreport.mail.MailMessageRepository.MessageOutcome;
import cn.gov.county.gkreport.mail.inbox.AttachmentSaver;
import cn.gov.county.gkreport.mail.reply.MailReplyRepository.AttachmentLine;
import cn.gov.county.gkreport.mail.reply.MailReplyRepository.PendingNotice;
import cn.gov.county.gkreport.mail.reply.MailReplyRepository.PendingReply;
import cn.gov.county.gkreport.store.SubmissionStatus;

import org.junit.jupiter.api.Test;

/** What a clerk reads when a name had to be shortened, or when Outlook or our own copy got in the way. */
class ReplyTextsRealMailTest {

    private final ReplyTexts texts = new ReplyTexts("泽州县政务公开办", new DeadlineSettings("2025-01-31", List.of()),
            "nianbao@county.test", "标准模板");
    private final LocalDateTime received = LocalDateTime.of(2025, 1, 10, 9, 30);

    @Test
    void theReplySaysWhenTheNameHadToBeShortened() {
        String asSent = "很长的名字".repeat(20) + ".xlsx";
        String saved = "很长的名字很长….xlsx";
        PendingReply reply = new PendingReply(1, "T01", "南村镇", 1, SubmissionStatus.ACCEPTED, "abc", 1, "t01@nancun.test",
                "年报", "<t01@nancun.test>", received, asSent);
        String body = texts.reply(reply, 2024, List.of(), Map.of(), Optional.empty(), List.of(new AttachmentLine(1, asSent,
                saved, "abc", AttachmentOutcome.SAVED, AttachmentSaver.SHORTENED + saved)), null, received.toLocalDate()).body();
        assertThat(body).contains("超过文件系统允许的长度（255 字节），本系统已将其缩短保存为《" + saved + "》，内容未作任何改动");
    }

    @Test
    void theNoticeExplainsOutlooksRichTextAndOurOwnCopy() {
        PendingNotice notice = new PendingNotice(1, MessageOutcome.REFUSED, "t16@lichuan.test", "年报", "<x@y>", received);
        String body = texts.notice(notice, List.of(
                new AttachmentLine(1, "winmail.dat", null, null, AttachmentOutcome.WINMAIL_EMPTY, "其中只有 说明.docx"),
                new AttachmentLine(2, "县司法局-2024年-第1版-校验反馈.xlsx", null, "f", AttachmentOutcome.FEEDBACK_COPY, null)),
                sha -> Optional.empty(), 2024, received.toLocalDate()).body();
        assertThat(body).contains("截止日期为2025年1月31日").contains("《winmail.dat》：这是 Outlook 以“RTF 格式”发送邮件时生成的 winmail.dat，其中没有 Excel 文件（其中只有 说明.docx）")
                .contains("“HTML”或“纯文本”")
                .contains("《县司法局-2024年-第1版-校验反馈.xlsx》：这是本系统发回的校验反馈副本");
    }
}
