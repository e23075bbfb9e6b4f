package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.FormFixtures;
import cn.gov.county.gkreport.support.FormFixtures.Written;
import cn.gov.county.gkreport.support.OnFreshH2Test;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Explanations end to end: given the demo input and a second version from 南村镇 (T01), made from the
 * template, whose 说明 sheet explains its ZERO-ALL warning, when the night runs, then the explanation
 * is stored with that version, and its warning shows as 已说明 with the unit's words in 校验问题 and
 * in the feedback copy, while 县退役军人事务局 (D18), which explained nothing, keeps its plain warning.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplanationsJobTest extends OnFreshH2Test {

    private static final String EXPLANATION = "本镇 2024 年确实没有收到政府信息公开申请，也没有相关复议和诉讼。";

    private Path output;

    @BeforeAll
    void runTheNight(@TempDir Path work) throws Exception {
        Path input = DemoInput.copyTo(work.resolve("input"));
        output = work.resolve("output");
        Map<String, BigDecimal> t01 = new DemoSubmissions(form, roster, DemoInput.YEAR).acceptedFigures().get("T01");
        Written explained = FormFixtures.submission("T01").inputs(t01).explain("ZERO-ALL", "", EXPLANATION)
                .write(Files.createDirectories(work.resolve("made")));
        Files.copy(explained.file(), input.resolve("T01-南村镇-2024年政府信息公开年报-补充说明.xlsx"));

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConsolidationCommand.Outcome outcome = command.execute(DemoInput.YEAR, work.resolve("input").toString(),
                output.toString(), new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(outcome.exitCode()).as(console.toString(StandardCharsets.UTF_8))
                .isEqualTo(ConsolidationCommand.COMPLETED);
    }

    @Test
    void storesTheExplanationWithTheVersionItCameIn() {
        List<Map<String, Object>> stored = jdbc.queryForList("""
                SELECT s.unit_code, s.version, s.status, e.rule_id, e.cell_ref, e.explanation
                FROM submission_explanation e JOIN submission s ON s.id = e.submission_id""");

        assertThat(stored).singleElement().satisfies(row -> {
            assertThat(row.get("UNIT_CODE")).isEqualTo("T01");
            assertThat(row.get("VERSION")).isEqualTo(2);
            assertThat(row.get("STATUS")).isEqualTo("ACCEPTED");
            assertThat(row.get("RULE_ID")).isEqualTo("ZERO-ALL");
            assertThat(row.get("CELL_REF")).isEqualTo("");
            assertThat(row.get("EXPLANATION")).isEqualTo(EXPLANATION);
        });
    }

    @Test
    void theFindingsSheetShowsTheExplainedWarningAsExplained() throws Exception {
        List<String> zeroAll = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook().toFile())) {
            Sheet findings = workbook.getSheet("校验问题");
            DataFormatter text = new DataFormatter();
            for (Row row : findings) {
                if ("ZERO-ALL".equals(text.formatCellValue(row.getCell(6)))) {
                    zeroAll.add(text.formatCellValue(row.getCell(0)) + " " + text.formatCellValue(row.getCell(8)));
                }
            }
        }
        assertThat(zeroAll).filteredOn(f -> f.startsWith("T01 ")).singleElement().asString()
                .startsWith("T01 已说明：单位说明“" + EXPLANATION + "”。原提示：表三和表四全部为 0");
        assertThat(zeroAll).filteredOn(f -> f.startsWith("D18 ")).singleElement().asString()
                .startsWith("D18 表三和表四全部为 0");
    }

    @Test
    void theFeedbackCopyShowsTheExplanation() throws Exception {
        Path copy = output.resolve(DemoInput.YEAR + "/feedback/南村镇-2024年-第2版-校验反馈.xlsx");
        StringBuilder listed = new StringBuilder();
        try (XSSFWorkbook workbook = new XSSFWorkbook(copy.toFile())) {
            DataFormatter text = new DataFormatter();
            for (Row row : workbook.getSheet("校验结果")) {
                row.forEach(cell -> listed.append(text.formatCellValue(cell)).append('|'));
            }
        }
        assertThat(listed.toString()).contains("已说明：单位说明“" + EXPLANATION + "”");
    }
}
