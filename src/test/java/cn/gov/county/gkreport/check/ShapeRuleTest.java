package cn.gov.county.gkreport.check;

import static cn.gov.county.gkreport.support.FormFixtures.deleteRow;
import static cn.gov.county.gkreport.support.FormFixtures.replaceText;
import static cn.gov.county.gkreport.support.FormFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import cn.gov.county.gkreport.read.SubmissionContent;
import cn.gov.county.gkreport.support.FormFixtures.Written;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHAPE: every table and fixed row and column of the form is present (and 表二 is not the 2019 one). */
class ShapeRuleTest {

    @TempDir
    Path dir;

    private final ShapeRule rule = new ShapeRule();

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("SHAPE");
        assertThat(rule.severity()).isEqualTo(Severity.ERROR);
    }

    @Nested
    class Accepts {

        @Test
        void acceptsTheTemplateLayout() {
            assertThat(submission("D01").write(dir).findings(rule)).isEmpty();
        }

        @Test
        void acceptsLabelVariantsSeenInRealFiles() {
            Written written = submission("D01").write(dir);
            Written file = written.modify(workbook -> {
                replaceText(workbook.getSheet("表三"), "商业企业", "商业\n企业");
                replaceText(workbook.getSheet("表三"), "社会公益组织", "社会 公益组织");
                replaceText(workbook.getSheet("表二"), "本年制发件数", "本年制发数量");
                replaceText(workbook.getSheet("表二"), "现行有效件数", "现行有效件");
                replaceText(workbook.getSheet("表二"), "行政规范性文件", "规范性文件");
                replaceText(workbook.getSheet("表二"), "本年收费金额（单位：万元）", "本年收费金额（万元）");
            });

            SubmissionContent content = file.content();
            assertThat(file.findings(rule)).isEmpty();
            assertThat(content.figures().get("T3.NEW.BIZ").value()).isEqualTo(new BigDecimal("2"));
            assertThat(content.figures().get("T2.NORM.ISSUED").value()).isEqualTo(new BigDecimal("3"));
            assertThat(content.figures().get("T2.NORM.VALID").value()).isEqualTo(new BigDecimal("25"));
            assertThat(content.figures().get("T2.FEE.AMOUNT").value()).isEqualTo(new BigDecimal("12.5"));
        }
    }

    @Nested
    class RejectsMissingParts {

        @Test
        void rejectsTable3WithADeletedRow() {
            Written written = submission("D01").write(dir);
            Written file = written.modify(workbook -> deleteRow(workbook.getSheet("表三"),
                    written.at("T3.R3_2.NAT").cell().row()));

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("SHAPE", Severity.ERROR, "表三", ""));
            assertThat(findings.get(0).message()).isEqualTo("表三缺少“（三）不予公开 2.其他法律行政法规禁止公开”一行。"
                    + "请使用标准模板，不要删除或合并表三的行。");
            // the rows below moved up and are still read by their labels
            assertThat(file.figure("T3.R3_3.NAT").cell().a1()).isEqualTo(written.a1("T3.R3_2.NAT"));
        }

        @Test
        void rejectsWorkbookWithoutTable4() {
            Written file = submission("D01").write(dir)
                    .modify(workbook -> workbook.removeSheetAt(workbook.getSheetIndex("表四")));

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("SHAPE", Severity.ERROR, "表四", ""));
            assertThat(findings.get(0).message()).isEqualTo("找不到表四（四、政府信息公开行政复议、行政诉讼情况）：没有“行政复议”表头。"
                    + "请使用标准模板，不要删除或改名表四。");
        }

        @Test
        void rejectsWorkbookWithoutTable3() {
            Written file = submission("D01").write(dir)
                    .modify(workbook -> workbook.removeSheetAt(workbook.getSheetIndex("表三")));

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::sheet, Finding::message).containsExactly(tuple("表三",
                    "找不到表三（三、收到和处理政府信息公开申请情况）：没有“一、本年新收政府信息公开申请数量”一行。"
                            + "请使用标准模板，不要删除或改名表三。"));
            assertThat(file.content().figures().keySet()).noneMatch(code -> code.startsWith("T3."));
        }

        @Test
        void rejectsWorkbookWithoutCover() {
            Written file = submission("D01").write(dir)
                    .modify(workbook -> workbook.removeSheetAt(workbook.getSheetIndex("封面")));

            assertThat(file.findings(rule)).extracting(Finding::sheet, Finding::message).containsExactly(tuple("封面",
                    "找不到封面（没有“单位名称”一栏），无法确认报送单位。请使用标准模板的“封面”工作表填写单位名称、单位代码和报告年度。"));
        }

        @Test
        void rejectsRenamedApplicantHeader() {
            Written file = submission("D01").write(dir)
                    .modify(workbook -> replaceText(workbook.getSheet("表三"), "科研机构", "科研院所"));

            assertThat(file.findings(rule)).extracting(Finding::ruleId, Finding::sheet, Finding::message)
                    .containsExactly(tuple("SHAPE", "表三", "表三缺少“科研机构”列。请不要删除或改动表三的表头。"));
            assertThat(file.content().figures().keySet()).noneMatch(code -> code.endsWith(".RES"));
        }

        @Test
        void rejectsRenamedRowOfTable2() {
            Written file = submission("D01").write(dir)
                    .modify(workbook -> replaceText(workbook.getSheet("表二"), "行政强制", "行政强制措施"));

            assertThat(file.findings(rule)).extracting(Finding::ruleId, Finding::sheet, Finding::message)
                    .containsExactly(tuple("SHAPE", "表二", "表二“第二十条第（六）项”缺少“行政强制”行。"));
        }

        @Test
        void reportsEveryMissingPartInOnePass() {
            Written file = submission("D01").write(dir).modify(workbook -> {
                workbook.removeSheetAt(workbook.getSheetIndex("表四"));
                replaceText(workbook.getSheet("表三"), "法律服务机构", "律师事务所");
                replaceText(workbook.getSheet("总体情况"), "数值", "数量");
            });

            assertThat(file.findings(rule)).extracting(Finding::sheet, Finding::message).containsExactly(
                    tuple("表三", "表三缺少“法律服务机构”列。请不要删除或改动表三的表头。"),
                    tuple("表四", "找不到表四（四、政府信息公开行政复议、行政诉讼情况）：没有“行政复议”表头。请使用标准模板，不要删除或改名表四。"),
                    tuple("总体情况", "“总体情况”缺少“数值”列。"));
        }
    }

    @Nested
    class RejectsTable2Of2019 {

        @Test
        void rejects2019Table2NamingTheCurrentTemplate() {
            Written file = submission("D01").write(dir).modify(ShapeRuleTest::replaceTable2With2019Layout);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("SHAPE", Severity.ERROR, "表二", ""));
            assertThat(findings.get(0).message()).isEqualTo("表二使用的是2019年试行格式（国办公开办函〔2019〕60号），"
                    + "与现行格式的栏目不对应，无法汇总。请改用现行标准模板“模板.xlsx”（国办公开办函〔2021〕30号格式）重新填写表二。");
            assertThat(file.content().figures().keySet()).noneMatch(code -> code.startsWith("T2."));
        }
    }

    /** A 表二 as the 2019 trial format printed it, in place of the template's. */
    static void replaceTable2With2019Layout(XSSFWorkbook workbook) {
        int index = workbook.getSheetIndex("表二");
        workbook.removeSheetAt(index);
        Sheet sheet = workbook.createSheet("表二");
        workbook.setSheetOrder("表二", index);
        Object[][] rows = {
                {"二、主动公开政府信息情况"},
                {},
                {"第二十条第（一）项"},
                {"信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"},
                {"规章", 0, 0, 0},
                {"规范性文件", 3, 3, 25},
                {},
                {"第二十条第（五）项"},
                {"信息内容", "上一年项目数量", "本年增/减", "处理决定数量"},
                {"行政许可", 12, 0, 412},
                {"其他对外管理服务事项", 3, 0, 20},
                {},
                {"第二十条第（六）项"},
                {"信息内容", "上一年项目数量", "本年增/减", "处理决定数量"},
                {"行政处罚", 30, 1, 57},
                {"行政强制", 4, 0, 3},
                {},
                {"第二十条第（八）项"},
                {"信息内容", "上一年项目数量", "本年增/减"},
                {"行政事业性收费", 5, -1},
                {},
                {"第二十条第（九）项"},
                {"信息内容", "采购项目数量", "采购总金额"},
                {"政府集中采购", 2, 35.6},
        };
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] instanceof String text) {
                    row.createCell(c).setCellValue(text);
                } else {
                    row.createCell(c).setCellValue(((Number) rows[r][c]).doubleValue());
                }
            }
        }
    }
}
