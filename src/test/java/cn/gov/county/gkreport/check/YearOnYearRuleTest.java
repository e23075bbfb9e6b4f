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
 * X-YOY: a key total (form definition: 表二 every figure, 表三 一 and （七）总计 totals, 表四 group
 * totals) more than five-fold up or down against last year's accepted report, or from / to zero
 * above the floor of 20.
 */
class YearOnYearRuleTest {

    @TempDir
    Path dir;

    private final YearOnYearRule rule = new YearOnYearRule();

    /** Last year as this year's realistic inputs, with some figures changed. */
    private static Optional<Map<String, BigDecimal>> lastYear(Map<String, Long> changes) {
        Map<String, BigDecimal> inputs = realisticInputs();
        changes.forEach((code, value) -> inputs.put(code, BigDecimal.valueOf(value)));
        return Optional.of(FORM.withDerivedTotals(inputs));
    }

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("X-YOY");
        assertThat(rule.severity()).isEqualTo(Severity.WARNING);
    }

    @Nested
    class Accepts {

        @Test
        void acceptsAFourfoldChange() {
            // 412 licence decisions this year, 103 last year: four-fold
            Written file = submission("D01").write(dir);

            assertThat(file.findings(rule, lastYear(Map.of("T2.LICENSE.DECISIONS", 103L)))).isEmpty();
        }

        @Test
        void acceptsSmallFiguresSwingingBelowTheFloor() {
            // 15 new applications this year, 1 last year: 15-fold, but both at most 20
            Written file = submission("D01").write(dir);

            assertThat(file.findings(rule, lastYear(Map.of("T3.NEW.NAT", 0L, "T3.NEW.BIZ", 0L, "T3.NEW.LAW", 1L))))
                    .isEmpty();
        }

        @Test
        void ignoresFiguresThatAreNotKeyTotals() {
            // 自然人 of 一 went from 1000 to 12, but only the 总计 column is a key total: 1002 → 15 is flagged once
            Written file = submission("D01").write(dir);

            assertThat(file.findings(rule, lastYear(Map.of("T3.NEW.NAT", 1000L))))
                    .extracting(Finding::cell).containsExactly(file.a1("T3.NEW.TOTAL"));
        }

        @Test
        void saysNothingWithoutLastYearsReport() {
            Written file = submission("D01").set("T2.LICENSE.DECISIONS", 99999).write(dir);

            assertThat(file.findings(rule, Optional.empty())).isEmpty();
        }

        @Test
        void saysNothingAboutAFileWithAnUnreadableFigure() {
            Written file = submission("D01").override("T2.PENALTY.DECISIONS", "详见附表").write(dir);

            assertThat(file.findings(rule, lastYear(Map.of("T2.LICENSE.DECISIONS", 1L)))).isEmpty();
        }
    }

    @Nested
    class Warns {

        @Test
        void warnsWhenATotalGrewMoreThanFivefold() {
            // 412 licence decisions this year against 41 last year: ten-fold (a digit too many?)
            Written file = submission("D01").write(dir);

            List<Finding> findings = file.findings(rule, lastYear(Map.of("T2.LICENSE.DECISIONS", 41L)));

            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("X-YOY", Severity.WARNING, "表二", file.a1("T2.LICENSE.DECISIONS")));
            assertThat(findings.get(0).message()).isEqualTo("表二 \"行政许可\" 行 / \"本年处理决定数量\" 列（单元格 "
                    + file.a1("T2.LICENSE.DECISIONS") + "）本年为 412，本单位 2023 年度已接收的报告为 41，是上年的 10 倍。"
                    + "变化这样大，常是填错了：请核对是否多填或少填了一位数、填了累计数或填错了行；数字确实如此的，不必修改，请在报告模板的“说明”工作表中写明原因（校验代码填 X-YOY）。");
        }

        @Test
        void warnsWhenATotalFellBelowAFifth() {
            // 表四 行政复议 总计 4 this year against 30 last year
            Written file = submission("D01").write(dir);

            List<Finding> findings = file.findings(rule, lastYear(Map.of("T4.REVIEW.UPHELD", 28L)));

            assertThat(findings).extracting(Finding::cell).containsExactly(file.a1("T4.REVIEW.TOTAL"));
            assertThat(findings.get(0).message()).contains("本年为 4，本单位 2023 年度已接收的报告为 30，不到上年的 1/5。");
        }

        @Test
        void warnsWhenATotalWentToZeroFromAboveTheFloor() {
            Written file = submission("D01").set("T2.PENALTY.DECISIONS", 0).write(dir);

            List<Finding> findings = file.findings(rule, lastYear(Map.of("T2.PENALTY.DECISIONS", 57L)));

            assertThat(findings).extracting(Finding::cell).containsExactly(file.a1("T2.PENALTY.DECISIONS"));
            assertThat(findings.get(0).message()).contains("本年为 0，本单位 2023 年度已接收的报告为 57。");
        }

        @Test
        void warnsWhenATotalCameFromZero() {
            // 57 penalty decisions this year, none last year
            Written file = submission("D01").write(dir);

            assertThat(file.findings(rule, lastYear(Map.of("T2.PENALTY.DECISIONS", 0L))))
                    .extracting(Finding::cell).containsExactly(file.a1("T2.PENALTY.DECISIONS"));
        }

        @Test
        void comparesRecomputedTotalsNotTypedOnes() {
            // last year's stored 一、本年新收 总计 says 3, its applicant columns add up to 150
            Map<String, BigDecimal> last = lastYear(Map.of("T3.NEW.NAT", 147L)).orElseThrow();
            last.put("T3.NEW.TOTAL", BigDecimal.valueOf(3));
            Written file = submission("D01").write(dir);

            List<Finding> findings = file.findings(rule, Optional.of(last));

            assertThat(findings).extracting(Finding::cell).containsExactly(file.a1("T3.NEW.TOTAL"));
            assertThat(findings.get(0).message()).contains("本年为 15，本单位 2023 年度已接收的报告为 150，不到上年的 1/5。");
        }
    }
}
