package cn.gov.county.gkreport.mail.reply;

import cn.gov.county.gkreport.mail.MailSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The replies step: one reply per mailed submission processed, one notice per message that brought
 * nothing new. Does nothing (and says so) unless {@code consolidator.mail.replies-enabled}. A mail
 * server that cannot be reached does not fail the night: the replies are marked FAILED and go out
 * on the next run.
 */
public class MailRepliesTasklet implements Tasklet {

    /** Step context keys. */
    public static final String SENT = "mail.replies.sent";
    public static final String FAILED = "mail.replies.failed";
    private static final Logger log = LoggerFactory.getLogger(MailRepliesTasklet.class);

    private final MailSettings settings;
    private final MailReplies replies;
    private final int year;

    public MailRepliesTasklet(MailSettings settings, MailReplies replies, int year) {
        this.settings = settings;
        this.replies = replies;
        this.year = year;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (!settings.repliesEnabled()) {
            log.info("回复邮件未启用（consolidator.mail.replies-enabled=false），本步骤跳过");
            contribution.setExitStatus(ExitStatus.NOOP);
            return RepeatStatus.FINISHED;
        }
        MailReplies.Result result = replies.run(year, contribution.getStepExecution().getJobExecutionId());
        contribution.getStepExecution().getExecutionContext().putInt(SENT, result.sent());
        contribution.getStepExecution().getExecutionContext().putInt(FAILED, result.failed());
        contribution.incrementWriteCount(result.sent());
        return RepeatStatus.FINISHED;
    }
}
