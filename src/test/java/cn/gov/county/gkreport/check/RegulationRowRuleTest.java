package cn.gov.county.gkreport.check;

import static cn.gov.county.gkreport.support.FormFixtures.context;
import static cn.gov.county.gkreport.support.FormFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.support.FormFixtures.Written;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** T2-REG: towns and county departments report 0 in the 规章 row of 表二. */
class RegulationRowRuleTest {

    @TempDir
    Path dir;

    private final RegulationRowRule rule = new RegulationRowRule();

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("T2-REG");
        assertThat(rule.severity()).isEqualTo(Severity.ERROR);
    }

    @Nested
    class Accepts {

        @Test
        void acceptsZeroRegulationRowOfTown() {
            assertThat(submission("T01").write(dir).findings(rule)).isEmpty();
        }

        @Test
        void acceptsZeroRegulationRowOfDepartment() {
            assertThat(submission("D01").write(dir).findings(rule)).isEmpty();
        }

        @Test
        void leavesBlankOrTextRegulationCellsToImplicitZeroAndType() {
            Written file = submission("T01").blank("T2.REG.ISSUED").override("T2.REG.VALID", "详见附表").write(dir);

            assertThat(file.findings(rule)).isEmpty();
        }

        @Test
        void doesNotApplyToTheCountysOwnTotals() {
            Written file = submission("T01").set("T2.REG.ISSUED", 1).write(dir);

            List<Finding> findings = rule.check(context(file.content(), Optional.empty(),
                    CheckContext.Scope.COUNTY_TOTALS));

            assertThat(findings).isEmpty();
        }
    }

    @Nested
    class RejectsRegulations {

        @Test
        void rejectsTownReportingOneRegulation() {
            Written file = submission("T01").set("T2.REG.ISSUED", 1).write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(file.a1("T2.REG.ISSUED")).isEqualTo("B5");
            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("T2-REG", Severity.ERROR, "表二", "B5"));
            assertThat(findings.get(0).message()).isEqualTo("表二 \"规章\" 行 / \"本年制发件数\" 列（单元格 B5）填报 1。"
                    + "镇和县直单位无权制定规章，“规章”一行应填 0；本单位制发的文件请填在“行政规范性文件”一行。");
        }

        @Test
        void rejectsEveryNonZeroCellOfDepartmentsRegulationRow() {
            Written file = submission("D04").set("T2.REG.ISSUED", 2).set("T2.REG.VALID", 5).write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::ruleId, Finding::cell)
                    .containsExactly(tuple("T2-REG", file.a1("T2.REG.ISSUED")), tuple("T2-REG", file.a1("T2.REG.VALID")));
            assertThat(findings.get(1).message()).startsWith("表二 \"规章\" 行 / \"现行有效件数\" 列（单元格 D5）填报 5。");
        }
    }
}
