package cn.gov.county.gkreport.job;

import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import cn.gov.county.gkreport.check.Assessment;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How far this process's run got, known without the database: when the database is lost in the
 * middle of a run, the operator is told in which step and how many submissions were stored
 * (committed) before, read from here.
 */
@Component
public class RunProgress implements JobExecutionListener, ChunkListener<Assessment, Assessment> {

    private final AtomicReference<JobExecution> execution = new AtomicReference<>();
    private final AtomicInteger stored = new AtomicInteger();

    @Override
    public void beforeJob(JobExecution jobExecution) {
        execution.set(jobExecution);
        stored.set(0);
    }

    /** Called inside the chunk's transaction: counted only once it has committed. */
    @Override
    public void afterChunk(Chunk<Assessment> chunk) {
        int size = chunk.size();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                stored.addAndGet(size);
            }
        });
    }

    /** Submissions whose outcome (status, figures, findings) this process's run has committed. */
    public int storedSubmissions() {
        return stored.get();
    }

    /** The step the run was in last (the latest one started), if it got that far. */
    public Optional<String> lastStep() {
        JobExecution current = execution.get();
        return current == null ? Optional.empty() : current.getStepExecutions().stream()
                .filter(s -> s.getStartTime() != null)
                .max(Comparator.comparing(StepExecution::getStartTime))
                .map(StepExecution::getStepName);
    }
}
