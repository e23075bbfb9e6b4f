package cn.gov.county.gkreport.check;

import static cn.gov.county.gkreport.support.FormFixtures.allZeroInputs;
import static cn.gov.county.gkreport.support.FormFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import cn.gov.county.gkreport.support.FormFixtures.Written;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** T4-SUM: in every group of 表四, 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计. */
class Table4GroupTotalRuleTest {

    @TempDir
    Path dir;

    private final Table4GroupTotalRule rule = new Table4GroupTotalRule();

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("T4-SUM");
        assertThat(rule.severity()).isEqualTo(Severity.ERROR);
    }

    @Nested
    class Accepts {

        @Test
        void acceptsRealisticWorkbook() {
            assertThat(submission("D01").write(dir).findings(rule)).isEmpty();
        }

        @Test
        void acceptsAllZeroTable() {
            assertThat(submission("T03").inputs(allZeroInputs()).write(dir).findings(rule)).isEmpty();
        }

        @Test
        void acceptsLargeValues() {
            Written file = submission("D01").set("T4.REVIEW.UPHELD", 9_999_999_999L)
                    .set("T4.SUIT_AFTER.PENDING", 9_999_999_999L).write(dir);

            assertThat(file.figure("T4.REVIEW.TOTAL").value()).isEqualTo(new BigDecimal("10000000001"));
            assertThat(file.findings(rule)).isEmpty();
        }

        @Test
        void acceptsTheReferenceReportsGroupsTypedByHand() {
            Written file = submission("D01")
                    .set("T4.REVIEW.UPHELD", 22).set("T4.REVIEW.CORRECTED", 6).set("T4.REVIEW.OTHER", 5)
                    .set("T4.REVIEW.PENDING", 0).override("T4.REVIEW.TOTAL", 33)
                    .set("T4.SUIT_DIRECT.UPHELD", 20).set("T4.SUIT_DIRECT.CORRECTED", 9).set("T4.SUIT_DIRECT.OTHER", 0)
                    .set("T4.SUIT_DIRECT.PENDING", 6).override("T4.SUIT_DIRECT.TOTAL", 35)
                    .set("T4.SUIT_AFTER.UPHELD", 10).set("T4.SUIT_AFTER.CORRECTED", 0).set("T4.SUIT_AFTER.OTHER", 1)
                    .set("T4.SUIT_AFTER.PENDING", 0).override("T4.SUIT_AFTER.TOTAL", 11)
                    .write(dir);

            assertThat(file.findings(rule)).isEmpty();
        }
    }

    @Nested
    class RejectsGroupTotal {

        @Test
        void rejectsWhenGroupTotalDisagreesWithItsFourColumns() {
            // 未经复议直接起诉: 结果维持 1 + 尚未审结 1 = 2, typed as 3
            Written file = submission("D01").override("T4.SUIT_DIRECT.TOTAL", 3).write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(file.a1("T4.SUIT_DIRECT.TOTAL")).isEqualTo("J5");
            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("T4-SUM", Severity.ERROR, "表四", "J5"));
            assertThat(findings.get(0).message()).isEqualTo("表四 \"行政诉讼（未经复议直接起诉）\": 总计 填报 3，"
                    + "结果维持、结果纠正、其他结果、尚未审结之和为 2（结果维持 1，尚未审结 1）。请核对这四栏（单元格 F5、G5、H5、I5）和总计（单元格 J5），改正填错的一项：模板中总计是求和公式，如果它被改写成了数字，请恢复公式；如果是某一栏漏填或填错，请改正那一栏。");
        }

        @Test
        void reportsEveryGroupInOnePass() {
            Written file = submission("D01").override("T4.REVIEW.TOTAL", 0).override("T4.SUIT_DIRECT.TOTAL", 1)
                    .override("T4.SUIT_AFTER.TOTAL", "2").write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::sheet, Finding::cell).containsExactly(
                    tuple("表四", file.a1("T4.REVIEW.TOTAL")),
                    tuple("表四", file.a1("T4.SUIT_DIRECT.TOTAL")),
                    tuple("表四", file.a1("T4.SUIT_AFTER.TOTAL")));
            assertThat(findings).extracting(Finding::message).satisfiesExactly(
                    m -> assertThat(m).startsWith("表四 \"行政复议\": 总计 填报 0，结果维持、结果纠正、其他结果、尚未审结之和为 4"
                            + "（结果维持 2，结果纠正 1，尚未审结 1）"),
                    m -> assertThat(m).contains("总计 填报 1，结果维持、结果纠正、其他结果、尚未审结之和为 2"),
                    m -> assertThat(m).startsWith("表四 \"行政诉讼（复议后起诉）\": 总计 填报 2，"
                            + "结果维持、结果纠正、其他结果、尚未审结之和为 1（其他结果 1）"));
        }

        @Test
        void skipsGroupWithUnreadableCellBecauseTypeReportsIt() {
            Written file = submission("D01").override("T4.REVIEW.UPHELD", "详见附表").override("T4.REVIEW.TOTAL", 9)
                    .write(dir);

            assertThat(file.findings(rule)).isEmpty();
        }
    }
}
