package cn.gov.county.gkreport.job;

import java.nio.file.Path;

import cn.gov.county.gkreport.draft.CountyDraft;
import cn.gov.county.gkreport.draft.DraftSettings;
import cn.gov.county.gkreport.draft.WriteDraftTasklet;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** {@code writeDraftStep}: the county's draft annual report, beside the workbook and the feedback copies. */
@Configuration(proxyBeanMethods = false)
class DraftStepConfiguration {

    /** Like the workbook, the draft is written again by a restarted execution (it reads that execution's totals). */
    @Bean
    Step writeDraftStep(JobRepository jobRepository, PlatformTransactionManager tx, WriteDraftTasklet writeDraftTasklet) {
        return new StepBuilder(StepNames.WRITE_DRAFT, jobRepository).tasklet(writeDraftTasklet, tx)
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
