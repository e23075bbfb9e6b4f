package cn.gov.county.gkreport.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The write-feedback step: an annotated copy for every submission of the year that was rejected or
 * warned, in {@code <output>/<year>/feedback/}. Copies already written are kept (names carry unit,
 * year and version), so a rerun or restart only writes what is missing.
 */
public class WriteFeedbackTasklet implements Tasklet {

    /** Step context key: how many copies this run wrote. */
    public static final String WRITTEN = "feedback.written";
    /** Step context key: how many copies could not be written (see the log). */
    public static final String FAILED = "feedback.failed";
    private static final Logger log = LoggerFactory.getLogger(WriteFeedbackTasklet.class);

    private final FeedbackQueries queries;
    private final FeedbackWorkbook copies;
    private final int year;
    private final Path dir;

    public WriteFeedbackTasklet(FeedbackQueries queries, FeedbackWorkbook copies, int year, Path outputDir) {
        this.queries = queries;
        this.copies = copies;
        this.year = year;
        this.dir = feedbackDir(outputDir, year);
    }

    public static Path feedbackDir(Path outputDir, int year) {
        return outputDir.resolve(Integer.toString(year)).resolve("feedback");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Files.createDirectories(dir);
        int[] written = {0};
        int[] failed = {0};
        queries.withFindings(year, pending -> {
            if (Files.exists(dir.resolve(FeedbackWorkbook.fileName(pending.request())))) {
                return;
            }
            try {
                copies.write(pending.request(), dir);
                written[0]++;
            } catch (IOException | RuntimeException e) {
                // One copy that cannot be written must not cost the other units their feedback.
                failed[0]++;
                log.warn("校验反馈文件未能写出（提交 {}，{}）: {}", pending.submissionId(),
                        pending.request().originalFileName(), e.toString());
            }
        });
        contribution.getStepExecution().getExecutionContext().putInt(WRITTEN, written[0]);
        contribution.getStepExecution().getExecutionContext().putInt(FAILED, failed[0]);
        log.info("校验反馈文件: 本次写入 {} 份，位于 {}", written[0], dir);
        return RepeatStatus.FINISHED;
    }
}
