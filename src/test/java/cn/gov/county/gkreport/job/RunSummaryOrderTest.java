package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/** The run summary lists steps in the job's order, whichever of the split's steps started first. */
class RunSummaryOrderTest {

    @Test
    void listsTheStepsInTheJobsOrderWhateverOrderTheyRanIn() {
        JobExecution execution = new JobExecution(1L, new JobInstance(1L, "consolidationJob"), new JobParameters());
        List<String> ranIn = List.of(StepNames.MAIL_INTAKE, StepNames.INTAKE, StepNames.IMPORT_SUBMISSIONS, StepNames.REVIEW,
                StepNames.CONSOLIDATE,
                StepNames.WRITE_DRAFT, StepNames.WRITE_FEEDBACK, StepNames.WRITE_WORKBOOK, StepNames.STATUS_PAGE, StepNames.MAIL_REPLIES,
                StepNames.CHASE_LIST, StepNames.RESULT_MAIL);
        List<StepExecution> steps = ranIn.stream().map(name -> new StepExecution(name, execution)).toList();

        assertThat(RunSummary.inJobOrder(steps)).extracting(StepExecution::getStepName)
                .containsExactlyElementsOf(ConsolidationJobConfiguration.STEP_ORDER);
    }
}
