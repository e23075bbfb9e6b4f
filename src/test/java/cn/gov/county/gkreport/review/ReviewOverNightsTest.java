package cn.gov.county.gkreport.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.chase.ChaseList;
import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.support.ApplicationContextTest;
import cn.gov.county.gkreport.support.Databases;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.FormFixtures;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A reviewer's decisions over four nights of the demo county. Night 1 creates the review workbook.
 * Before night 2 the reviewer returns 北义城镇 (T02), clears 县退役军人事务局's ZERO-ALL warning and
 * writes five rows the job cannot act on. Night 2: T02 leaves the totals, is listed as 审核退回 with
 * the reason (校验问题, feedback copy, chase list), the warning shows 审核已撤销, each bad row is
 * reported and changes nothing. Night 3: T02 sends version 2, which counts; version 1 stays
 * returned and every decision stays in history. Night 4: the reviewer empties the 撤销 again. Night 5:
 * a review workbook saved as something else changes nothing and is left as it is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewOverNightsTest extends ApplicationContextTest {

    private static final String REASON = "表三“本年新收”与政务服务平台登记的申请数不一致，请核实";
    private static final int YEAR = DemoInput.YEAR;
    private static final Path WORK;

    static {
        try {
            WORK = Files.createTempDirectory("review-nights");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
        registry.add("consolidator.review.file", () -> WORK.resolve("jobs/review-{year}.xlsx").toString());
    }

    private final Path reviewFile = WORK.resolve("jobs/review-" + YEAR + ".xlsx");
    private final Path output = WORK.resolve("output");

    private String night() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsolidationCommand.Outcome outcome = command.execute(YEAR, WORK.resolve("input").toString(), output.toString(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String console = out.toString(StandardCharsets.UTF_8);
        assertThat(outcome.exitCode()).as(console).isEqualTo(ConsolidationCommand.COMPLETED);
        return console;
    }

    private BigDecimal countyNewApplications() {
        return jdbc.queryForObject("""
                SELECT figure FROM county_total WHERE scope = 'COUNTY' AND item_code = 'T3.NEW.TOTAL'
                AND job_execution_id = (SELECT MAX(job_execution_id) FROM county_total)""", BigDecimal.class);
    }

    private BigDecimal t02NewApplications() {
        return new DemoSubmissions(form, roster, YEAR).acceptedFigures().get("T02").get("T3.NEW.TOTAL");
    }

    @Test
    @Order(1)
    void nightOneWritesTheReviewWorkbookWithEveryAcceptedVersionAndWarning() throws Exception {
        DemoInput.copyTo(WORK.resolve("input"));
        night();

        List<List<String>> versions = rows(reviewFile, ReviewWorkbook.VERSIONS);
        assertThat(versions.get(0)).startsWith("单位代码", "单位名称", "版本").contains("审核决定", "理由", "审核人", "系统处理结果");
        Integer accepted = jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE status = 'ACCEPTED'", Integer.class);
        assertThat(versions).hasSize(accepted + 1);
        assertThat(versions).anySatisfy(r -> assertThat(r).startsWith("T02", "北义城镇", "1").contains("待审核"));
        assertThat(versions).noneSatisfy(r -> assertThat(r.get(0)).isEqualTo("D07")); // rejected: nothing to review
        List<List<String>> findings = rows(reviewFile, ReviewWorkbook.FINDINGS);
        assertThat(findings).anySatisfy(r -> assertThat(r).startsWith("D18", "县退役军人事务局", "1", "ZERO-ALL", "警告"));
        assertThat(findings).noneSatisfy(r -> assertThat(r.get(4)).isEqualTo("错误"));
    }

    @Test
    @Order(2)
    void nightTwoTakesInTheDecisionsAndReportsTheRowsItCannotActOn() throws Exception {
        BigDecimal before = countyNewApplications();
        edit(reviewFile, workbook -> {
            decide(workbook.getSheet(ReviewWorkbook.VERSIONS), "T02", "1", "退回", REASON, "王审核", "2025-01-20");
            decide(workbook.getSheet(ReviewWorkbook.FINDINGS), "D18", "ZERO-ALL", "撤销", "该局全年确无申请，已电话核实", "王审核", "");
            Sheet v = workbook.getSheet(ReviewWorkbook.VERSIONS);
            append(v, "X99", "", "1", "", "", "", "通过", "", "王审核");        // not on the roster
            append(v, "T03", "巴公镇", "9", "", "", "", "通过", "", "王审核");     // no such version
            append(v, "T04", "", "1", "", "", "", "同意", "", "王审核");         // not a decision word
            append(v, "T05", "", "1", "", "", "", "退回", "", "王审核");         // a return without a reason
            append(v, "T06", "", "1", "", "", "", "通过", "", "");             // no reviewer
            // the reviewer's own column, with a coloured note: the job must leave both alone
            int notes = v.getRow(0).getLastCellNum();
            v.getRow(0).createCell(notes).setCellValue(NOTES);
            CellStyle rose = workbook.createCellStyle();
            rose.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            rose.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Cell note = rowOf(v, "T02", "1").createCell(notes);
            note.setCellValue(NOTE);
            note.setCellStyle(rose);
        });

        String summary = night();

        assertThat(jdbc.queryForObject("SELECT status FROM submission WHERE unit_code = 'T02' AND version = 1", String.class))
                .isEqualTo("RETURNED");
        assertThat(countyNewApplications()).isEqualByComparingTo(before.subtract(t02NewApplications()));
        assertThat(summary).contains("T02 北义城镇：第 1 版，已接收 → 第 1 版，审核退回（审核退回，不再计入）");
        assertThat(summary).contains("新记录审核决定 2 条", "退回 1 个版本", "5 行未生效",
                "单位代码“X99”不在名册中", "巴公镇没有第 9 版", "审核决定“同意”无法识别", "“退回”须填写理由", "请填写审核人");
        // the rows that named nothing or could not apply changed nothing
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_decision", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT status FROM submission WHERE unit_code IN ('T04', 'T05', 'T06')", String.class))
                .containsOnly("ACCEPTED");

        List<List<String>> versions = rows(reviewFile, ReviewWorkbook.VERSIONS);
        assertThat(versions).anySatisfy(r -> assertThat(String.join("|", r)).startsWith("T02|北义城镇|1")
                .contains("退回|" + REASON + "|王审核|2025-01-20|已生效：退回"));
        assertThat(versions).anySatisfy(r -> assertThat(String.join("|", r)).startsWith("X99")
                .contains("未生效：单位代码“X99”不在名册中"));

        Path workbook = new OutputLayout(output, YEAR).consolidatedWorkbook();
        assertThat(rows(workbook, "校验问题")).anySatisfy(r -> assertThat(String.join("|", r))
                .startsWith("T02|北义城镇").contains("REVIEW|错误|审核退回：" + REASON));
        assertThat(rows(workbook, "校验问题")).anySatisfy(r -> assertThat(String.join("|", r))
                .startsWith("D18").contains("审核已撤销：该局全年确无申请，已电话核实。原提示：表三和表四全部为 0"));
        assertThat(rows(workbook, "报送情况")).anySatisfy(r -> assertThat(r).startsWith("T02", "北义城镇", "镇", "审核退回"));
        assertThat(rows(workbook, "审核记录")).hasSize(3).anySatisfy(r -> assertThat(r)
                .startsWith("T02", "北义城镇", "1", "该版本", "退回", REASON, "王审核", "2025-01-20"));
        String chase = Files.readString(ChaseList.fileFor(output, YEAR), StandardCharsets.UTF_8);
        assertThat(chase).contains("T02").contains("审核退回");
        Path copy = output.resolve(YEAR + "/feedback/北义城镇-2024年-第1版-校验反馈.xlsx");
        assertThat(rows(copy, "校验结果").toString()).contains("审核退回：" + REASON)
                .contains("本次报送已通过各项校验，但经审核退回，未计入汇总").doesNotContain("未通过校验");
        assertThat(summary).contains("审核退回（T02-北义城镇-2024年政府信息公开年报.xlsx）");
        assertThat(rows(workbook, "审核记录")).anySatisfy(r -> assertThat(r).startsWith("D18", "县退役军人事务局", "1",
                "ZERO-ALL（表三）", "撤销"));
    }

    @Test
    @Order(3)
    void nightThreeCountsTheNewVersionAndKeepsTheReturnedOneInHistory() throws Exception {
        BigDecimal withoutT02 = countyNewApplications();
        Map<String, BigDecimal> t02 = new DemoSubmissions(form, roster, YEAR).acceptedFigures().get("T02");
        Path made = FormFixtures.submission("T02").inputs(t02).cover(CoverField.PHONE, "0356-3999999")
                .write(Files.createDirectories(WORK.resolve("made"))).file();
        Files.copy(made, WORK.resolve("input/" + YEAR + "/T02-北义城镇-更正版.xlsx"));

        String summary = night();

        assertThat(jdbc.queryForList("SELECT status FROM submission WHERE unit_code = 'T02' ORDER BY version", String.class))
                .containsExactly("RETURNED", "ACCEPTED");
        assertThat(countyNewApplications()).isEqualByComparingTo(withoutT02.add(t02NewApplications()));
        assertThat(summary).contains("新记录审核决定 0 条，撤回 0 条");
        assertThat(rows(reviewFile, ReviewWorkbook.VERSIONS)).anySatisfy(r -> assertThat(r).startsWith("T02", "北义城镇", "2")
                .contains("待审核"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_decision WHERE withdrawn_at IS NULL", Integer.class))
                .isEqualTo(2);
        // two nights later the reviewer's column, note and colour are where the reviewer left them
        try (InputStream in = Files.newInputStream(reviewFile); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet v = workbook.getSheet(ReviewWorkbook.VERSIONS);
            int notes = cells(v.getRow(0)).indexOf(NOTES);
            assertThat(notes).isGreaterThan(cells(v.getRow(0)).indexOf("系统处理结果"));
            Cell note = rowOf(v, "T02", "1").getCell(notes);
            assertThat(text(note)).isEqualTo(NOTE);
            assertThat(note.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.ROSE.getIndex());
            assertThat(text(rowOf(v, "T02", "2").getCell(notes))).isEmpty();
        }
    }

    @Test
    @Order(4)
    void nightFourWithdrawsAClearingWhoseDecisionCellWasEmptied() throws Exception {
        edit(reviewFile, workbook -> decide(workbook.getSheet(ReviewWorkbook.FINDINGS), "D18", "ZERO-ALL", "", "", "", ""));

        String summary = night();

        assertThat(summary).contains("撤回 1 条");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_decision WHERE withdrawn_at IS NOT NULL", Integer.class))
                .isEqualTo(1);
        Path workbook = new OutputLayout(output, YEAR).consolidatedWorkbook();
        assertThat(rows(workbook, "校验问题")).anySatisfy(r -> assertThat(String.join("|", r))
                .startsWith("D18").contains("ZERO-ALL|警告|表三和表四全部为 0"));
        assertThat(rows(workbook, "审核记录")).anySatisfy(r -> assertThat(r.get(9)).startsWith("已撤回"));
    }

    @Test
    @Order(5)
    void aReviewWorkbookThatCannotBeReadChangesNothingAndIsNotOverwritten() throws Exception {
        byte[] garbage = "审核表被另存成了文本".getBytes(StandardCharsets.UTF_8);
        Files.write(reviewFile, garbage);
        List<Map<String, Object>> before = jdbc.queryForList("SELECT id, withdrawn_at FROM review_decision ORDER BY id");

        String summary = night();

        assertThat(summary).contains("审核表: 审核表 " + reviewFile + " 无法读取", "已有的决定保持有效");
        assertThat(jdbc.queryForList("SELECT id, withdrawn_at FROM review_decision ORDER BY id")).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT status FROM submission WHERE unit_code = 'T02' AND version = 1", String.class))
                .isEqualTo("RETURNED");
        assertThat(Files.readAllBytes(reviewFile)).isEqualTo(garbage);
    }

    // ---- the review workbook as a reviewer edits it (POI, as Excel would save it) ----

    private interface Edit {
        void apply(Workbook workbook) throws IOException;
    }

    private static void edit(Path file, Edit edit) throws IOException {
        Workbook workbook;
        try (InputStream in = Files.newInputStream(file)) {
            workbook = WorkbookFactory.create(in);
        }
        try (workbook) {
            edit.apply(workbook);
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    /** Fills the reviewer's cells of the row whose unit code and version (or, on 问题审核, rule) match. */
    private static void decide(Sheet sheet, String unit, String ruleOrVersion, String decision, String reason,
                               String reviewer, String date) {
        List<String> headings = cells(sheet.getRow(0));
        int key = sheet.getSheetName().equals(ReviewWorkbook.FINDINGS) ? headings.indexOf("规则") : headings.indexOf("版本");
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && unit.equals(text(row.getCell(0))) && ruleOrVersion.equals(text(row.getCell(key)))) {
                row.createCell(headings.indexOf("审核决定")).setCellValue(decision);
                row.createCell(headings.indexOf("理由")).setCellValue(reason);
                row.createCell(headings.indexOf("审核人")).setCellValue(reviewer);
                row.createCell(headings.indexOf("审核日期")).setCellValue(date);
                return;
            }
        }
        throw new AssertionError("no row for " + unit + " " + ruleOrVersion + " on " + sheet.getSheetName());
    }

    private static Row rowOf(Sheet sheet, String unit, String version) {
        int key = cells(sheet.getRow(0)).indexOf("版本");
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && unit.equals(text(row.getCell(0))) && version.equals(text(row.getCell(key)))) {
                return row;
            }
        }
        throw new AssertionError("no row for " + unit + " version " + version);
    }

    /** A row typed in at the end: 单位代码 … 校验结果, 审核决定, 理由, 审核人. */
    private static void append(Sheet sheet, String... values) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(values[c]);
        }
    }

    private static final String NOTES = "备注";
    private static final String NOTE = "已电话通知镇政府";

    private static List<List<String>> rows(Path file, String sheetName) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(sheetName);
            assertThat(sheet).as(sheetName + " in " + file).isNotNull();
            for (Row row : sheet) {
                rows.add(cells(row));
            }
        }
        return rows;
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(text(row.getCell(c)));
        }
        return cells;
    }

    private static String text(Cell cell) {
        return cell == null ? "" : new DataFormatter().formatCellValue(cell);
    }
}
