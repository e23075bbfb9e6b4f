package cn.gov.county.gkreport.check;

import static cn.gov.county.gkreport.support.FormFixtures.FORM;
import static cn.gov.county.gkreport.support.FormFixtures.realisticInputs;
import static cn.gov.county.gkreport.support.FormFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.support.FormFixtures.Written;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * X-VALID: per row of 表二（一）, 现行有效(t) = 现行有效(t−1) + 本年制发(t) − 本年废止(t). Last year's
 * figures come from the database in the product; here they are the map the store would hold.
 */
class ValidDocumentsRuleTest {

    @TempDir
    Path dir;

    private final ValidDocumentsRule rule = new ValidDocumentsRule();

    private static Optional<Map<String, BigDecimal>> lastYearValid(long regulations, long normative) {
        Map<String, BigDecimal> inputs = realisticInputs();
        inputs.put("T2.REG.VALID", BigDecimal.valueOf(regulations));
        inputs.put("T2.NORM.VALID", BigDecimal.valueOf(normative));
        return Optional.of(FORM.withDerivedTotals(inputs));
    }

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("X-VALID");
        assertThat(rule.severity()).isEqualTo(Severity.WARNING);
    }

    @Nested
    class Accepts {

        @Test
        void acceptsValidDocumentsCarriedForward() {
            // 23 valid last year + 3 issued − 1 repealed = 25 valid now
            Written file = submission("D01").write(dir);

            assertThat(file.findings(rule, lastYearValid(0, 23))).isEmpty();
        }

        @Test
        void acceptsTheReferenceReportsFigures() {
            // 泽州县 2024: 18 valid, 2 issued, 2 repealed (so 18 the year before)
            Written file = submission("D01").set("T2.NORM.ISSUED", 2).set("T2.NORM.REPEALED", 2).set("T2.NORM.VALID", 18)
                    .write(dir);

            assertThat(file.findings(rule, lastYearValid(0, 18))).isEmpty();
        }

        @Test
        void saysNothingWithoutLastYearsReport() {
            Written file = submission("D01").set("T2.NORM.VALID", 999).write(dir);

            assertThat(file.findings(rule, Optional.empty())).isEmpty();
        }

        @Test
        void skipsRowWithUnreadableFigure() {
            Written file = submission("D01").override("T2.NORM.ISSUED", "若干").write(dir);

            assertThat(file.findings(rule, lastYearValid(0, 0))).isEmpty();
        }
    }

    @Nested
    class WarnsAboutValidDocuments {

        @Test
        void warnsWhenValidDocumentsDoNotFollowFromLastYear() {
            Written file = submission("D01").write(dir);

            List<Finding> findings = file.findings(rule, lastYearValid(0, 20));

            assertThat(file.a1("T2.NORM.VALID")).isEqualTo("D6");
            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("X-VALID", Severity.WARNING, "表二", "D6"));
            assertThat(findings.get(0).message()).isEqualTo("表二 \"行政规范性文件\" 行: 现行有效件数 填报 25（单元格 D6），"
                    + "按上年现行有效 20 + 本年制发 3 − 本年废止 1 应为 22。请核对现行有效件数（如有其他原因失效的文件，请在报告中说明）。");
        }

        @Test
        void checksTheRegulationRowToo() {
            Written file = submission("D01").write(dir);

            List<Finding> findings = file.findings(rule, lastYearValid(2, 23));

            assertThat(findings).extracting(Finding::cell).containsExactly(file.a1("T2.REG.VALID"));
            assertThat(findings.get(0).message()).startsWith("表二 \"规章\" 行: 现行有效件数 填报 0（单元格 D5），"
                    + "按上年现行有效 2 + 本年制发 0 − 本年废止 0 应为 2。");
        }
    }
}
