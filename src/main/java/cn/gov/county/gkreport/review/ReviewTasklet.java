package cn.gov.county.gkreport.review;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.gov.county.gkreport.OutputLayout;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The review step, after the night's files are checked and before the totals: the reviewer's
 * decisions take effect tonight. What it did is kept in the step context for the run summary.
 */
public class ReviewTasklet implements Tasklet {

    /** Step context key: the run summary's lines about the review. */
    public static final String SUMMARY = "review.summary";

    private final ReviewDecisions decisions;
    private final Path file;
    private final int year;
    private final Path feedbackDir;

    public ReviewTasklet(ReviewDecisions decisions, ReviewSettings settings, int year, Path outputDir) {
        this.decisions = decisions;
        this.file = settings.fileFor(year);
        this.year = year;
        this.feedbackDir = new OutputLayout(outputDir, year).feedbackDir();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ReviewDecisions.Result result = decisions.takeIn(year, file, feedbackDir,
                contribution.getStepExecution().getJobExecutionId());
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        context.putString(SUMMARY, String.join("\n", summary(result)));
        return RepeatStatus.FINISHED;
    }

    /** The run summary's lines: what changed tonight, and every row that changed nothing. */
    static List<String> summary(ReviewDecisions.Result r) {
        List<String> lines = new ArrayList<>();
        if (r.fileProblem() != null) {
            lines.add("审核表: " + r.fileProblem());
            return lines;
        }
        lines.add("审核表 " + r.file() + ": 新记录审核决定 " + r.recorded() + " 条，撤回 " + r.withdrawn() + " 条"
                + (r.returned() == 0 ? "" : "；退回 " + r.returned() + " 个版本（不计入汇总，已列入催报名单）")
                + (r.restored() == 0 ? "" : "；撤回退回 " + r.restored() + " 个版本")
                + (r.problems().isEmpty() ? "" : "；" + r.problems().size() + " 行未生效："));
        r.problems().stream().limit(30).forEach(p -> lines.add("  " + p));
        if (r.problems().size() > 30) {
            lines.add("  …（其余见审核表“系统处理结果”栏）");
        }
        return lines;
    }
}
