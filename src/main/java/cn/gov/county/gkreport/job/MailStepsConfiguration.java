package cn.gov.county.gkreport.job;

import java.nio.file.Path;
import java.time.Clock;

import cn.gov.county.gkreport.ConsolidatorProperties;
import cn.gov.county.gkreport.chase.ChaseList;
import cn.gov.county.gkreport.chase.ChaseListTasklet;
import cn.gov.county.gkreport.chase.ReminderRepository;
import cn.gov.county.gkreport.chase.Reminders;
import cn.gov.county.gkreport.chase.UnitAddresses;
import cn.gov.county.gkreport.deadline.DeadlineSettings;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.mail.FeedbackFingerprints;
import cn.gov.county.gkreport.mail.MailMessageRepository;
import cn.gov.county.gkreport.mail.MailSettings;
import cn.gov.county.gkreport.mail.OutgoingMail;
import cn.gov.county.gkreport.mail.SmtpOutgoingMail;
import cn.gov.county.gkreport.mail.inbox.BounceRepository;
import cn.gov.county.gkreport.mail.inbox.MailExplanationRepository;
import cn.gov.county.gkreport.mail.inbox.MailIntakeTasklet;
import cn.gov.county.gkreport.mail.inbox.MailboxIntake;
import cn.gov.county.gkreport.mail.reply.FeedbackAttachments;
import cn.gov.county.gkreport.mail.reply.FeedbackFiles;
import cn.gov.county.gkreport.mail.reply.MailReplies;
import cn.gov.county.gkreport.mail.reply.MailRepliesTasklet;
import cn.gov.county.gkreport.mail.reply.MailReplyRepository;
import cn.gov.county.gkreport.mail.reply.ReplyTexts;
import cn.gov.county.gkreport.report.ReportRepository;
import cn.gov.county.gkreport.store.SubmissionRepository;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail steps of the nightly job: {@code mailIntakeStep} (first, before intake),
 * {@code mailRepliesStep} and {@code chaseListStep} (last, after the feedback copies are written).
 * Each does nothing, and says so in the log, when its feature is switched off, so the job always
 * includes them. The mail classes do their own short transactions (each message, each reply), so
 * the steps' own transaction is READ COMMITTED and holds nothing of theirs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
public class MailStepsConfiguration {

    @Bean
    Step mailIntakeStep(JobRepository jobRepository, PlatformTransactionManager tx, MailIntakeTasklet mailIntakeTasklet) {
        return step(StepNames.MAIL_INTAKE, jobRepository, tx, mailIntakeTasklet);
    }

    @Bean
    Step mailRepliesStep(JobRepository jobRepository, PlatformTransactionManager tx,
                         MailRepliesTasklet mailRepliesTasklet) {
        return step(StepNames.MAIL_REPLIES, jobRepository, tx, mailRepliesTasklet);
    }

    @Bean
    Step chaseListStep(JobRepository jobRepository, PlatformTransactionManager tx, ChaseListTasklet chaseListTasklet) {
        return step(StepNames.CHASE_LIST, jobRepository, tx, chaseListTasklet);
    }

    private static Step step(String name, JobRepository jobRepository, PlatformTransactionManager tx,
                             org.springframework.batch.core.step.tasklet.Tasklet tasklet) {
        DefaultTransactionAttribute readCommitted = new DefaultTransactionAttribute();
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new StepBuilder(name, jobRepository).tasklet(tasklet, tx).transactionAttribute(readCommitted).build();
    }

    /** Sends replies and reminders through the configured SMTP server (connects only when there is mail to send). */
    @Bean
    OutgoingMail outgoingMail(MailSettings settings, ConsolidatorProperties properties, Clock clock) {
        return new SmtpOutgoingMail(settings, displayName(settings, properties.countyName()), clock);
    }

    @Bean
    ReplyTexts replyTexts(MailSettings settings, DeadlineSettings deadlines, ConsolidatorProperties properties) {
        String name = displayName(settings, properties.countyName());
        return new ReplyTexts(MailSettings.blank(settings.signature()) ? name : settings.signature(), deadlines,
                settings.fromAddress(), properties.templateName());
    }

    private static String displayName(MailSettings settings, String countyName) {
        if (!MailSettings.blank(settings.fromName())) {
            return settings.fromName();
        }
        return countyName == null ? null : countyName + "政务公开办";
    }

    @Bean
    @StepScope
    MailIntakeTasklet mailIntakeTasklet(MailSettings settings, MailMessageRepository messages,
                                        SubmissionRepository submissions, BounceRepository bounces,
                                        FeedbackFingerprints fingerprints, MailExplanationRepository explanations,
                                        PlatformTransactionManager tx, ConsolidatorProperties properties, Clock clock,
                                        @Value("#{jobParameters['input']}") String input,
                                        @Value("#{jobParameters['output']}") String output,
                                        @Value("#{jobParameters['year']}") Long year) {
        MailboxIntake intake = new MailboxIntake(settings, new MailboxIntake.Stores(messages, submissions, bounces,
                fingerprints, explanations, newTransactions(tx)), properties.readLimits().maxFileBytes(), clock);
        return new MailIntakeTasklet(settings, intake, Path.of(input), Path.of(output), year.intValue());
    }

    @Bean
    @StepScope
    MailRepliesTasklet mailRepliesTasklet(MailSettings settings, MailReplyRepository replies, OutgoingMail outgoingMail,
                                          ReplyTexts replyTexts, ObjectProvider<FeedbackAttachments> feedback,
                                          FeedbackFingerprints fingerprints,
                                          JdbcTemplate jdbc, PlatformTransactionManager tx, Clock clock,
                                          @Value("#{jobParameters['output']}") String output,
                                          @Value("#{jobParameters['year']}") Long year) {
        FeedbackAttachments attachments = feedback.getIfAvailable(
                () -> new FeedbackFiles(jdbc, Path.of(output), year.intValue()));
        MailReplies mailReplies = new MailReplies(settings, replies, outgoingMail, attachments, replyTexts, fingerprints,
                newTransactions(tx), clock);
        return new MailRepliesTasklet(settings, mailReplies, year.intValue());
    }

    @Bean
    @StepScope
    ChaseListTasklet chaseListTasklet(MailSettings settings, DeadlineSettings deadlines, ChaseList chaseList,
                                      MailReplyRepository replies, ReminderRepository reminders,
                                      OutgoingMail outgoingMail, PlatformTransactionManager tx,
                                      Clock clock, @Value("#{jobParameters['output']}") String output,
                                      @Value("#{jobParameters['year']}") Long year) {
        TransactionTemplate newTx = newTransactions(tx);
        Reminders sender = new Reminders(settings, deadlines, chaseList, reminders, replies, outgoingMail, newTx, clock);
        return new ChaseListTasklet(settings, chaseList, sender, newTx, clock, Path.of(output), year.intValue());
    }

    /** The chase list: the step writes it and reminds its units, the summary lists it. */
    @Bean
    ChaseList chaseList(MailSettings settings, Roster roster, ReportRepository queries, JdbcTemplate jdbc,
                        MailReplyRepository replies, ReminderRepository reminders, ReplyTexts replyTexts,
                        DeadlineSettings deadlines, BounceRepository bounces) {
        return new ChaseList(roster, queries, jdbc, replies, reminders, UnitAddresses.read(settings.unitAddresses()),
                replyTexts, deadlines, bounces);
    }

    public static TransactionTemplate newTransactions(PlatformTransactionManager tx) {
        TransactionTemplate template = new TransactionTemplate(tx);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return template;
    }
}
