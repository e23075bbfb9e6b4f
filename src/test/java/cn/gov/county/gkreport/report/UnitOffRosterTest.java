package cn.gov.county.gkreport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.gov.county.gkreport.ConsolidatorApplication;
import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.support.DemoInput;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A unit taken off the roster after its report was accepted: given the demo night, when the office
 * drops 南村镇 (T01, accepted) from the roster and runs the next night on the same database, then the
 * night completes, T01's report stays in the database as it was, but is counted neither in the county
 * totals nor in 分单位明细 nor in 数据溯源 (which agree with each other), and the summary, 汇总表 and
 * 报送情况 say that its report is kept and not counted; back on the roster, it counts again. Subclasses
 * choose the database.
 */
abstract class UnitOffRosterTest {

    private static final String DROPPED = "T01";

    /** Spring arguments that point every night at one database of the subclass's choosing. */
    abstract List<String> database(Path work);

    @Test
    void aUnitTakenOffTheRosterIsKeptButCountedNowhere(@TempDir Path work) throws Exception {
        FormDefinition form = FormDefinitionLoader.loadCurrent();
        Roster demo = Roster.read(Path.of("jobs/roster.csv"), "泽州县");
        Path input = work.resolve("input");
        DemoInput.copyTo(input);
        Path output = work.resolve("output");

        // given the demo night with the full roster
        List<String> database = database(work);
        Night first = run(database, Path.of("jobs/roster.csv"), input, output);
        assertThat(first.exit()).as(first.summary()).isEqualTo(ConsolidationCommand.COMPLETED);
        assertThat(first.summary()).contains("应报 41 个单位，已接收 39，未通过 1，未报送 1");
        assertThat(first.statusOf(DROPPED)).isEqualTo("ACCEPTED");

        // when the office takes T01 off the roster and the next night runs on the same database and input
        Path shorter = work.resolve("roster-without-" + DROPPED + ".csv");
        Files.write(shorter, Files.readAllLines(Path.of("jobs/roster.csv")).stream()
                .filter(line -> !line.startsWith(DROPPED + ",")).toList());
        Night second = run(database, shorter, input, output);

        // then the night completes and T01 counts nowhere
        assertThat(second.exit()).as(second.summary()).isEqualTo(ConsolidationCommand.COMPLETED);
        assertThat(second.summary()).contains("应报 40 个单位，已接收 38，未通过 1，未报送 1")
                .contains("不在本年度名单").contains(DROPPED + " 南村镇").contains("保留").contains("不计入汇总");
        // its report is history, kept as it was
        assertThat(second.statusOf(DROPPED)).isEqualTo("ACCEPTED");
        assertThat(second.figureRows(DROPPED)).isEqualTo(first.figureRows(DROPPED)).isPositive();

        Map<String, Map<String, BigDecimal>> accepted = new DemoSubmissions(form, demo, DemoInput.YEAR).acceptedFigures();
        for (var item : form.items()) {
            BigDecimal county = BigDecimal.ZERO;
            BigDecimal towns = BigDecimal.ZERO;
            for (var unit : accepted.entrySet()) {
                if (unit.getKey().equals(DROPPED)) {
                    continue;
                }
                BigDecimal value = unit.getValue().getOrDefault(item.code(), BigDecimal.ZERO);
                county = county.add(value);
                towns = unit.getKey().startsWith("T") ? towns.add(value) : towns;
            }
            assertThat(second.totals().get(TotalScope.COUNTY).get(item.code())).as(item.code()).isEqualByComparingTo(county);
            assertThat(second.totals().get(TotalScope.TOWN).get(item.code())).as(item.code()).isEqualByComparingTo(towns);
        }
        assertThat(second.unitCount()).isEqualTo(38);
        // the first night's totals counted T01 (so the test drops a unit that mattered)
        assertThat(first.totals().get(TotalScope.COUNTY)).isNotEqualTo(second.totals().get(TotalScope.COUNTY));

        Path workbook = new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook();
        Map<String, List<List<String>>> sheets = sheets(workbook);
        assertThat(codes(sheets.get(UnitDetailSheet.NAME), 0)).doesNotContain(DROPPED).contains("T02");
        // every traced figure is a counted one: the trace of an item adds up to its county total
        List<List<String>> trace = sheets.get(TraceabilitySheet.NAME);
        assertThat(codes(trace, 2)).doesNotContain(DROPPED).contains("T02");
        Map<String, BigDecimal> traced = trace.stream().filter(r -> r.size() > 8 && r.get(0).matches("[A-Z0-9_.]+\\.[A-Z0-9_.]+"))
                .collect(Collectors.toMap(r -> r.get(0), r -> new BigDecimal(r.get(8).replace(",", "")), BigDecimal::add));
        assertThat(traced).containsKey("T2.LICENSE.DECISIONS");
        traced.forEach((item, sum) -> assertThat(sum).as(item)
                .isEqualByComparingTo(second.totals().get(TotalScope.COUNTY).get(item)));
        assertThat(codes(sheets.get(FindingsSheet.NAME), 0)).doesNotContain(DROPPED);
        List<List<String>> status = sheets.get(SubmissionStatusSheet.NAME);
        assertThat(status).filteredOn(r -> r.get(0).equals(DROPPED)).singleElement()
                .satisfies(r -> assertThat(r.get(1)).isEqualTo("南村镇"))
                .satisfies(r -> assertThat(r.get(3)).contains("不在本年度名单"));
        assertThat(sheets.get(SummarySheet.NAME).toString()).contains("不在本年度名单");

        // a third night with nothing new: the same standing, nothing changed, the same totals
        Night third = run(database, shorter, input, output);
        assertThat(third.exit()).as(third.summary()).isEqualTo(ConsolidationCommand.COMPLETED);
        assertThat(third.summary()).contains("与上次汇总相比：无变化").contains("不在本年度名单");
        assertThat(third.totals()).isEqualTo(second.totals());

        // and once T01 is back on the roster, its accepted version counts again
        Night fourth = run(database, Path.of("jobs/roster.csv"), input, output);
        assertThat(fourth.exit()).as(fourth.summary()).isEqualTo(ConsolidationCommand.COMPLETED);
        assertThat(fourth.summary()).contains("应报 41 个单位，已接收 39，未通过 1，未报送 1").doesNotContain("不在本年度名单");
        assertThat(fourth.totals()).isEqualTo(first.totals());
    }

    private static List<String> codes(List<List<String>> rows, int column) {
        return rows.stream().filter(r -> r.size() > column).map(r -> r.get(column)).toList();
    }

    /** One night's outcome, read from its own context before it closed. */
    record Night(int exit, String summary, Map<String, String> statuses, Map<String, Integer> figureCounts,
                 Map<TotalScope, Map<String, BigDecimal>> totals, int unitCount) {

        String statusOf(String unit) {
            return statuses.get(unit);
        }

        int figureRows(String unit) {
            return figureCounts.getOrDefault(unit, 0);
        }
    }

    private static Night run(List<String> database, Path roster, Path input, Path output) {
        List<String> args = new ArrayList<>(database);
        args.add("--consolidator.roster=" + roster);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConsolidatorApplication.class)
                .profiles("test").run(args.toArray(String[]::new))) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            ConsolidationCommand.Outcome outcome = context.getBean(ConsolidationCommand.class).execute(DemoInput.YEAR,
                    input.toString(), output.toString(), new PrintStream(console, true, StandardCharsets.UTF_8));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Map<String, String> statuses = new HashMap<>();
            jdbc.query("SELECT unit_code, status FROM submission WHERE report_year = 2024 AND status <> 'SUPERSEDED'",
                    rs -> { statuses.put(rs.getString(1), rs.getString(2)); });
            Map<String, Integer> figures = new HashMap<>();
            jdbc.query("SELECT s.unit_code, COUNT(*) FROM submission s JOIN submission_value v ON v.submission_id = s.id "
                    + "WHERE s.report_year = 2024 AND s.status = 'ACCEPTED' GROUP BY s.unit_code",
                    rs -> { figures.put(rs.getString(1), rs.getInt(2)); });
            long execution = jdbc.queryForObject("SELECT MAX(job_execution_id) FROM county_total", Long.class);
            Map<TotalScope, Map<String, BigDecimal>> totals = new HashMap<>();
            jdbc.query("SELECT scope, item_code, figure FROM county_total WHERE job_execution_id = ?", rs -> {
                totals.computeIfAbsent(TotalScope.valueOf(rs.getString(1)), s -> new HashMap<>())
                        .put(rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros());
            }, execution);
            int units = jdbc.queryForObject("SELECT MAX(unit_count) FROM county_total WHERE job_execution_id = ? "
                    + "AND scope = 'COUNTY'", Integer.class, execution);
            return new Night(outcome.exitCode(), console.toString(StandardCharsets.UTF_8), statuses, figures, totals, units);
        }
    }

    /** Every sheet's rows as shown text, first sheets of a name only. */
    private static Map<String, List<List<String>>> sheets(Path file) throws Exception {
        Map<String, List<List<String>>> sheets = new HashMap<>();
        DataFormatter formatter = new DataFormatter();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
            for (Sheet sheet : workbook) {
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                    }
                    rows.add(cells);
                }
                sheets.put(sheet.getSheetName(), rows);
            }
        }
        return sheets;
    }
}
