package cn.gov.county.gkreport.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.consolidate.CountySelfCheck;
import cn.gov.county.gkreport.consolidate.CountyTotalsRepository;
import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.deadline.DeadlineSettings;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.report.ConsolidatedWorkbook;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.OnFreshH2Test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A draft that fails its self-check fails the nightly job, loudly, like the county self-check:
 * given a (deliberately broken) source that hands the draft the reference report's 总计 error, when
 * the job runs, then it fails with the reason in the summary, no draft is written, and the
 * workbook beside it is still written.
 */
class DraftSelfCheckFailsTheJobTest extends OnFreshH2Test {

    /** Stands in for a bug between the totals and the draft: 总计 0 where 自然人 has 18. */
    @TestConfiguration
    static class BrokenSource {

        @Bean
        @Primary
        CountyDraft brokenDraft(FormDefinition form, Roster roster, DraftRepository queries, CountyTotalsRepository totals) {
            DraftSettings settings = DraftSettings.defaults();
            DraftSource broken = new DraftSource(form, roster, settings, queries, totals) {
                @Override
                public DraftData gather(int year, Optional<Long> execution) {
                    DraftData data = super.gather(year, execution);
                    Map<TotalScope, Map<String, BigDecimal>> figures = new EnumMap<>(data.figures());
                    Map<String, BigDecimal> county = new HashMap<>(data.total());
                    county.put("T3.R4_1.TOTAL", BigDecimal.ZERO);
                    figures.put(TotalScope.COUNTY, county);
                    return new DraftData(data.year(), data.scope(), figures, data.previousYear());
                }
            };
            DraftComposer composer = new DraftComposer(form, roster.countyName(), settings, DeadlineSettings.defaults());
            return new CountyDraft(broken, composer, new DraftCheck(form, new CountySelfCheck(form, roster),
                    composer.sectionHeadings()), new DraftDocxWriter(), roster.countyName(), Clock.systemUTC());
        }
    }

    @Test
    void failsTheJobAndWritesNoDraft(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        Path output = work.resolve("output");
        DemoInput.copyTo(input);
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        ConsolidationCommand.Outcome outcome = command.execute(DemoInput.YEAR, input.toString(), output.toString(),
                new PrintStream(console, true, StandardCharsets.UTF_8));

        String summary = console.toString(StandardCharsets.UTF_8);
        assertThat(outcome.exitCode()).as(summary).isEqualTo(ConsolidationCommand.FAILED);
        assertThat(outcome.execution().orElseThrow().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(summary).contains("年度报告草稿未通过自检（程序错误，草稿未写出）").contains("T3-ROW");
        assertThat(new OutputLayout(output, DemoInput.YEAR).draft("泽州县")).doesNotExist();
        assertThat(new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook()).isRegularFile();
    }
}
