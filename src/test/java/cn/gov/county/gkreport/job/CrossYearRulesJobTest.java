package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.form.Label;
import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.form.Table2Block;
import cn.gov.county.gkreport.form.Table3Column;
import cn.gov.county.gkreport.form.Table3Layout;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.OnFreshH2Test;
import cn.gov.county.gkreport.support.UnitWorkbooks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross-year rules end to end: given the demo year 2023 consolidated first (written by the demo
 * generator for 2023), when the demo year 2024 runs on the same database, then X-CARRY and X-VALID
 * compare every 2024 report with the unit's accepted 2023 report as stored by the job, and find
 * exactly the differences an independent sum over the generator's figures predicts.
 *
 * <p>The demo years carry no 表三 cases over, so two units are changed: 县人民政府办公室 (D01)
 * carried 3 applications out of 2023 and its 2024 file does not carry them in (X-CARRY on the
 * 自然人 and 总计 columns); 县发展和改革局 (D02) carried 2 out and its 2024 file carries them in
 * (silent). X-VALID finds the units whose 2024 制发 and 废止 do not explain an unchanged 现行有效.
 * X-YOY and X-SAME compare with the stored 2023 reports too: 县公安局 (D05) types its 行政许可 with a
 * digit too many, 县民政局 (D06) sends its 2023 tables again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossYearRulesJobTest extends OnFreshH2Test {

    private static final int LAST_YEAR = 2023;
    private static final int YEAR = DemoInput.YEAR;
    private static final String FORGOT_CARRY = "D01";
    private static final String CARRIED = "D02";
    private static final String TENFOLD = "D05";
    private static final String COPIED = "D06";

    private Map<String, Map<String, BigDecimal>> figures2023;
    private Map<String, Map<String, BigDecimal>> figures2024;
    private Map<String, SheetCell> positions;
    private String summary2023;
    private String summary2024;

    @BeforeAll
    void runTwoDemoYears(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        Path output = work.resolve("output");
        positions = new FormFiles(form).write(work.resolve("positions.xlsx"), FormContent.blank(Map.of()));

        // given the demo year 2023, with D01 and D02 each carrying applications into 2024
        Path dir2023 = input.resolve(Integer.toString(LAST_YEAR));
        new DemoSubmissions(form, roster, LAST_YEAR).writeAll(dir2023);
        figures2023 = new HashMap<>(new DemoSubmissions(form, roster, LAST_YEAR).acceptedFigures());
        rewrite(dir2023, LAST_YEAR, FORGOT_CARRY, figures2023, carriedOut(figures2023.get(FORGOT_CARRY), 3));
        rewrite(dir2023, LAST_YEAR, CARRIED, figures2023, carriedOut(figures2023.get(CARRIED), 2));

        // and the committed demo year 2024, where D02 carries its 2 in (D01 forgot)
        Path dir2024 = DemoInput.copyTo(input);
        figures2024 = new HashMap<>(new DemoSubmissions(form, roster, YEAR).acceptedFigures());
        rewrite(dir2024, YEAR, CARRIED, figures2024, carriedIn(figures2024.get(CARRIED), 2));
        // D05 typed its licence decisions with a digit too many; D06 sent its 2023 tables again
        Map<String, BigDecimal> tenfold = new HashMap<>(figures2024.get(TENFOLD));
        tenfold.put("T2.LICENSE.DECISIONS", value(tenfold, "T2.LICENSE.DECISIONS").multiply(BigDecimal.TEN));
        rewrite(dir2024, YEAR, TENFOLD, figures2024, form.withDerivedTotals(tenfold));
        rewrite(dir2024, YEAR, COPIED, figures2024, figures2023.get(COPIED));

        // when both years run, one after the other, on one database
        summary2023 = run(LAST_YEAR, input, output);
        summary2024 = run(YEAR, input, output);
    }

    @Test
    void theFirstYearHasNothingToCompareWithAndSaysSo() {
        assertThat(summary2023).contains("应报 41 个单位，已接收 39，未通过 1，未报送 1")
                .contains("跨年度校验（X-CARRY、X-VALID、X-YOY、X-SAME）未进行：数据库中没有 2022 年度的已接收报告");
        assertThat(crossYearFindings(LAST_YEAR)).isEmpty();
    }

    @Test
    void theSecondYearIsComparedWithTheFirstYearsAcceptedReports() {
        assertThat(summary2024).contains("应报 41 个单位，已接收 39，未通过 1，未报送 1")
                .doesNotContain("跨年度校验（X-CARRY、X-VALID、X-YOY、X-SAME）未进行");
        Set<String> expected = expectedFindings();
        // the scenario means something: both rules fire, and not for every unit
        assertThat(expected).filteredOn(f -> f.contains("X-CARRY"))
                .containsExactlyInAnyOrder(FORGOT_CARRY + " X-CARRY " + cell("T3.CARRIED_IN.NAT"),
                        FORGOT_CARRY + " X-CARRY " + cell("T3.CARRIED_IN.TOTAL"));
        assertThat(expected).filteredOn(f -> f.contains("X-VALID")).isNotEmpty().hasSizeLessThan(10);

        assertThat(crossYearFindings(YEAR)).isEqualTo(expected);
    }

    @Test
    void theFindingsQuoteLastYearsFiguresAndAreWarningsOnly() {
        List<Map<String, Object>> carry = jdbc.queryForList("""
                SELECT f.severity, f.message, s.status FROM finding f JOIN submission s ON s.id = f.submission_id
                WHERE s.report_year = ? AND f.rule_id = 'X-CARRY' ORDER BY f.seq""", YEAR);
        assertThat(carry).hasSize(2).allSatisfy(f -> {
            assertThat(f.get("severity")).isEqualTo("WARNING");
            assertThat(f.get("status")).isEqualTo("ACCEPTED");
            assertThat((String) f.get("message")).contains("填报 0").contains("2023 年度报告").contains("为 3");
        });
        List<Map<String, Object>> valid = jdbc.queryForList("""
                SELECT s.unit_code, f.message FROM finding f JOIN submission s ON s.id = f.submission_id
                WHERE s.report_year = ? AND f.rule_id = 'X-VALID'""", YEAR);
        for (Map<String, Object> f : valid) {
            Map<String, BigDecimal> last = figures2023.get((String) f.get("unit_code"));
            assertThat((String) f.get("message")).contains("上年现行有效 " + plain(last.get("T2.NORM.VALID")));
        }
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM submission WHERE report_year = ? AND unit_code = ?",
                String.class, YEAR, CARRIED)).containsExactly("ACCEPTED");
    }

    @Test
    void thePlausibilityChecksCompareWithTheStoredFirstYear() {
        Set<String> expected = expectedPlausibility();
        // the scenario means something: D05's ten-fold licences and D06's copy are among them
        assertThat(expected).contains(TENFOLD + " X-YOY " + cell("T2.LICENSE.DECISIONS"), COPIED + " X-SAME ");

        assertThat(new TreeSet<>(jdbc.query("""
                SELECT s.unit_code, f.rule_id, f.sheet_name, f.cell_ref FROM finding f
                JOIN submission s ON s.id = f.submission_id
                WHERE s.report_year = ? AND f.rule_id IN ('X-YOY', 'X-SAME')""",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + ("".equals(rs.getString(3)) ? ""
                        : rs.getString(3) + "!" + rs.getString(4)), YEAR))).isEqualTo(expected);
        assertThat(crossYearFindings(LAST_YEAR)).isEmpty();
    }

    /**
     * X-YOY and X-SAME as an independent reading of the form definition's plausibility section
     * predicts them for 2024: key totals more than five-fold apart (or from / to 0) unless both
     * years are at most 20; every figure of 表二 to 表四 equal and not all zero.
     */
    private Set<String> expectedPlausibility() {
        Set<String> expected = new TreeSet<>();
        List<String> keyTotals = form.itemCodes(form.plausibility().yearOnYear());
        List<String> tables = form.itemCodes(form.plausibility().sameAsLastYear());
        BigDecimal five = BigDecimal.valueOf(5);
        for (RosterUnit unit : roster.units()) {
            if (figures2024.get(unit.code()) == null || figures2023.get(unit.code()) == null
                    || DemoSubmissions.REJECTED_UNIT.equals(unit.code())) {
                continue;
            }
            Map<String, BigDecimal> now = form.withDerivedTotals(figures2024.get(unit.code()));
            Map<String, BigDecimal> last = form.withDerivedTotals(figures2023.get(unit.code()));
            for (String code : keyTotals) {
                BigDecimal n = now.get(code);
                BigDecimal l = last.get(code);
                if (n.max(l).compareTo(BigDecimal.valueOf(20)) > 0 && (n.signum() == 0 || l.signum() == 0
                        || n.compareTo(l.multiply(five)) > 0 || l.compareTo(n.multiply(five)) > 0)) {
                    expected.add(unit.code() + " X-YOY " + cell(code));
                }
            }
            if (tables.stream().allMatch(c -> now.get(c).compareTo(last.get(c)) == 0)
                    && tables.stream().anyMatch(c -> now.get(c).signum() != 0)) {
                expected.add(unit.code() + " X-SAME ");
            }
        }
        return expected;
    }

    /**
     * (unit, rule, cell) of every cross-year finding an independent sum predicts for 2024: units
     * accepted in both years, 二、上年结转 against last year's 四、结转下年度继续办理 per column,
     * 现行有效 against last year's 现行有效 + 本年制发 − 本年废止 per row of 表二（一）.
     */
    private Set<String> expectedFindings() {
        Set<String> expected = new TreeSet<>();
        Table2Block documents = form.table2().blocks().get(0);
        for (RosterUnit unit : roster.units()) {
            Map<String, BigDecimal> now = figures2024.get(unit.code());
            Map<String, BigDecimal> last = figures2023.get(unit.code());
            if (now == null || last == null) {
                continue;
            }
            for (Table3Column column : form.table3().columns()) {
                String carriedIn = Table3Layout.itemCode("CARRIED_IN", column.code());
                if (value(now, carriedIn).compareTo(value(last, Table3Layout.itemCode("CARRY_OUT", column.code()))) != 0) {
                    expected.add(unit.code() + " X-CARRY " + cell(carriedIn));
                }
            }
            for (Label row : documents.rows()) {
                String valid = Table2Block.itemCode(row, documents.columns().get(2));
                BigDecimal predicted = value(last, valid)
                        .add(value(now, Table2Block.itemCode(row, documents.columns().get(0))))
                        .subtract(value(now, Table2Block.itemCode(row, documents.columns().get(1))));
                if (value(now, valid).compareTo(predicted) != 0) {
                    expected.add(unit.code() + " X-VALID " + cell(valid));
                }
            }
        }
        return expected;
    }

    private Set<String> crossYearFindings(int year) {
        return new TreeSet<>(jdbc.query("""
                SELECT s.unit_code, f.rule_id, f.sheet_name, f.cell_ref FROM finding f
                JOIN submission s ON s.id = f.submission_id
                WHERE s.report_year = ? AND f.rule_id IN ('X-CARRY', 'X-VALID')""",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + "!" + rs.getString(4), year));
    }

    private String cell(String itemCode) {
        return positions.get(itemCode).toString();
    }

    /** Last year's file of the unit ends with cases carried out; 一、本年新收 grows by as many, so 表三 balances. */
    private Map<String, BigDecimal> carriedOut(Map<String, BigDecimal> figures, int cases) {
        Map<String, BigDecimal> changed = new HashMap<>(figures);
        changed.put("T3.CARRY_OUT.NAT", BigDecimal.valueOf(cases));
        changed.merge("T3.NEW.NAT", BigDecimal.valueOf(cases), BigDecimal::add);
        return form.withDerivedTotals(changed);
    }

    /** This year's file carries cases in and settles them as （一）予以公开, so 表三 balances. */
    private Map<String, BigDecimal> carriedIn(Map<String, BigDecimal> figures, int cases) {
        Map<String, BigDecimal> changed = new HashMap<>(figures);
        changed.put("T3.CARRIED_IN.NAT", BigDecimal.valueOf(cases));
        changed.merge("T3.R1.NAT", BigDecimal.valueOf(cases), BigDecimal::add);
        return form.withDerivedTotals(changed);
    }

    /** Overwrites the unit's demo file in place (same name and time) with other figures. */
    private void rewrite(Path dir, int year, String unitCode, Map<String, Map<String, BigDecimal>> truth,
                         Map<String, BigDecimal> figures) throws Exception {
        Path file = DemoInput.files(dir).stream().filter(p -> p.getFileName().toString().startsWith(unitCode + "-"))
                .findFirst().orElseThrow();
        RosterUnit unit = roster.byCode(unitCode).orElseThrow();
        UnitWorkbooks.write(file, form, unit, year, figures, Map.of(), "联系人" + unitCode,
                Files.getLastModifiedTime(file).toInstant());
        truth.put(unitCode, figures);
    }

    private String run(int year, Path input, Path output) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConsolidationCommand.Outcome outcome = command.execute(year, input.toString(), output.toString(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        String summary = console.toString(StandardCharsets.UTF_8);
        assertThat(outcome.exitCode()).as(summary).isEqualTo(ConsolidationCommand.COMPLETED);
        return summary;
    }

    private static BigDecimal value(Map<String, BigDecimal> figures, String code) {
        return figures.getOrDefault(code, BigDecimal.ZERO);
    }

    private static String plain(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).stripTrailingZeros().toPlainString();
    }
}
