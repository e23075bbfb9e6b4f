package cn.gov.county.gkreport.check;

import static cn.gov.county.gkreport.support.FormFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import cn.gov.county.gkreport.support.FormFixtures.Written;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** T2-VALID-MIN: per row of 表二（一）, 现行有效 ≥ 本年制发 − 本年废止 (an error: nothing else is possible). */
class ValidDocumentsMinimumRuleTest {

    @TempDir
    Path dir;

    private final ValidDocumentsMinimumRule rule = new ValidDocumentsMinimumRule();

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("T2-VALID-MIN");
        assertThat(rule.severity()).isEqualTo(Severity.ERROR);
    }

    @Nested
    class Accepts {

        @Test
        void acceptsValidDocumentsExactlyAtTheMinimum() {
            // 10 issued, 2 repealed (possibly both of this year): 8 valid is possible
            Written file = submission("D01").set("T2.NORM.ISSUED", 10).set("T2.NORM.REPEALED", 2)
                    .set("T2.NORM.VALID", 8).write(dir);

            assertThat(file.findings(rule)).isEmpty();
        }

        @Test
        void acceptsMoreRepealedThanIssued() {
            // older documents repealed: 1 issued, 6 repealed, 4 valid
            Written file = submission("D01").set("T2.NORM.ISSUED", 1).set("T2.NORM.REPEALED", 6)
                    .set("T2.NORM.VALID", 4).write(dir);

            assertThat(file.findings(rule)).isEmpty();
        }

        @Test
        void skipsARowWithAnUnreadableFigure() {
            Written file = submission("D01").override("T2.NORM.ISSUED", "若干").set("T2.NORM.VALID", 0).write(dir);

            assertThat(file.findings(rule)).isEmpty();
        }
    }

    @Test
    void rejectsFewerValidDocumentsThanIssuedMinusRepealed() {
        Written file = submission("D01").set("T2.NORM.ISSUED", 10).set("T2.NORM.REPEALED", 2)
                .set("T2.NORM.VALID", 7).write(dir);

        List<Finding> findings = file.findings(rule);

        assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                .containsExactly(tuple("T2-VALID-MIN", Severity.ERROR, "表二", "D6"));
        assertThat(findings.get(0).message()).isEqualTo("表二 \"行政规范性文件\" 行: 现行有效件数 填报 7（单元格 D6），"
                + "少于本年制发件数 10（单元格 B6）减本年废止件数 2（单元格 C6）= 8：本年制发的文件即使有废止，年底至少还有 8 件有效，"
                + "这不可能。请核对这三个单元格，改正填错的一项（现行有效件数是全部现行有效文件的数量，不只是本年制发的）。");
    }
}
