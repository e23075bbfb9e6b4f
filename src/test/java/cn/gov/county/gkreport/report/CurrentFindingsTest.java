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

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.feedback.WriteFeedbackTasklet;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.OnFreshH2Test;
import cn.gov.county.gkreport.support.UnitWorkbooks;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a rejected unit corrects its file: 校验问题 lists only the findings of the versions that
 * count (D07's four errors are gone, T05's two warnings stay), 汇总表 counts the same, D07's old
 * findings are in 校验问题（历史） and in the database, and its old feedback copy has left
 * {@code feedback/} for {@code feedback/archive/}; 汇总表 and 本次变化 say what changed since the
 * previous run, and a rerun with nothing new says 「与上次汇总相比：无变化」.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CurrentFindingsTest extends OnFreshH2Test {

    private final DataFormatter text = new DataFormatter();

    @Test
    @Order(1) // the first night of this context's database
    void aCorrectedUnitsOldFindingsMoveToHistory(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        Path dir = DemoInput.copyTo(input);
        Path output = work.resolve("output");
        run(input, output);
        Path feedback = new OutputLayout(output, DemoInput.YEAR).feedbackDir();
        String d07v1 = "县司法局-2024年-第1版-校验反馈.xlsx";
        assertThat(feedback.resolve(d07v1)).exists();
        try (XSSFWorkbook workbook = workbook(output)) {
            // D07's errors, T05's warnings, and ZERO-ALL of the eleven units reporting no application and no case
            assertThat(units(workbook.getSheet(FindingsSheet.NAME))).containsExactly("D07", "D07", "D07", "D07", "D18",
                    "D21", "T01", "T02", "T04", "T05", "T05", "T05", "T08", "T10", "T11", "T12", "T15");
            assertThat(summary(workbook, "校验问题")).startsWith("17 条");
            assertThat(summary(workbook, "本次变化")).isEqualTo("本年度首次汇总，没有可比较的上次汇总。");
        }

        Map<String, BigDecimal> d07 = new HashMap<>(Map.of("T3.R1.NAT", BigDecimal.valueOf(5), "T3.NEW.NAT",
                BigDecimal.valueOf(5), "T2.PENALTY.DECISIONS", BigDecimal.valueOf(41)));
        UnitWorkbooks.write(dir.resolve("D07-县司法局-更正.xlsx"), form, roster.byCode("D07").orElseThrow(),
                form.withDerivedTotals(d07), Map.of(), "王五", Instant.parse("2025-02-03T09:00:00Z"));
        run(input, output);

        try (XSSFWorkbook workbook = workbook(output)) {
            Sheet current = workbook.getSheet(FindingsSheet.NAME);
            assertThat(units(current)).containsExactly("D18", "D21", "T01", "T02", "T04", "T05", "T05", "T05", "T08",
                    "T10", "T11", "T12", "T15");
            assertThat(summary(workbook, "校验问题")).startsWith("13 条");
            assertThat(summary(workbook, "以前版本的问题")).startsWith("4 条");
            Sheet history = workbook.getSheet(FindingsSheet.HISTORY_NAME);
            assertThat(units(history)).containsExactly("D07", "D07", "D07", "D07");
            for (int r = 1; r <= history.getLastRowNum(); r++) {
                assertThat(text.formatCellValue(history.getRow(r).getCell(3))).isEqualTo("1");
                assertThat(text.formatCellValue(history.getRow(r).getCell(4))).startsWith("未通过，不计入");
            }
            // what changed since night 1: D07 corrected, and the county figures its file adds
            assertThat(summary(workbook, "本次变化")).contains("1 个单位有变化，").contains("个全县数字有变化");
            Sheet changes = workbook.getSheet(RunChangesSheet.NAME);
            assertThat(rowTexts(changes, 3)).containsExactly("D07", "县司法局", "第 1 版，未通过", "第 2 版，已接收", "已更正，已接收");
            Row penalty = java.util.stream.StreamSupport.stream(changes.spliterator(), false)
                    .filter(r -> "T2.PENALTY.DECISIONS".equals(text.formatCellValue(r.getCell(0)))).findFirst().orElseThrow();
            assertThat(penalty.getCell(2).getNumericCellValue()).isEqualTo(780);
            assertThat(penalty.getCell(3).getNumericCellValue()).isEqualTo(821);
            assertThat(penalty.getCell(4).getNumericCellValue()).isEqualTo(41);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM finding f JOIN submission s ON s.id = f.submission_id "
                + "WHERE s.unit_code = 'D07' AND s.version = 1", Integer.class)).isEqualTo(4);
        assertThat(feedback.resolve(d07v1)).doesNotExist();
        assertThat(new OutputLayout(output, DemoInput.YEAR).feedbackArchive().resolve(d07v1)).exists();
        try (Stream<Path> files = Files.list(feedback)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                    .hasSize(11).contains("周村镇-2024年-第1版-校验反馈.xlsx")
                    .noneMatch(name -> name.startsWith("县司法局"));
        }
    }

    @Test
    @Order(2)
    void aRerunWithNothingNewSaysSo(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        DemoInput.copyTo(input);
        Path output = work.resolve("output");
        run(input, output);
        run(input, output);
        try (XSSFWorkbook workbook = workbook(output)) {
            assertThat(summary(workbook, "本次变化")).isEqualTo("与上次汇总相比：无变化");
            Sheet changes = workbook.getSheet(RunChangesSheet.NAME);
            assertThat(text.formatCellValue(changes.getRow(0).getCell(0))).isEqualTo("与上次汇总相比：无变化");
            assertThat(changes.getLastRowNum()).isZero();
        }
    }

    private List<String> rowTexts(Sheet sheet, int row) {
        List<String> texts = new ArrayList<>();
        sheet.getRow(row).forEach(cell -> texts.add(text.formatCellValue(cell)));
        return texts;
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
        return new XSSFWorkbook(new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook().toFile());
    }
}
