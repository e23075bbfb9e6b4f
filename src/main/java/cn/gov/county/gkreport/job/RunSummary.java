package cn.gov.county.gkreport.job;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.consolidate.ConsolidationRun;
import cn.gov.county.gkreport.consolidate.ConsolidationRunRepository;
import cn.gov.county.gkreport.draft.WriteDraftTasklet;
import cn.gov.county.gkreport.feedback.WriteFeedbackTasklet;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.report.ReportRepository;
import cn.gov.county.gkreport.report.RunChanges;
import cn.gov.county.gkreport.review.ReviewTasklet;
import cn.gov.county.gkreport.store.SubmissionRepository;
import cn.gov.county.gkreport.store.SubmissionStatus;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** The short report the operator reads after each run. */
@Component
public class RunSummary {

    private final ConsolidationRunRepository runs;
    private final ReportRepository queries;
    private final SubmissionRepository submissions;
    private final MailSummary mail;
    private final Roster roster;
    private final FormDefinition form;

    public RunSummary(ConsolidationRunRepository runs, ReportRepository queries, SubmissionRepository submissions,
                      MailSummary mail, Roster roster, FormDefinition form) {
        this.form = form;
        this.runs = runs;
        this.queries = queries;
        this.submissions = submissions;
        this.mail = mail;
        this.roster = roster;
    }

    public void print(PrintStream out, JobExecution execution) {
        out.println();
        out.println("==== " + roster.countyName() + " 政府信息公开年报汇总 ====");
        for (StepExecution step : inJobOrder(execution.getStepExecutions())) {
            out.printf("  %-22s %-9s 读取 %d  写入 %d  跳过 %d%n", step.getStepName(), step.getStatus(),
                    step.getReadCount(), step.getWriteCount(), step.getSkipCount());
        }
        Optional<ConsolidationRun> run = runs.find(execution.getId());
        if (execution.getStatus() != BatchStatus.COMPLETED || run.isEmpty()) {
            out.println("运行未完成（状态 " + execution.getStatus() + "）。原因: " + failureReason(execution));
            out.println("数据库中的已处理结果保留；排除原因后再次运行同一命令即可从中断处继续。");
            return;
        }
        ConsolidationRun r = run.get();
        out.printf("报告年度 %d：应报 %d 个单位，已接收 %d，未通过 %d，未报送 %d%n", r.year(), r.expected(), r.accepted(),
                r.rejected(), r.missing());
        // what tonight changed: the same computation as 汇总表 and the 本次变化 sheet
        RunChanges changes = queries.changes(form, roster, r.year(), execution.getId());
        out.println(changes.headline());
        changes.units().stream().limit(20).forEach(c -> out.println("  " + c.unitCode() + " " + c.unitName() + "：" + c.before()
                + " → " + c.after() + "（" + c.what() + "）"));
        // the reviewer's decisions taken in tonight, and every row of the review workbook that changed nothing
        execution.getStepExecutions().stream().filter(s -> s.getExecutionContext().containsKey(ReviewTasklet.SUMMARY))
                .findFirst().ifPresent(s -> out.println(s.getExecutionContext().getString(ReviewTasklet.SUMMARY)));
        // the chase list: every unit without an accepted submission, its last status and contact
        mail.unitLines(r.year()).forEach(out::println);
        List<ReportRepository.SubmissionRow> submissions = queries.submissions(r.year());
        Map<String, String> offRoster = queries.offRosterUnits(r.year());
        if (!offRoster.isEmpty()) {
            // a unit the office took off the roster: its reports are history, not tonight's figures
            out.println("另有 " + offRoster.size() + " 个单位已从名册删去（不在本年度名单），其以前报送的报告保留在数据库中，不计入汇总：");
            offRoster.forEach((code, name) -> out.println("  " + code + " " + name + "：" + submissions.stream()
                    .filter(s -> code.equals(s.unitCode())).map(s -> "第 " + s.version() + " 版，"
                            + SubmissionStatus.valueOf(s.status()).label()).collect(Collectors.joining("；"))));
        }
        List<ReportRepository.SubmissionRow> unidentified = submissions.stream().filter(s -> s.unitCode() == null).toList();
        if (!unidentified.isEmpty()) {
            out.println("另有 " + unidentified.size() + " 份文件无法确认报送单位（无法读取或封面不在名册中），未计入汇总：");
            unidentified.stream().limit(20).forEach(s -> out.println("  " + s.fileName()));
            if (unidentified.size() > 20) {
                out.println("  …（完整列表见汇总工作簿“报送情况”）");
            }
        }
        if (!this.submissions.anyAccepted(r.year() - 1)) {
            // Said once per run, instead of a finding per unit: the cross-year rules had nothing to compare with.
            out.println("跨年度校验（X-CARRY、X-VALID、X-YOY、X-SAME）未进行：数据库中没有 " + (r.year() - 1) + " 年度的已接收报告。");
        }
        out.println("汇总工作簿: " + r.workbookPath());
        out.println("状态页（浏览器打开）: " + Path.of(r.workbookPath()).resolveSibling(OutputLayout.STATUS_PAGE));
        execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(StepNames.WRITE_FEEDBACK)).findFirst()
                .ifPresent(s -> out.println("校验反馈文件（发回各单位）: 本次新写 " + s.getExecutionContext()
                        .getInt(WriteFeedbackTasklet.WRITTEN, 0) + " 份，位于 " + Path.of(r.workbookPath()).getParent()
                        .resolve(OutputLayout.FEEDBACK) + (s.getExecutionContext().getInt(WriteFeedbackTasklet.FAILED, 0) == 0 ? ""
                        : "；" + s.getExecutionContext().getInt(WriteFeedbackTasklet.FAILED, 0) + " 份未能写出（原因见日志）")));
        execution.getStepExecutions().stream().filter(s -> s.getExecutionContext().containsKey(WriteDraftTasklet.DRAFT_PATH))
                .findFirst().ifPresent(s -> out.println("年度报告草稿（请另存副本后编辑）: "
                        + s.getExecutionContext().getString(WriteDraftTasklet.DRAFT_PATH)));
        mail.lines(execution).forEach(out::println);
    }

    private static String failureReason(JobExecution execution) {
        // The operator's words, not a class name: the full stack trace is in the log.
        Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        if (failure == null) {
            return execution.getExitStatus().getExitDescription();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? "运行中断（详见日志）" : root.getMessage() + "（详见日志）";
    }

    /** The steps in the job's order: the two steps of the split start in either order. */
    static List<StepExecution> inJobOrder(Collection<StepExecution> steps) {
        return steps.stream().sorted(Comparator.comparingInt(s -> stepPosition(s.getStepName()))).toList();
    }

    private static int stepPosition(String stepName) {
        int position = ConsolidationJobConfiguration.STEP_ORDER.indexOf(stepName);
        return position < 0 ? Integer.MAX_VALUE : position;
    }
}
