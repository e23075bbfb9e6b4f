package cn.gov.county.gkreport.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.CountyClock;
import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.consolidate.CountySelfCheck;
import cn.gov.county.gkreport.consolidate.CountyTotalsRepository;
import cn.gov.county.gkreport.deadline.DeadlineSettings;
import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.Label;
import cn.gov.county.gkreport.form.Table2Block;
import cn.gov.county.gkreport.form.Table3Column;
import cn.gov.county.gkreport.form.Table3Layout;
import cn.gov.county.gkreport.form.Table3Row;
import cn.gov.county.gkreport.form.Table4Layout;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.job.StepNames;
import cn.gov.county.gkreport.support.ApplicationContextTest;
import cn.gov.county.gkreport.support.DemoInput;

import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The county's draft annual report as the nightly job writes it: given last year's reports
 * (2023) and the demo year's (2024) consolidated, when the draft is written, then reading the
 * .docx back shows the six sections in order, tables 二 三 四 holding the county totals of the
 * database cell by cell (the reference report's consistent figures, with a right 总计 column),
 * year-over-year sentences, highlighted placeholders, the scope note, and nothing of the
 * rejected unit. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CountyDraftFunctionalTest extends ApplicationContextTest {

    @Autowired
    DraftCommand draftCommand;
    @Autowired
    DraftRepository queries;
    @Autowired
    CountyTotalsRepository totals;

    Path output;
    Path draft2023;
    Path draft2024;
    String summary2024;
    long execution2024;

    @BeforeAll
    void consolidateTwoYears(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        output = work.resolve("output");
        PreviousYearInput.write(input, form, roster);
        DemoInput.copyTo(input);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        assertThat(command.execute(PreviousYearInput.YEAR, input.toString(), output.toString(), out).exitCode())
                .isEqualTo(ConsolidationCommand.COMPLETED);
        console.reset();
        ConsolidationCommand.Outcome outcome = command.execute(DemoInput.YEAR, input.toString(), output.toString(), out);
        summary2024 = console.toString(StandardCharsets.UTF_8);
        assertThat(outcome.exitCode()).as(summary2024).isEqualTo(ConsolidationCommand.COMPLETED);
        execution2024 = outcome.execution().orElseThrow().getId();
        draft2023 = new OutputLayout(output, PreviousYearInput.YEAR).draft("泽州县");
        draft2024 = new OutputLayout(output, DemoInput.YEAR).draft("泽州县");
    }

    @Test
    void everyRunWritesTheDraftAndTheSummarySaysWhere() {
        assertThat(draft2023).isRegularFile();
        assertThat(draft2024).isRegularFile();
        assertThat(draft2024.getFileName().toString()).isEqualTo("泽州县2024年政府信息公开工作年度报告（草稿）.docx");
        assertThat(summary2024).contains(StepNames.WRITE_DRAFT, "年度报告草稿（请另存副本后编辑）: " + draft2024.toAbsolutePath().normalize());
    }

    @Test
    void hasTheTitleOpeningAndSixSectionsInOrder() throws Exception {
        try (DraftFile doc = DraftFile.open(draft2024)) {
            assertThat(doc.paragraphs().get(0)).isEqualTo("泽州县人民政府\n2024年政府信息公开工作年度报告");
            assertThat(doc.headings(1)).containsExactly("一、总体情况", "二、主动公开政府信息情况",
                    "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
                    "五、政府信息公开工作存在的主要问题及改进情况", "六、其他需要报告的事项");
            assertThat(doc.headings(2)).containsExactly("（一）主动公开", "（二）依申请公开", "（三）政府信息管理",
                    "（四）政府信息公开平台建设", "（五）监督保障");
            String text = doc.text();
            assertThat(text).contains("《中华人民共和国政府信息公开条例》", "（国办公开办函〔2021〕30号）")
                    .doesNotContain("〔2019〕60号")
                    .contains("统计期限自2024年1月1日起至2024年12月31日止");
            // the tables sit under their headings: 二 before 三 before 四, each after its heading
            List<Object> body = new ArrayList<>(doc.doc.getBodyElements());
            for (int t = 0; t < 3; t++) {
                XWPFTable table = doc.tables().get(t);
                Object before = body.get(body.indexOf(table) - 1);
                assertThat(((org.apache.poi.xwpf.usermodel.XWPFParagraph) before).getText())
                        .isEqualTo(doc.headings(1).get(t + 1));
            }
        }
    }

    @Test
    void tablesHoldTheCountyTotalsOfTheDatabaseCellByCell() throws Exception {
        Map<String, BigDecimal> county = countyTotals(execution2024);
        Map<String, String> printed = printedFigures(draft2024);
        assertThat(printed.keySet()).containsExactlyInAnyOrderElementsOf(form.items().stream()
                .filter(i -> i.table() != cn.gov.county.gkreport.form.FormTable.INDICATORS).map(i -> i.code()).toList());
        printed.forEach((code, text) -> assertThat(new BigDecimal(text)).as(code).isEqualByComparingTo(county.get(code)));
        // The reference report's consistent figures, and a 总计 column that is right where its was 0.
        assertThat(printed).containsEntry("T2.LICENSE.DECISIONS", "6948").containsEntry("T2.PENALTY.DECISIONS", "780")
                .containsEntry("T2.COERCION.DECISIONS", "23").containsEntry("T2.FEE.AMOUNT", "6360.31")
                .containsEntry("T2.NORM.ISSUED", "2").containsEntry("T2.NORM.REPEALED", "2")
                .containsEntry("T2.NORM.VALID", "18")
                .containsEntry("T3.NEW.TOTAL", "70").containsEntry("T3.R1.TOTAL", "37").containsEntry("T3.R2.TOTAL", "11")
                .containsEntry("T3.R4_1.TOTAL", "18").containsEntry("T3.R4_3.TOTAL", "2")
                .containsEntry("T3.R6_3.TOTAL", "2").containsEntry("T3.R7_TOTAL.TOTAL", "70")
                .containsEntry("T4.REVIEW.TOTAL", "33").containsEntry("T4.SUIT_DIRECT.TOTAL", "35")
                .containsEntry("T4.SUIT_AFTER.TOTAL", "11").containsEntry("T4.REVIEW.UPHELD", "22");
    }

    @Test
    void headersAreMergedAsTheNationalFormPrintsThem() throws Exception {
        try (DraftFile doc = DraftFile.open(draft2024)) {
            XWPFTable t2 = doc.tables().get(0);
            assertThat(t2.getRow(0).getCell(0).getText()).isEqualTo("第二十条第（一）项");
            assertThat(DraftFile.span(t2.getRow(0).getCell(0))).isEqualTo(4);
            assertThat(doc.tables().get(0).getText()).contains("本年收费金额（单位：万元）");
            XWPFTable t3 = doc.tables().get(1);
            XWPFTableCell corner = t3.getRow(0).getCell(0);
            assertThat(corner.getText()).isEqualTo("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
            assertThat(DraftFile.span(corner)).isEqualTo(3);
            assertThat(DraftFile.merge(corner)).isEqualTo("restart");
            assertThat(DraftFile.merge(t3.getRow(2).getCell(0))).isEqualTo("continue");
            assertThat(t3.getRow(0).getCell(1).getText()).isEqualTo("申请人情况");
            assertThat(DraftFile.span(t3.getRow(0).getCell(1))).isEqualTo(7);
            assertThat(t3.getRow(1).getCell(2).getText()).isEqualTo("法人或其他组织");
            assertThat(DraftFile.span(t3.getRow(1).getCell(2))).isEqualTo(5);
            assertThat(t3.getRow(0).isRepeatHeader()).isTrue();
            XWPFTable t4 = doc.tables().get(2);
            assertThat(t4.getRow(0).getCell(1).getText()).isEqualTo("行政诉讼");
            assertThat(DraftFile.span(t4.getRow(0).getCell(1))).isEqualTo(10);
            assertThat(t4.getRow(1).getCell(1).getText()).isEqualTo("未经复议直接起诉");
        }
    }

    @Test
    void comparesWithLastYearWhenItIsInTheDatabase() throws Exception {
        try (DraftFile doc = DraftFile.open(draft2024)) {
            assertThat(doc.text()).contains("作出行政许可决定6948件，比上年减少52件、下降0.7%")
                    .contains("行政处罚决定780件，比上年增加30件、增长4.0%")
                    .contains("行政强制决定23件，与上年持平")
                    .contains("全年新收政府信息公开申请70件，比上年减少10件、下降12.5%")
                    .contains("合计办结70件，比上年减少10件、下降12.5%")
                    .contains("被申请行政复议33件，与上年持平（结果维持22件、结果纠正6件、其他结果5件、尚未审结0件）")
                    .contains("被提起行政诉讼46件，与上年持平，其中未经复议直接起诉35件、复议后起诉11件")
                    .contains("全年全县政府门户网站发布信息5679条，与上年持平，其中概况类信息15条、政务动态信息2551条、政府信息公开信息3113条")
                    .contains("全年清理删除不符合要求的政府信息2611条，与上年持平，其中通知公告类1890条、信息公开类425条、时政类16条、"
                            + "文件类280条；按单位类别分，镇909条（通知公告类651条、信息公开类101条、时政类3条、文件类154条），"
                            + "县直单位1702条（通知公告类1239条、信息公开类324条、时政类13条、文件类126条）。")
                    .doesNotContain("文中未作与上年的比较");
        }
        try (DraftFile doc = DraftFile.open(draft2023)) {
            assertThat(doc.text()).contains("作出行政许可决定7000件，行政处罚决定750件，").contains("数据库中没有2022年度的汇总数据，文中未作与上年的比较")
                    .doesNotContain("比上年").doesNotContain("与上年持平");
        }
    }

    @Test
    void marksWhatOnlyAPersonCanWriteAndTheOfficesNote() throws Exception {
        try (DraftFile doc = DraftFile.open(draft2024)) {
            List<XWPFRun> marked = doc.runs().stream().filter(r -> r.text().startsWith("【")).toList();
            assertThat(marked).extracting(XWPFRun::text).contains("【请补充：网址】", "【请补充：联系机关、地址、电话】",
                    "【请补充：本年度政府信息公开工作存在的主要问题】", "【请补充：发布日期】");
            assertThat(marked).hasSizeGreaterThanOrEqualTo(12)
                    .allSatisfy(r -> assertThat(r.getTextHighlightColor().toString()).as(r.text()).isEqualTo("yellow"));
            assertThat(doc.runs().stream().filter(r -> !r.text().startsWith("【")))
                    .allSatisfy(r -> assertThat(r.isHighlighted()).as(r.text()).isFalse());
            // 五 has only placeholders; 六 the 信息处理费 sentence from the data (none collected in the demo)
            List<String> paragraphs = doc.paragraphs();
            int five = paragraphs.indexOf("五、政府信息公开工作存在的主要问题及改进情况");
            int six = paragraphs.indexOf("六、其他需要报告的事项");
            assertThat(paragraphs.subList(five + 1, six)).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("【请补充："));
            assertThat(paragraphs.get(six + 1)).isEqualTo("依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），"
                    + "本年度未发出信息处理费收费通知，未收取政府信息公开信息处理费。");
            assertThat(paragraphs.get(paragraphs.size() - 2)).isEqualTo("泽州县人民政府");
        }
    }

    @Test
    void leavesOutTheRejectedUnitAndSaysWhichUnitsAreMissing() throws Exception {
        // What the rejected unit (the reference report's error repeated) sent is stored, but not in the draft.
        Map<String, BigDecimal> rejected = new HashMap<>();
        jdbc.query("SELECT v.item_code, v.figure FROM submission s JOIN submission_value v ON v.submission_id = s.id "
                + "WHERE s.report_year = 2024 AND s.unit_code = ?", rs -> {
                    rejected.put(rs.getString(1), rs.getBigDecimal(2));
                }, DemoSubmissions.REJECTED_UNIT);
        assertThat(rejected.get("T2.PENALTY.DECISIONS")).isEqualByComparingTo("41");
        Map<String, String> printed = printedFigures(draft2024);
        assertThat(printed.get("T2.PENALTY.DECISIONS")).isEqualTo("780");
        assertThat(printed.get("T3.NEW.NAT")).isEqualTo("70");
        try (DraftFile doc = DraftFile.open(draft2024)) {
            String note = doc.paragraphs().get(2);
            assertThat(note).startsWith("【编制说明，发布前删除】")
                    .contains("全县名册41个单位，已计入39个（南村镇、")
                    .contains("未计入2个：犁川镇（未报送）、县司法局（报送的报告未通过校验或经审核退回）")
                    .contains("县人民政府各部门应于2025年1月31日前、县人民政府应于2025年3月31日前公布");
            assertThat(doc.text()).doesNotContain("行政处罚决定821件");
        }
    }

    @Test
    void aReportOfNamedUnitsSumsOnlyThem() throws Exception {
        DraftSettings settings = DraftSettings.defaults().withUnits(List.of("D01", "D02", DemoSubmissions.REJECTED_UNIT));
        DraftComposer composer = new DraftComposer(form, "泽州县", new DraftSettings(true, "泽州县人民政府办公室",
                settings.units(), "03-15"), new DeadlineSettings("01-20", List.of()));
        CountyDraft draft = new CountyDraft(new DraftSource(form, roster, settings, queries, totals), composer,
                new DraftCheck(form, new CountySelfCheck(form, roster), composer.sectionHeadings()), new DraftDocxWriter(),
                "泽州县", Clock.fixed(Instant.parse("2025-01-10T01:00:00Z"), CountyClock.ZONE));
        Path own = output.resolve("own");
        CountyDraft.Written written = draft.write(DemoInput.YEAR, Optional.empty(), own);

        Map<String, BigDecimal> expected = new HashMap<>();
        jdbc.query("SELECT v.item_code, SUM(v.figure) FROM submission s JOIN submission_value v ON v.submission_id = s.id "
                + "WHERE s.report_year = 2024 AND s.status = 'ACCEPTED' AND s.unit_code IN ('D01', 'D02') "
                + "GROUP BY v.item_code", rs -> {
                    expected.put(rs.getString(1), rs.getBigDecimal(2));
                });
        Map<String, BigDecimal> complete = form.withDerivedTotals(expected);
        printedFigures(written.file()).forEach((code, text) ->
                assertThat(new BigDecimal(text)).as(code).isEqualByComparingTo(complete.get(code)));
        try (DraftFile doc = DraftFile.open(written.file())) {
            assertThat(doc.paragraphs().get(0)).startsWith("泽州县人民政府办公室\n");
            assertThat(doc.paragraphs().get(2)).contains("2025-01-10 09:00")
                    .contains("按设置计入名册中的3个单位，已计入2个（县人民政府办公室、县发展和改革局）")
                    .contains("未计入1个：县司法局（报送的报告未通过校验或经审核退回）")
                    .contains("各部门应于2025年1月20日前、县人民政府应于2025年3月15日前");
            assertThat(doc.text()).contains("作出行政许可决定" + complete.get("T2.LICENSE.DECISIONS").intValueExact() + "件，比上年");
        }
    }

    @Test
    void theDraftCommandRewritesOnlyTheDraftNeverAnEditedCopy() throws Exception {
        Path copy = draft2024.resolveSibling("泽州县2024年政府信息公开工作年度报告（修改稿）.docx");
        Files.copy(draft2024, copy);
        Files.writeString(draft2024.resolveSibling("说明.txt"), "办公室的笔记");
        byte[] edited = Files.readAllBytes(copy);
        Files.setLastModifiedTime(draft2024, java.nio.file.attribute.FileTime.fromMillis(0));

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int status = draftCommand.execute(DemoInput.YEAR, output.toString(),
                new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(DraftCommand.WRITTEN);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("年度报告草稿: " + draft2024.toAbsolutePath().normalize())
                .contains("统计范围: 41 个单位，已计入 39，未通过 1，未报送 1");
        assertThat(Files.getLastModifiedTime(draft2024).toMillis()).isPositive();
        assertThat(Files.readAllBytes(copy)).isEqualTo(edited);
        assertThat(Files.readString(draft2024.resolveSibling("说明.txt"))).isEqualTo("办公室的笔记");
        assertThat(printedFigures(draft2024)).isEqualTo(printedFigures(copy));
        try (var files = Files.list(draft2024.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void theDraftCommandSaysWhenTheYearWasNeverConsolidated() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int status = draftCommand.execute(2019, output.toString(), new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(DraftCommand.NOT_WRITTEN);
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("错误: 数据库中没有 2019 年度的汇总结果，无法生成年度报告草稿。请先运行该年度的汇总（--year=2019）。");
        assertThat(new OutputLayout(output, 2019).draft("泽州县")).doesNotExist();
    }

    private Map<String, BigDecimal> countyTotals(long execution) {
        Map<String, BigDecimal> county = new HashMap<>();
        jdbc.query("SELECT item_code, figure FROM county_total WHERE job_execution_id = ? AND scope = 'COUNTY'", rs -> {
            county.put(rs.getString(1), rs.getBigDecimal(2));
        }, execution);
        return county;
    }

    /**
     * The figures the three tables print, by item code, read by their position as the national
     * form lays them out (not by the writer's own model).
     */
    private Map<String, String> printedFigures(Path file) throws Exception {
        Map<String, String> printed = new HashMap<>();
        try (DraftFile doc = DraftFile.open(file)) {
            XWPFTable t2 = doc.tables().get(0);
            for (Table2Block block : form.table2().blocks()) {
                for (Label row : block.rows()) {
                    XWPFTableRow tableRow = t2.getRows().stream().filter(r -> r.getCell(0).getText().equals(row.text()))
                            .findFirst().orElseThrow();
                    for (int c = 0; c < block.columns().size(); c++) {
                        printed.put(Table2Block.itemCode(row, block.columns().get(c)), tableRow.getCell(c + 1).getText());
                    }
                }
            }
            XWPFTable t3 = doc.tables().get(1);
            List<Table3Row> rows = form.table3().rows();
            assertThat(t3.getRows()).hasSize(3 + rows.size());
            for (int r = 0; r < rows.size(); r++) {
                List<XWPFTableCell> cells = t3.getRow(3 + r).getTableCells();
                List<Table3Column> columns = form.table3().columns();
                assertThat(cells.get(cells.size() - columns.size() - 1).getText()).isEqualTo(rows.get(r).label());
                for (int c = 0; c < columns.size(); c++) {
                    printed.put(Table3Layout.itemCode(rows.get(r).code(), columns.get(c).code()),
                            cells.get(cells.size() - columns.size() + c).getText());
                }
            }
            XWPFTable t4 = doc.tables().get(2);
            List<XWPFTableCell> values = t4.getRow(3).getTableCells();
            int i = 0;
            for (Table4Layout.Group group : form.table4().groups()) {
                for (Table4Layout.Column column : form.table4().columns()) {
                    assertThat(t4.getRow(2).getCell(i).getText()).isEqualTo(column.label());
                    printed.put(Table4Layout.itemCode(group, column), values.get(i++).getText());
                }
            }
        }
        return printed;
    }
}
