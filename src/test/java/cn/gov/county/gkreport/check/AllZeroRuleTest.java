package cn.gov.county.gkreport.check;

import static cn.gov.county.gkreport.support.FormFixtures.allZeroInputs;
import static cn.gov.county.gkreport.support.FormFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.support.FormFixtures.Written;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ZERO-ALL: 表三 and 表四 all zero, a warning the unit settles by confirming it. */
class AllZeroRuleTest {

    @TempDir
    Path dir;

    private final AllZeroRule rule = new AllZeroRule();

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("ZERO-ALL");
        assertThat(rule.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void warnsWhenTables3And4AreAllZero() {
        Map<String, BigDecimal> inputs = allZeroInputs();
        inputs.put("T2.LICENSE.DECISIONS", BigDecimal.valueOf(40));
        Written file = submission("T09").inputs(inputs).write(dir);

        List<Finding> findings = file.findings(rule);

        assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                .containsExactly(tuple("ZERO-ALL", Severity.WARNING, "表三", ""));
        assertThat(findings.get(0).message()).startsWith("表三和表四全部为 0").contains("确实如此的，不必修改数字，请在报告模板的“说明”工作表中写明原因（校验代码填 ZERO-ALL）");
    }

    @Test
    void countsBlanksReadAsZeroAsZero() {
        Written file = submission("T09").inputs(allZeroInputs()).blank("T4.REVIEW.UPHELD").write(dir);

        assertThat(file.findings(rule)).extracting(Finding::ruleId).containsExactly("ZERO-ALL");
    }

    @Test
    void acceptsOneApplicationInTable3() {
        Map<String, BigDecimal> inputs = allZeroInputs();
        inputs.put("T3.NEW.NAT", BigDecimal.ONE);
        inputs.put("T3.R1.NAT", BigDecimal.ONE);
        Written file = submission("T09").inputs(inputs).write(dir);

        assertThat(file.findings(rule)).isEmpty();
    }

    @Test
    void acceptsOneCaseInTable4() {
        Map<String, BigDecimal> inputs = allZeroInputs();
        inputs.put("T4.SUIT_DIRECT.PENDING", BigDecimal.ONE);
        Written file = submission("T09").inputs(inputs).write(dir);

        assertThat(file.findings(rule)).isEmpty();
    }

    @Test
    void leavesAnUnreadableFigureToType() {
        Written file = submission("T09").inputs(allZeroInputs()).override("T3.NEW.NAT", "详见附表").write(dir);

        assertThat(file.findings(rule)).isEmpty();
    }
}
