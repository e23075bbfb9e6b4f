package cn.gov.county.gkreport.check;

import static cn.gov.county.gkreport.support.FormFixtures.FORM;
import static cn.gov.county.gkreport.support.FormFixtures.allZeroInputs;
import static cn.gov.county.gkreport.support.FormFixtures.coverCell;
import static cn.gov.county.gkreport.support.FormFixtures.realisticInputs;
import static cn.gov.county.gkreport.support.FormFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.support.FormFixtures.Written;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All rules on one workbook: every finding in one pass, rejected on any ERROR. */
class SubmissionCheckerTest {

    @TempDir
    Path dir;

    /** Last year's accepted figures consistent with {@code realisticInputs()}: 1 carried over, 23 valid. */
    private static Optional<Map<String, BigDecimal>> consistentLastYear() {
        Map<String, BigDecimal> inputs = realisticInputs();
        inputs.put("T2.NORM.VALID", BigDecimal.valueOf(23));
        return Optional.of(FORM.withDerivedTotals(inputs));
    }

    @Test
    void runsEveryRuleOfTheRulesTableInListingOrder() {
        List<ConsistencyRule> rules = SubmissionChecker.allRules().rules();

        assertThat(rules).extracting(ConsistencyRule::id, ConsistencyRule::severity).containsExactly(
                tuple("ID", Severity.ERROR), tuple("SHAPE", Severity.ERROR), tuple("READ", Severity.WARNING),
                tuple("TYPE", Severity.ERROR), tuple("UNIT", Severity.WARNING), tuple("RANGE", Severity.ERROR),
                tuple("T3-ROW", Severity.ERROR), tuple("T3-SUM", Severity.ERROR), tuple("T3-BAL", Severity.ERROR),
                tuple("T4-SUM", Severity.ERROR), tuple("T2-REG", Severity.ERROR), tuple("T2-VALID-MIN", Severity.ERROR),
                tuple("N-SUM", Severity.WARNING), tuple("X-CARRY", Severity.WARNING), tuple("X-VALID", Severity.WARNING),
                tuple("X-YOY", Severity.WARNING), tuple("X-SAME", Severity.WARNING), tuple("ZERO-ALL", Severity.WARNING),
                tuple("FEE-NOTICE", Severity.WARNING), tuple("V-2019", Severity.WARNING),
                tuple("IMPLICIT-0", Severity.WARNING));
    }

    @Test
    void acceptsRealisticWorkbookWithoutAnyFinding() {
        Written file = submission("D01").write(dir);

        List<Finding> findings = file.allFindings(consistentLastYear());

        assertThat(findings).isEmpty();
        assertThat(SubmissionChecker.rejects(findings)).isFalse();
    }

    @Test
    void acceptsAllZeroWorkbookOfATownAskingOnlyToConfirmTheZeros() {
        Written file = submission("T09").inputs(allZeroInputs()).write(dir);

        List<Finding> findings = file.allFindings();

        assertThat(findings).extracting(Finding::ruleId).containsExactly("ZERO-ALL");
        assertThat(SubmissionChecker.rejects(findings)).isFalse();
    }

    @Test
    void reportsEveryErrorOfAWorkbookInOnePass() {
        Written file = submission("T03")
                .set("T2.REG.ISSUED", 1)                       // T2-REG: a town made a 规章; T2-VALID-MIN: none valid
                .override("T2.LICENSE.DECISIONS", "详见附表")   // TYPE
                .override("T4.REVIEW.TOTAL", 9)                 // T4-SUM: 2 + 1 + 0 + 1 = 4
                .write(dir);

        List<Finding> findings = file.allFindings();

        assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell).containsExactly(
                tuple("TYPE", Severity.ERROR, "表二", file.a1("T2.LICENSE.DECISIONS")),
                tuple("T4-SUM", Severity.ERROR, "表四", file.a1("T4.REVIEW.TOTAL")),
                tuple("T2-REG", Severity.ERROR, "表二", file.a1("T2.REG.ISSUED")),
                tuple("T2-VALID-MIN", Severity.ERROR, "表二", file.a1("T2.REG.VALID")));
        assertThat(findings).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("填的是“详见附表”，不是数字"),
                m -> assertThat(m).contains("总计 填报 9，结果维持、结果纠正、其他结果、尚未审结之和为 4"),
                m -> assertThat(m).contains("填报 1。镇和县直单位无权制定规章"),
                m -> assertThat(m).contains("现行有效件数 填报 0"));
        assertThat(SubmissionChecker.rejects(findings)).isTrue();
    }

    @Test
    void acceptsWorkbookWithWarningsOnly() {
        Written file = submission("D02").set("N.MSG_REPLIED", 9).blank("T2.COERCION.DECISIONS").write(dir);

        List<Finding> findings = file.allFindings();

        assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::cell).containsExactly(
                tuple("N-SUM", Severity.WARNING, file.a1("N.MSG_REPLIED")),
                tuple("IMPLICIT-0", Severity.WARNING, file.a1("T2.COERCION.DECISIONS")));
        assertThat(SubmissionChecker.rejects(findings)).isFalse();
    }

    @Test
    void listsErrorsAndWarningsOfManyRulesInRuleOrder() {
        Map<String, BigDecimal> lastYear = consistentLastYear().orElseThrow();
        lastYear.put("T3.CARRY_OUT.NAT", BigDecimal.valueOf(2));
        lastYear.put("T3.CARRY_OUT.TOTAL", BigDecimal.valueOf(2));
        Written file = submission("T03")
                .cover(CoverField.YEAR, "2023")                 // ID
                .override("T2.LICENSE.DECISIONS", "详见附表")   // TYPE
                .override("T4.REVIEW.TOTAL", 9)                 // T4-SUM
                .set("T2.REG.ISSUED", 1)                        // T2-REG, T2-VALID-MIN (0 valid < 1 − 0), X-VALID (0 + 1 − 0 ≠ 0)
                .set("T3.NEW.NAT", 12)
                .set("N.MSG_REPLIED", 8)                        // N-SUM: 8 replies to 7 messages
                .blank("T2.PENALTY.DECISIONS")                  // IMPLICIT-0
                .write(dir);                                    // X-CARRY: 1 carried in, 2 carried out last year

        List<Finding> findings = file.allFindings(Optional.of(lastYear));

        assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::cell).containsExactly(
                tuple("ID", Severity.ERROR, coverCell(CoverField.YEAR)),
                tuple("TYPE", Severity.ERROR, file.a1("T2.LICENSE.DECISIONS")),
                tuple("T4-SUM", Severity.ERROR, file.a1("T4.REVIEW.TOTAL")),
                tuple("T2-REG", Severity.ERROR, file.a1("T2.REG.ISSUED")),
                tuple("T2-VALID-MIN", Severity.ERROR, file.a1("T2.REG.VALID")),
                tuple("N-SUM", Severity.WARNING, file.a1("N.MSG_REPLIED")),
                tuple("X-CARRY", Severity.WARNING, file.a1("T3.CARRIED_IN.NAT")),
                tuple("X-CARRY", Severity.WARNING, file.a1("T3.CARRIED_IN.TOTAL")),
                tuple("X-VALID", Severity.WARNING, file.a1("T2.REG.VALID")),
                tuple("IMPLICIT-0", Severity.WARNING, file.a1("T2.PENALTY.DECISIONS")));
        assertThat(SubmissionChecker.rejects(findings)).isTrue();
    }
}
