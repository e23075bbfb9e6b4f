package cn.gov.county.gkreport.store;

import java.time.Clock;
import java.time.LocalDateTime;

import cn.gov.county.gkreport.check.Assessment;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores a chunk of assessments in the chunk's transaction: each submission's writes are atomic. */
public class OutcomeWriter implements ItemWriter<Assessment> {

    private final SubmissionRepository submissions;
    private final int year;
    private final long executionId;
    private final Clock clock;

    public OutcomeWriter(SubmissionRepository submissions, int year, long executionId, Clock clock) {
        this.submissions = submissions;
        this.year = year;
        this.executionId = executionId;
        this.clock = clock;
    }

    @Override
    public void write(Chunk<? extends Assessment> assessments) {
        submissions.recordOutcomes(assessments.getItems(), year, executionId, LocalDateTime.now(clock));
    }
}
