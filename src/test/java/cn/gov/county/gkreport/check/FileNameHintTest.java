package cn.gov.county.gkreport.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import cn.gov.county.gkreport.support.FormFixtures;

import org.junit.jupiter.api.Test;

/** ID-HINT: the file name naming another unit than the cover is reported, never used for identity. */
class FileNameHintTest {

    @Test
    void holdsTheFileWhenItsNameNamesAnotherUnitThanTheCover() {
        Optional<Finding> hint = FileNameHint.check("县教育局2024年报.xlsx", Optional.of(FormFixtures.unit("D01")),
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
        assertThat(FileNameHint.check("D01-县人民政府办公室-2024.xlsx", Optional.of(FormFixtures.unit("D01")),
                FormFixtures.ROSTER)).isEmpty();
        assertThat(FileNameHint.check("年报（最终版）.xlsx", Optional.of(FormFixtures.unit("D01")), FormFixtures.ROSTER))
                .isEmpty();
        assertThat(FileNameHint.check("县教育局.xlsx", Optional.empty(), FormFixtures.ROSTER)).isEmpty();
    }

    @Test
    void matchesCodesOnlyAsWholeTokens() {
        assertThat(FileNameHint.check("D012-something.xlsx", Optional.of(FormFixtures.unit("D03")), FormFixtures.ROSTER))
                .isEmpty();
        assertThat(FileNameHint.check("D07_report.xlsx", Optional.of(FormFixtures.unit("D03")), FormFixtures.ROSTER))
                .hasValueSatisfying(f -> assertThat(f.message()).contains("县司法局"));
    }
}
