package cn.gov.county.gkreport.job;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.chase.ChaseList;
import cn.gov.county.gkreport.chase.ChaseListTasklet;
import cn.gov.county.gkreport.mail.inbox.MailIntakeTasklet;
import cn.gov.county.gkreport.mail.reply.MailRepliesTasklet;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/** What the run summary says about mail: intake, replies, the chase list and its units. */
@Component
public class MailSummary {

    private final ChaseList chaseList;
    private final Clock clock;
    private final ConfigurableEnvironment environment;

    public MailSummary(ChaseList chaseList, Clock clock, ConfigurableEnvironment environment) {
        this.chaseList = chaseList;
        this.clock = clock;
        this.environment = environment;
    }

    /**
     * Which configuration file was read, then the lines about the mail steps of this execution (none
     * for a step that did not run or was switched off).
     */
    public List<String> lines(JobExecution execution) {
        List<String> lines = new ArrayList<>();
        lines.add(ConfigurationFiles.line(environment));
        step(execution, StepNames.MAIL_INTAKE).ifPresent(s -> {
            ExecutionContext c = s.getExecutionContext();
            if (c.containsKey(MailIntakeTasklet.PROBLEM)) {
                lines.add("邮箱收取失败: " + c.getString(MailIntakeTasklet.PROBLEM) + "。今晚只处理了输入目录中已有的文件，"
                        + "邮件留在邮箱中，下次运行再收取。");
            } else if (c.containsKey(MailIntakeTasklet.NEW_MESSAGES)) {
                lines.add("邮箱收取: 新邮件 " + c.getInt(MailIntakeTasklet.NEW_MESSAGES) + " 封，保存附件 "
                        + c.getInt(MailIntakeTasklet.SAVED) + " 个，重复文件 " + c.getInt(MailIntakeTasklet.DUPLICATES)
                        + " 个，无可处理附件 " + c.getInt(MailIntakeTasklet.REFUSED) + " 封"
                        + (c.getInt(MailIntakeTasklet.BOUNCES, 0) == 0 ? "" : "，退信等自动回执 "
                        + c.getInt(MailIntakeTasklet.BOUNCES) + " 封（不作为报送，见催报名单）")
                        + (c.getInt(MailIntakeTasklet.LEFT) == 0 ? "" : "，无附件或无法解析（留在邮箱中请人工查看）"
                        + c.getInt(MailIntakeTasklet.LEFT) + " 封"));
            }
        });
        step(execution, StepNames.MAIL_REPLIES).ifPresent(s -> {
            ExecutionContext c = s.getExecutionContext();
            if (c.containsKey(MailRepliesTasklet.SENT)) {
                lines.add("回复邮件: 发送 " + c.getInt(MailRepliesTasklet.SENT) + " 封" + (c.getInt(MailRepliesTasklet.FAILED) == 0
                        ? "" : "，" + c.getInt(MailRepliesTasklet.FAILED) + " 封发送失败（下次运行重试，原因见日志）"));
            }
        });
        step(execution, StepNames.CHASE_LIST).ifPresent(s -> {
            ExecutionContext c = s.getExecutionContext();
            if (c.containsKey(ChaseListTasklet.FILE)) {
                lines.add("催报名单（" + c.getInt(ChaseListTasklet.COUNT) + " 个单位）: " + c.getString(ChaseListTasklet.FILE)
                        + (c.containsKey(ChaseListTasklet.REMINDERS_SENT) ? "；本次发送催报邮件 "
                        + c.getInt(ChaseListTasklet.REMINDERS_SENT) + " 封" : ""));
            }
        });
        return lines;
    }

    /**
     * The units without an accepted submission, one line each with status, contact person, phone and
     * address: the chase list as the summary prints it.
     */
    public List<String> unitLines(int year) {
        return ChaseList.summaryLines(chaseList.entries(year, LocalDate.now(clock)));
    }

    private static Optional<StepExecution> step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst();
    }
}
