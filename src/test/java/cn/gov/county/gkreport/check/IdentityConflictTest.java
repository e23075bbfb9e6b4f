package cn.gov.county.gkreport.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import cn.gov.county.gkreport.support.FormFixtures;

import org.junit.jupiter.api.Test;

/** ID-CONFLICT: a file name or mail sender naming another unit than the cover holds the file; neither is used for identity. */
class IdentityConflictTest {

    @Test
    void holdsTheFileWhenItsNameNamesAnotherUnitThanTheCover() {
        Optional<Finding> hint = IdentityConflict.check("县教育局2024年报.xlsx", Optional.empty(), Optional.of(FormFixtures.unit("D01")),
                FormFixtures.ROSTER);
        assertThat(hint).hasValueSatisfying(f -> {
            assertThat(f.ruleId()).isEqualTo("ID-CONFLICT");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("“县教育局”").contains("封面填写的单位是“县人民政府办公室”")
                    .contains("暂不接收").contains("不会替换").contains("请把封面的单位名称和单位代码改为“县教育局”");
        });
    }

    @Test
    void saysNothingWhenTheFileNameAgreesOrNamesNoUnit() {
        assertThat(IdentityConflict.check("D01-县人民政府办公室-2024.xlsx", Optional.empty(), Optional.of(FormFixtures.unit("D01")),
                FormFixtures.ROSTER)).isEmpty();
        assertThat(IdentityConflict.check("年报（最终版）.xlsx", Optional.empty(), Optional.of(FormFixtures.unit("D01")), FormFixtures.ROSTER))
                .isEmpty();
        assertThat(IdentityConflict.check("县教育局.xlsx", Optional.empty(), Optional.empty(), FormFixtures.ROSTER)).isEmpty();
    }

    @Test
    void holdsTheFileWhenTheMailSenderNamesAnotherUnitAndTheFileNameNamesNone() {
        Optional<Finding> conflict = IdentityConflict.check("年报（定稿）.xlsx",
                Optional.of("县教育局办公室 <jyj@example.cn>"), Optional.of(FormFixtures.unit("D01")), FormFixtures.ROSTER);
        assertThat(conflict).hasValueSatisfying(f -> {
            assertThat(f.ruleId()).isEqualTo("ID-CONFLICT");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).startsWith("本文件由“县教育局办公室 <jyj@example.cn>”发来，发件人是“县教育局”")
                    .contains("封面填写的单位是“县人民政府办公室”").contains("不会替换")
                    .contains("请把封面的单位名称和单位代码改为“县教育局”");
        });
    }

    @Test
    void takesTheSenderAsMessengerWhenTheFileNameNamesTheCoverUnitOrTheSenderNamesNoUnit() {
        assertThat(IdentityConflict.check("D01-县人民政府办公室-2024.xlsx", Optional.of("县教育局 <jyj@example.cn>"),
                Optional.of(FormFixtures.unit("D01")), FormFixtures.ROSTER)).isEmpty();
        assertThat(IdentityConflict.check("年报.xlsx", Optional.of("张三 <zhangsan@example.cn>"),
                Optional.of(FormFixtures.unit("D01")), FormFixtures.ROSTER)).isEmpty();
        assertThat(IdentityConflict.check("年报.xlsx", Optional.of("县人民政府办公室 <zfb@example.cn>"),
                Optional.of(FormFixtures.unit("D01")), FormFixtures.ROSTER)).isEmpty();
    }

    @Test
    void matchesCodesOnlyAsWholeTokens() {
        assertThat(IdentityConflict.check("D012-something.xlsx", Optional.empty(), Optional.of(FormFixtures.unit("D03")), FormFixtures.ROSTER))
                .isEmpty();
        assertThat(IdentityConflict.check("D07_report.xlsx", Optional.empty(), Optional.of(FormFixtures.unit("D03")), FormFixtures.ROSTER))
                .hasValueSatisfying(f -> assertThat(f.message()).contains("县司法局"));
    }
}
