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

/** T3-SUM: in every column of 表三, （七）总计 = the sum of the result rows （一）…（六）. */
class Table3ResultSumRuleTest {

    @TempDir
    Path dir;

    private final Table3ResultSumRule rule = new Table3ResultSumRule();

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("T3-SUM");
        assertThat(rule.severity()).isEqualTo(Severity.ERROR);
    }

    @Nested
    class Accepts {

        @Test
        void acceptsRealisticWorkbook() {
            assertThat(submission("D05").write(dir).findings(rule)).isEmpty();
        }

        @Test
        void acceptsAllZeroTable() {
            assertThat(submission("T02").inputs(allZeroInputs()).write(dir).findings(rule)).isEmpty();
        }

        @Test
        void acceptsLargeValuesAddedExactly() {
            Written file = submission("D01").set("T3.R1.NAT", 9_999_999_999L).set("T3.R6_3.NAT", 9_999_999_999L).write(dir);

            // 自然人 results: 9 999 999 999 + 2 + 1 + 2 + 1 + 9 999 999 999
            assertThat(file.figure("T3.R7_TOTAL.NAT").value()).isEqualTo(new BigDecimal("20000000004"));
            assertThat(file.findings(rule)).isEmpty();
        }

        @Test
        void acceptsResultTotalTypedByHandWhenRight() {
            Written file = submission("D01").override("T3.R7_TOTAL.NAT", 12).override("T3.R7_TOTAL.TOTAL", "15").write(dir);

            assertThat(file.findings(rule)).isEmpty();
        }
    }

    @Nested
    class RejectsResultTotalDisagreeingWithResults {

        @Test
        void rejectsWhenResultTotalDisagreesWithItsColumn() {
            // 自然人 results: （一）6 + （二）2 + （三）4. 1 + （四）1. 2 + （五）2. 1 = 12, typed as 10
            Written file = submission("D01").override("T3.R7_TOTAL.NAT", 10).write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(file.a1("T3.R7_TOTAL.NAT")).isEqualTo("D28");
            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("T3-SUM", Severity.ERROR, "表三", "D28"));
            assertThat(findings.get(0).message()).startsWith("表三 \"自然人\" 列: （七）总计 填报 10，各项办理结果之和为 12（"
                    + "（一）予以公开 6，（二）部分公开（区分处理的，只计这一情形，不计其他情形） 2，（三）不予公开 4.保护第三方合法权益 1，"
                    + "（四）无法提供 1.本机关不掌握相关政府信息 2，（五）不予处理 2.重复申请 1）。")
                    .contains("（七）总计 填错了。请改正单元格 D28 为 12");
        }

        @Test
        void rejectsTotalColumnWhenRowTotalsWereTypedBelowTheirRows() {
            // The reference report: 总计 0 in a result row, but （七）总计 typed with the right total 15,
            // so the 总计 column's results add up to 12.
            Written file = submission("D01").override("T3.R4_1.TOTAL", 0).override("T3.R7_TOTAL.TOTAL", 15).write(dir);

            List<Finding> findings = file.findings(rule);

            // the （七）总计 is right: the finding points at the wrong row total and leaves it alone
            assertThat(findings).extracting(Finding::sheet, Finding::cell)
                    .containsExactly(tuple("表三", file.a1("T3.R4_1.TOTAL")));
            assertThat(findings.get(0).message()).startsWith("表三 \"总计\" 列: （七）总计 填报 15，各项办理结果之和为 12（")
                    .contains("这是 " + file.a1("T3.R4_1.TOTAL") + " 的行总计有误造成的")
                    .endsWith("请改正单元格 " + file.a1("T3.R4_1.TOTAL") + "；" + file.a1("T3.R7_TOTAL.TOTAL") + " 是对的，不要改动。");
        }

        @Test
        void reportsEveryWrongColumnInOnePass() {
            Written file = submission("D01").override("T3.R7_TOTAL.BIZ", 5).override("T3.R7_TOTAL.OTH", 1).write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::cell)
                    .containsExactly(file.a1("T3.R7_TOTAL.BIZ"), file.a1("T3.R7_TOTAL.OTH"));
            assertThat(findings.get(0).message()).startsWith("表三 \"商业企业\" 列: （七）总计 填报 5，各项办理结果之和为 2（"
                    + "（一）予以公开 1，（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 1）");
            assertThat(findings.get(1).message()).startsWith("表三 \"其他\" 列: （七）总计 填报 1，各项办理结果之和为 0（各项均为 0）");
        }

        @Test
        void skipsColumnWithUnreadableResultBecauseTypeReportsIt() {
            Written file = submission("D01").override("T3.R2.NAT", "约2").override("T3.R7_TOTAL.NAT", 99).write(dir);

            assertThat(file.findings(rule)).isEmpty();
        }
    }
}
