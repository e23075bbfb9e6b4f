package cn.gov.county.gkreport.check;

import static cn.gov.county.gkreport.support.FormFixtures.allZeroInputs;
import static cn.gov.county.gkreport.support.FormFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import cn.gov.county.gkreport.read.SubmissionContent;
import cn.gov.county.gkreport.support.FormFixtures.Written;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** T3-ROW: in every row of 表三, 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他. */
class Table3RowTotalRuleTest {

    @TempDir
    Path dir;

    private final Table3RowTotalRule rule = new Table3RowTotalRule();

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("T3-ROW");
        assertThat(rule.severity()).isEqualTo(Severity.ERROR);
    }

    @Nested
    class Accepts {

        @Test
        void acceptsRealisticWorkbookWhoseTotalsAreTheTemplateFormulas() {
            Written file = submission("D01").write(dir);

            assertThat(file.findings(rule)).isEmpty();
        }

        @Test
        void acceptsAllZeroTable() {
            Written file = submission("T01").inputs(allZeroInputs()).write(dir);

            assertThat(file.findings(rule)).isEmpty();
        }

        @Test
        void acceptsLargeValuesAddedExactly() {
            Written file = submission("D02").set("T3.NEW.NAT", 9_999_999_999L).set("T3.NEW.BIZ", 9_999_999_999L)
                    .set("T3.NEW.OTH", 1).write(dir);

            // 9 999 999 999 + 9 999 999 999 + 法律服务机构 1 (already there) + 其他 1
            SubmissionContent content = file.content();
            assertThat(content.figures().get("T3.NEW.TOTAL").value()).isEqualTo(new BigDecimal("20000000000"));
            assertThat(file.findings(rule)).isEmpty();
        }

        @Test
        void acceptsTotalTypedByHandWhenItIsRight() {
            // （一）予以公开: 自然人 6 + 商业企业 1 = 7, typed over the formula
            Written file = submission("D01").override("T3.R1.TOTAL", 7).write(dir);

            assertThat(file.figure("T3.R1.TOTAL").value()).isEqualTo(new BigDecimal("7"));
            assertThat(file.findings(rule)).isEmpty();
        }

        @Test
        void skipsRowWithUnreadableCellBecauseTypeReportsIt() {
            Written file = submission("D01").override("T3.R1.BIZ", "详见附表").write(dir);

            assertThat(file.findings(rule)).isEmpty();
            assertThat(file.findings(new TypeRule())).extracting(Finding::ruleId, Finding::cell)
                    .containsExactly(tuple("TYPE", file.a1("T3.R1.BIZ")));
        }
    }

    @Nested
    class RejectsTotalColumnDisagreeingWithRow {

        @Test
        void rejectsWhenTotalColumnDisagreesWithRow() {
            // The reference report's error: 总计 typed as 0 where 自然人 has 18, and （七）总计 typed right.
            Written file = submission("D01").set("T3.R4_1.NAT", 18).set("T3.R4_1.LAW", 0)
                    .override("T3.R4_1.TOTAL", 0).override("T3.R7_TOTAL.TOTAL", 30).write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(file.a1("T3.R4_1.TOTAL")).isEqualTo("J17");
            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("T3-ROW", Severity.ERROR, "表三", "J17"));
            assertThat(findings.get(0).message())
                    .startsWith("表三 \"（四）无法提供 1.本机关不掌握相关政府信息\" 行: 总计 填报 0，各类申请人之和为 18（自然人 18）。")
                    .contains("请改正单元格 J17");
        }

        @Test
        void rejectsResultTotalRowToo_whenItsTotalFormulaFollowsTheWrongCell() {
            // Without typing （七）总计, its 总计 formula sums the 总计 column (with the typed 0), while the
            // row's applicant cells sum the real figures: 28 + 2 = 30 against 7+2+1+0+1+1 = 12.
            Written file = submission("D01").set("T3.R4_1.NAT", 18).set("T3.R4_1.LAW", 0)
                    .override("T3.R4_1.TOTAL", 0).write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::cell)
                    .containsExactly(file.a1("T3.R4_1.TOTAL"), file.a1("T3.R7_TOTAL.TOTAL"));
            assertThat(findings.get(1).message())
                    .startsWith("表三 \"（七）总计\" 行: 总计 填报 12，各类申请人之和为 30（自然人 28，商业企业 2）。");
        }

        @Test
        void namesEveryNonZeroApplicantInTheArithmetic() {
            // 一、本年新收: 自然人 12 + 商业企业 2 + 法律服务机构 1 = 15, typed as 14
            Written file = submission("D01").override("T3.NEW.TOTAL", 14).write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::sheet, Finding::cell)
                    .containsExactly(tuple("表三", file.a1("T3.NEW.TOTAL")));
            assertThat(findings.get(0).message()).startsWith(
                    "表三 \"一、本年新收政府信息公开申请数量\" 行: 总计 填报 14，各类申请人之和为 15（自然人 12，商业企业 2，法律服务机构 1）。");
        }

        @Test
        void reportsEveryWrongRowInOnePass() {
            Written file = submission("D01").override("T3.NEW.TOTAL", 99).override("T3.CARRY_OUT.TOTAL", 5)
                    .override("T3.CARRIED_IN.TOTAL", "3").write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::ruleId, Finding::cell).containsExactly(
                    tuple("T3-ROW", file.a1("T3.NEW.TOTAL")),
                    tuple("T3-ROW", file.a1("T3.CARRIED_IN.TOTAL")),
                    tuple("T3-ROW", file.a1("T3.CARRY_OUT.TOTAL")));
            assertThat(findings).extracting(Finding::message).satisfiesExactly(
                    m -> assertThat(m).contains("总计 填报 99，各类申请人之和为 15（自然人 12，商业企业 2，法律服务机构 1）"),
                    m -> assertThat(m).contains("总计 填报 3，各类申请人之和为 1（自然人 1）"),
                    m -> assertThat(m).contains("总计 填报 5，各类申请人之和为 1（自然人 1）"));
        }

        @Test
        void rejectsTotalTypedAsZeroWhenApplicantsAreLarge() {
            Written file = submission("D01").set("T3.R2.NAT", 9_999_999_999L).override("T3.R2.TOTAL", 0)
                    .override("T3.R7_TOTAL.TOTAL", 9_999_999_999L + 13).write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::cell).containsExactly(file.a1("T3.R2.TOTAL"));
            assertThat(findings.get(0).message()).contains("总计 填报 0，各类申请人之和为 9999999999（自然人 9999999999）");
        }
    }
}
