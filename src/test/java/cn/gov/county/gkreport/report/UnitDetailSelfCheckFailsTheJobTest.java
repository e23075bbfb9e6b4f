package cn.gov.county.gkreport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.support.Databases;
import cn.gov.county.gkreport.support.DemoInput;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A per-unit sheet whose unit rows do not add up to the county totals fails the nightly job,
 * loudly: given a (deliberately broken) repository that loses one accepted unit's figures on the
 * way to 分单位明细 — what the old merge of two assumed-equal orders did — when the job runs, then
 * it fails with the scope and the difference in the summary, and no consolidated workbook (nor a
 * half-written one) is left in the output folder.
 */
@SpringBootTest
@ActiveProfiles("test")
class UnitDetailSelfCheckFailsTheJobTest {

    /** The accepted town whose figures the broken repository loses. */
    private static final String LOST_UNIT = "T01";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    @TestConfiguration
    static class LosingRepository {

        @Bean
        @Primary
        ReportRepository losingOneUnit(JdbcTemplate jdbc) {
            return new ReportRepository(jdbc) {
                @Override
                public Map<Long, Map<String, BigDecimal>> figures(Collection<Long> submissionIds) {
                    Map<Long, Map<String, BigDecimal>> figures = super.figures(submissionIds);
                    jdbc.queryForList("SELECT id FROM submission WHERE unit_code = ? AND status = 'ACCEPTED'",
                            Long.class, LOST_UNIT).forEach(figures::remove);
                    return figures;
                }
            };
        }
    }

    @Autowired
    ConsolidationCommand command;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void failsTheJobAndLeavesNoWorkbook(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        Path output = work.resolve("output");
        DemoInput.copyTo(input);
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        ConsolidationCommand.Outcome outcome = command.execute(DemoInput.YEAR, input.toString(), output.toString(),
                new PrintStream(console, true, StandardCharsets.UTF_8));

        String summary = console.toString(StandardCharsets.UTF_8);
        BigDecimal lost = jdbc.queryForObject("SELECT v.figure FROM submission s JOIN submission_value v "
                + "ON v.submission_id = s.id WHERE s.unit_code = ? AND s.status = 'ACCEPTED' "
                + "AND v.item_code = 'T2.LICENSE.DECISIONS'", BigDecimal.class, LOST_UNIT);
        assertThat(lost).as("the precondition: the lost unit has licence decisions").isPositive();
        assertThat(outcome.exitCode()).as(summary).isEqualTo(ConsolidationCommand.FAILED);
        assertThat(outcome.execution().orElseThrow().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(summary).contains("分单位明细的镇小计与汇总数不一致（程序错误，汇总工作簿未写出）")
                .contains("T2.LICENSE.DECISIONS 各单位之和 " + BigDecimal.valueOf(548).subtract(lost).stripTrailingZeros()
                        .toPlainString() + "，汇总数 548");
        Path workbook = new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook();
        assertThat(workbook).doesNotExist();
        try (Stream<Path> left = Files.list(workbook.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }
}
