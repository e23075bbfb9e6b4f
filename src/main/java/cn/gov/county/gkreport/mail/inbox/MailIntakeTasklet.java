package cn.gov.county.gkreport.mail.inbox;

import java.nio.file.Path;

import cn.gov.county.gkreport.mail.MailProblems;
import cn.gov.county.gkreport.mail.MailSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The mail-intake step: takes tonight's submissions from the mailbox into {@code input/<year>/}
 * before intake runs. Does nothing (and says so) unless {@code consolidator.mail.intake-enabled}.
 * A mailbox that cannot be reached (network, password, certificate) does not stop the night: the
 * files already in the folder are still processed, the problem is logged and kept in the step's
 * context ({@link #PROBLEM}) for the summary, and the messages wait for the next run.
 */
public class MailIntakeTasklet implements Tasklet {

    /** Step context keys. */
    public static final String NEW_MESSAGES = "mail.intake.new";
    public static final String SAVED = "mail.intake.saved";
    public static final String DUPLICATES = "mail.intake.duplicates";
    public static final String REFUSED = "mail.intake.refused";
    public static final String LEFT = "mail.intake.left";
    public static final String BOUNCES = "mail.intake.bounces";
    public static final String PROBLEM = "mail.intake.problem";
    private static final Logger log = LoggerFactory.getLogger(MailIntakeTasklet.class);

    private final MailSettings settings;
    private final MailboxIntake intake;
    private final Path input;
    private final Path output;
    private final int year;

    /** Without an output folder: only the feedback fingerprints already recorded are recognised. */
    public MailIntakeTasklet(MailSettings settings, MailboxIntake intake, Path input, int year) {
        this(settings, intake, input, null, year);
    }

    public MailIntakeTasklet(MailSettings settings, MailboxIntake intake, Path input, Path output, int year) {
        this.settings = settings;
        this.intake = intake;
        this.input = input;
        this.output = output;
        this.year = year;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (!settings.intakeEnabled()) {
            log.info("邮箱收取未启用（consolidator.mail.intake-enabled=false），本步骤跳过");
            contribution.setExitStatus(ExitStatus.NOOP);
            return RepeatStatus.FINISHED;
        }
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        try {
            MailboxIntake.Result result = intake.run(input, output, year, contribution.getStepExecution().getJobExecutionId());
            context.putInt(NEW_MESSAGES, result.newMessages());
            context.putInt(SAVED, result.savedFiles());
            context.putInt(DUPLICATES, result.duplicateFiles());
            context.putInt(REFUSED, result.refusedMessages());
            context.putInt(LEFT, result.leftMessages());
            context.putInt(BOUNCES, result.bounces());
            for (int i = 0; i < result.newMessages(); i++) {
                contribution.incrementReadCount(); // the summary's 读取: new messages; 写入: files saved
            }
            contribution.incrementWriteCount(result.savedFiles());
        } catch (Exception e) {
            String problem = MailProblems.describe(e, "邮箱服务器（" + settings.mailbox().host() + ":"
                    + settings.mailbox().effectivePort() + "）");
            log.error("邮箱收取失败，今晚只处理输入目录中已有的文件: {}", problem);
            context.putString(PROBLEM, problem);
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription("邮箱收取失败: " + problem));
        }
        return RepeatStatus.FINISHED;
    }

    /** What the operator needs to know, in one line, without a stack trace. */
    static String describe(Exception e) {
        return MailProblems.describe(e, "邮箱服务器");
    }
}
