package cn.gov.county.gkreport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.gov.county.gkreport.feedback.WriteFeedbackTasklet;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.support.Databases;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.UnitWorkbooks;

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
 * After a rejected unit corrects its file: 校验问题 lists only the findings of the versions that
 * count (D07's four errors are gone, T05's two warnings stay), 汇总表 counts the same, D07's old
 * findings are in 校验问题（历史） and in the database, and its old feedback copy has left
 * {@code feedback/} for {@code feedback/archive/}.
 */
@SpringBootTest
@ActiveProfiles("test")
class CurrentFindingsTest {

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

    private final DataFormatter text = new DataFormatter();

    @Test
    void aCorrectedUnitsOldFindingsMoveToHistory(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        Path dir = DemoInput.copyTo(input);
        Path output = work.resolve("output");
        run(input, output);
        Path feedback = WriteFeedbackTasklet.feedbackDir(output, DemoInput.YEAR);
        String d07v1 = "县司法局-2024年-第1版-校验反馈.xlsx";
        assertThat(feedback.resolve(d07v1)).exists();
        try (XSSFWorkbook workbook = workbook(output)) {
            assertThat(units(workbook.getSheet(FindingsSheet.NAME))).containsExactly("D07", "D07", "D07", "D07", "T05", "T05");
            assertThat(summary(workbook, "校验问题")).startsWith("6 条");
        }

        Map<String, BigDecimal> d07 = new HashMap<>(Map.of("T3.R1.NAT", BigDecimal.valueOf(5), "T3.NEW.NAT",
                BigDecimal.valueOf(5), "T2.PENALTY.DECISIONS", BigDecimal.valueOf(41)));
        UnitWorkbooks.write(dir.resolve("D07-县司法局-更正.xlsx"), form, roster.byCode("D07").orElseThrow(),
                form.withDerivedTotals(d07), Map.of(), "王五", Instant.parse("2025-02-03T09:00:00Z"));
        run(input, output);

        try (XSSFWorkbook workbook = workbook(output)) {
            Sheet current = workbook.getSheet(FindingsSheet.NAME);
            assertThat(units(current)).containsExactly("T05", "T05");
            assertThat(summary(workbook, "校验问题")).startsWith("2 条");
            assertThat(summary(workbook, "以前版本的问题")).startsWith("4 条");
            Sheet history = workbook.getSheet(FindingsSheet.HISTORY_NAME);
            assertThat(units(history)).containsExactly("D07", "D07", "D07", "D07");
            for (int r = 1; r <= history.getLastRowNum(); r++) {
                assertThat(text.formatCellValue(history.getRow(r).getCell(3))).isEqualTo("1");
                assertThat(text.formatCellValue(history.getRow(r).getCell(4))).startsWith("未通过，不计入");
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM finding f JOIN submission s ON s.id = f.submission_id "
                + "WHERE s.unit_code = 'D07' AND s.version = 1", Integer.class)).isEqualTo(4);
        assertThat(feedback.resolve(d07v1)).doesNotExist();
        assertThat(WriteFeedbackTasklet.archiveDir(output, DemoInput.YEAR).resolve(d07v1)).exists();
        try (Stream<Path> files = Files.list(feedback)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                    .containsExactly("周村镇-2024年-第1版-校验反馈.xlsx");
        }
    }

    private List<String> units(Sheet sheet) {
        List<String> units = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0) {
                units.add(text.formatCellValue(row.getCell(0)));
            }
        }
        return units;
    }

    private String summary(XSSFWorkbook workbook, String label) {
        for (Row row : workbook.getSheet(SummarySheet.NAME)) {
            if (label.equals(text.formatCellValue(row.getCell(0)))) {
                return text.formatCellValue(row.getCell(1));
            }
        }
        throw new AssertionError("no line " + label);
    }

    private void run(Path input, Path output) throws Exception {
        ConsolidationCommand.Outcome outcome = command.execute(DemoInput.YEAR, input.toString(), output.toString(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(outcome.exitCode()).isEqualTo(ConsolidationCommand.COMPLETED);
    }

    private static XSSFWorkbook workbook(Path output) throws Exception {
        return new XSSFWorkbook(ConsolidatedWorkbook.fileFor(output, DemoInput.YEAR).toFile());
    }
}
