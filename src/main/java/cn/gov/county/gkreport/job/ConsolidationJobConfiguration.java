package cn.gov.county.gkreport.job;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import cn.gov.county.gkreport.ConsolidatorProperties;
import cn.gov.county.gkreport.check.Assessment;
import cn.gov.county.gkreport.check.SubmissionAssessor;
import cn.gov.county.gkreport.consolidate.ConsolidateTasklet;
import cn.gov.county.gkreport.consolidate.ConsolidationRunRepository;
import cn.gov.county.gkreport.consolidate.CountyTotalsCalculator;
import cn.gov.county.gkreport.consolidate.CountyTotalsRepository;
import cn.gov.county.gkreport.deadline.DeadlineSettings;
import cn.gov.county.gkreport.feedback.FeedbackRepository;
import cn.gov.county.gkreport.feedback.FeedbackWorkbook;
import cn.gov.county.gkreport.feedback.WriteFeedbackTasklet;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.FingerprintProcessor;
import cn.gov.county.gkreport.intake.IncomingFile;
import cn.gov.county.gkreport.intake.InputFolder;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.mail.MailMessageRepository;
import cn.gov.county.gkreport.report.ConsolidatedWorkbook;
import cn.gov.county.gkreport.report.ReportRepository;
import cn.gov.county.gkreport.report.WriteWorkbookTasklet;
import cn.gov.county.gkreport.store.NewFileRegistrar;
import cn.gov.county.gkreport.store.OutcomeWriter;
import cn.gov.county.gkreport.store.Submission;
import cn.gov.county.gkreport.store.SubmissionRepository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly consolidation: (mailbox →) intake → import (read, check, store) → consolidate → write
 * workbook, feedback copies and the county's draft report → status page (→ replies by mail) → chase list
 * (→ result mail to the office).
 * Job parameters {@code year}, {@code input} and {@code output} identify a run; each step reads
 * them in step scope.
 */
@Configuration(proxyBeanMethods = false)
class ConsolidationJobConfiguration {

    static final String JOB_NAME = "consolidationJob";
    /** The steps in the order the job runs them (the two output steps at once); for the run summary. */
    static final List<String> STEP_ORDER = List.of(StepNames.MAIL_INTAKE, StepNames.INTAKE,
            StepNames.IMPORT_SUBMISSIONS, StepNames.REVIEW, StepNames.CONSOLIDATE, StepNames.WRITE_WORKBOOK, StepNames.WRITE_FEEDBACK,
            StepNames.WRITE_DRAFT, StepNames.STATUS_PAGE, StepNames.MAIL_REPLIES, StepNames.CHASE_LIST,
            StepNames.RESULT_MAIL);

    /**
     * The mail steps (mailbox intake first; replies and the chase list last) are always in the flow
     * and do nothing unless enabled in {@code consolidator.mail.*}. The consolidated workbook, the
     * feedback copies and the draft report only read what is stored, so they are written at once (a
     * split); the replies wait for all three.
     */
    @Bean
    Job consolidationJob(JobRepository jobRepository, Step mailIntakeStep, Step intakeStep, Step importSubmissionsStep,
                         Step reviewStep, Step consolidateStep, Step writeWorkbookStep, Step writeFeedbackStep, Step writeDraftStep,
                         Step statusPageStep, Step mailRepliesStep, Step chaseListStep, Step resultMailStep,
                         RunProgress runProgress) {
        // A flow, not a plain sequence, for the split. Its plain next() goes on only after COMPLETED;
        // the mail steps end NOOP when switched off, which must go on too (and FAILED must not).
        Flow outputs = new FlowBuilder<SimpleFlow>("outputsFlow")
                .split(new SimpleAsyncTaskExecutor("output-"))
                .add(new FlowBuilder<Flow>("workbookFlow").start(writeWorkbookStep).build(),
                        new FlowBuilder<Flow>("feedbackFlow").start(writeFeedbackStep).build(),
                        new FlowBuilder<Flow>("draftFlow").start(writeDraftStep).build())
                .build();
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(runProgress)
                .start(mailIntakeStep).on(ExitStatus.FAILED.getExitCode()).fail()
                .from(mailIntakeStep).on("*").to(intakeStep)
                .next(importSubmissionsStep)
                .next(reviewStep)
                .next(consolidateStep)
                .next(outputs)
                .next(statusPageStep)
                .next(mailRepliesStep).on(ExitStatus.FAILED.getExitCode()).fail()
                .from(mailRepliesStep).on("*").to(chaseListStep)
                .from(chaseListStep).on(ExitStatus.FAILED.getExitCode()).fail()
                .from(chaseListStep).on("*").to(resultMailStep)
                // the last step ends NOOP when switched off: that ends the job as COMPLETED too
                .from(resultMailStep).on(ExitStatus.FAILED.getExitCode()).fail()
                .from(resultMailStep).on("*").end()
                .end()
                .build();
    }

    /** Fingerprinting reads every byte of every file: done concurrently, registered in listing order. */
    @Bean
    Step intakeStep(JobRepository jobRepository, PlatformTransactionManager tx, ConsolidatorProperties properties,
                    ListItemReader<Path> inputFolderReader, NewFileRegistrar newFileRegistrar,
                    ThreadPoolTaskExecutor workerThreads) {
        return new StepBuilder(StepNames.INTAKE, jobRepository)
                .<Path, IncomingFile>chunk(properties.chunkSize())
                .transactionManager(tx)
                .reader(inputFolderReader)
                .processor(new FingerprintProcessor())
                .writer(newFileRegistrar)
                .taskExecutor(workerThreads)
                .build();
    }

    /** The files in {@code <input>/<year>/}, oldest first; re-listing on restart is harmless (known files are skipped). */
    @Bean
    @StepScope
    ListItemReader<Path> inputFolderReader(@Value("#{jobParameters['input']}") String input,
                                           @Value("#{jobParameters['year']}") Long year) throws IOException {
        return new ListItemReader<>(InputFolder.of(Path.of(input), year.intValue()).files());
    }

    @Bean
    @StepScope
    NewFileRegistrar newFileRegistrar(SubmissionRepository submissions, MailMessageRepository mail, Clock clock,
                                      @Value("#{jobParameters['year']}") Long year,
                                      @Value("#{stepExecution.jobExecutionId}") Long executionId) {
        return new NewFileRegistrar(submissions, year.intValue(), executionId,
                LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), sha256s -> mail.mailedAt(year.intValue(), sha256s));
    }

    /**
     * Reading and checking a workbook is the costly part, so it runs on the import threads, read
     * ahead of the chunk being written (see {@link ProcessingAheadReader}); the main thread stores
     * the outcomes in reading order, one chunk per transaction, so versions are numbered in arrival
     * order and restart works as without threads.
     */
    @Bean
    Step importSubmissionsStep(JobRepository jobRepository, PlatformTransactionManager tx,
                               ConsolidatorProperties properties,
                               ProcessingAheadReader<Submission, Assessment> assessedSubmissionsReader,
                               OutcomeWriter outcomeWriter, RunProgress runProgress, ImportProgress importProgress) {
        return new StepBuilder(StepNames.IMPORT_SUBMISSIONS, jobRepository)
                .<Assessment, Assessment>chunk(properties.chunkSize())
                .transactionManager(tx)
                .reader(assessedSubmissionsReader)
                .writer(outcomeWriter)
                .listener(runProgress)
                .listener(importProgress)
                .build();
    }

    /**
     * Progress lines on a long night ({@code consolidator.progress-interval}, default 10 s); the
     * office's log and the operator's console both show them.
     */
    @Bean
    @StepScope
    ImportProgress importProgress(SubmissionRepository submissions, Clock clock,
                                  @Value("${consolidator.progress-interval:10s}") Duration interval,
                                  @Value("#{jobParameters['year']}") Long year) {
        // A logger of its own: the console shows it although it shows only warnings of the rest (logback-spring.xml).
        Logger log = LoggerFactory.getLogger("cn.gov.county.gkreport.progress");
        return new ImportProgress(() -> submissions.countReceived(year.intValue()),
                clock, interval, log::info);
    }

    /** The assessing runs on the import threads, outside the step scope: it gets plain values only. */
    @Bean
    @StepScope
    ProcessingAheadReader<Submission, Assessment> assessedSubmissionsReader(
            JdbcPagingItemReader<Submission> pendingSubmissionsReader, SubmissionAssessor assessor,
            SubmissionRepository submissions, ThreadPoolTaskExecutor workerThreads, ConsolidatorProperties properties,
            @Value("#{jobParameters['year']}") Long year) {
        int reportYear = year.intValue();
        ItemProcessor<Submission, Assessment> assess = submission -> assessor.assess(submission.id(),
                Path.of(submission.sourcePath()), submission.fileName(),
                "MAIL".equals(submission.source()) ? submissions.mailSenderOf(reportYear, submission.sha256())
                        : Optional.empty(), reportYear);
        return new ProcessingAheadReader<>(pendingSubmissionsReader, assess, workerThreads,
                properties.chunkSize() + 2 * properties.workerThreads());
    }

    /**
     * The job's worker threads ({@code consolidator.import-threads}): fingerprinting, reading and
     * checking workbooks, feedback copies, and the per-unit sheet beside the other sheets. A fixed
     * pool rather than a thread per item: the workbook parser is kept per thread, and thousands of
     * short-lived threads would each build their own.
     */
    @Bean
    ThreadPoolTaskExecutor workerThreads(ConsolidatorProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("worker-");
        executor.setCorePoolSize(properties.workerThreads());
        executor.setMaxPoolSize(properties.workerThreads());
        executor.setDaemon(true);
        return executor;
    }

    /**
     * The submissions still RECEIVED, in arrival order. Its state is not saved: a processed
     * submission leaves the query in the same transaction as its outcome, so after a crash a
     * restart reads exactly the ones not yet stored (the process-indicator pattern).
     */
    @Bean
    @StepScope
    JdbcPagingItemReader<Submission> pendingSubmissionsReader(DataSource dataSource,
                                                              @Value("#{jobParameters['year']}") Long year)
            throws Exception {
        return new JdbcPagingItemReaderBuilder<Submission>()
                .name("pendingSubmissionsReader")
                .dataSource(dataSource)
                .selectClause("SELECT *")
                .fromClause("FROM submission")
                .whereClause("WHERE report_year = :year AND status = 'RECEIVED'")
                .parameterValues(Map.of("year", year.intValue()))
                // Sorted by all of ix_submission_status, not by id alone: then H2 reads each page in index
                // order and stops after it, instead of sorting every pending row for every page.
                .sortKeys(pendingOrder())
                .rowMapper(SubmissionRepository::map)
                .pageSize(50)
                .saveState(false)
                .build();
    }

    private static Map<String, Order> pendingOrder() {
        Map<String, Order> order = new LinkedHashMap<>();
        order.put("report_year", Order.ASCENDING);
        order.put("status", Order.ASCENDING);
        order.put("id", Order.ASCENDING);
        return order;
    }

    @Bean
    @StepScope
    OutcomeWriter outcomeWriter(SubmissionRepository submissions, Clock clock, @Value("#{jobParameters['year']}") Long year,
                                @Value("#{stepExecution.jobExecutionId}") Long executionId) {
        return new OutcomeWriter(submissions, year.intValue(), executionId, clock);
    }

    /**
     * Totals are stored per execution, so on a restart they are computed again by the restarted
     * execution (it is cheap and only reads what is stored) rather than skipped as complete.
     */
    @Bean
    Step consolidateStep(JobRepository jobRepository, PlatformTransactionManager tx, ConsolidateTasklet consolidateTasklet) {
        return new StepBuilder(StepNames.CONSOLIDATE, jobRepository).tasklet(consolidateTasklet, tx)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    ConsolidateTasklet consolidateTasklet(CountyTotalsCalculator calculator, ConsolidationRunRepository runs,
                                          Roster roster, Clock clock, @Value("#{jobParameters['year']}") Long year) {
        return new ConsolidateTasklet(calculator, runs, roster, year.intValue(), clock);
    }

    @Bean
    Step writeWorkbookStep(JobRepository jobRepository, PlatformTransactionManager tx, WriteWorkbookTasklet writeWorkbookTasklet) {
        return new StepBuilder(StepNames.WRITE_WORKBOOK, jobRepository).tasklet(writeWorkbookTasklet, tx)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step writeFeedbackStep(JobRepository jobRepository, PlatformTransactionManager tx,
                           WriteFeedbackTasklet writeFeedbackTasklet) {
        return new StepBuilder(StepNames.WRITE_FEEDBACK, jobRepository).tasklet(writeFeedbackTasklet, tx).build();
    }

    @Bean
    @StepScope
    WriteFeedbackTasklet writeFeedbackTasklet(FeedbackRepository queries, ConsolidatorProperties properties,
                                              ThreadPoolTaskExecutor workerThreads,
                                              @Value("#{jobParameters['year']}") Long year,
                                              @Value("#{jobParameters['output']}") String output) {
        return new WriteFeedbackTasklet(queries, new FeedbackWorkbook(properties.readLimits()), year.intValue(),
                Path.of(output), workerThreads, properties.workerThreads());
    }

    @Bean
    @StepScope
    WriteWorkbookTasklet writeWorkbookTasklet(FormDefinition form, Roster roster, ConsolidatorProperties properties,
                                              ReportRepository queries, CountyTotalsRepository totals,
                                              ConsolidationRunRepository runs, ThreadPoolTaskExecutor workerThreads,
                                              DeadlineSettings deadlines,
                                              @Value("#{jobParameters['year']}") Long year,
                                              @Value("#{jobParameters['output']}") String output) {
        return new WriteWorkbookTasklet(form, roster, properties.countyOffice(), queries, totals, runs, deadlines,
                year.intValue(),
                Path.of(output), new ConsolidatedWorkbook(workerThreads));
    }
}
