package cn.gov.county.gkreport.report;

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
import java.util.UUID;

import cn.gov.county.gkreport.ConsolidatorApplication;
import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.support.DemoInput;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The county's consolidated workbook is itself a submission one level up: given two small
 * counties consolidated by the job, when a city office runs the same job over their two
 * consolidated workbooks with a roster of counties, then both are accepted and the city totals
 * are the sums of the counties' (and so of all their units').
 */
class OneLevelUpTest {

    private static final Map<String, List<String>> COUNTIES = Map.of(
            "140501", List.of("T01", "T02", "D01"),
            "140502", List.of("T03", "D02", "D04"));
    private static final Map<String, String> NAMES = Map.of("140501", "甲县", "140502", "乙县");

    @Test
    void aCityConsolidatesTheConsolidatedWorkbooksOfItsCounties(@TempDir Path work) throws Exception {
        FormDefinition form = FormDefinitionLoader.loadCurrent();
        Path cityInput = Files.createDirectories(work.resolve("city-input/2024"));
        StringBuilder cityRoster = new StringBuilder("code,name,type\n");

        // given each county consolidated from its own units' demo files
        for (var county : COUNTIES.entrySet()) {
            String code = county.getKey();
            Path root = work.resolve(code);
            Path input = Files.createDirectories(root.resolve("input/2024"));
            StringBuilder roster = new StringBuilder("code,name,type\n");
            Roster demo = Roster.read(Path.of("jobs/roster.csv"), "泽州县");
            for (String unit : county.getValue()) {
                var rosterUnit = demo.byCode(unit).orElseThrow();
                roster.append(unit).append(',').append(rosterUnit.name()).append(',').append(rosterUnit.type().label())
                        .append('\n');
                try (var files = Files.list(DemoInput.COMMITTED)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().startsWith(unit + "-")).toList()) {
                        Files.copy(file, input.resolve(file.getFileName()));
                    }
                }
            }
            Path rosterFile = Files.writeString(root.resolve("roster.csv"), roster);
            ConsolidationCommand.Outcome outcome = run(rosterFile, NAMES.get(code), code, root.resolve("input"),
                    root.resolve("output"));
            assertThat(outcome.exitCode()).isEqualTo(ConsolidationCommand.COMPLETED);
            Files.copy(new OutputLayout(root.resolve("output"), 2024).consolidatedWorkbook(),
                    cityInput.resolve(NAMES.get(code) + "2024年政府信息公开年报汇总表.xlsx"));
            cityRoster.append(code).append(',').append(NAMES.get(code)).append(",县（市、区）\n");
        }

        // when the city runs the same job over the two consolidated workbooks
        Path cityRosterFile = Files.writeString(work.resolve("city-roster.csv"), cityRoster);
        Map<String, BigDecimal> cityTotals = new HashMap<>();
        Map<String, String> statuses = new HashMap<>();
        Map<String, String> contacts = new HashMap<>();
        ConsolidationCommand.Outcome city = run(cityRosterFile, "晋城市", "140500", work.resolve("city-input"),
                work.resolve("city-output"), jdbc -> {
                    jdbc.query("SELECT unit_code, status, contact_person, contact_phone FROM submission", rs -> {
                        statuses.put(rs.getString(1), rs.getString(2));
                        contacts.put(rs.getString(1), rs.getString(3) + " " + rs.getString(4));
                    });
                    jdbc.query("SELECT item_code, figure FROM county_total WHERE scope = 'COUNTY'", rs -> {
                        cityTotals.put(rs.getString(1), rs.getBigDecimal(2));
                    });
                });

        // then both counties are accepted and every city figure is the sum of all their units'
        assertThat(city.exitCode()).isEqualTo(ConsolidationCommand.COMPLETED);
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of("140501", "ACCEPTED", "140502", "ACCEPTED"));
        // each county's cover names its office's contact and phone from its configuration
        assertThat(contacts).containsExactlyInAnyOrderEntriesOf(Map.of("140501", "甲县政务公开办 0356-0501",
                "140502", "乙县政务公开办 0356-0502"));
        Map<String, Map<String, BigDecimal>> units = new DemoSubmissions(form,
                Roster.read(Path.of("jobs/roster.csv"), "泽州县"), 2024).acceptedFigures();
        for (var item : form.items()) {
            BigDecimal expected = COUNTIES.values().stream().flatMap(List::stream)
                    .map(u -> units.get(u).getOrDefault(item.code(), BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(cityTotals.get(item.code())).as(item.code()).isEqualByComparingTo(expected);
        }
        assertThat(new OutputLayout(work.resolve("city-output"), 2024).consolidatedWorkbook()).exists();
    }

    private static ConsolidationCommand.Outcome run(Path roster, String area, String code, Path input, Path output)
            throws Exception {
        return run(roster, area, code, input, output, jdbc -> { });
    }

    private static ConsolidationCommand.Outcome run(Path roster, String area, String code, Path input, Path output,
                                                    java.util.function.Consumer<JdbcTemplate> inspect) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConsolidatorApplication.class)
                .profiles("test")
                // command-line arguments, so they win over application.yml as on the real command line
                .run("--spring.datasource.url=jdbc:h2:mem:up-" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1",
                        "--consolidator.roster=" + roster, "--consolidator.county-name=" + area,
                        "--consolidator.county-code=" + code, "--consolidator.county-contact=" + area + "政务公开办",
                        "--consolidator.county-phone=0356-" + code.substring(2))) {
            ConsolidationCommand.Outcome outcome = context.getBean(ConsolidationCommand.class).execute(2024,
                    input.toString(), output.toString(),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            inspect.accept(context.getBean(JdbcTemplate.class));
            return outcome;
        }
    }
}
