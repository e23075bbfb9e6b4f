package cn.gov.county.gkreport.check;

import static cn.gov.county.gkreport.support.FormFixtures.FORM;
import static cn.gov.county.gkreport.support.FormFixtures.allZeroInputs;
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

/** X-SAME: 表二, 表三 and 表四 identical to last year's accepted report of the same unit. */
class SameAsLastYearRuleTest {

    @TempDir
    Path dir;

    private final SameAsLastYearRule rule = new SameAsLastYearRule();

    private static Optional<Map<String, BigDecimal>> lastYear(Map<String, BigDecimal> inputs) {
        return Optional.of(FORM.withDerivedTotals(inputs));
    }

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("X-SAME");
        assertThat(rule.severity()).isEqualTo(Severity.WARNING);
    }

    @Nested
    class Accepts {

        @Test
        void acceptsTablesThatDifferInOneFigure() {
            Map<String, BigDecimal> last = realisticInputs();
            last.put("T4.SUIT_AFTER.OTHER", BigDecimal.ZERO);
            Written file = submission("D01").write(dir);

            assertThat(file.findings(rule, lastYear(last))).isEmpty();
        }

        @Test
        void leavesTablesAllZeroBothYearsToZeroAll() {
            Written file = submission("T09").inputs(allZeroInputs()).write(dir);

            assertThat(file.findings(rule, lastYear(allZeroInputs()))).isEmpty();
        }

        @Test
        void ignoresTheIndicatorsSheet() {
            // the 总体情况 figures are not part of the copied tables: equal tables still warn
            Map<String, BigDecimal> last = realisticInputs();
            last.put("N.DOCS", BigDecimal.valueOf(500));
            Written file = submission("D01").write(dir);

            assertThat(file.findings(rule, lastYear(last))).extracting(Finding::ruleId).containsExactly("X-SAME");
        }

        @Test
        void saysNothingWithoutLastYearsReport() {
            Written file = submission("D01").write(dir);

            assertThat(file.findings(rule, Optional.empty())).isEmpty();
        }
    }

    @Test
    void warnsWhenEveryFigureEqualsLastYears() {
        Written file = submission("D01").write(dir);

        List<Finding> findings = file.findings(rule, lastYear(realisticInputs()));

        assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                .containsExactly(tuple("X-SAME", Severity.WARNING, "", ""));
        assertThat(findings.get(0).message()).startsWith("表二、表三、表四的全部数字（其中 ")
                .contains("与本单位 2023 年度已接收的报告完全相同，可能误报送了上年的表格。")
                .contains("请填写 2024 年度的数字后重新报送；如果本年数字确实与上年相同，不必修改");
    }
}
