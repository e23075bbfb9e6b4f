package cn.gov.county.gkreport.mail.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The unit's own words in a reply, as real clients lay out the quoted original below them. */
class ExplanationTextTest {

    private static final String WORDS = "本镇 2024 年确实没有收到政府信息公开申请。\n特此说明。";

    @Test
    void outlookAndFoxmailOriginalMessageHeaders() {
        assertThat(ExplanationText.withoutQuote(WORDS + "\r\n\r\n-----原始邮件-----\r\n发件人: 年报 <nianbao@county.test>\r\n"
                + "主题: 回复：南村镇年报\r\n\r\n已接收。")).isEqualTo(WORDS);
        assertThat(ExplanationText.withoutQuote(WORDS + "\n\n------------------ 原始邮件 ------------------\n"
                + "发件人: \"年报\"<nianbao@county.test>;\n已接收。")).isEqualTo(WORDS);
    }

    @Test
    void outlookFromBlockUnderALine() {
        assertThat(ExplanationText.withoutQuote(WORDS + "\n\n________________________________\n发件人: 年报\n已接收。"))
                .isEqualTo(WORDS);
        assertThat(ExplanationText.withoutQuote(WORDS + "\n\nFrom: nianbao@county.test\nSent: Friday\n已接收。"))
                .isEqualTo(WORDS);
    }

    @Test
    void gmailAndAppleQuoteHeadersAlsoWrappedOverTwoLines() {
        assertThat(ExplanationText.withoutQuote(WORDS + "\n\nOn Fri, Jan 10, 2025 at 9:30 AM 年报 <nianbao@county.test>\n"
                + "wrote:\n> 已接收。\n")).isEqualTo(WORDS);
        assertThat(ExplanationText.withoutQuote(WORDS + "\n\n在 2025年1月10日 09:30，年报 <nianbao@county.test> 写道：\n> 已接收。"))
                .isEqualTo(WORDS);
    }

    @Test
    void quotedLinesAndTheSignatureAreDropped() {
        assertThat(ExplanationText.withoutQuote("> 您的报告有 1 条提示\n" + WORDS + "\n>> 更早的引用\n\n-- \n南村镇党政办 张三\n0356-1234567"))
                .isEqualTo(WORDS);
    }

    @Test
    void htmlBodiesKeepTheirLinesAndLoseTheBlockquote() {
        String html = "<html><head><style>p{}</style></head><body><div>本镇确实没有申请。</div><div>特此说明&nbsp;&amp;致谢</div>"
                + "<div><br></div><blockquote>------------------ 原始邮件 ------------------<br>已接收</blockquote></body></html>";
        assertThat(ExplanationText.withoutQuote(ExplanationText.html(html))).isEqualTo("本镇确实没有申请。\n特此说明 &致谢");
    }

    @Test
    void onlyAQuoteIsNothingAndALongTextIsCut() {
        assertThat(ExplanationText.withoutQuote("\n\n-----Original Message-----\nFrom: x\n")).isEmpty();
        String cut = ExplanationText.withoutQuote("说".repeat(2000));
        assertThat(cut).hasSize(ExplanationText.MAX_CHARS).endsWith("…");
    }
}
