package cn.gov.county.gkreport.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

import cn.gov.county.gkreport.mail.AttachmentNames.Kind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attachment names as mail clients send them: decoded whatever the encoding, then made safe and unique. */
class AttachmentNamesTest {

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
        assertThat(AttachmentNames.fileName("attachment; filename=\"=?GBK?B?" + b(NAME, GBK) + "?=\"", null))
                .isEqualTo(NAME);
    }

    @Test
    void rfc2047WordsSplitInTheMiddleOfACharacterAreJoinedAsBytes() {
        byte[] bytes = NAME.getBytes(GBK);
        byte[] first = Arrays.copyOfRange(bytes, 0, 6); // "T01-" + the first byte of 南
        byte[] second = Arrays.copyOfRange(bytes, 6, bytes.length);
        String header = "attachment; filename=\"=?gbk?B?" + Base64.getEncoder().encodeToString(first) + "?= =?gbk?B?"
                + Base64.getEncoder().encodeToString(second) + "?=\"";
        assertThat(AttachmentNames.fileName(header, null)).isEqualTo(NAME);
    }

    @Test
    void gb2312LabelIsReadAsGb18030SoGbkOnlyCharactersSurvive() {
        String name = "县喆局-年报.xls"; // 喆 is in GBK, not in GB2312
        assertThat(AttachmentNames.fileName("attachment; filename=\"=?GB2312?B?" + b(name, GBK) + "?=\"", null))
                .isEqualTo(name);
    }

    @Test
    void rfc2047QuotedPrintableUtf8() {
        String q = "=?UTF-8?Q?" + percent("南村镇", StandardCharsets.UTF_8).replace('%', '=') + "_2024.xlsx?=";
        assertThat(AttachmentNames.fileName("attachment; filename=\"" + q + "\"", null)).isEqualTo("南村镇 2024.xlsx");
    }

    @Test
    void rfc2231Gb18030() {
        assertThat(AttachmentNames.fileName("attachment; filename*=GB18030''" + percent(NAME, GB18030), null))
                .isEqualTo(NAME);
    }

    @Test
    void rfc2231Utf8WithContinuations() {
        String encoded = percent(NAME, StandardCharsets.UTF_8);
        int cut = encoded.indexOf('%', 20);
        String header = "attachment;\r\n filename*0*=UTF-8''" + encoded.substring(0, cut) + ";\r\n filename*1*="
                + encoded.substring(cut);
        assertThat(AttachmentNames.fileName(header, null)).isEqualTo(NAME);
    }

    @Test
    void rfc2231LabelsThatDoNotFitTheBytesFallBackToUtf8ThenGb18030() {
        String name = "县喆局-年报.xls"; // 喆 is in GBK, not in GB2312
        assertThat(AttachmentNames.fileName("attachment; filename*=GB2312''" + percent(name, GBK), null)).isEqualTo(name);
        assertThat(AttachmentNames.fileName("attachment; filename*=x-gbk''" + percent(name, GBK), null)).isEqualTo(name);
        assertThat(AttachmentNames.fileName("attachment; filename*=GBK''" + percent(name, StandardCharsets.UTF_8), null))
                .isEqualTo(name);
        assertThat(AttachmentNames.fileName("attachment; filename*=x-unknown''" + percent(name, GB18030), null))
                .isEqualTo(name);
    }

    @Test
    void anUnquotedRawGbkNameWithAnEncodedWordInTheContentType() {
        String gbk = new String(("attachment; filename=南村镇 年报.xlsx; size=12").getBytes(GBK), StandardCharsets.ISO_8859_1);
        assertThat(AttachmentNames.fileName(gbk, null)).isEqualTo("南村镇 年报.xlsx");
        assertThat(AttachmentNames.fileName(null, "application/vnd.ms-excel; name==?UTF-8?B?"
                + b("年报.xls", StandardCharsets.UTF_8) + "?=")).isEqualTo("年报.xls");
    }

    @Test
    void rawEightBitHeadersInUtf8OrGbk() {
        String utf8 = new String(("attachment; filename=\"" + NAME + "\"").getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);
        String gbk = new String(("attachment; filename=\"" + NAME + "\"").getBytes(GBK), StandardCharsets.ISO_8859_1);
        assertThat(AttachmentNames.fileName(utf8, null)).isEqualTo(NAME);
        assertThat(AttachmentNames.fileName(gbk, null)).isEqualTo(NAME);
    }

    @Test
    void contentTypeNameWhenTheDispositionHasNone() {
        assertThat(AttachmentNames.fileName("attachment", "application/vnd.ms-excel; name=\"=?GBK?B?"
                + b("年报.xls", GBK) + "?=\"")).isEqualTo("年报.xls");
        assertThat(AttachmentNames.fileName(null, "text/plain; charset=UTF-8")).isNull();
    }

    @Test
    void percentEncodedUtf8WithoutCharsetAndAPlainUtf8Name() {
        assertThat(AttachmentNames.fileName("attachment; filename=\"" + percent(NAME, StandardCharsets.UTF_8) + "\"",
                null)).isEqualTo(NAME);
        assertThat(AttachmentNames.fileName("attachment; filename=\"" + NAME + "\"", null)).isEqualTo(NAME);
    }

    @Test
    void malformedHeadersAreReadLeniently() {
        assertThat(AttachmentNames.fileName("attachment; filename=南村镇 年报 (1).xlsx", null))
                .isEqualTo("南村镇 年报 (1).xlsx");
        assertThat(AttachmentNames.fileName("attachment; filename=\"unterminated.xlsx", null))
                .isEqualTo("unterminated.xlsx");
    }

    @Test
    void subjectsWithFoldedEncodedWords() {
        assertThat(AttachmentNames.decodeText("=?GBK?B?" + b("南村镇2024年", GBK) + "?=\r\n =?UTF-8?B?"
                + b("政府信息公开年报", StandardCharsets.UTF_8) + "?= 报送")).isEqualTo("南村镇2024年政府信息公开年报 报送");
    }

    @Test
    void onlyTheLastPathSegmentIsKept() {
        assertThat(AttachmentNames.safeName("../../x.xlsx", Kind.XLSX)).isEqualTo("x.xlsx");
        assertThat(AttachmentNames.safeName("..\\x.xls", Kind.XLS)).isEqualTo("x.xls");
        assertThat(AttachmentNames.safeName("C:\\Users\\办公室\\桌面\\年报.xlsx", Kind.XLSX)).isEqualTo("年报.xlsx");
        assertThat(AttachmentNames.safeName("/etc/passwd", Kind.XLSX)).isEqualTo("passwd.xlsx");
        assertThat(AttachmentNames.safeName("..", Kind.XLSX)).isEqualTo("附件.xlsx");
        assertThat(AttachmentNames.safeName(null, Kind.XLSX)).isEqualTo("附件.xlsx");
    }

    @Test
    void controlFormatAndReservedCharactersAreReplaced() {
        assertThat(AttachmentNames.safeName("年\u0000报\u0007.xlsx", Kind.XLSX)).isEqualTo("年_报_.xlsx");
        assertThat(AttachmentNames.safeName("年报\u202Excod.xlsx", Kind.XLSX)).isEqualTo("年报_xcod.xlsx");
        assertThat(AttachmentNames.safeName("a:b*c?\"<>|.xlsx", Kind.XLSX)).isEqualTo("a_b_c_____.xlsx");
        assertThat(AttachmentNames.safeName("年报\r\n第二行.xls", Kind.XLS)).isEqualTo("年报__第二行.xls");
        assertThat(AttachmentNames.safeName("  年报 .xlsx  ", Kind.XLSX)).isEqualTo("年报.xlsx");
    }

    @Test
    void namesIntakeWouldSkipOrWindowsWouldRefuseAreNeutralised() {
        assertThat(AttachmentNames.safeName(".hidden.xlsx", Kind.XLSX)).isEqualTo("hidden.xlsx");
        assertThat(AttachmentNames.safeName("~$年报.xlsx", Kind.XLSX)).isEqualTo("_$年报.xlsx");
        assertThat(AttachmentNames.safeName("CON.xlsx", Kind.XLSX)).isEqualTo("_CON.xlsx");
        assertThat(AttachmentNames.safeName("lpt1", Kind.XLS)).isEqualTo("_lpt1.xls");
        assertThat(AttachmentNames.safeName("-rf.xlsx", Kind.XLSX)).isEqualTo("_rf.xlsx");
    }

    @Test
    void theExtensionFollowsTheKind() {
        assertThat(AttachmentNames.safeName("年报.XLSX", Kind.XLSX)).isEqualTo("年报.xlsx");
        assertThat(AttachmentNames.safeName("年报", Kind.XLS)).isEqualTo("年报.xls");
        assertThat(AttachmentNames.safeName("年报.bin", Kind.XLSX)).isEqualTo("年报.bin.xlsx");
    }

    @Test
    void veryLongNamesAreCutKeepingTheExtension() {
        String name = "县林业局".repeat(80) + "年报（最终版）.xlsx";
        String safe = AttachmentNames.safeName(name, Kind.XLSX);
        assertThat(safe).endsWith("….xlsx").startsWith("县林业局");
        assertThat(safe.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AttachmentNames.MAX_BASE_BYTES + 5);
        String emoji = "😀".repeat(100) + ".xlsx";
        assertThat(AttachmentNames.safeName(emoji, Kind.XLSX)).matches("(😀)+….xlsx");
    }

    @Test
    void aLongChineseNameIsKeptWholeWhereTheFileSystemTakesIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String name = "泽州县巴公镇人民政府关于报送二〇二四年度政府信息公开工作年度报告（含表二、表三、表四及补充指标）的函-最终修订稿（第二次）.xlsx";
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(180);
        String safe = AttachmentNames.safeName(name, Kind.XLSX);
        assertThat(safe).isEqualTo(name);
        java.nio.file.Files.writeString(dir.resolve(safe), "x"); // ext4 and tmpfs take it: 255 bytes a name
        assertThat(dir.resolve(safe)).exists();
        // the longest base kept still leaves room for "(9999)" and the extension within 255 bytes
        String longest = AttachmentNames.safeName("表".repeat(200) + ".xlsx", Kind.XLSX);
        assertThat((longest.replace(".xlsx", "") + "(9999).xlsx").getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(255);
    }

    @Test
    void kindByExtensionThenContentType() {
        assertThat(AttachmentNames.kind("年报.xlsx", "application/octet-stream")).isEqualTo(Kind.XLSX);
        assertThat(AttachmentNames.kind("年报.XLS", null)).isEqualTo(Kind.XLS);
        assertThat(AttachmentNames.kind("年报.zip", null)).isEqualTo(Kind.ARCHIVE);
        assertThat(AttachmentNames.kind("年报.rar", null)).isEqualTo(Kind.ARCHIVE);
        assertThat(AttachmentNames.kind("年报.xlsx.exe", null)).isEqualTo(Kind.OTHER);
        assertThat(AttachmentNames.kind("年报.et", null)).isEqualTo(Kind.OTHER);
        assertThat(AttachmentNames.kind("年报.pdf", "application/vnd.ms-excel")).isEqualTo(Kind.OTHER);
        assertThat(AttachmentNames.kind(null, "application/vnd.ms-excel")).isEqualTo(Kind.XLS);
        assertThat(AttachmentNames.kind("年报", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .isEqualTo(Kind.XLSX);
        assertThat(AttachmentNames.kind("年报", "application/x-zip-compressed")).isEqualTo(Kind.ARCHIVE);
    }

    @Test
    void collisionsGetANumberAndTheSameContentIsFoundAgain(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("年报.xlsx"), "first");
        AttachmentNames.Target second = AttachmentNames.place(dir, "年报.xlsx", p -> false);
        assertThat(second.path().getFileName().toString()).isEqualTo("年报(2).xlsx");
        assertThat(second.existing()).isFalse();
        Files.writeString(second.path(), "second");
        assertThat(AttachmentNames.place(dir, "年报.xlsx", p -> false).path().getFileName().toString())
                .isEqualTo("年报(3).xlsx");
        AttachmentNames.Target same = AttachmentNames.place(dir, "年报.xlsx", p -> p.getFileName().toString()
                .equals("年报(2).xlsx"));
        assertThat(same.existing()).isTrue();
        assertThat(same.path().getFileName().toString()).isEqualTo("年报(2).xlsx");
        assertThat(AttachmentNames.place(dir, "附件", p -> false).path().getFileName().toString()).isEqualTo("附件");
    }
}
