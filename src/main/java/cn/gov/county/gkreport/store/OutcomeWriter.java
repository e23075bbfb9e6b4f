package cn.gov.county.gkreport.store;

import java.time.LocalDateTime;

import cn.gov.county.gkreport.check.Assessment;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores each assessment; the chunk transaction makes each submission's writes atomic. */
public class OutcomeWriter implements ItemWriter<Assessment> {

    private final SubmissionRepository submissions;
    private final long executionId;

    public OutcomeWriter(SubmissionRepository submissions, long executionId) {
        this.submissions = submissions;
        this.executionId = executionId;
    }

    @Override
    public void write(Chunk<? extends Assessment> assessments) {
        LocalDateTime now = LocalDateTime.now(SubmissionRepository.ZONE);
        for (Assessment assessment : assessments) {
            submissions.recordOutcome(assessment, executionId, now);
        }
    }
}
