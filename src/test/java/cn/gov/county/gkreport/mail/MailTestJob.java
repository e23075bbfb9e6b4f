package cn.gov.county.gkreport.mail;

import java.time.Clock;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The production steps in the order the nightly job runs them once the mail steps are wired in,
 * plus the clock the test moves between nightly runs.
 */
@TestConfiguration(proxyBeanMethods = false)
class MailTestJob {

    @Bean
    Clock mailClock() {
        return MailJobFunctionalTest.CLOCK;
    }

    @Bean
    Job mailTestJob(JobRepository jobRepository, @Qualifier("mailIntakeStep") Step mailIntakeStep,
                    @Qualifier("intakeStep") Step intakeStep, @Qualifier("importSubmissionsStep") Step importStep,
                    @Qualifier("consolidateStep") Step consolidateStep,
                    @Qualifier("writeWorkbookStep") Step writeWorkbookStep,
                    @Qualifier("writeFeedbackStep") Step writeFeedbackStep,
                    @Qualifier("mailRepliesStep") Step mailRepliesStep,
                    @Qualifier("chaseListStep") Step chaseListStep) {
        return new JobBuilder("mailTestJob", jobRepository).start(mailIntakeStep).next(intakeStep).next(importStep)
                .next(consolidateStep).next(writeWorkbookStep).next(writeFeedbackStep).next(mailRepliesStep)
                .next(chaseListStep).build();
    }
}
