package cn.gov.county.gkreport.check;

import static cn.gov.county.gkreport.support.FormFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import cn.gov.county.gkreport.support.FormFixtures.Builder;
import cn.gov.county.gkreport.support.FormFixtures.Written;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FEE-NOTICE: 表三（六）2 (unpaid fee notices) above 0 while no fee at all is reported. */
class FeeNoticeRuleTest {

    @TempDir
    Path dir;

    private final FeeNoticeRule rule = new FeeNoticeRule();

    /** Two applications dropped for an unpaid fee notice (instead of two 予以公开), table 三 still balanced. */
    private static Builder withFeeNotices() {
        return submission("D01").set("T3.R1.NAT", 4).set("T3.R6_2.NAT", 2);
    }

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("FEE-NOTICE");
        assertThat(rule.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void warnsWhenFeeNoticesWentOutButNoFeeIsReported() {
        Written file = withFeeNotices().set("T2.FEE.AMOUNT", 0).write(dir);

        List<Finding> findings = file.findings(rule);

        assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                .containsExactly(tuple("FEE-NOTICE", Severity.WARNING, "表三", file.a1("T3.R6_2.TOTAL")));
        assertThat(findings.get(0).message()).contains("（单元格 " + file.a1("T3.R6_2.TOTAL") + "）为 2 件，说明本单位发出过收费通知")
                .contains("“行政事业性收费”（单元格 " + file.a1("T2.FEE.AMOUNT") + "，0）和“信息处理费收取金额”（单元格 "
                        + file.a1("N.PROCESSING_FEE") + "，0）均为 0 或未填报")
                .contains("如果确实没有收到任何费用（申请人均未缴纳），不必修改");
    }

    @Test
    void acceptsFeeNoticesWithAProcessingFee() {
        Written file = withFeeNotices().set("T2.FEE.AMOUNT", 0).set("N.PROCESSING_FEE", 150).write(dir);

        assertThat(file.findings(rule)).isEmpty();
    }

    @Test
    void acceptsFeeNoticesWithAnAdministrativeFee() {
        Written file = withFeeNotices().write(dir);   // 12.50 万元 行政事业性收费

        assertThat(file.findings(rule)).isEmpty();
    }

    @Test
    void countsTheNoticesByTheRowsPartsNotATypedTotal() {
        // 总计 typed as 3 over an empty row: T3-ROW's error, not a fee notice
        Written file = submission("D01").set("T2.FEE.AMOUNT", 0).override("T3.R6_2.TOTAL", 3).write(dir);

        assertThat(file.findings(rule)).isEmpty();
    }

    @Test
    void saysNothingAboutAFileWithAnUnreadableFigure() {
        Written file = withFeeNotices().set("T2.FEE.AMOUNT", 0).override("T2.PENALTY.DECISIONS", "详见附表").write(dir);

        assertThat(file.findings(rule)).isEmpty();
    }

    @Test
    void acceptsNoFeesWithoutFeeNotices() {
        Written file = submission("D01").set("T2.FEE.AMOUNT", 0).write(dir);

        assertThat(file.findings(rule)).isEmpty();
    }
}
