package cn.gov.county.gkreport.job;

import java.nio.file.Path;
import java.time.Clock;

import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.review.ReviewDecisions;
import cn.gov.county.gkreport.review.ReviewRepository;
import cn.gov.county.gkreport.review.ReviewSettings;
import cn.gov.county.gkreport.review.ReviewTasklet;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code reviewStep}: the reviewer's decisions, after tonight's files are checked and before the
 * totals. Run again by a restarted execution: the reviewer may have corrected the workbook since,
 * and taking the same decisions in twice changes nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewSettings.class)
class ReviewStepConfiguration {

    @Bean
    Step reviewStep(JobRepository jobRepository, PlatformTransactionManager tx, ReviewTasklet reviewTasklet) {
        return new StepBuilder(StepNames.REVIEW, jobRepository).tasklet(reviewTasklet, tx)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    ReviewDecisions reviewDecisions(ReviewRepository reviews, Roster roster, PlatformTransactionManager tx, Clock clock) {
        TransactionTemplate own = new TransactionTemplate(tx);
        own.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        return new ReviewDecisions(reviews, roster, own, clock);
    }

    @Bean
    @StepScope
    ReviewTasklet reviewTasklet(ReviewDecisions decisions, ReviewSettings settings,
                                @Value("#{jobParameters['year']}") Long year,
                                @Value("#{jobParameters['output']}") String output) {
        return new ReviewTasklet(decisions, settings, year.intValue(), Path.of(output));
    }
}
