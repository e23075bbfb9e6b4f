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

/** N-SUM: supplementary totals equal the sum of their parts; 回复 ≤ 收到. */
class IndicatorSumRuleTest {

    @TempDir
    Path dir;

    private final IndicatorSumRule rule = new IndicatorSumRule();

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("N-SUM");
        assertThat(rule.severity()).isEqualTo(Severity.WARNING);
    }

    @Nested
    class Accepts {

        @Test
        void acceptsRealisticWorkbookWithAllMessagesAnswered() {
            assertThat(submission("D01").write(dir).findings(rule)).isEmpty();
        }

        @Test
        void acceptsAllZeroIndicators() {
            assertThat(submission("T04").inputs(allZeroInputs()).write(dir).findings(rule)).isEmpty();
        }

        @Test
        void acceptsTheReferenceReportsNarrativeFiguresTypedByHand() {
            // 5679 = 15 + 2551 + 3113; 2611 = (651+1239) + (101+324) + (3+13) + (154+126); 101 replied of 101
            Written file = submission("D01").set("N.WEB_OVERVIEW", 15).set("N.WEB_NEWS", 2551)
                    .set("N.WEB_DISCLOSURE", 3113).override("N.WEB_TOTAL", 5679)
                    .set("N.CLEANUP_NOTICE", 1890).set("N.CLEANUP_DISCLOSURE", 425).set("N.CLEANUP_POLITICS", 16)
                    .set("N.CLEANUP_DOCS", 280).override("N.CLEANUP_TOTAL", 2611)
                    .set("N.MSG_RECEIVED", 101).set("N.MSG_REPLIED", 101).write(dir);

            assertThat(file.findings(rule)).isEmpty();
        }

        @Test
        void acceptsLargeValuesAndFewerRepliesThanMessages() {
            Written file = submission("D01").set("N.WEB_NEWS", 9_999_999_999L).set("N.MSG_RECEIVED", 9_999_999_999L)
                    .set("N.MSG_REPLIED", 9_999_999_998L).write(dir);

            assertThat(file.findings(rule)).isEmpty();
        }
    }

    @Nested
    class WarnsAboutTotals {

        @Test
        void warnsWhenPortalTotalDisagreesWithItsParts() {
            // 概况类 3 + 政务动态 120 + 政府信息公开 86 = 209, typed as 300
            Written file = submission("D01").override("N.WEB_TOTAL", 300).write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(file.at("N.WEB_TOTAL").toString()).isEqualTo("总体情况!D3");
            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("N-SUM", Severity.WARNING, "总体情况", "D3"));
            assertThat(findings.get(0).message()).isEqualTo("总体情况 \"门户网站发布信息总数\"（单元格 D3）填报 300，其分项之和为 209"
                    + "（其中：概况类信息更新量 3，其中：政务动态信息更新量 120，其中：政府信息公开更新量 86）。汇总时按分项之和计算；请核对总数和各分项。");
        }

        @Test
        void warnsWhenCleanUpTotalDisagreesWithItsParts() {
            // 通知公告类 40 + 信息公开类 12 + 文件类 5 = 57, typed as 50
            Written file = submission("D01").override("N.CLEANUP_TOTAL", 50).write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::cell).containsExactly(file.a1("N.CLEANUP_TOTAL"));
            assertThat(findings.get(0).message()).contains("填报 50，其分项之和为 57（其中：通知公告类 40，其中：信息公开类 12，其中：文件类 5）");
        }
    }

    @Nested
    class WarnsAboutReplies {

        @Test
        void warnsWhenMoreRepliesThanMessages() {
            Written file = submission("D01").set("N.MSG_RECEIVED", 7).set("N.MSG_REPLIED", 9).write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("N-SUM", Severity.WARNING, "总体情况", file.a1("N.MSG_REPLIED")));
            assertThat(findings.get(0).message()).isEqualTo("总体情况 \"互动交流回复留言数\"（单元格 " + file.a1("N.MSG_REPLIED")
                    + "）填报 9，多于“互动交流收到留言数” 7。回复数不应超过收到数，请核对。");
        }

        @Test
        void skipsComparisonWhenMessagesAreNotANumber() {
            Written file = submission("D01").override("N.MSG_RECEIVED", "若干").set("N.MSG_REPLIED", 9).write(dir);

            assertThat(file.findings(rule)).isEmpty();
        }
    }
}
