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
 * X-CARRY: this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column. Last year's figures
 * come from the database in the product; here they are the completed figure map the store would hold.
 */
class CarryOverRuleTest {

    @TempDir
    Path dir;

    private final CarryOverRule rule = new CarryOverRule();

    /** Last year's accepted figures with the given 四、结转下年度继续办理 inputs, totals completed. */
    private static Optional<Map<String, BigDecimal>> lastYearCarryingOut(Map<String, Long> carryOut) {
        Map<String, BigDecimal> inputs = realisticInputs();
        inputs.put("T3.CARRY_OUT.NAT", BigDecimal.ZERO);
        carryOut.forEach((column, value) -> inputs.put("T3.CARRY_OUT." + column, BigDecimal.valueOf(value)));
        return Optional.of(FORM.withDerivedTotals(inputs));
    }

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("X-CARRY");
        assertThat(rule.severity()).isEqualTo(Severity.WARNING);
    }

    @Nested
    class Accepts {

        @Test
        void acceptsCarriedInEqualToLastYearsCarriedOut() {
            // this year: 二、上年结转 自然人 1; last year: 四、结转下年度继续办理 自然人 1
            Written file = submission("D01").write(dir);

            assertThat(file.findings(rule, lastYearCarryingOut(Map.of("NAT", 1L)))).isEmpty();
        }

        @Test
        void acceptsNothingCarriedEitherYear() {
            Written file = submission("D01").set("T3.CARRIED_IN.NAT", 0).set("T3.NEW.NAT", 12).set("T3.CARRY_OUT.NAT", 0)
                    .write(dir);

            assertThat(file.findings(rule, lastYearCarryingOut(Map.of()))).isEmpty();
        }

        @Test
        void saysNothingWithoutLastYearsReport() {
            // Last year unknown (no accepted report stored): no finding at all, even for a carry-over.
            Written file = submission("D01").set("T3.CARRIED_IN.NAT", 40).write(dir);

            assertThat(file.findings(rule, Optional.empty())).isEmpty();
        }

        @Test
        void skipsUnreadableCarriedInBecauseTypeReportsIt() {
            Written file = submission("D01").override("T3.CARRIED_IN.NAT", "见说明").write(dir);

            // 自然人 is not compared; the 总计 formula skips the text (0), against last year's 1
            assertThat(file.findings(rule, lastYearCarryingOut(Map.of("NAT", 1L)))).extracting(Finding::cell)
                    .containsExactly(file.a1("T3.CARRIED_IN.TOTAL"));
        }
    }

    @Nested
    class WarnsAboutCarryOver {

        @Test
        void warnsPerColumnWhenCarriedInDisagreesWithLastYear() {
            // last year carried out 自然人 3 and 商业企业 1 (总计 4); this year carried in 自然人 1 only (总计 1)
            Written file = submission("D01").write(dir);

            List<Finding> findings = file.findings(rule, lastYearCarryingOut(Map.of("NAT", 3L, "BIZ", 1L)));

            assertThat(file.a1("T3.CARRIED_IN.NAT")).isEqualTo("D6");
            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    .containsExactly(
                            tuple("X-CARRY", Severity.WARNING, "表三", "D6"),
                            tuple("X-CARRY", Severity.WARNING, "表三", file.a1("T3.CARRIED_IN.BIZ")),
                            tuple("X-CARRY", Severity.WARNING, "表三", file.a1("T3.CARRIED_IN.TOTAL")));
            assertThat(findings.get(0).message()).isEqualTo("表三 \"自然人\" 列: 二、上年结转政府信息公开申请数量 填报 1（单元格 D6），"
                    + "而本单位 2023 年度报告的“四、结转下年度继续办理”为 3，两者应相等。请核对上年结转数。");
            assertThat(findings.get(1).message()).contains("\"商业企业\" 列").contains("填报 0（单元格 E6）").contains("为 1，");
            assertThat(findings.get(2).message()).contains("\"总计\" 列").contains("填报 1（单元格 J6）").contains("为 4，");
        }

        @Test
        void warnsWhenCarriedInAlthoughLastYearCarriedNothing() {
            Written file = submission("D01").write(dir);

            List<Finding> findings = file.findings(rule, lastYearCarryingOut(Map.of()));

            assertThat(findings).extracting(Finding::cell)
                    .containsExactly(file.a1("T3.CARRIED_IN.NAT"), file.a1("T3.CARRIED_IN.TOTAL"));
            assertThat(findings.get(0).message()).contains("填报 1（单元格 D6），而本单位 2023 年度报告的“四、结转下年度继续办理”为 0");
        }

        @Test
        void readsAnItemLastYearDidNotStoreAsZero() {
            // the store keeps no row for a plain 0, so last year's zeros are simply absent from the map
            Map<String, BigDecimal> stored = new java.util.HashMap<>(lastYearCarryingOut(Map.of()).orElseThrow());
            stored.values().removeIf(value -> value.signum() == 0);
            Written file = submission("D01").write(dir);

            assertThat(file.findings(rule, Optional.of(stored))).extracting(Finding::cell)
                    .containsExactly(file.a1("T3.CARRIED_IN.NAT"), file.a1("T3.CARRIED_IN.TOTAL"));
        }
    }
}
