package cn.gov.county.gkreport.check;

import static cn.gov.county.gkreport.support.FormFixtures.allZeroInputs;
import static cn.gov.county.gkreport.support.FormFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import cn.gov.county.gkreport.support.FormFixtures.Written;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** T3-BAL: per column of 表三, 一 + 二 = （七）总计 + 四. */
class Table3BalanceRuleTest {

    @TempDir
    Path dir;

    private final Table3BalanceRule rule = new Table3BalanceRule();

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("T3-BAL");
        assertThat(rule.severity()).isEqualTo(Severity.ERROR);
    }

    @Nested
    class Accepts {

        @Test
        void acceptsRealisticWorkbookWithCarryOverBothWays() {
            // 自然人: 一 12 + 二 1 = （七）12 + 四 1; 商业企业 2 = 2; 法律服务机构 1 = 1; 总计 16 = 15 + 1
            assertThat(submission("D01").write(dir).findings(rule)).isEmpty();
        }

        @Test
        void acceptsAllZeroTable() {
            assertThat(submission("T05").inputs(allZeroInputs()).write(dir).findings(rule)).isEmpty();
        }

        @Test
        void acceptsLargeValuesThatBalance() {
            // 自然人: 一 9 999 999 999 + 二 1 = results (9 999 999 993 + 2 + 1 + 2 + 1) + 四 1
            Written file = submission("D01").set("T3.NEW.NAT", 9_999_999_999L).set("T3.R1.NAT", 9_999_999_999L - 6)
                    .write(dir);

            assertThat(file.findings(rule)).isEmpty();
        }
    }

    @Nested
    class RejectsUnbalancedColumn {

        @Test
        void rejectsWhenReceivedDisagreesWithSettledPlusCarriedOver() {
            // 一、本年新收 自然人 13 instead of 12: the 自然人 column and the 总计 column no longer balance.
            Written file = submission("D01").set("T3.NEW.NAT", 13).write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    // no cell is known to be the wrong one: none is marked, the message names the four to check
                    .containsExactly(tuple("T3-BAL", Severity.ERROR, "表三", ""), tuple("T3-BAL", Severity.ERROR, "表三", ""));
            assertThat(findings.get(0).message()).startsWith("表三 \"自然人\" 列: 一、本年新收 13 + 二、上年结转 1 = 14，"
                    + "而（七）总计 12 + 四、结转下年度继续办理 1 = 13，两者应相等（表中注明：第一项加第二项之和，等于第三项加第四项之和）。");
            assertThat(findings.get(1).message()).startsWith("表三 \"总计\" 列: 一、本年新收 16 + 二、上年结转 1 = 17，"
                    + "而（七）总计 15 + 四、结转下年度继续办理 1 = 16，")
                    .endsWith("请核对本列的收到申请数、办理结果和结转数（单元格 " + file.a1("T3.NEW.TOTAL") + "、"
                            + file.a1("T3.CARRIED_IN.TOTAL") + "、" + file.a1("T3.R7_TOTAL.TOTAL") + "、"
                            + file.a1("T3.CARRY_OUT.TOTAL") + "），改正填错的一项。");
        }

        @Test
        void rejectsForgottenCarryOverInAnOrganisationColumn() {
            // 商业企业: 一 2 + 二 1 = 3, but only 2 settled and nothing carried over; 总计 column likewise.
            Written file = submission("D01").set("T3.CARRIED_IN.BIZ", 1).write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::cell).containsExactly("", "");
            assertThat(findings.get(0).message()).startsWith("表三 \"商业企业\" 列: 一、本年新收 2 + 二、上年结转 1 = 3，"
                    + "而（七）总计 2 + 四、结转下年度继续办理 0 = 2，");
        }

        @Test
        void checksTheTotalColumnAsSubmitted() {
            // Only the 总计 column is off: 四 typed as 0 over its formula.
            Written file = submission("D01").override("T3.CARRY_OUT.TOTAL", 0).write(dir);

            List<Finding> findings = file.findings(rule);

            // a consequence of the row total T3-ROW finds: that cell is named, the （七）总计 is not
            assertThat(findings).extracting(Finding::cell).containsExactly(file.a1("T3.CARRY_OUT.TOTAL"));
            assertThat(findings.get(0).message()).contains("一、本年新收 15 + 二、上年结转 1 = 16，而（七）总计 15 + 四、结转下年度继续办理 0 = 15")
                    .contains("这是 " + file.a1("T3.CARRY_OUT.TOTAL") + " 的行总计有误造成的");
        }

        @Test
        void skipsColumnWithUnreadableBalanceFigure() {
            Written file = submission("D01").override("T3.CARRY_OUT.NAT", "详见附表").write(dir);

            assertThat(file.findings(rule)).extracting(Finding::cell)
                    // the 总计 formula skips the text, so that column is off by the missing 1; which cell
                    // to change is not known (T3-ROW skips the row with the text), so none is marked
                    .containsExactly("");
        }
    }
}
