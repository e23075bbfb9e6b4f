package cn.gov.county.gkreport.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.OnFreshH2Test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;

/**
 * A roster typed with lower-case and full-width codes ({@code t01}, {@code Ｄ０１}, {@code ｄ０２}) names the
 * same units as the demo covers ({@code T01}, {@code D01}): given such a roster and the demo input, when the
 * night runs, then every unit is identified as with the committed roster — no file of an unknown unit, no
 * unit missing that sent its report, the reference county's totals.
 */
@TestPropertySource(properties = "consolidator.roster=" + RosterCodesJobTest.ROSTER)
class RosterCodesJobTest extends OnFreshH2Test {

    static final String ROSTER = "src/test/resources/rosters/roster-lowercase-fullwidth.csv";

    @Test
    void aRosterWithLowerCaseAndFullWidthCodesIdentifiesEveryUnitOfTheDemoNight(@TempDir Path work) throws Exception {
        // given the roster file as the office typed it
        String typed = Files.readString(Path.of(ROSTER));
        assertThat(typed).contains("t01,南村镇").contains("Ｄ０１,县人民政府办公室").contains("ｄ０２,");
        assertThat(typed).doesNotContain("T01").doesNotContain("D01");
        assertThat(roster.units()).hasSize(41);
        assertThat(roster.byCode("T01")).map(RosterUnit::name).contains("南村镇");
        assertThat(roster.byCode("D02")).isPresent();

        // when the night runs on the demo input
        DemoInput.copyTo(work.resolve("input"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConsolidationCommand.Outcome outcome = command.execute(DemoInput.YEAR, work.resolve("input").toString(),
                work.resolve("output").toString(), new PrintStream(console, true, StandardCharsets.UTF_8));
        String summary = console.toString(StandardCharsets.UTF_8);

        // then every file is its unit's, as with the committed roster
        assertThat(outcome.exitCode()).as(summary).isEqualTo(ConsolidationCommand.COMPLETED);
        assertThat(summary).contains("应报 41 个单位，已接收 39，未通过 1，未报送 1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM finding WHERE rule_id IN ('ID', 'ID-CONFLICT')", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE unit_code IS NULL", Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT DISTINCT unit_code FROM submission WHERE status = 'ACCEPTED'", String.class))
                .hasSize(39).allSatisfy(code -> assertThat(code).matches("[TD]\\d\\d"));
        assertThat(jdbc.queryForList("SELECT code FROM reporting_unit", String.class)).contains("T01", "D01", "D25");
        Map<String, BigDecimal> county = new HashMap<>();
        jdbc.query("SELECT item_code, figure FROM county_total WHERE scope = 'COUNTY'",
                rs -> { county.put(rs.getString(1), rs.getBigDecimal(2)); });
        Map<String, Map<String, BigDecimal>> accepted = new DemoSubmissions(form, roster, DemoInput.YEAR).acceptedFigures();
        for (var item : form.items()) {
            BigDecimal expected = accepted.values().stream().map(u -> u.getOrDefault(item.code(), BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(county.get(item.code())).as(item.code()).isEqualByComparingTo(expected);
        }
        assertThat(county.get("T2.LICENSE.DECISIONS")).isEqualByComparingTo("6948");
    }
}
