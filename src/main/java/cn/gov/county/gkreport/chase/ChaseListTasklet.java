package cn.gov.county.gkreport.chase;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.gov.county.gkreport.mail.MailSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chase-list step: if {@code consolidator.mail.reminders-enabled}, reminds the units on the chase
 * list by mail (on the calendar's reminder days); then, every run (it needs no mail), writes them to
 * {@code output/<year>/催报名单-<year>.csv}, with tonight's reminders in the column 上次催报.
 */
public class ChaseListTasklet implements Tasklet {

    /** Step context keys. */
    public static final String FILE = "chase.file";
    public static final String COUNT = "chase.count";
    public static final String REMINDERS_SENT = "chase.reminders.sent";
    private static final Logger log = LoggerFactory.getLogger(ChaseListTasklet.class);

    private final MailSettings settings;
    private final ChaseList chaseList;
    private final Reminders reminders;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Path output;
    private final int year;

    public ChaseListTasklet(MailSettings settings, ChaseList chaseList, Reminders reminders, TransactionTemplate tx,
                            Clock clock, Path output, int year) {
        this.settings = settings;
        this.chaseList = chaseList;
        this.reminders = reminders;
        this.tx = tx;
        this.clock = clock;
        this.output = output;
        this.year = year;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        LocalDate today = LocalDate.now(clock);
        long executionId = contribution.getStepExecution().getJobExecutionId();
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        List<ChaseList.Entry> entries = tx.execute(status -> chaseList.entries(year, today));
        if (settings.remindersEnabled()) {
            Reminders.Result result = reminders.run(year, entries, executionId);
            context.putInt(REMINDERS_SENT, result.sent());
            if (result.sent() > 0) {
                entries = tx.execute(status -> chaseList.entries(year, today)); // with tonight's reminders
            }
        } else {
            log.info("催报邮件未启用（consolidator.mail.reminders-enabled=false）");
        }
        Path file = chaseList.write(output, year, entries);
        context.putString(FILE, file.toAbsolutePath().toString());
        context.putInt(COUNT, entries.size());
        contribution.incrementWriteCount(1);
        log.info("催报名单: {} 个单位，{}", entries.size(), file);
        return RepeatStatus.FINISHED;
    }
}
