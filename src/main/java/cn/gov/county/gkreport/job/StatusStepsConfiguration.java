package cn.gov.county.gkreport.job;

import java.nio.file.Path;
import java.util.Optional;

import cn.gov.county.gkreport.ConsolidatorProperties;
import cn.gov.county.gkreport.consolidate.ConsolidationRunRepository;
import cn.gov.county.gkreport.consolidate.CountyTotalsRepository;
import cn.gov.county.gkreport.deadline.DeadlineSettings;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.mail.OutgoingMail;
import cn.gov.county.gkreport.mail.reply.FeedbackFiles;
import cn.gov.county.gkreport.report.ReportRepository;
import cn.gov.county.gkreport.status.ResultMail;
import cn.gov.county.gkreport.status.ResultMailSettings;
import cn.gov.county.gkreport.status.ResultMailTasklet;
import cn.gov.county.gkreport.status.StatusRepository;
import cn.gov.county.gkreport.status.WriteStatusPageTasklet;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job's status steps: {@code statusPageStep}, after the workbook and the feedback copies (the page
 * links to both), writes the status page (like the workbook, again on a restart); {@code resultMailStep},
 * last, mails the night's result to the office.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResultMailSettings.class)
class StatusStepsConfiguration {

    /** Last in the job; does nothing unless {@code consolidator.result-mail.enabled}. */
    @Bean
    Step resultMailStep(JobRepository jobRepository, PlatformTransactionManager tx, ResultMailTasklet resultMailTasklet) {
        return new StepBuilder(StepNames.RESULT_MAIL, jobRepository).tasklet(resultMailTasklet, tx).build();
    }

    @Bean
    @StepScope
    ResultMailTasklet resultMailTasklet(ResultMailSettings settings, OutgoingMail outgoingMail,
                                        ConsolidatorProperties properties, ConsolidationRunRepository runs,
                                        ReportRepository reports, Roster roster, FormDefinition form,
                                        @Value("#{jobParameters['year']}") Long year,
                                        @Value("#{jobParameters['output']}") String output) {
        return new ResultMailTasklet(settings, new ResultMail(outgoingMail, properties.countyName()), runs, reports,
                roster, form, year.intValue(), Path.of(output));
    }

    @Bean
    Step statusPageStep(JobRepository jobRepository, PlatformTransactionManager tx,
                        WriteStatusPageTasklet writeStatusPageTasklet) {
        return new StepBuilder(StepNames.STATUS_PAGE, jobRepository).tasklet(writeStatusPageTasklet, tx)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    WriteStatusPageTasklet writeStatusPageTasklet(FormDefinition form, Roster roster, ReportRepository reports,
                                                  StatusRepository status, CountyTotalsRepository totals,
                                                  ConsolidationRunRepository runs,
                                                  JdbcTemplate jdbc, DeadlineSettings deadlines,
                                                  @Value("#{jobParameters['year']}") Long year,
                                                  @Value("#{jobParameters['output']}") String output) {
        WriteStatusPageTasklet.Sources sources = new WriteStatusPageTasklet.Sources(form, roster, reports, status,
                totals, runs, new FeedbackFiles(jdbc, Path.of(output), year.intValue()));
        return new WriteStatusPageTasklet(sources,
                Optional.of(deadlines.calendar(year.intValue()).deadline()),
                year.intValue(), Path.of(output));
    }
}
