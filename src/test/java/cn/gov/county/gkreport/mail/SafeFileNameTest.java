package cn.gov.county.gkreport.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoded attachment names made safe to create, unique in their folder, and their kind. */
class SafeFileNameTest {

    @Test
    void onlyTheLastPathSegmentIsKept() {
        assertThat(SafeFileName.of("../../x.xlsx", AttachmentKind.XLSX)).isEqualTo("x.xlsx");
        assertThat(SafeFileName.of("..\\x.xls", AttachmentKind.XLS)).isEqualTo("x.xls");
        assertThat(SafeFileName.of("C:\\Users\\办公室\\桌面\\年报.xlsx", AttachmentKind.XLSX)).isEqualTo("年报.xlsx");
        assertThat(SafeFileName.of("/etc/passwd", AttachmentKind.XLSX)).isEqualTo("passwd.xlsx");
        assertThat(SafeFileName.of("..", AttachmentKind.XLSX)).isEqualTo("附件.xlsx");
        assertThat(SafeFileName.of(null, AttachmentKind.XLSX)).isEqualTo("附件.xlsx");
    }

    @Test
    void controlFormatAndReservedCharactersAreReplaced() {
        assertThat(SafeFileName.of("年\u0000报\u0007.xlsx", AttachmentKind.XLSX)).isEqualTo("年_报_.xlsx");
        assertThat(SafeFileName.of("年报\u202Excod.xlsx", AttachmentKind.XLSX)).isEqualTo("年报_xcod.xlsx");
        assertThat(SafeFileName.of("a:b*c?\"<>|.xlsx", AttachmentKind.XLSX)).isEqualTo("a_b_c_____.xlsx");
        assertThat(SafeFileName.of("年报\r\n第二行.xls", AttachmentKind.XLS)).isEqualTo("年报__第二行.xls");
        assertThat(SafeFileName.of("  年报 .xlsx  ", AttachmentKind.XLSX)).isEqualTo("年报.xlsx");
    }

    @Test
    void namesIntakeWouldSkipOrWindowsWouldRefuseAreNeutralised() {
        assertThat(SafeFileName.of(".hidden.xlsx", AttachmentKind.XLSX)).isEqualTo("hidden.xlsx");
        assertThat(SafeFileName.of("~$年报.xlsx", AttachmentKind.XLSX)).isEqualTo("_$年报.xlsx");
        assertThat(SafeFileName.of("CON.xlsx", AttachmentKind.XLSX)).isEqualTo("_CON.xlsx");
        assertThat(SafeFileName.of("lpt1", AttachmentKind.XLS)).isEqualTo("_lpt1.xls");
        assertThat(SafeFileName.of("-rf.xlsx", AttachmentKind.XLSX)).isEqualTo("_rf.xlsx");
    }

    @Test
    void theExtensionFollowsTheKind() {
        assertThat(SafeFileName.of("年报.XLSX", AttachmentKind.XLSX)).isEqualTo("年报.xlsx");
        assertThat(SafeFileName.of("年报", AttachmentKind.XLS)).isEqualTo("年报.xls");
        assertThat(SafeFileName.of("年报.bin", AttachmentKind.XLSX)).isEqualTo("年报.bin.xlsx");
    }

    @Test
    void veryLongNamesAreCutKeepingTheExtension() {
        String name = "县林业局".repeat(80) + "年报（最终版）.xlsx";
        String safe = SafeFileName.of(name, AttachmentKind.XLSX);
        assertThat(safe).endsWith("….xlsx").startsWith("县林业局");
        assertThat(safe.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SafeFileName.MAX_BASE_BYTES + 5);
        String emoji = "😀".repeat(100) + ".xlsx";
        assertThat(SafeFileName.of(emoji, AttachmentKind.XLSX)).matches("(😀)+….xlsx");
    }

    @Test
    void aLongChineseNameIsKeptWholeWhereTheFileSystemTakesIt(@TempDir Path dir) throws Exception {
        String name = "泽州县巴公镇人民政府关于报送二〇二四年度政府信息公开工作年度报告（含表二、表三、表四及补充指标）的函-最终修订稿（第二次）.xlsx";
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(180);
        String safe = SafeFileName.of(name, AttachmentKind.XLSX);
        assertThat(safe).isEqualTo(name);
        Files.writeString(dir.resolve(safe), "x"); // ext4 and tmpfs take it: 255 bytes a name
        assertThat(dir.resolve(safe)).exists();
        // the longest base kept still leaves room for "(9999)" and the extension within 255 bytes
        String longest = SafeFileName.of("表".repeat(200) + ".xlsx", AttachmentKind.XLSX);
        assertThat((longest.replace(".xlsx", "") + "(9999).xlsx").getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(255);
    }

    @Test
    void kindByExtensionThenContentType() {
        assertThat(AttachmentKind.of("年报.xlsx", "application/octet-stream")).isEqualTo(AttachmentKind.XLSX);
        assertThat(AttachmentKind.of("年报.XLS", null)).isEqualTo(AttachmentKind.XLS);
        assertThat(AttachmentKind.of("年报.zip", null)).isEqualTo(AttachmentKind.ARCHIVE);
        assertThat(AttachmentKind.of("年报.rar", null)).isEqualTo(AttachmentKind.ARCHIVE);
        assertThat(AttachmentKind.of("年报.xlsx.exe", null)).isEqualTo(AttachmentKind.OTHER);
        assertThat(AttachmentKind.of("年报.et", null)).isEqualTo(AttachmentKind.OTHER);
        assertThat(AttachmentKind.of("年报.pdf", "application/vnd.ms-excel")).isEqualTo(AttachmentKind.OTHER);
        assertThat(AttachmentKind.of(null, "application/vnd.ms-excel")).isEqualTo(AttachmentKind.XLS);
        assertThat(AttachmentKind.of("年报", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .isEqualTo(AttachmentKind.XLSX);
        assertThat(AttachmentKind.of("年报", "application/x-zip-compressed")).isEqualTo(AttachmentKind.ARCHIVE);
    }

    @Test
    void collisionsGetANumberAndTheSameContentIsFoundAgain(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("年报.xlsx"), "first");
        SafeFileName.Target second = SafeFileName.place(dir, "年报.xlsx", p -> false);
        assertThat(second.path().getFileName().toString()).isEqualTo("年报(2).xlsx");
        assertThat(second.existing()).isFalse();
        Files.writeString(second.path(), "second");
        assertThat(SafeFileName.place(dir, "年报.xlsx", p -> false).path().getFileName().toString())
                .isEqualTo("年报(3).xlsx");
        SafeFileName.Target same = SafeFileName.place(dir, "年报.xlsx", p -> p.getFileName().toString()
                .equals("年报(2).xlsx"));
        assertThat(same.existing()).isTrue();
        assertThat(same.path().getFileName().toString()).isEqualTo("年报(2).xlsx");
        assertThat(SafeFileName.place(dir, "附件", p -> false).path().getFileName().toString()).isEqualTo("附件");
    }
}
