package cn.gov.county.gkreport.draft;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

import cn.gov.county.gkreport.consolidate.CountySelfCheck;
import cn.gov.county.gkreport.consolidate.CountyTotalsRepository;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The county's draft annual report: its pieces and the job's {@code writeDraftStep}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DraftSettings.class)
class DraftConfiguration {

    @Bean
    CountyDraft countyDraft(FormDefinition form, Roster roster, DraftSettings settings, DraftRepository queries,
                            CountyTotalsRepository totals) {
        // A misspelt unit code in the settings stops the program at start, before anything is imported.
        DraftScope.of(roster, settings.units(), Map.of());
        DraftComposer composer = new DraftComposer(form, roster.countyName(), settings);
        return new CountyDraft(new DraftSource(form, roster, settings, queries, totals), composer,
                new DraftCheck(form, new CountySelfCheck(form, roster), composer.sectionHeadings()),
                new DraftDocxWriter(), roster.countyName(), Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    /** Like the workbook, the draft is written again by a restarted execution (it reads that execution's totals). */
    @Bean
    Step writeDraftStep(JobRepository jobRepository, PlatformTransactionManager tx, WriteDraftTasklet writeDraftTasklet) {
        return new StepBuilder("writeDraftStep", jobRepository).tasklet(writeDraftTasklet, tx)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    WriteDraftTasklet writeDraftTasklet(CountyDraft countyDraft, DraftSettings settings,
                                        @Value("#{jobParameters['year']}") Long year,
                                        @Value("#{jobParameters['output']}") String output) {
        return new WriteDraftTasklet(countyDraft, settings.enabled(), year.intValue(), Path.of(output));
    }
}
