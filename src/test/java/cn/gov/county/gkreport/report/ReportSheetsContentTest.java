package cn.gov.county.gkreport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.consolidate.CountyTotals;
import cn.gov.county.gkreport.consolidate.CountyTotalsRepository;
import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.deadline.DeadlineSettings;
import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.intake.UnitType;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.OnFreshH2Test;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reviewers' sheets checked cell by cell against the database, on a night where the
 * submissions were stored in another order than the roster's (within each kind of unit the
 * submission ids run against the unit codes, pairwise, as after a crash and a rerun): every unit
 * row of 分单位明细 is that unit's stored figures (totals as the sums of their parts), every
 * subtotal the rows above it; 分类汇总's subtotals are independent sums; every 数据溯源 row is a
 * stored figure of a counting submission; and a per-unit sheet that would not add up to the county
 * totals fails the workbook instead of being written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportSheetsContentTest extends OnFreshH2Test {

    @Autowired
    ReportRepository queries;
    @Autowired
    CountyTotalsRepository totals;

    private final DataFormatter text = new DataFormatter();
    private Path output;
    private long execution;

    @BeforeAll
    void runOnSubmissionsStoredAgainstRosterOrder(@TempDir Path work) throws Exception {
        Path dir = DemoInput.copyTo(work.resolve("input"));
        // files are registered by modification time: swap each pair of neighbouring units
        List<String> codes = roster.units().stream().map(RosterUnit::code).toList();
        long base = Files.getLastModifiedTime(DemoInput.files(dir).get(0)).toMillis();
        for (Path file : DemoInput.files(dir)) {
            String code = file.getFileName().toString().substring(0, 3);
            int index = codes.indexOf(code);
            int swapped = index % 2 == 0 ? index + 1 : index - 1;
            // the two files of one unit keep their order (name order within the same second)
            Files.setLastModifiedTime(file, FileTime.fromMillis(base + swapped * 1000L));
        }
        output = work.resolve("output");
        ConsolidationCommand.Outcome outcome = command.execute(DemoInput.YEAR, work.resolve("input").toString(),
                output.toString(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(outcome.exitCode()).isEqualTo(ConsolidationCommand.COMPLETED);
        execution = outcome.execution().orElseThrow().getId();
        List<String> byId = jdbc.queryForList("SELECT s.unit_code FROM submission s JOIN reporting_unit u "
                + "ON u.code = s.unit_code WHERE s.status = 'ACCEPTED' AND u.unit_type = 'TOWN' ORDER BY s.id", String.class);
        assertThat(byId).as("the precondition: ids against the roster's order").isNotEqualTo(byId.stream().sorted().toList());
    }

    @Test
    void aNightWithoutEarlierVersionsFindingsHasNoEmptyHistorySheet() throws Exception {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM finding f JOIN submission s ON s.id = f.submission_id "
                + "WHERE s.status = 'SUPERSEDED'", Integer.class)).as("the precondition").isZero();
        try (XSSFWorkbook workbook = workbook()) {
            assertThat(workbook.getSheet(FindingsSheet.HISTORY_NAME)).isNull();
            Sheet summary = workbook.getSheet(SummarySheet.NAME);
            String line = java.util.stream.IntStream.rangeClosed(0, summary.getLastRowNum())
                    .mapToObj(summary::getRow).filter(r -> r != null && "以前版本的问题".equals(text.formatCellValue(r.getCell(0))))
                    .map(r -> text.formatCellValue(r.getCell(1))).findFirst().orElseThrow();
            assertThat(line).isEqualTo("0 条");
        }
    }

    @Test
    void everyUnitRowIsThatUnitsStoredFiguresAndEverySubtotalTheRowsAboveIt() throws Exception {
        Map<String, Map<String, BigDecimal>> stored = UnitDetailCheck.storedAcceptedFigures(jdbc, DemoInput.YEAR);
        try (XSSFWorkbook workbook = workbook()) {
            Sheet detail = workbook.getSheet(UnitDetailSheet.NAME);
            Map<Integer, String> items = UnitDetailCheck.itemColumns(detail, form);
            assertThat(items).hasSize(form.items().size());
            Map<String, BigDecimal> running = new HashMap<>();
            Map<String, BigDecimal> county = new HashMap<>();
            List<String> seen = new ArrayList<>();
            int subtotals = 0;
            for (int r = UnitDetailSheet.HEADER_ROWS; r <= detail.getLastRowNum(); r++) {
                Row row = detail.getRow(r);
                String code = text.formatCellValue(row.getCell(0));
                if (!code.isEmpty()) {
                    seen.add(code);
                    String status = text.formatCellValue(row.getCell(2));
                    if (!status.equals("已接收")) {
                        assertThat(stored).doesNotContainKey(code);
                        assertThat(row.getCell(UnitDetailSheet.FIXED)).isNull();
                        continue;
                    }
                    Map<String, BigDecimal> expected = form.withDerivedTotals(stored.getOrDefault(code, Map.of()));
                    for (Map.Entry<Integer, String> item : items.entrySet()) {
                        BigDecimal shown = value(row.getCell(item.getKey()));
                        assertThat(shown).as(code + " " + item.getValue()).isEqualByComparingTo(expected.get(item.getValue()));
                        running.merge(item.getValue(), shown, BigDecimal::add);
                    }
                    continue;
                }
                String label = text.formatCellValue(row.getCell(1));
                subtotals++;
                Map<String, BigDecimal> expected = label.equals("全县合计") ? county : running;
                for (Map.Entry<Integer, String> item : items.entrySet()) {
                    assertThat(value(row.getCell(item.getKey()))).as(label + " " + item.getValue())
                            .isEqualByComparingTo(expected.getOrDefault(item.getValue(), BigDecimal.ZERO));
                }
                if (!label.equals("全县合计")) {
                    running.forEach((item, value) -> county.merge(item, value, BigDecimal::add));
                    running.clear();
                }
            }
            assertThat(subtotals).isEqualTo(3);
            assertThat(seen).containsExactlyElementsOf(roster.units().stream().map(RosterUnit::code).toList());
            // the reference portal total: T05 typed 184 where its parts add to 174; 174 is summed and the cell says so
            Row t05 = detail.getRow(UnitDetailSheet.HEADER_ROWS + seen.indexOf(DemoSubmissions.WARNED_UNIT));
            int web = items.entrySet().stream().filter(e -> e.getValue().equals("N.WEB_TOTAL")).findFirst().orElseThrow().getKey();
            assertThat(stored.get(DemoSubmissions.WARNED_UNIT).get("N.WEB_TOTAL")).isEqualByComparingTo("184");
            assertThat(t05.getCell(web).getNumericCellValue()).isEqualTo(174);
            assertThat(t05.getCell(web).getCellComment().getString().getString()).contains("填报 184").contains("174");
            assertThat(detail.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) UnitDetailSheet.HEADER_ROWS);
        }
    }

    @Test
    void breakdownSubtotalsAreIndependentSumsPerKindOfUnit() throws Exception {
        Map<String, Map<String, BigDecimal>> stored = UnitDetailCheck.storedAcceptedFigures(jdbc, DemoInput.YEAR);
        Map<UnitType, Map<String, BigDecimal>> byType = new EnumMap<>(UnitType.class);
        stored.forEach((unit, figures) -> form.withDerivedTotals(figures).forEach((item, value) -> byType
                .computeIfAbsent(roster.byCode(unit).orElseThrow().type(), t -> new HashMap<>())
                .merge(item, value, BigDecimal::add)));
        try (XSSFWorkbook workbook = workbook()) {
            Sheet breakdown = workbook.getSheet(ScopeBreakdownSheet.NAME);
            Row header = breakdown.getRow(0);
            Map<String, Integer> columns = new HashMap<>();
            header.forEach(cell -> columns.put(text.formatCellValue(cell), cell.getColumnIndex()));
            int rows = 0;
            for (Row row : breakdown) {
                String code = text.formatCellValue(row.getCell(columns.get("项目代码")));
                if (row.getRowNum() == 0 || !form.hasItem(code)) {
                    continue;
                }
                rows++;
                BigDecimal town = byType.get(UnitType.TOWN).getOrDefault(code, BigDecimal.ZERO);
                BigDecimal department = byType.get(UnitType.DEPARTMENT).getOrDefault(code, BigDecimal.ZERO);
                assertThat(value(row.getCell(columns.get("镇小计")))).as(code).isEqualByComparingTo(town);
                assertThat(value(row.getCell(columns.get("县直单位小计")))).as(code).isEqualByComparingTo(department);
                assertThat(value(row.getCell(columns.get("全县合计")))).as(code).isEqualByComparingTo(town.add(department));
            }
            assertThat(rows).isEqualTo(form.items().size());
        }
    }

    @Test
    void everyTraceabilityRowIsAStoredFigureOfACountingSubmission() throws Exception {
        Map<String, Object[]> expected = new TreeMap<>();
        jdbc.query("""
                SELECT s.unit_code, v.item_code, v.figure, s.file_name, s.sha256, v.source_sheet, v.source_cell, s.version
                FROM submission s JOIN submission_value v ON v.submission_id = s.id
                WHERE s.report_year = 2024 AND s.status = 'ACCEPTED' AND v.figure <> 0""", rs -> {
            if (!form.item(rs.getString(2)).derived()) {
                expected.put(rs.getString(1) + "|" + rs.getString(2), new Object[] {rs.getBigDecimal(3),
                        rs.getString(4), rs.getString(5), rs.getString(6) + "!" + rs.getString(7), rs.getInt(8)});
            }
        });
        List<String> notCounting = jdbc.queryForList("SELECT sha256 FROM submission WHERE status <> 'ACCEPTED'",
                String.class);
        assertThat(notCounting).as("rejected D07 and superseded D03 v1").hasSizeGreaterThanOrEqualTo(2);
        try (XSSFWorkbook workbook = workbook()) {
            Sheet trace = workbook.getSheet(TraceabilitySheet.NAME);
            Map<String, Integer> columns = new HashMap<>();
            trace.getRow(0).forEach(cell -> columns.put(text.formatCellValue(cell), cell.getColumnIndex()));
            Map<String, Object[]> shown = new TreeMap<>();
            List<String> unitOrder = new ArrayList<>();
            for (Row row : trace) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                unitOrder.add(text.formatCellValue(row.getCell(columns.get("单位代码"))));
                String key = text.formatCellValue(row.getCell(columns.get("单位代码"))) + "|"
                        + text.formatCellValue(row.getCell(columns.get("项目代码")));
                Object[] previous = shown.put(key, new Object[] {value(row.getCell(columns.get("数值"))),
                        text.formatCellValue(row.getCell(columns.get("文件名"))), fullSha(row, columns),
                        text.formatCellValue(row.getCell(columns.get("来源单元格"))),
                        (int) row.getCell(columns.get("版本")).getNumericCellValue()});
                assertThat(previous).as("one row per unit and item: " + key).isNull();
            }
            assertThat(shown.keySet()).containsExactlyElementsOf(expected.keySet());
            assertThat(unitOrder).as("unit by unit, in code order").isSorted();
            expected.forEach((key, row) -> {
                Object[] actual = shown.get(key);
                assertThat((BigDecimal) actual[0]).as(key).isEqualByComparingTo((BigDecimal) row[0]);
                assertThat(List.of(actual).subList(1, 5)).as(key).containsExactlyElementsOf(List.of(row).subList(1, 5));
                assertThat(notCounting).doesNotContain((String) actual[2]);
            });
        }
    }

    @Test
    void aPerUnitSheetThatDoesNotAddUpToTheCountyTotalsFailsTheWorkbook(@TempDir Path work) {
        CountyTotals stored = totals.load(execution).orElseThrow();
        Map<TotalScope, Map<String, BigDecimal>> figures = new EnumMap<>(TotalScope.class);
        stored.figures().forEach((scope, values) -> figures.put(scope, new HashMap<>(values)));
        figures.get(TotalScope.TOWN).merge("T2.LICENSE.DECISIONS", BigDecimal.ONE, BigDecimal::add);
        CountyTotals wrong = new CountyTotals(execution, stored.year(), figures, stored.unitCounts());
        List<ReportRepository.SubmissionRow> submissions = queries.submissions(DemoInput.YEAR);
        ReportData data = new ReportData(form, roster, new CountyOffice("140525", "", ""), DemoInput.YEAR, java.time.LocalDateTime.now(),
                DeadlineSettings.defaults().calendar(DemoInput.YEAR), wrong,
                UnitStanding.of(roster.units(), submissions), submissions, Map.of(), 0, queries);
        Path file = work.resolve("out.xlsx");
        assertThatThrownBy(() -> new ConsolidatedWorkbook().write(data, file))
                .hasMessageContaining("分单位明细的镇小计与汇总数不一致")
                .hasMessageContaining("T2.LICENSE.DECISIONS 各单位之和 548，汇总数 549");
        assertThat(file).doesNotExist();
    }

    /** The full fingerprint of a row (hidden column), whose start the visible column shows. */
    private String fullSha(Row row, Map<String, Integer> columns) {
        String full = text.formatCellValue(row.getCell(columns.get("SHA-256（完整）")));
        assertThat(text.formatCellValue(row.getCell(columns.get("SHA-256")))).isEqualTo(full.substring(0, 16) + "…");
        assertThat(row.getSheet().isColumnHidden(columns.get("SHA-256（完整）"))).isTrue();
        return full;
    }

    private static BigDecimal value(Cell cell) {
        return BigDecimal.valueOf(cell.getNumericCellValue());
    }

    private XSSFWorkbook workbook() throws Exception {
        return new XSSFWorkbook(new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook().toFile());
    }
}
