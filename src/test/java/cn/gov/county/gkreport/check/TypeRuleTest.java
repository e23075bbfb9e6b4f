package cn.gov.county.gkreport.check;

import static cn.gov.county.gkreport.support.FormFixtures.allZeroInputs;
import static cn.gov.county.gkreport.support.FormFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.read.FigureCell;
import cn.gov.county.gkreport.read.SubmissionContent;
import cn.gov.county.gkreport.support.FormFixtures.Written;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TYPE: counts are non-negative integers; the fee is a non-negative amount with at most 2 decimals. */
class TypeRuleTest {

    @TempDir
    Path dir;

    private final TypeRule rule = new TypeRule();

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("TYPE");
        assertThat(rule.severity()).isEqualTo(Severity.ERROR);
    }

    @Nested
    class Accepts {

        @Test
        void acceptsRealisticWorkbook() {
            assertThat(submission("D01").write(dir).findings(rule)).isEmpty();
        }

        @Test
        void acceptsAllZeroWorkbook() {
            assertThat(submission("T01").inputs(allZeroInputs()).write(dir).findings(rule)).isEmpty();
        }

        @Test
        void acceptsLargeCount() {
            Written file = submission("D01").set("T2.LICENSE.DECISIONS", 9_999_999_999L).write(dir);

            assertThat(file.figure("T2.LICENSE.DECISIONS").value()).isEqualTo(new BigDecimal("9999999999"));
            assertThat(file.findings(rule)).isEmpty();
        }

        @Test
        void keepsTheReferenceFeeExact() {
            Written file = submission("D01").set("T2.FEE.AMOUNT", "6360.31").write(dir);

            FigureCell fee = file.figure("T2.FEE.AMOUNT");
            assertThat(fee.value()).isEqualTo(new BigDecimal("6360.31"));
            assertThat(fee.value().scale()).isEqualTo(2);
            assertThat(file.findings(rule)).isEmpty();
        }

        @Test
        void acceptsNumbersTypedAsTextTheWayPeopleTypeThem() {
            Written file = submission("D01")
                    .override("T2.NORM.ISSUED", "７０")
                    .override("T2.LICENSE.DECISIONS", "1,234")
                    .override("T2.PENALTY.DECISIONS", "18件")
                    .override("T2.COERCION.DECISIONS", "+5")
                    .override("T2.NORM.VALID", " 12 ")
                    .override("T2.FEE.AMOUNT", "6360.31")
                    .write(dir);

            SubmissionContent content = file.content();
            Map<String, String> expected = Map.of("T2.NORM.ISSUED", "70", "T2.LICENSE.DECISIONS", "1234",
                    "T2.PENALTY.DECISIONS", "18", "T2.COERCION.DECISIONS", "5", "T2.NORM.VALID", "12",
                    "T2.FEE.AMOUNT", "6360.31");
            expected.forEach((code, value) -> {
                FigureCell cell = content.figures().get(code);
                assertThat(cell.reading()).as(code).isEqualTo(FigureCell.Reading.NUMBER);
                assertThat(cell.value()).as(code).isEqualTo(new BigDecimal(value));
            });
            assertThat(file.findings(rule)).isEmpty();
        }

        @Test
        void acceptsAmountInYuanWithTwoDecimals() {
            Written file = submission("D01").set("N.PROCESSING_FEE", "120.50").write(dir);

            assertThat(file.findings(rule)).isEmpty();
        }
    }

    @Nested
    class RejectsText {

        @Test
        void rejectsTextThatIsNotANumber() {
            Written file = submission("D01").override("T2.LICENSE.DECISIONS", "详见附表")
                    .override("T2.PENALTY.DECISIONS", "约200").write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    .containsExactly(
                            tuple("TYPE", Severity.ERROR, "表二", "B10"),
                            tuple("TYPE", Severity.ERROR, "表二", "B14"));
            assertThat(findings).extracting(Finding::message).containsExactly(
                    "表二 \"行政许可\" 行 / \"本年处理决定数量\" 列（单元格 B10）填的是“详见附表”，不是数字。请填写件数数字；没有发生的填 0。",
                    "表二 \"行政处罚\" 行 / \"本年处理决定数量\" 列（单元格 B14）填的是“约200”，不是数字。请填写件数数字；没有发生的填 0。");
            assertThat(file.figure("T2.PENALTY.DECISIONS").value()).isNull();
        }

        @Test
        void listsFindingsInFormOrderOnEveryRun() {
            // Eight bad cells typed in scrambled order: the findings follow the form (表二, 表三 row by
            // row, 表四, 总体情况), not the order of some hash map.
            Written file = submission("D01")
                    .override("N.DOCS", "x1").override("T3.R5_1.BIZ", "x2").override("T2.FEE.AMOUNT", "x3")
                    .override("T4.SUIT_AFTER.OTHER", "x4").override("T3.NEW.NAT", "x5").override("T2.REG.ISSUED", "x6")
                    .override("T4.REVIEW.UPHELD", "x7").override("T3.R1.OTH", "x8").write(dir);

            assertThat(file.findings(rule)).extracting(Finding::cell).containsExactly(
                    file.a1("T2.REG.ISSUED"), file.a1("T2.FEE.AMOUNT"), file.a1("T3.NEW.NAT"), file.a1("T3.R1.OTH"),
                    file.a1("T3.R5_1.BIZ"), file.a1("T4.REVIEW.UPHELD"), file.a1("T4.SUIT_AFTER.OTHER"), file.a1("N.DOCS"));
        }

        @Test
        void rejectsTextInAnAmountCellAsAnAmount() {
            Written file = submission("D01").override("T2.FEE.AMOUNT", "约6千万").write(dir);

            assertThat(file.findings(rule)).extracting(Finding::cell, Finding::message).containsExactly(
                    tuple(file.a1("T2.FEE.AMOUNT"), "表二 \"行政事业性收费\" 行 / \"本年收费金额（单位：万元）\" 列（单元格 B19）"
                            + "填的是“约6千万”，不是数字。请填写金额数字；没有发生的填 0。"));
        }
    }

    @Nested
    class RejectsNumbers {

        @Test
        void rejectsNegativeCount() {
            Written file = submission("D01").set("T2.COERCION.DECISIONS", -3).write(dir);

            assertThat(file.findings(rule)).extracting(Finding::cell, Finding::message).containsExactly(tuple(
                    file.a1("T2.COERCION.DECISIONS"), "表二 \"行政强制\" 行 / \"本年处理决定数量\" 列（单元格 B15）"
                            + "填报 -3，件数不能为负数。请改为实际数字（没有发生的填 0）。"));
        }

        @Test
        void rejectsNegativeAmount() {
            Written file = submission("D01").set("T2.FEE.AMOUNT", "-0.5").write(dir);

            assertThat(file.findings(rule)).extracting(Finding::cell).containsExactly(file.a1("T2.FEE.AMOUNT"));
            assertThat(file.findings(rule).get(0).message()).contains("填报 -0.5，金额不能为负数");
        }

        @Test
        void rejectsFractionalCount() {
            Written file = submission("D01").set("N.DOCS", "1.5").write(dir);

            assertThat(file.findings(rule)).extracting(Finding::sheet, Finding::cell, Finding::message)
                    .containsExactly(tuple("总体情况", file.a1("N.DOCS"), "总体情况 \"公开政府文件数\"（单元格 "
                            + file.a1("N.DOCS") + "）填报 1.5，件数必须是整数。请改为整数。"));
        }

        @Test
        void rejectsAmountWithThreeDecimals() {
            Written file = submission("D01").set("T2.FEE.AMOUNT", "6360.315").write(dir);

            assertThat(file.findings(rule)).extracting(Finding::cell, Finding::message).containsExactly(tuple(
                    "B19", "表二 \"行政事业性收费\" 行 / \"本年收费金额（单位：万元）\" 列（单元格 B19）"
                            + "填报 6360.315，金额最多保留两位小数。请按万元保留两位小数填写。"));
        }

        @Test
        void rejectsImplausiblyLargeNumber() {
            Written file = submission("D01").set("T2.LICENSE.DECISIONS", 100_000_000_000_000L).write(dir);

            assertThat(file.findings(rule)).extracting(Finding::cell, Finding::message).containsExactly(tuple(
                    "B10", "表二 \"行政许可\" 行 / \"本年处理决定数量\" 列（单元格 B10）填报 100000000000000，"
                            + "数字大得不合理。请核对后填写实际件数。"));
        }

        @Test
        void rejectsTotalTypedAsFraction() {
            Written file = submission("D01").override("T4.REVIEW.TOTAL", 4.5).write(dir);

            assertThat(file.findings(rule)).extracting(Finding::sheet, Finding::cell)
                    .containsExactly(tuple("表四", file.a1("T4.REVIEW.TOTAL")));
        }
    }

    @Nested
    class RejectsCellsThatAreNotNumbers {

        @Test
        void rejectsFormulaError() {
            // A formula the writer cannot type: put =1/0 into the copy with POI and recalculate.
            Written written = submission("D01").write(dir);
            Written file = written.modify(workbook -> written.cell(workbook, "T2.LICENSE.DECISIONS").setCellFormula("1/0"));

            assertThat(file.figure("T2.LICENSE.DECISIONS").reading()).isEqualTo(FigureCell.Reading.FORMULA_ERROR);
            assertThat(file.findings(rule)).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell,
                    Finding::message).containsExactly(tuple("TYPE", Severity.ERROR, "表二", "B10",
                    "表二 \"行政许可\" 行 / \"本年处理决定数量\" 列（单元格 B10）的公式结果是错误值 #DIV/0!。请改为直接填写数字，或修正公式引用。"));
        }

        @Test
        void rejectsFormulaErrorInEveryTotalItSpreadsTo() {
            // =1/0 in 表四 行政复议 结果维持: the group's 总计 formula shows #DIV/0! as well.
            Written written = submission("D01").write(dir);
            Written file = written.modify(workbook -> written.cell(workbook, "T4.REVIEW.UPHELD").setCellFormula("1/0"));

            assertThat(file.findings(rule)).extracting(Finding::cell)
                    .containsExactlyInAnyOrder(file.a1("T4.REVIEW.UPHELD"), file.a1("T4.REVIEW.TOTAL"));
        }

        @Test
        void rejectsDateFormattedCell() {
            Written written = submission("D01").write(dir);
            Written file = written.modify(workbook -> {
                Cell cell = written.cell(workbook, "T2.PENALTY.DECISIONS");
                CellStyle date = workbook.createCellStyle();
                date.cloneStyleFrom(cell.getCellStyle());
                date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
                cell.setCellStyle(date);
                cell.setCellValue(LocalDate.of(2024, 3, 1));
            });

            assertThat(file.figure("T2.PENALTY.DECISIONS").reading()).isEqualTo(FigureCell.Reading.DATE);
            assertThat(file.findings(rule)).extracting(Finding::ruleId, Finding::sheet, Finding::cell, Finding::message)
                    .containsExactly(tuple("TYPE", "表二", "B14", "表二 \"行政处罚\" 行 / \"本年处理决定数量\" 列（单元格 B14）"
                            + "显示为日期格式。请把单元格格式改为“常规”或“数值”，再填写件数。"));
        }
    }
}
