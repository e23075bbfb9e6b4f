package cn.gov.county.gkreport.mail.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Attachment names and header text as mail clients send them, decoded whatever the encoding. */
class MimeTextTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String NAME = "T01-南村镇-2024年政府信息公开年报.xlsx";

    private static String b(String text, Charset cs) {
        return Base64.getEncoder().encodeToString(text.getBytes(cs));
    }

    private static String percent(String text, Charset cs) {
        return URLEncoder.encode(text, cs).replace("+", "%20");
    }

    @Test
    void rfc2047GbkInTheQuotedFilename() {
        assertThat(MimeText.fileName("attachment; filename=\"=?GBK?B?" + b(NAME, GBK) + "?=\"", null))
                .isEqualTo(NAME);
    }

    @Test
    void rfc2047WordsSplitInTheMiddleOfACharacterAreJoinedAsBytes() {
        byte[] bytes = NAME.getBytes(GBK);
        byte[] first = Arrays.copyOfRange(bytes, 0, 6); // "T01-" + the first byte of 南
        byte[] second = Arrays.copyOfRange(bytes, 6, bytes.length);
        String header = "attachment; filename=\"=?gbk?B?" + Base64.getEncoder().encodeToString(first) + "?= =?gbk?B?"
                + Base64.getEncoder().encodeToString(second) + "?=\"";
        assertThat(MimeText.fileName(header, null)).isEqualTo(NAME);
    }

    @Test
    void gb2312LabelIsReadAsGb18030SoGbkOnlyCharactersSurvive() {
        String name = "县喆局-年报.xls"; // 喆 is in GBK, not in GB2312
        assertThat(MimeText.fileName("attachment; filename=\"=?GB2312?B?" + b(name, GBK) + "?=\"", null))
                .isEqualTo(name);
    }

    @Test
    void rfc2047QuotedPrintableUtf8() {
        String q = "=?UTF-8?Q?" + percent("南村镇", StandardCharsets.UTF_8).replace('%', '=') + "_2024.xlsx?=";
        assertThat(MimeText.fileName("attachment; filename=\"" + q + "\"", null)).isEqualTo("南村镇 2024.xlsx");
    }

    @Test
    void rfc2231Gb18030() {
        assertThat(MimeText.fileName("attachment; filename*=GB18030''" + percent(NAME, GB18030), null))
                .isEqualTo(NAME);
    }

    @Test
    void rfc2231Utf8WithContinuations() {
        String encoded = percent(NAME, StandardCharsets.UTF_8);
        int cut = encoded.indexOf('%', 20);
        String header = "attachment;\r\n filename*0*=UTF-8''" + encoded.substring(0, cut) + ";\r\n filename*1*="
                + encoded.substring(cut);
        assertThat(MimeText.fileName(header, null)).isEqualTo(NAME);
    }

    @Test
    void rfc2231LabelsThatDoNotFitTheBytesFallBackToUtf8ThenGb18030() {
        String name = "县喆局-年报.xls"; // 喆 is in GBK, not in GB2312
        assertThat(MimeText.fileName("attachment; filename*=GB2312''" + percent(name, GBK), null)).isEqualTo(name);
        assertThat(MimeText.fileName("attachment; filename*=x-gbk''" + percent(name, GBK), null)).isEqualTo(name);
        assertThat(MimeText.fileName("attachment; filename*=GBK''" + percent(name, StandardCharsets.UTF_8), null))
                .isEqualTo(name);
        assertThat(MimeText.fileName("attachment; filename*=x-unknown''" + percent(name, GB18030), null))
                .isEqualTo(name);
    }

    @Test
    void anUnquotedRawGbkNameWithAnEncodedWordInTheContentType() {
        String gbk = new String(("attachment; filename=南村镇 年报.xlsx; size=12").getBytes(GBK), StandardCharsets.ISO_8859_1);
        assertThat(MimeText.fileName(gbk, null)).isEqualTo("南村镇 年报.xlsx");
        assertThat(MimeText.fileName(null, "application/vnd.ms-excel; name==?UTF-8?B?"
                + b("年报.xls", StandardCharsets.UTF_8) + "?=")).isEqualTo("年报.xls");
    }

    @Test
    void rawEightBitHeadersInUtf8OrGbk() {
        String utf8 = new String(("attachment; filename=\"" + NAME + "\"").getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);
        String gbk = new String(("attachment; filename=\"" + NAME + "\"").getBytes(GBK), StandardCharsets.ISO_8859_1);
        assertThat(MimeText.fileName(utf8, null)).isEqualTo(NAME);
        assertThat(MimeText.fileName(gbk, null)).isEqualTo(NAME);
    }

    @Test
    void contentTypeNameWhenTheDispositionHasNone() {
        assertThat(MimeText.fileName("attachment", "application/vnd.ms-excel; name=\"=?GBK?B?"
                + b("年报.xls", GBK) + "?=\"")).isEqualTo("年报.xls");
        assertThat(MimeText.fileName(null, "text/plain; charset=UTF-8")).isNull();
    }

    @Test
    void percentEncodedUtf8WithoutCharsetAndAPlainUtf8Name() {
        assertThat(MimeText.fileName("attachment; filename=\"" + percent(NAME, StandardCharsets.UTF_8) + "\"",
                null)).isEqualTo(NAME);
        assertThat(MimeText.fileName("attachment; filename=\"" + NAME + "\"", null)).isEqualTo(NAME);
    }

    @Test
    void malformedHeadersAreReadLeniently() {
        assertThat(MimeText.fileName("attachment; filename=南村镇 年报 (1).xlsx", null))
                .isEqualTo("南村镇 年报 (1).xlsx");
        assertThat(MimeText.fileName("attachment; filename=\"unterminated.xlsx", null))
                .isEqualTo("unterminated.xlsx");
    }

    @Test
    void subjectsWithFoldedEncodedWords() {
        assertThat(MimeText.decodeText("=?GBK?B?" + b("南村镇2024年", GBK) + "?=\r\n =?UTF-8?B?"
                + b("政府信息公开年报", StandardCharsets.UTF_8) + "?= 报送")).isEqualTo("南村镇2024年政府信息公开年报 报送");
    }
}
