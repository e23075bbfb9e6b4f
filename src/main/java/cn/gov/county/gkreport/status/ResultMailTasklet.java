package cn.gov.county.gkreport.status;

import java.nio.file.Path;
import java.util.List;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.consolidate.ConsolidationRun;
import cn.gov.county.gkreport.consolidate.ConsolidationRunRepository;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.report.ReportRepository;
import cn.gov.county.gkreport.report.UnitStanding;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step: the result mail to the office, when {@code consolidator.result-mail.enabled}. A
 * mail server that cannot be reached does not fail the night (everything else is written); the
 * log and the step's exit description say so.
 */
public class ResultMailTasklet implements Tasklet {

    /** Step context key: 1 when the mail went out. */
    public static final String SENT = "result-mail.sent";
    private static final Logger log = LoggerFactory.getLogger(ResultMailTasklet.class);

    private final ResultMailSettings settings;
    private final ResultMail mail;
    private final ConsolidationRunRepository runs;
    private final ReportRepository reports;
    private final Roster roster;
    private final FormDefinition form;
    private final int year;
    private final Path outputDir;

    public ResultMailTasklet(ResultMailSettings settings, ResultMail mail, ConsolidationRunRepository runs,
                             ReportRepository reports, Roster roster, FormDefinition form, int year, Path outputDir) {
        this.settings = settings;
        this.mail = mail;
        this.runs = runs;
        this.reports = reports;
        this.roster = roster;
        this.form = form;
        this.year = year;
        this.outputDir = outputDir;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (!settings.enabled() || settings.to() == null || settings.to().isBlank()) {
            log.info("结果邮件未启用（consolidator.result-mail.enabled / to），本步骤跳过");
            contribution.setExitStatus(ExitStatus.NOOP);
            return RepeatStatus.FINISHED;
        }
        long executionId = contribution.getStepExecution().getJobExecutionId();
        ConsolidationRun run = runs.find(executionId)
                .orElseThrow(() -> new IllegalStateException("no consolidation run stored for execution " + executionId));
        List<UnitStanding> standings = UnitStanding.of(roster.units(), reports.submissions(year));
        try {
            mail.send(settings.to(), run, standings, reports.changes(form, roster, year, executionId), new OutputLayout(outputDir, year).statusPage());
            contribution.getStepExecution().getExecutionContext().putInt(SENT, 1);
            contribution.incrementWriteCount(1);
        } catch (Exception e) {
            log.warn("结果邮件未能发送到 {}：{}（汇总结果已写出，不受影响）", settings.to(), e.getMessage());
            contribution.setExitStatus(new ExitStatus(ExitStatus.COMPLETED.getExitCode(), "结果邮件未能发送：" + e.getMessage()));
        }
        return RepeatStatus.FINISHED;
    }
}
