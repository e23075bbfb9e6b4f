package cn.gov.county.gkreport.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.report.ConsolidatedWorkbook;
import cn.gov.county.gkreport.support.Databases;
import cn.gov.county.gkreport.support.DemoInput;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hostile corpus through the real job together with the demo submissions, in one run:
 * every case ends with its expected outcome and reason, no stack trace reaches a clerk or the
 * operator, every good file is still counted, and the county totals are unchanged.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCorpusJobTest {

    private static final List<String> EXCEPTION_TEXT = List.of("Exception", "java.", "at org.", "at cn.",
            "NullPointer", "POIXML", "SAXParse");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    @Autowired
    ConsolidationCommand command;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FormDefinition form;
    @Autowired
    Roster roster;

    Path input;
    Path output;
    Map<String, String> fingerprints;
    ConsolidationCommand.Outcome outcome;
    String console;
    long seconds;

    @BeforeAll
    void runTheCorpusWithTheDemoInput(@TempDir Path work) throws Exception {
        input = work.resolve("input");
        output = work.resolve("output");
        Path dir = DemoInput.copyTo(input);
        // The corpus arrives after the demo files (a later night's mail), in the order of cases.tsv.
        Instant arrival = Instant.now().plus(1, ChronoUnit.DAYS);
        List<HostileCorpus.Case> cases = HostileCorpus.committedCases();
        for (int i = 0; i < cases.size(); i++) {
            Path copy = dir.resolve(cases.get(i).file());
            Files.copy(HostileCorpus.COMMITTED.resolve("files").resolve(cases.get(i).file()), copy);
            Files.setLastModifiedTime(copy, FileTime.from(arrival.plusSeconds(i)));
        }
        fingerprints = DemoInput.fingerprints(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        outcome = command.execute(2024, input.toString(), output.toString(), new PrintStream(out, true, StandardCharsets.UTF_8));
        seconds = (System.nanoTime() - start) / 1_000_000_000L;
        console = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRunCompletesQuicklyWhateverTheFilesHold() {
        assertThat(outcome.exitCode()).as(console).isEqualTo(ConsolidationCommand.COMPLETED);
        assertThat(seconds).as("a zip bomb or a million-row sheet must not stall the run").isLessThan(60);
        assertThat(HostileCorpus.committedCases()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void everyCaseEndsWithItsExpectedOutcomeAndReason() {
        for (HostileCorpus.Case expected : HostileCorpus.committedCases()) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, status FROM submission WHERE file_name = ?",
                    expected.file());
            if (expected.status().equals("NOT-REGISTERED")) {
                assertThat(rows).as(expected.file()).isEmpty();
                continue;
            }
            assertThat(rows).as(expected.file()).hasSize(1);
            long id = ((Number) rows.get(0).get("id")).longValue();
            assertThat(rows.get(0).get("status")).as(expected.file()).isEqualTo(expected.status());
            List<Map<String, Object>> findings = jdbc.queryForList(
                    "SELECT rule_id, reason_code, message FROM finding WHERE submission_id = ? ORDER BY seq", id);
            Set<String> rules = new TreeSet<>();
            findings.forEach(f -> rules.add((String) f.get("rule_id")));
            Set<String> expectedRules = new TreeSet<>(expected.rules().isEmpty() ? List.of()
                    : Arrays.asList(expected.rules().split(",")));
            assertThat(rules).as(expected.file() + " " + findings).isEqualTo(expectedRules);
            if (!expected.reason().isEmpty()) {
                assertThat(findings).as(expected.file()).anySatisfy(f -> assertThat(f.get("reason_code"))
                        .isEqualTo(expected.reason()));
            }
            if (!expected.fragment().isEmpty()) {
                assertThat(findings).as(expected.file()).anySatisfy(f -> assertThat((String) f.get("message"))
                        .contains(expected.fragment()));
            }
        }
    }

    @Test
    void noExceptionTextReachesAClerkOrTheOperator() {
        List<String> messages = jdbc.queryForList("SELECT message FROM finding", String.class);
        assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m).doesNotContain(EXCEPTION_TEXT));
        assertThat(console).doesNotContain(EXCEPTION_TEXT);
        assertThat(messages).noneMatch(m -> m.contains("root:x:0:0"));
    }

    @Test
    void everyGoodUnitIsStillCountedAndTheCountyTotalsAreUnchanged() {
        Map<String, Map<String, BigDecimal>> accepted = new DemoSubmissions(form, roster, 2024).acceptedFigures();
        assertThat(jdbc.queryForList("SELECT DISTINCT unit_code FROM submission WHERE status = 'ACCEPTED'", String.class))
                .containsExactlyInAnyOrderElementsOf(accepted.keySet());
        long execution = outcome.execution().orElseThrow().getId();
        Map<String, BigDecimal> county = new HashMap<>();
        jdbc.query("SELECT item_code, figure FROM county_total WHERE job_execution_id = ? AND scope = 'COUNTY'", rs -> {
            county.put(rs.getString(1), rs.getBigDecimal(2));
        }, execution);
        for (var item : form.items()) {
            BigDecimal expected = accepted.values().stream().map(u -> u.getOrDefault(item.code(), BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(county.get(item.code())).as(item.code()).isEqualByComparingTo(expected);
        }
    }

    @Test
    void neverModifiesAnInputFile() throws Exception {
        assertThat(DemoInput.fingerprints(input.resolve("2024"))).isEqualTo(fingerprints);
    }

    @Test
    void textTypedByUnitsIsWrittenAsTextNeverAsAFormula() throws Exception {
        Path workbook = ConsolidatedWorkbook.fileFor(output, 2024);
        try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ);
             XSSFWorkbook book = new XSSFWorkbook(pkg)) {
            int formulas = 0;
            boolean sawPayload = false;
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            formulas++;
                        } else if (cell.getCellType() == CellType.STRING
                                && cell.getStringCellValue().contains("+cmd|' /C calc'!A0")) {
                            sawPayload = true;
                        }
                    }
                }
            }
            assertThat(formulas).as("the consolidated workbook holds values only").isZero();
            assertThat(sawPayload).as("the DDE payload appears, as plain text, in the findings").isTrue();
        }
        assertThat(jdbc.queryForObject("SELECT contact_person FROM submission WHERE file_name = ?", String.class,
                "formula-injection-contact.xlsx")).startsWith("=HYPERLINK(");
    }
}
