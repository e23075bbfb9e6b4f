package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.read.FigureCell;
import cn.gov.county.gkreport.read.SubmissionContent;
import cn.gov.county.gkreport.read.SubmissionReader;
import cn.gov.county.gkreport.read.grid.WorkbookLoader;
import cn.gov.county.gkreport.report.ConsolidatedWorkbook;
import cn.gov.county.gkreport.support.ApplicationContextTest;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.TableSnapshot;
import cn.gov.county.gkreport.support.WorkbookCells;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The whole nightly job on the committed demo input, as the operator runs it: given the demo
 * submissions, when the consolidation runs, then the job completes, every roster unit has the
 * right status, the county totals in the database and in the workbook are the sums of the
 * accepted submissions (the reference report's figures), the unit repeating the reference report's
 * error is rejected at the right cells, and a second run changes nothing. Subclasses choose the
 * database (H2 in MySQL mode, or a real MariaDB/MySQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ConsolidationJobFunctionalTest extends ApplicationContextTest {

    Path input;
    Path output;
    Map<String, String> inputFingerprints;
    ConsolidationCommand.Outcome first;
    String firstSummary;

    @BeforeAll
    void runTheJobOnTheDemoInput(@TempDir Path work) throws Exception {
        input = work.resolve("input");
        output = work.resolve("output");
        Path dir = DemoInput.copyTo(input);
        inputFingerprints = DemoInput.fingerprints(dir);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        first = command.execute(DemoInput.YEAR, input.toString(), output.toString(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        firstSummary = console.toString(StandardCharsets.UTF_8);
    }

    private JobExecution execution() {
        return first.execution().orElseThrow();
    }

    private StepExecution step(String name) {
        return execution().getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void completesWithTheExpectedCounts() {
        assertThat(first.exitCode()).as(firstSummary).isEqualTo(ConsolidationCommand.COMPLETED);
        assertThat(execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // 40 units sent 41 files (one resubmitted); one unit sent nothing.
        assertThat(step(StepNames.INTAKE).getReadCount()).isEqualTo(41);
        assertThat(step(StepNames.INTAKE).getWriteCount()).isEqualTo(41);
        assertThat(step(StepNames.IMPORT_SUBMISSIONS).getReadCount()).isEqualTo(41);
        assertThat(step(StepNames.IMPORT_SUBMISSIONS).getWriteCount()).isEqualTo(41);
        assertThat(step(StepNames.IMPORT_SUBMISSIONS).getSkipCount()).isZero();
        assertThat(step(StepNames.CONSOLIDATE).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(step(StepNames.WRITE_WORKBOOK).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(step(StepNames.WRITE_FEEDBACK).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // the summary lists the steps in the job's order, though the two output steps run at once
        assertThat(firstSummary).containsSubsequence(StepNames.INTAKE, StepNames.IMPORT_SUBMISSIONS, StepNames.CONSOLIDATE,
                StepNames.WRITE_WORKBOOK, StepNames.WRITE_FEEDBACK, StepNames.MAIL_REPLIES, StepNames.CHASE_LIST);
        assertThat(firstSummary).contains("应报 41 个单位，已接收 39，未通过 1，未报送 1")
                .contains("跨年度校验（X-CARRY、X-VALID、X-YOY、X-SAME）未进行：数据库中没有 2023 年度的已接收报告");
    }

    @Test
    @Order(2)
    void everyRosterUnitHasItsStatus() {
        Map<String, List<String>> statuses = new HashMap<>();
        jdbc.query("SELECT unit_code, status FROM submission WHERE report_year = 2024 ORDER BY version",
                rs -> {
                    statuses.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
                });
        for (RosterUnit unit : roster.units()) {
            List<String> expected = switch (unit.code()) {
                case DemoSubmissions.MISSING_UNIT -> null;
                case DemoSubmissions.REJECTED_UNIT -> List.of("REJECTED");
                case DemoSubmissions.RESUBMITTING_UNIT -> List.of("SUPERSEDED", "ACCEPTED");
                default -> List.of("ACCEPTED");
            };
            assertThat(statuses.get(unit.code())).as(unit.code()).isEqualTo(expected);
        }
        assertThat(jdbc.queryForList("SELECT file_name FROM submission WHERE unit_code = ? AND status = 'ACCEPTED'",
                String.class, DemoSubmissions.RESUBMITTING_UNIT)).singleElement().asString().contains("第2版");
    }

    @Test
    @Order(3)
    void countyTotalsAreTheSumsOfTheAcceptedSubmissions() {
        Map<String, Map<String, BigDecimal>> accepted = new DemoSubmissions(form, roster, DemoInput.YEAR).acceptedFigures();
        Map<TotalScope, Map<String, BigDecimal>> stored = storedTotals(execution().getId());
        for (var item : form.items()) {
            BigDecimal county = BigDecimal.ZERO;
            BigDecimal towns = BigDecimal.ZERO;
            for (var unit : accepted.entrySet()) {
                BigDecimal value = unit.getValue().getOrDefault(item.code(), BigDecimal.ZERO);
                county = county.add(value);
                if (unit.getKey().startsWith("T")) {
                    towns = towns.add(value);
                }
            }
            assertThat(stored.get(TotalScope.COUNTY).get(item.code())).as(item.code()).isEqualByComparingTo(county);
            assertThat(stored.get(TotalScope.TOWN).get(item.code())).as(item.code()).isEqualByComparingTo(towns);
            assertThat(stored.get(TotalScope.DEPARTMENT).get(item.code())).as(item.code())
                    .isEqualByComparingTo(county.subtract(towns));
        }
        // The reference county report's consistent figures.
        Map<String, BigDecimal> county = stored.get(TotalScope.COUNTY);
        assertThat(county.get("T2.LICENSE.DECISIONS")).isEqualByComparingTo("6948");
        assertThat(county.get("T2.PENALTY.DECISIONS")).isEqualByComparingTo("780");
        assertThat(county.get("T2.COERCION.DECISIONS")).isEqualByComparingTo("23");
        assertThat(county.get("T2.FEE.AMOUNT")).isEqualByComparingTo("6360.31");
        assertThat(county.get("T2.NORM.VALID")).isEqualByComparingTo("18");
        assertThat(county.get("T3.NEW.TOTAL")).isEqualByComparingTo("70");
        assertThat(county.get("T3.R1.TOTAL")).isEqualByComparingTo("37");
        assertThat(county.get("T3.R4_1.TOTAL")).isEqualByComparingTo("18");
        assertThat(county.get("T3.R7_TOTAL.TOTAL")).isEqualByComparingTo("70");
        assertThat(county.get("T4.REVIEW.TOTAL")).isEqualByComparingTo("33");
        assertThat(county.get("T4.SUIT_DIRECT.TOTAL")).isEqualByComparingTo("35");
        assertThat(county.get("T4.SUIT_AFTER.TOTAL")).isEqualByComparingTo("11");
        assertThat(county.get("N.WEB_TOTAL")).isEqualByComparingTo("5679");
        assertThat(stored.get(TotalScope.TOWN).get("N.CLEANUP_TOTAL")).isEqualByComparingTo("909");
        assertThat(stored.get(TotalScope.DEPARTMENT).get("N.CLEANUP_TOTAL")).isEqualByComparingTo("1702");
    }

    @Test
    @Order(4)
    void rejectsTheUnitThatRepeatsTheReferenceReportsError() {
        List<Map<String, Object>> findings = jdbc.queryForList("""
                SELECT f.rule_id, f.severity, f.sheet_name, f.cell_ref, f.message FROM finding f
                JOIN submission s ON s.id = f.submission_id WHERE s.unit_code = ? ORDER BY f.seq""",
                DemoSubmissions.REJECTED_UNIT);
        assertThat(findings).extracting(f -> f.get("rule_id"), f -> f.get("sheet_name"), f -> f.get("cell_ref"))
                .containsExactly(tuple("T3-ROW", "表三", "J17"), tuple("T3-ROW", "表三", "J19"),
                        tuple("T3-ROW", "表三", "J27"), tuple("T3-SUM", "表三", "J17"));
        assertThat(findings.get(0).get("message")).asString()
                .contains("表三 \"（四）无法提供 1.本机关不掌握相关政府信息\" 行: 总计 填报 0，各类申请人之和为 18（自然人 18）");
        assertThat(findings.get(3).get("message")).asString()
                .contains("（七）总计 填报 27，各项办理结果之和为 5");
        assertThat(findings).allSatisfy(f -> assertThat(f.get("severity")).isEqualTo("ERROR"));
    }

    @Test
    @Order(5)
    void writesTheWorkbookWithTheCountyTotalsInTheFormsShape() throws Exception {
        Path file = new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook();
        // The county's result is itself a submission: our own reader reads it back.
        SubmissionContent content = new SubmissionReader(form, new WorkbookLoader(), "模板").read(file);
        assertThat(content.problems()).isEmpty();
        assertThat(content.coverValue(CoverField.UNIT_NAME)).isEqualTo("泽州县");
        Map<String, BigDecimal> county = storedTotals(execution().getId()).get(TotalScope.COUNTY);
        for (var item : form.items()) {
            FigureCell cell = content.figures().get(item.code());
            assertThat(cell.value()).as(item.code()).isEqualByComparingTo(county.get(item.code()));
        }
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("泽州县2024年政府信息公开工作年度报告汇总表");
            Map<String, String> standing = new HashMap<>();
            DataFormatter text = new DataFormatter();
            Sheet status = workbook.getSheet("报送情况");
            for (Row row : status) {
                if (row.getRowNum() > 0) {
                    standing.merge(text.formatCellValue(row.getCell(0)) + "|" + text.formatCellValue(row.getCell(6)),
                            text.formatCellValue(row.getCell(3)), (a, b) -> a);
                }
            }
            assertThat(standing).containsEntry("T16|", "未报送").containsEntry("D07|未通过", "未通过")
                    .containsEntry("D03|已被新版本替代", "已接收").containsEntry("D03|已接收", "已接收")
                    .containsEntry("T01|已接收", "已接收");
            Sheet findings = workbook.getSheet("校验问题");
            // D07's four errors, T05's two warnings, and ZERO-ALL for the eleven units reporting no application
            // and no case in 表三 and 表四 (D18, D21 and nine towns, T05 among them)
            assertThat(findings.getLastRowNum()).isEqualTo(17);
            List<String> rules = java.util.stream.IntStream.rangeClosed(1, 17)
                    .mapToObj(r -> text.formatCellValue(findings.getRow(r).getCell(0)) + " "
                            + text.formatCellValue(findings.getRow(r).getCell(6))).toList();
            assertThat(rules).filteredOn(r -> r.startsWith(DemoSubmissions.WARNED_UNIT + " ")).hasSize(3);
            assertThat(rules).filteredOn(r -> r.endsWith(" ZERO-ALL")).extracting(r -> r.substring(0, 3))
                    .containsExactlyInAnyOrder("D18", "D21", "T01", "T02", "T04", "T05", "T08", "T10", "T11", "T12", "T15");
            assertThat(text.formatCellValue(findings.getRow(1).getCell(5))).isEqualTo("J17");
            Sheet breakdown = workbook.getSheet("分类汇总");
            assertThat(text.formatCellValue(breakdown.getRow(0).getCell(5))).isEqualTo("全县合计");
            Row license = java.util.stream.StreamSupport.stream(breakdown.spliterator(), false)
                    .filter(r -> "T2.LICENSE.DECISIONS".equals(text.formatCellValue(r.getCell(6)))).findFirst().orElseThrow();
            assertThat(license.getCell(5).getNumericCellValue()).isEqualTo(6948);
            assertThat(license.getCell(3).getNumericCellValue() + license.getCell(4).getNumericCellValue()).isEqualTo(6948);
            Sheet detail = workbook.getSheet("分单位明细");
            assertThat(detail.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 5);
            Sheet trace = workbook.getSheet("数据溯源");
            assertThat(trace.getLastRowNum()).isPositive();
            // unit by unit, each unit's input figures in form order; typed totals trace to nothing
            List<String> previous = List.of("", "");
            for (Row row : trace) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                String unit = text.formatCellValue(row.getCell(2));
                String item = text.formatCellValue(row.getCell(0));
                assertThat(form.item(item).derived()).as(item).isFalse();
                assertThat(unit).isGreaterThanOrEqualTo(previous.get(0));
                if (unit.equals(previous.get(0))) {
                    assertThat(form.itemOrder().compare(previous.get(1), item)).as(previous + " " + item).isNegative();
                }
                previous = List.of(unit, item);
            }
        }
    }

    @Test
    @Order(6)
    void writesAnAnnotatedCopyForTheRejectedAndTheWarnedUnit() throws Exception {
        Path feedback = output.resolve("2024/feedback");
        assertThat(DemoInput.files(feedback)).extracting(p -> p.getFileName().toString())
                .hasSize(12).contains("县司法局-2024年-第1版-校验反馈.xlsx", "周村镇-2024年-第1版-校验反馈.xlsx",
                        "南村镇-2024年-第1版-校验反馈.xlsx"); // and the other ZERO-ALL units
        try (OPCPackage pkg = OPCPackage.open(feedback.resolve("县司法局-2024年-第1版-校验反馈.xlsx").toFile(),
                PackageAccess.READ); XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("校验结果");
            var j17 = workbook.getSheet("表三").getRow(16).getCell(9);
            assertThat(j17.getNumericCellValue()).isZero();
            assertThat(j17.getCellComment().getString().getString()).contains("[错误 T3-ROW]");
        }
        assertThat(firstSummary).contains("校验反馈文件（发回各单位）: 本次新写 12 份");
    }

    @Test
    @Order(6)
    void neverModifiesASubmittedFile() throws Exception {
        assertThat(DemoInput.fingerprints(input.resolve("2024"))).isEqualTo(inputFingerprints);
    }

    @Test
    @Order(7)
    void aSecondRunChangesNothingAndWritesTheSameFigures() throws Exception {
        var before = TableSnapshot.of(jdbc, TableSnapshot.DATA_TABLES);
        Map<String, List<String>> firstWorkbook = WorkbookCells.texts(new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook());
        var again = command.execute(DemoInput.YEAR, input.toString(), output.toString(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(again.exitCode()).isEqualTo(ConsolidationCommand.COMPLETED);
        JobExecution second = again.execution().orElseThrow();
        assertThat(second.getId()).isNotEqualTo(execution().getId());
        assertThat(TableSnapshot.of(jdbc, TableSnapshot.DATA_TABLES)).isEqualTo(before);
        assertThat(storedTotals(second.getId())).isEqualTo(storedTotals(execution().getId()));
        assertThat(second.getStepExecutions()).filteredOn(s -> s.getStepName().equals(StepNames.IMPORT_SUBMISSIONS))
                .singleElement().satisfies(s -> assertThat(s.getReadCount()).isZero());
        // The same stored state gives the same workbook, cell for cell, except the run's own time and
        // what it says changed since the run before: nothing.
        Map<String, List<String>> secondWorkbook = WorkbookCells.texts(new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook());
        assertThat(secondWorkbook.keySet()).containsExactlyElementsOf(firstWorkbook.keySet());
        secondWorkbook.forEach((sheet, cells) -> assertThat(cells).as(sheet)
                .isEqualTo(sheet.equals("本次变化") ? cells : firstWorkbook.get(sheet)));
        assertThat(secondWorkbook.get("本次变化")).containsExactly("A1=与上次汇总相比：无变化");
    }

    private Map<TotalScope, Map<String, BigDecimal>> storedTotals(long executionId) {
        Map<TotalScope, Map<String, BigDecimal>> totals = new HashMap<>();
        jdbc.query("SELECT scope, item_code, figure FROM county_total WHERE job_execution_id = ?", rs -> {
            totals.computeIfAbsent(TotalScope.valueOf(rs.getString(1)), s -> new HashMap<>())
                    .put(rs.getString(2), rs.getBigDecimal(3));
        }, executionId);
        return totals;
    }
}
