package cn.gov.county.gkreport.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.OnFreshH2Test;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * The fixtures that say how the whole job must treat them ({@code job.*} in their expectation)
 * arrive after the demo input, under the names a clerk would send them, and the nightly job runs
 * once: each has its status, unit and rule ids; the demo units are all still accepted; the county
 * totals are the demo input's, changed only by what a case should add ({@code job.adds}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixtureCorpusJobTest extends OnFreshH2Test {

    /** Files made by LibreOffice from d01-demo.xlsx (scripts/fixtures/make-fixtures.sh), by the name they are sent under. */
    private static final Path OTHER = Path.of("src/test/resources/other-formats");
    private static final Map<String, String> OTHER_FORMATS = Map.of("D01-县人民政府办公室-2024年报.ods", "d01-demo.ods");

    private final Map<String, Properties> cases = new LinkedHashMap<>();
    private Path output;
    private ConsolidationCommand.Outcome outcome;
    private String summary;

    @BeforeAll
    void runTheJobOnDemoInputAndFixtures(@TempDir Path work) throws Exception {
        Path dir = DemoInput.copyTo(work.resolve("input"));
        Instant after = Instant.now().plus(Duration.ofDays(1));
        for (Path expectation : FixtureExpectation.all(FixtureCorpusTest.DIR)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(expectation, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            if (p.getProperty("job.sentAs") == null) {
                continue;
            }
            Path sent = dir.resolve(p.getProperty("job.sentAs"));
            Files.copy(FixtureCorpusTest.DIR.resolve(p.getProperty("file")), sent);
            Files.setLastModifiedTime(sent, FileTime.from(after.plusSeconds(60L * cases.size())));
            cases.put(p.getProperty("file"), p);
        }
        // formats the reader does not read, each refused with its own reason and the steps to save as .xlsx
        for (Map.Entry<String, String> other : OTHER_FORMATS.entrySet()) {
            Path sent = dir.resolve(other.getKey());
            Files.copy(OTHER.resolve(other.getValue()), sent);
            Files.setLastModifiedTime(sent, FileTime.from(after.plusSeconds(60L * (cases.size() + 100))));
        }
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        output = work.resolve("output");
        outcome = command.execute(DemoInput.YEAR, work.resolve("input").toString(), output.toString(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        summary = console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theJobCompletesWithEveryDemoUnitStillAccepted() {
        assertThat(cases).as("fixtures with a job expectation").hasSizeGreaterThanOrEqualTo(6);
        assertThat(outcome.execution().orElseThrow().getStatus()).as(summary).isEqualTo(BatchStatus.COMPLETED);
        Set<String> demoUnits = new DemoSubmissions(form, roster, DemoInput.YEAR).acceptedFigures().keySet();
        assertThat(jdbc.queryForList("SELECT DISTINCT unit_code FROM submission WHERE report_year = ? AND status = 'ACCEPTED'",
                String.class, DemoInput.YEAR)).containsExactlyInAnyOrderElementsOf(demoUnits);
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureHasItsOutcome() {
        return cases.values().stream().map(p -> DynamicTest.dynamicTest(p.getProperty("file"), () -> {
            Map<String, Object> row = jdbc.queryForMap("SELECT id, status, unit_code FROM submission WHERE file_name = ?",
                    p.getProperty("job.sentAs"));
            List<Map<String, Object>> findings = jdbc.queryForList("SELECT rule_id, message FROM finding"
                    + " WHERE submission_id = ? ORDER BY seq", row.get("ID"));
            String seen = findings.stream().map(f -> f.get("RULE_ID") + " " + f.get("MESSAGE"))
                    .collect(Collectors.joining("\n  ", "\n  ", ""));
            assertThat(row.get("STATUS")).as("status; findings:%s", seen).isEqualTo(p.getProperty("job.status"));
            assertThat(row.get("UNIT_CODE")).as("unit").isEqualTo(p.getProperty("unitCode"));
            Set<String> rules = findings.stream().map(f -> (String) f.get("RULE_ID"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(rules).as("rule ids; findings:%s", seen).isEqualTo(new TreeSet<>(list(p.getProperty("job.rules"))));
        }));
    }

    @Test
    void anOdsIsRefusedWithItsFormatAndTheStepsToSaveAsXlsx() {
        Map<String, String> reasons = Map.of("d01-demo.ods", "ODS");
        OTHER_FORMATS.forEach((sentAs, file) -> {
            Map<String, Object> f = jdbc.queryForMap("SELECT s.status, f.rule_id, f.reason_code, f.message FROM submission s"
                    + " JOIN finding f ON f.submission_id = s.id WHERE s.file_name = ?", sentAs);
            assertThat(f.get("STATUS")).isEqualTo("REJECTED");
            assertThat(f.get("RULE_ID")).isEqualTo("FILE");
            assertThat(f.get("REASON_CODE")).isEqualTo(reasons.get(file));
            assertThat((String) f.get("MESSAGE")).contains("另存为").contains(".xlsx").doesNotContain("不是 Excel 文件");
        });
    }

    @Test
    void theFeedbackCopyOfAMacroEnabledWorkbookKeepsItsType() throws Exception {
        Path copy = output.resolve(DemoInput.YEAR + "/feedback/县商务局-2024年-第2版-校验反馈.xlsm");
        assertThat(copy).exists();
        try (var pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(copy.toFile(),
                org.apache.poi.openxml4j.opc.PackageAccess.READ)) {
            assertThat(pkg.getPartsByContentType("application/vnd.ms-excel.sheet.macroEnabled.main+xml")).hasSize(1);
            assertThat(pkg.getPartsByName(java.util.regex.Pattern.compile("/xl/vbaProject\\.bin"))).hasSize(1);
        }
        try (Stream<Path> feedback = Files.list(output.resolve(DemoInput.YEAR + "/feedback"))) {
            assertThat(feedback.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("县商务局") && n.endsWith(".xlsx"));
        }
    }

    @Test
    void theSummarySheetSaysFromHowManyUnitsTheIndicatorsCome() throws Exception {
        Path workbook = output.resolve(DemoInput.YEAR + "/consolidated-" + DemoInput.YEAR + ".xlsx");
        try (var pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(workbook.toFile(),
                org.apache.poi.openxml4j.opc.PackageAccess.READ);
             var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(pkg)) {
            List<String> lines = new ArrayList<>();
            // shown text: 汇总表 also holds the charts' number table below the lines
            var text = new org.apache.poi.ss.usermodel.DataFormatter();
            wb.getSheet("汇总表").forEach(row -> {
                if (row.getCell(1) != null) {
                    lines.add(text.formatCellValue(row.getCell(0)) + " " + text.formatCellValue(row.getCell(1)));
                }
            });
            // 39 demo units accepted, T11's latest accepted file has no 总体情况 sheet
            assertThat(lines).contains("总体情况（统计指标） 来自 38 个单位（另有 1 个已接收单位没有填报“总体情况”工作表，"
                    + "其表二至表四已计入，统计指标未计入）");
        }
    }

    @Test
    void theFullOfficialNameIsNotListedAsAnUnidentifiedCover() {
        assertThat(jdbc.queryForObject("SELECT unit_code FROM submission WHERE file_name = ?", String.class,
                "泽州县卫生健康和体育局2024年政务公开年报.xlsx")).isEqualTo("D17");
    }

    @Test
    void countyTotalsAreTheDemoInputsChangedOnlyByWhatACaseAdds() {
        Map<String, BigDecimal> expected = new HashMap<>();
        new DemoSubmissions(form, roster, DemoInput.YEAR).acceptedFigures().values()
                .forEach(unit -> unit.forEach((code, value) -> expected.merge(code, value, BigDecimal::add)));
        for (Properties p : cases.values()) {
            if (p.getProperty("job.adds") == null) {
                continue;
            }
            Map<String, BigDecimal> demoOfUnit = new DemoSubmissions(form, roster, DemoInput.YEAR).acceptedFigures()
                    .get(p.getProperty("unitCode"));
            for (String add : list(p.getProperty("job.adds"))) {
                String code = add.substring(0, add.indexOf('='));
                // the case replaces the unit's demo figure by its own
                expected.merge(code, new BigDecimal(add.substring(add.indexOf('=') + 1))
                        .subtract(demoOfUnit.getOrDefault(code, BigDecimal.ZERO)), BigDecimal::add);
            }
        }
        long executionId = outcome.execution().orElseThrow().getId();
        Map<String, BigDecimal> stored = new HashMap<>();
        jdbc.query("SELECT item_code, figure FROM county_total WHERE job_execution_id = ? AND scope = ?",
                rs -> {
                    stored.put(rs.getString(1), rs.getBigDecimal(2));
                }, executionId, TotalScope.COUNTY.name());
        List<String> differences = new ArrayList<>();
        for (var item : form.items()) {
            BigDecimal want = expected.getOrDefault(item.code(), BigDecimal.ZERO);
            BigDecimal got = stored.get(item.code());
            if (got == null || got.compareTo(want) != 0) {
                differences.add(item.code() + ": " + got + " instead of " + want);
            }
        }
        assertThat(differences).isEmpty();
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
