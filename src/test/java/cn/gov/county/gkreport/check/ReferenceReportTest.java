package cn.gov.county.gkreport.check;

import static cn.gov.county.gkreport.support.FormFixtures.FORM;
import static cn.gov.county.gkreport.support.FormFixtures.allZeroInputs;
import static cn.gov.county.gkreport.support.FormFixtures.moved;
import static cn.gov.county.gkreport.support.FormFixtures.replaceText;
import static cn.gov.county.gkreport.support.FormFixtures.submission;
import static cn.gov.county.gkreport.support.FormFixtures.toLegacyTable3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.Table3Column;
import cn.gov.county.gkreport.read.SubmissionContent;
import cn.gov.county.gkreport.support.FormFixtures;
import cn.gov.county.gkreport.support.FormFixtures.Written;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real county report (../shared/reference/zezhou-2024-annual-report.txt, 泽州县 2024) transcribed
 * into a workbook as printed: 表二 in the 2021 layout with its label variants (本年制发数量, 规范性文件,
 * 本年收费金额（万元）), 表三 in the 2019 layout (one （六）其他处理 row) with its 总计 column as printed, 表四.
 * The county itself is not on the roster, so only the in-year arithmetic rules apply. As the spec says:
 * T3-ROW three times (总计 0 where 自然人 shows 18, 2 and 2) and T3-SUM in the 总计 column (48 ≠ 70);
 * T3-BAL and T4-SUM pass.
 */
class ReferenceReportTest {

    /** 表三 as printed: row code, then 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
    private static final Object[][] TABLE3 = {
            {"NEW", 70, 0, 0, 0, 0, 0, 70},
            {"CARRIED_IN", 0, 0, 0, 0, 0, 0, 0},
            {"R1", 37, 0, 0, 0, 0, 0, 37},
            {"R2", 11, 0, 0, 0, 0, 0, 11},
            {"R3_1", 0, 0, 0, 0, 0, 0, 0},
            {"R3_2", 0, 0, 0, 0, 0, 0, 0},
            {"R3_3", 0, 0, 0, 0, 0, 0, 0},
            {"R3_4", 0, 0, 0, 0, 0, 0, 0},
            {"R3_5", 0, 0, 0, 0, 0, 0, 0},
            {"R3_6", 0, 0, 0, 0, 0, 0, 0},
            {"R3_7", 0, 0, 0, 0, 0, 0, 0},
            {"R3_8", 0, 0, 0, 0, 0, 0, 0},
            {"R4_1", 18, 0, 0, 0, 0, 0, 0},
            {"R4_2", 0, 0, 0, 0, 0, 0, 0},
            {"R4_3", 2, 0, 0, 0, 0, 0, 0},
            {"R5_1", 0, 0, 0, 0, 0, 0, 0},
            {"R5_2", 0, 0, 0, 0, 0, 0, 0},
            {"R5_3", 0, 0, 0, 0, 0, 0, 0},
            {"R5_4", 0, 0, 0, 0, 0, 0, 0},
            {"R5_5", 0, 0, 0, 0, 0, 0, 0},
            // （六）其他处理, one row in the report: written as the three 2021 leaves, merged below
            {"R6_1", 0, 0, 0, 0, 0, 0, 0},
            {"R6_2", 0, 0, 0, 0, 0, 0, 0},
            {"R6_3", 2, 0, 0, 0, 0, 0, 0},
            {"R7_TOTAL", 70, 0, 0, 0, 0, 0, 70},
            {"CARRY_OUT", 0, 0, 0, 0, 0, 0, 0},
    };

    /** 表四 as printed: 行政复议, 未经复议直接起诉, 复议后起诉; 结果维持, 结果纠正, 其他结果, 尚未审结, 总计. */
    private static final Object[][] TABLE4 = {
            {"REVIEW", 22, 6, 5, 0, 33},
            {"SUIT_DIRECT", 20, 9, 0, 6, 35},
            {"SUIT_AFTER", 10, 0, 1, 0, 11},
    };

    private static final List<ConsistencyRule> IN_YEAR_RULES = List.of(new TypeRule(), new Table3RowTotalRule(),
            new Table3ResultSumRule(), new Table3BalanceRule(), new Table4GroupTotalRule(), new LegacyTable3Rule());

    @TempDir
    static Path dir;

    private static Written template;
    private static Written report;

    @BeforeAll
    static void transcribeTheReport() {
        FormFixtures.Builder builder = submission("D01").inputs(allZeroInputs())
                .cover(CoverField.UNIT_NAME, "泽州县人民政府").cover(CoverField.UNIT_CODE, null)
                .cover(CoverField.UNIT_TYPE, null).cover(CoverField.CONTACT, "县人民政府办公室信息科")
                .cover(CoverField.FILL_DATE, "2025-02-05");
        // 表二
        builder.set("T2.NORM.ISSUED", 2).set("T2.NORM.REPEALED", 2).set("T2.NORM.VALID", 18)
                .set("T2.LICENSE.DECISIONS", 6948).set("T2.PENALTY.DECISIONS", 780).set("T2.COERCION.DECISIONS", 23)
                .set("T2.FEE.AMOUNT", "6360.31");
        // 表三, every cell as printed: a transcription has no formulas
        List<Table3Column> columns = FORM.table3().columns();
        for (Object[] row : TABLE3) {
            for (int c = 0; c < columns.size(); c++) {
                type(builder, "T3." + row[0] + "." + columns.get(c).code(), (Integer) row[c + 1]);
            }
        }
        // 表四
        String[] t4 = {"UPHELD", "CORRECTED", "OTHER", "PENDING", "TOTAL"};
        for (Object[] group : TABLE4) {
            for (int c = 0; c < t4.length; c++) {
                type(builder, "T4." + group[0] + "." + t4[c], (Integer) group[c + 1]);
            }
        }
        // 总体情况 (narrative figures; not checked here)
        builder.set("N.WEB_OVERVIEW", 15).set("N.WEB_NEWS", 2551).set("N.WEB_DISCLOSURE", 3113)
                .override("N.WEB_TOTAL", 5679).set("N.DOCS", 27).set("N.INTERPRETATIONS", 16)
                .set("N.MSG_RECEIVED", 101).set("N.MSG_REPLIED", 101).set("N.NEWMEDIA_ACCOUNTS", 8)
                .set("N.NEWMEDIA_POSTS", 4877).set("N.CLEANUP_NOTICE", 651 + 1239).set("N.CLEANUP_DISCLOSURE", 101 + 324)
                .set("N.CLEANUP_POLITICS", 3 + 13).set("N.CLEANUP_DOCS", 154 + 126).override("N.CLEANUP_TOTAL", 2611);

        template = builder.write(dir);
        report = template.modify(workbook -> {
            replaceText(workbook.getSheet("表二"), "本年制发件数", "本年制发数量");
            replaceText(workbook.getSheet("表二"), "行政规范性文件", "规范性文件");
            replaceText(workbook.getSheet("表二"), "本年收费金额（单位：万元）", "本年收费金额（万元）");
            toLegacyTable3(workbook, template);
        });
    }

    private static void type(FormFixtures.Builder builder, String code, int value) {
        if (FORM.item(code).derived()) {
            builder.override(code, value);
        } else {
            builder.set(code, value);
        }
    }

    @Test
    void failsT3RowThreeTimesAndT3SumInTheTotalColumnOnly() {
        List<Finding> findings = report.findings(IN_YEAR_RULES, Optional.empty());

        String resultTotal = moved(template.at("T3.R7_TOTAL.TOTAL"), -2);
        assertThat(List.of(template.a1("T3.R4_1.TOTAL"), template.a1("T3.R4_3.TOTAL"), template.a1("T3.R6_1.TOTAL"),
                resultTotal)).containsExactly("J17", "J19", "J25", "J26");
        assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell).containsExactly(
                tuple("T3-ROW", Severity.ERROR, "表三", "J17"),
                tuple("T3-ROW", Severity.ERROR, "表三", "J19"),
                tuple("T3-ROW", Severity.ERROR, "表三", "J25"),
                tuple("T3-SUM", Severity.ERROR, "表三", "J17"),
                tuple("V-2019", Severity.WARNING, "表三", "B25"));
        assertThat(findings).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).startsWith("表三 \"（四）无法提供 1.本机关不掌握相关政府信息\" 行: 总计 填报 0，各类申请人之和为 18（自然人 18）。"),
                m -> assertThat(m).startsWith("表三 \"（四）无法提供 3.补正后申请内容仍不明确\" 行: 总计 填报 0，各类申请人之和为 2（自然人 2）。"),
                m -> assertThat(m).startsWith("表三 \"（六）其他处理 3.其他\" 行: 总计 填报 0，各类申请人之和为 2（自然人 2）。"),
                m -> assertThat(m).startsWith("表三 \"总计\" 列: （七）总计 填报 70，各项办理结果之和为 48（（一）予以公开 37，"
                        + "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 11）。这是 J17、J19、J25 的行总计有误造成的")
                        .contains("请改正单元格 J17、J19、J25；J26 是对的，不要改动。"),
                m -> assertThat(m).contains("“（六）其他处理”只有一行（单元格 B25）"));
    }

    @Test
    void readsTheHybridLayoutWithoutShapeProblems() {
        SubmissionContent content = report.content();

        assertThat(content.problems()).isEmpty();
        assertThat(content.figures().get("T2.NORM.ISSUED").value()).isEqualTo(new BigDecimal("2"));
        assertThat(content.figures().get("T2.NORM.VALID").value()).isEqualTo(new BigDecimal("18"));
        assertThat(content.figures().get("T2.FEE.AMOUNT").value()).isEqualTo(new BigDecimal("6360.31"));
        assertThat(content.figures().get("T3.R6_3.NAT").value()).isEqualTo(new BigDecimal("2"));
        assertThat(content.figures().get("T3.R7_TOTAL.TOTAL").value()).isEqualTo(new BigDecimal("70"));
        assertThat(content.figures().get("T4.SUIT_DIRECT.TOTAL").value()).isEqualTo(new BigDecimal("35"));
    }

    @Test
    void itsNarrativeSumsAddUp() {
        assertThat(report.findings(new IndicatorSumRule())).isEmpty();
    }
}
