package cn.gov.county.gkreport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.report.ConsolidatedWorkbook;
import cn.gov.county.gkreport.support.ApplicationContextTest;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.FormFixtures;
import cn.gov.county.gkreport.support.UnitWorkbooks;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Versioned submissions over several nights: a resubmission supersedes, a rejected newer file never
 * replaces an accepted one, the same file under another name is not imported twice, history and
 * per-run totals are kept, and every county figure can be traced to its source cells.
 */
abstract class SubmissionHistoryTest extends ApplicationContextTest {

    @Test
    void keepsEveryVersionAndCountsTheLatestAcceptedOne(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        Path dir = DemoInput.copyTo(input);
        Path output = work.resolve("output");
        long night1 = run(input, output);

        // night 2: D01's file again under another name; a corrected file from the rejected D07;
        // a newer D01 file that is wrong
        Path d01 = DemoInput.files(dir).stream().filter(f -> f.getFileName().toString().startsWith("D01-")).findFirst()
                .orElseThrow();
        Files.copy(d01, dir.resolve("县人民政府办公室年报（再次发送）.xlsx"));
        Map<String, BigDecimal> d07 = new HashMap<>(Map.of("T3.R1.NAT", BigDecimal.valueOf(5), "T3.NEW.NAT",
                BigDecimal.valueOf(5), "T2.PENALTY.DECISIONS", BigDecimal.valueOf(41)));
        UnitWorkbooks.write(dir.resolve("D07-县司法局-更正.xlsx"), form, roster.byCode("D07").orElseThrow(),
                form.withDerivedTotals(d07), Map.of(), "王五", Instant.parse("2025-02-03T09:00:00Z"));
        Map<String, BigDecimal> d01Figures = new DemoSubmissions(form, roster, DemoInput.YEAR).acceptedFigures().get("D01");
        UnitWorkbooks.write(dir.resolve("D01-新版.xlsx"), form, roster.byCode("D01").orElseThrow(), d01Figures,
                Map.of("T4.REVIEW.TOTAL", 999), "李四", Instant.parse("2025-02-03T10:00:00Z"));
        long night2 = run(input, output);
        // the summary says what changed since night 1, as 汇总表 and 本次变化 do
        assertThat(lastConsole).contains("与上次汇总（").contains("2 个单位有变化")
                .contains("D07 县司法局：第 1 版，未通过 → 第 2 版，已接收（已更正，已接收）")
                .contains("D01 县人民政府办公室：第 1 版，已接收 → 第 1 版，已接收（新版本未通过，仍以原版本计入）");

        assertThat(count("SELECT COUNT(*) FROM submission WHERE report_year = 2024")).isEqualTo(41 + 2);
        assertThat(versions("D07")).containsExactly(tuple(1, "REJECTED"), tuple(2, "ACCEPTED"));
        assertThat(versions("D01")).containsExactly(tuple(1, "ACCEPTED"), tuple(2, "REJECTED"));
        assertThat(count("SELECT COUNT(*) FROM finding f JOIN submission s ON s.id = f.submission_id "
                + "WHERE s.unit_code = 'D07' AND s.version = 1")).isEqualTo(4);
        assertThat(total(night2, "T2.PENALTY.DECISIONS")).isEqualByComparingTo(total(night1, "T2.PENALTY.DECISIONS").add(
                BigDecimal.valueOf(41)));
        assertThat(total(night2, "T3.NEW.TOTAL")).isEqualByComparingTo("75");
        assertThat(total(night1, "T3.NEW.TOTAL")).as("last night's totals are kept").isEqualByComparingTo("70");

        // night 3: D01 corrects its file
        UnitWorkbooks.write(dir.resolve("D01-更正.xlsx"), form, roster.byCode("D01").orElseThrow(), d01Figures, Map.of(),
                "李四（更正）", Instant.parse("2025-02-04T10:00:00Z"));
        long night3 = run(input, output);
        assertThat(versions("D01")).containsExactly(tuple(1, "SUPERSEDED"), tuple(2, "REJECTED"), tuple(3, "ACCEPTED"));
        assertThat(total(night3, "T2.LICENSE.DECISIONS")).isEqualByComparingTo(total(night2, "T2.LICENSE.DECISIONS"));

        // the README's traceability query lists exactly the contributions to a county figure
        List<Map<String, Object>> trace = jdbc.queryForList("""
                SELECT s.unit_code, u.name, s.version, s.file_name, s.sha256, v.source_sheet, v.source_cell, v.figure
                FROM submission s
                JOIN reporting_unit u ON u.code = s.unit_code
                JOIN submission_value v ON v.submission_id = s.id
                WHERE s.report_year = 2024 AND s.status = 'ACCEPTED' AND v.item_code = 'T2.PENALTY.DECISIONS'
                ORDER BY s.unit_code""");
        assertThat(trace.stream().map(r -> (BigDecimal) r.get("figure")).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(total(night3, "T2.PENALTY.DECISIONS"));
        assertThat(trace).filteredOn(r -> "D07".equals(r.get("unit_code"))).singleElement().satisfies(r -> {
            assertThat(r.get("version")).isEqualTo(2);
            assertThat(r.get("file_name")).isEqualTo("D07-县司法局-更正.xlsx");
            assertThat((String) r.get("sha256")).hasSize(64);
            assertThat(r.get("source_sheet")).isEqualTo("表二");
            assertThat(r.get("source_cell")).isEqualTo("B14");
        });
    }

    @Test
    void storesNoRowForAPlainZeroAndStillCountsAReportOfOnlyZeros(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        Path dir = DemoInput.copyTo(input);
        Path output = work.resolve("output");
        // T16 (missing from the demo) reports nothing at all: every figure 0, one cell left blank
        FormFixtures.submission("T16").inputs(FormFixtures.allZeroInputs()).blank("T2.PENALTY.DECISIONS").write(dir);
        run(input, output);

        assertThat(versions("T16")).containsExactly(tuple(1, "ACCEPTED"));
        // only the blank cell (read as 0 with an IMPLICIT-0 warning) has a row, with where it was
        assertThat(jdbc.queryForList("""
                SELECT v.item_code, v.figure, v.raw_text FROM submission_value v
                JOIN submission s ON s.id = v.submission_id WHERE s.unit_code = 'T16'""")).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("item_code")).isEqualTo("T2.PENALTY.DECISIONS");
                    assertThat((BigDecimal) row.get("figure")).isEqualByComparingTo("0");
                });
        // the reviewers' per-unit sheet shows T16 as received, with zeros rather than nothing
        try (XSSFWorkbook workbook = new XSSFWorkbook(new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook().toFile())) {
            Sheet detail = workbook.getSheet("分单位明细");
            Row t16 = java.util.stream.StreamSupport.stream(detail.spliterator(), false)
                    .filter(r -> r.getCell(0) != null && "T16".equals(r.getCell(0).getStringCellValue()))
                    .findFirst().orElseThrow();
            assertThat(t16.getCell(2).getStringCellValue()).isEqualTo("已接收");
            for (int c = 3; c < 3 + form.items().size(); c++) {
                assertThat(t16.getCell(c).getNumericCellValue()).isZero();
            }
        }
    }

    /** What the last run printed on the operator's console. */
    private String lastConsole;

    private long run(Path input, Path output) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConsolidationCommand.Outcome outcome = command.execute(DemoInput.YEAR, input.toString(), output.toString(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        lastConsole = console.toString(StandardCharsets.UTF_8);
        assertThat(outcome.exitCode()).as(lastConsole).isEqualTo(ConsolidationCommand.COMPLETED);
        return outcome.execution().orElseThrow().getId();
    }

    private List<org.assertj.core.groups.Tuple> versions(String unit) {
        return jdbc.query("SELECT version, status FROM submission WHERE unit_code = ? ORDER BY version",
                (rs, i) -> tuple(rs.getInt(1), rs.getString(2)), unit);
    }

    private BigDecimal total(long execution, String code) {
        return jdbc.queryForObject("SELECT figure FROM county_total WHERE job_execution_id = ? AND scope = 'COUNTY' "
                + "AND item_code = ?", BigDecimal.class, execution, code);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
