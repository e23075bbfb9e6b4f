package cn.gov.county.gkreport.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import cn.gov.county.gkreport.OutputLayout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The write-feedback step: an annotated copy for every submission of the year that was rejected or
 * warned. {@code <output>/<year>/feedback/} holds the copies of the submissions that count tonight
 * (each unit's accepted one, or its latest); a version that no longer counts (corrected, superseded)
 * has its copy in {@code feedback/archive/}, moved there when it stops counting, never deleted.
 * Copies already written are kept (names carry unit, year and version), so a rerun or restart only
 * writes what is missing.
 */
public class WriteFeedbackTasklet implements Tasklet {

    /** Step context key: how many copies this run wrote. */
    public static final String WRITTEN = "feedback.written";
    /** Step context key: how many copies could not be written (see the log). */
    public static final String FAILED = "feedback.failed";
    private static final Logger log = LoggerFactory.getLogger(WriteFeedbackTasklet.class);

    private final FeedbackRepository queries;
    private final FeedbackWorkbook copies;
    private final int year;
    private final Path dir;
    private final Executor executor;
    private final int threads;

    /**
     * @param executor where the copies are written, {@code threads} at a time (each reads and
     *                 rewrites parts of a unit's workbook, the slow part of this step)
     */
    public WriteFeedbackTasklet(FeedbackRepository queries, FeedbackWorkbook copies, int year, Path outputDir,
                                Executor executor, int threads) {
        this.queries = queries;
        this.copies = copies;
        this.year = year;
        this.dir = new OutputLayout(outputDir, year).feedbackDir();
        this.executor = executor;
        this.threads = Math.max(1, threads);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Files.createDirectories(dir);
        Set<Long> counting = queries.countingIds(year);
        AtomicInteger written = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        // At most two copies per thread waiting or in work: the findings stream is not buffered whole.
        Semaphore inFlight = new Semaphore(2 * threads);
        List<CompletableFuture<Void>> work = new ArrayList<>();
        // recorded after the copies are written; a copy a killed run wrote but did not record is found
        // on disk and recorded by the next run
        Queue<FeedbackRepository.Copy> recorded = new ConcurrentLinkedQueue<>();
        queries.withFindings(year, pending -> {
            Path target = counting.contains(pending.submissionId()) ? dir : dir.resolve(OutputLayout.ARCHIVE);
            String name = FeedbackNames.fileName(pending.request());
            if (target != dir) {
                archive(name);
            }
            if (Files.exists(target.resolve(name))) {
                recorded.add(new FeedbackRepository.Copy(pending.submissionId(), dir.relativize(target.resolve(name))));
                return;
            }
            inFlight.acquireUninterruptibly();
            work.add(CompletableFuture.runAsync(() -> {
                try {
                    recorded.add(new FeedbackRepository.Copy(pending.submissionId(),
                            dir.relativize(copies.write(pending.request(), target))));
                    written.incrementAndGet();
                } catch (IOException | RuntimeException e) {
                    // One copy that cannot be written must not cost the other units their feedback.
                    failed.incrementAndGet();
                    log.warn("校验反馈文件未能写出（提交 {}，{}）: {}", pending.submissionId(),
                            pending.request().originalFileName(), e.toString());
                } finally {
                    inFlight.release();
                }
            }, executor));
        });
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        queries.recordCopies(List.copyOf(recorded));
        contribution.getStepExecution().getExecutionContext().putInt(WRITTEN, written.get());
        contribution.getStepExecution().getExecutionContext().putInt(FAILED, failed.get());
        log.info("校验反馈文件: 本次写入 {} 份，位于 {}", written.get(), dir);
        return RepeatStatus.FINISHED;
    }

    /** Moves a copy written while its version counted (and a findings-only .xlsx of an .xls) into the archive. */
    private void archive(String name) {
        String xlsx = name.endsWith(".xls") ? name + "x" : name;
        for (String file : List.of(name, xlsx).stream().distinct().toList()) {
            Path current = dir.resolve(file);
            if (Files.isRegularFile(current)) {
                try {
                    Files.createDirectories(dir.resolve(OutputLayout.ARCHIVE));
                    Files.move(current, dir.resolve(OutputLayout.ARCHIVE).resolve(file), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    log.warn("校验反馈文件未能移入 archive（{}）: {}", current, e.toString());
                }
            }
        }
    }
}
