package cn.gov.county.gkreport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.intake.UnitType;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.support.Databases;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.UnitWorkbooks;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 分单位明细 on MariaDB with unit codes its collation ({@code utf8mb4_unicode_ci}, the README's) orders
 * differently from Java's {@link String#compareTo}: punctuation sorts before digits and letters there
 * ({@code T_02 < T-01 < T04 < TA03}, {@code D01-1 < D01(2)}), after them or between them in Java
 * ({@code T-01 < T04 < TA03 < T_02}, {@code D01(2) < D01-1}). Such codes pass identification (it only
 * upper-cases and NFKC-normalises the cover's code). The sheet once merged the roster sorted in Java
 * with figures streamed {@code ORDER BY unit_code}: here it showed T-01, T04, TA03 and D01(2) as
 * accepted with every figure 0 while 表二–表四 and 数据溯源 were right (issue 15).
 */
@SpringBootTest
@ActiveProfiles("test")
class UnitDetailOnMariaDbCollationTest {

    /** Roster code → the demo unit whose accepted figures it sends (distinct, mostly non-zero figures). */
    private static final Map<String, String> SENDS = new LinkedHashMap<>();

    static {
        SENDS.put("T-01", "T01");
        SENDS.put("T_02", "T02");
        SENDS.put("TA03", "T03");
        SENDS.put("T04", "T04");
        SENDS.put("D01(2)", "D01");
        SENDS.put("D01-1", "D02");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        Databases.mariaDb(registry, "collation");
        Path rosterDir = Files.createTempDirectory("collation-roster");
        Roster demo = Roster.read(Path.of("jobs/roster.csv"), "泽州县");
        StringBuilder csv = new StringBuilder("code,name,type\n");
        SENDS.forEach((code, demoCode) -> {
            RosterUnit unit = demo.byCode(demoCode).orElseThrow();
            csv.append(code).append(',').append(unit.name()).append(',').append(unit.type().label()).append('\n');
        });
        csv.append("D03,县教育局,县直单位\n"); // sends nothing: a unit row without figures between the others
        Path roster = Files.writeString(rosterDir.resolve("roster.csv"), csv, StandardCharsets.UTF_8);
        registry.add("consolidator.roster", roster::toString);
    }

    @Autowired
    ConsolidationCommand command;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FormDefinition form;
    @Autowired
    Roster roster;

    private final DataFormatter text = new DataFormatter();

    @Test
    void everyAcceptedUnitShowsItsStoredFiguresWhenTheDatabaseOrdersCodesUnlikeJava(@TempDir Path work)
            throws Exception {
        // given each unit's file with a demo unit's figures
        Map<String, Map<String, BigDecimal>> demoFigures = new DemoSubmissions(form,
                Roster.read(Path.of("jobs/roster.csv"), "泽州县"), DemoInput.YEAR).acceptedFigures();
        Path input = Files.createDirectories(work.resolve("input/" + DemoInput.YEAR));
        Instant savedAt = Instant.parse("2025-01-20T01:00:00Z");
        for (Map.Entry<String, String> unit : SENDS.entrySet()) {
            RosterUnit rosterUnit = roster.byCode(unit.getKey()).orElseThrow();
            UnitWorkbooks.write(input.resolve(rosterUnit.name() + ".xlsx"), form, rosterUnit,
                    demoFigures.get(unit.getValue()), Map.of(), "联系人" + unit.getValue(), savedAt);
            savedAt = savedAt.plusSeconds(60);
        }

        // when the job runs
        Path output = work.resolve("output");
        ConsolidationCommand.Outcome outcome = command.execute(DemoInput.YEAR, work.resolve("input").toString(),
                output.toString(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(outcome.exitCode()).isEqualTo(ConsolidationCommand.COMPLETED);
        for (UnitType type : List.of(UnitType.TOWN, UnitType.DEPARTMENT)) {
            List<String> inDatabase = jdbc.queryForList(
                    "SELECT code FROM reporting_unit WHERE unit_type = ? ORDER BY code", String.class, type.name());
            assertThat(inDatabase).as("the precondition, the database orders " + type + "'s codes unlike Java")
                    .isNotEqualTo(inDatabase.stream().sorted().toList());
        }

        // then every unit row is that unit's stored figures, totals as the sums of their parts
        Map<String, Map<String, BigDecimal>> stored = UnitDetailCheck.storedAcceptedFigures(jdbc, DemoInput.YEAR);
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(SENDS.keySet());
        stored.forEach((unit, figures) -> assertThat(figures).as(unit + " has figures to lose").isNotEmpty());
        try (XSSFWorkbook workbook = new XSSFWorkbook(
                new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook().toFile())) {
            Sheet detail = workbook.getSheet(UnitDetailSheet.NAME);
            Map<Integer, String> items = UnitDetailCheck.itemColumns(detail, form);
            assertThat(items).hasSize(form.items().size());
            List<String> accepted = new ArrayList<>();
            Map<String, String> wrong = new LinkedHashMap<>();
            for (int r = UnitDetailSheet.HEADER_ROWS; r <= detail.getLastRowNum(); r++) {
                Row row = detail.getRow(r);
                String code = text.formatCellValue(row.getCell(0));
                if (code.isEmpty() || !text.formatCellValue(row.getCell(2)).equals("已接收")) {
                    continue; // a subtotal, or D03 that sent nothing
                }
                accepted.add(code);
                Map<String, BigDecimal> expected = form.withDerivedTotals(stored.get(code));
                List<String> differing = new ArrayList<>();
                boolean allZero = true;
                for (Map.Entry<Integer, String> item : items.entrySet()) {
                    BigDecimal shown = value(row.getCell(item.getKey()));
                    BigDecimal want = expected.getOrDefault(item.getValue(), BigDecimal.ZERO);
                    allZero &= shown.signum() == 0;
                    if (shown.compareTo(want) != 0) {
                        differing.add(item.getValue() + " " + shown.toPlainString() + " (stored " + want.toPlainString() + ")");
                    }
                }
                if (!differing.isEmpty()) {
                    wrong.put(code, differing.size() + " of " + items.size() + " figures wrong"
                            + (allZero ? ", every figure 0" : "") + ", e.g. " + differing.get(0));
                }
            }
            assertThat(wrong).as("unit rows that are not the unit's stored figures").isEmpty();
            assertThat(accepted).containsExactlyInAnyOrderElementsOf(SENDS.keySet());
        }
    }

    private static BigDecimal value(Cell cell) {
        return cell == null ? BigDecimal.ZERO : BigDecimal.valueOf(cell.getNumericCellValue());
    }
}
