package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.reset;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.report.ConsolidatedWorkbook;
import cn.gov.county.gkreport.store.SubmissionRepository;
import cn.gov.county.gkreport.support.ApplicationContextTest;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.StoredContent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The restart contract: given the database connection is lost in the middle of the import step,
 * when the operator runs the same command again, then the job resumes the same job instance and
 * the database ends up exactly as after an uninterrupted run — nothing lost, nothing twice.
 */
@SpringBootTest(properties = "consolidator.chunk-size=10")
abstract class RestartAfterFailureTest extends ApplicationContextTest {

    private static final int FAILING_CHUNK = 2;

    @MockitoSpyBean
    SubmissionRepository submissions;

    @Test
    void resumesAfterAConnectionLossAndStoresWhatAnUninterruptedRunStores(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        Path output = work.resolve("output");
        DemoInput.copyTo(input);

        // given what an uninterrupted run stores
        assertThat(run(input, output).exitCode()).isEqualTo(ConsolidationCommand.COMPLETED);
        StoredContent uninterrupted = StoredContent.of(jdbc);
        for (String table : List.of("finding", "submission_explanation", "submission_value", "county_total", "consolidation_run", "submission")) {
            jdbc.update("DELETE FROM " + table);
        }
        Files.delete(new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook());

        // when storing the second chunk (submissions 11 to 20) fails as if the connection dropped
        AtomicInteger chunks = new AtomicInteger();
        doAnswer(invocation -> {
            if (chunks.incrementAndGet() == FAILING_CHUNK) {
                throw new DataAccessResourceFailureException("simulated: connection to the database lost");
            }
            return invocation.callRealMethod();
        }).when(submissions).recordOutcomes(any(), anyInt(), anyLong(), any());
        ConsolidationCommand.Outcome failed = run(input, output);

        // then the job failed, having committed only whole chunks
        assertThat(failed.exitCode()).isEqualTo(ConsolidationCommand.FAILED);
        JobExecution failedExecution = failed.execution().orElseThrow();
        assertThat(failedExecution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(count("SELECT COUNT(*) FROM submission WHERE status <> 'RECEIVED'")).isEqualTo(10);
        assertThat(count("SELECT COUNT(*) FROM submission_value v JOIN submission s ON s.id = v.submission_id "
                + "WHERE s.status = 'RECEIVED'")).isZero();
        assertThat(new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook()).doesNotExist();

        // when the same command runs again with the database back
        reset(submissions);
        ConsolidationCommand.Outcome resumed = run(input, output);

        // then the same job instance is restarted, the import reads only the remaining files,
        // and the result equals the uninterrupted run
        assertThat(resumed.exitCode()).isEqualTo(ConsolidationCommand.COMPLETED);
        JobExecution resumedExecution = resumed.execution().orElseThrow();
        assertThat(resumedExecution.getJobInstance().getInstanceId())
                .isEqualTo(failedExecution.getJobInstance().getInstanceId());
        assertThat(step(resumedExecution, StepNames.IMPORT_SUBMISSIONS).getReadCount()).isEqualTo(41 - 10);
        assertThat(StoredContent.of(jdbc)).isEqualTo(uninterrupted);
        assertThat(new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook()).exists();
    }

    private ConsolidationCommand.Outcome run(Path input, Path output) throws Exception {
        return command.execute(DemoInput.YEAR, input.toString(), output.toString(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }
}
