package cn.gov.county.gkreport.draft;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The write-draft step: the county's draft annual report from this execution's county totals.
 * The path goes into the step's context for the run summary.
 */
public class WriteDraftTasklet implements Tasklet {

    /** Step-context key of the written draft's absolute path. */
    public static final String DRAFT_PATH = "draftPath";

    private final CountyDraft draft;
    private final boolean enabled;
    private final int year;
    private final Path outputRoot;

    public WriteDraftTasklet(CountyDraft draft, boolean enabled, int year, Path outputRoot) {
        this.draft = draft;
        this.enabled = enabled;
        this.year = year;
        this.outputRoot = outputRoot;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (!enabled) {
            return RepeatStatus.FINISHED;
        }
        long executionId = contribution.getStepExecution().getJobExecutionId();
        CountyDraft.Written written = draft.write(year, Optional.of(executionId), outputRoot);
        contribution.incrementWriteCount(1);
        contribution.getStepExecution().getExecutionContext().putString(DRAFT_PATH,
                written.file().toAbsolutePath().normalize().toString());
        return RepeatStatus.FINISHED;
    }
}
