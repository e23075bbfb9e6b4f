package cn.gov.county.gkreport.job;

import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts tonight's run, or resumes the last one when it did not complete: an operator just runs
 * the same command again after a crash. A run is identified by year, input and output plus a
 * {@code run} number, so each completed night is its own job instance while an unfinished one is
 * restarted with its original parameters (Spring Batch's restart contract).
 */
@Component
public class RunLauncher {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);
    private static final int INSTANCES_LOOKED_AT = 100;

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;

    public RunLauncher(JobOperator jobOperator, JobRepository jobRepository, Job consolidationJob) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = consolidationJob;
    }

    /**
     * Runs the job to its end. The caller must hold the run lock: an execution still marked as
     * running is then known to be a leftover of a killed process.
     */
    public JobExecution run(int year, String input, String output) throws Exception {
        JobExecution last = lastExecutionFor(year, input, output);
        if (last != null) {
            if (last.getStatus() != BatchStatus.COMPLETED && last.getStatus() != BatchStatus.ABANDONED) {
                if (last.getStatus().isRunning()) {
                    log.warn("上次运行（执行 {}）未正常结束（进程被终止），标记为失败后继续", last.getId());
                    last = jobOperator.recover(last);
                }
                log.warn("继续上次未完成的运行（执行 {}）", last.getId());
                return jobOperator.restart(last);
            }
        }
        long run = last == null ? 1 : last.getJobParameters().getLong("run", 0L) + 1;
        JobParameters parameters = new JobParametersBuilder()
                .addLong("year", (long) year)
                .addString("input", input)
                .addString("output", output)
                .addLong("run", run)
                .toJobParameters();
        return jobOperator.start(job, parameters);
    }

    /** The latest execution of the latest instance with these year, input and output. */
    private JobExecution lastExecutionFor(int year, String input, String output) {
        List<JobInstance> instances = jobRepository.getJobInstances(job.getName(), 0, INSTANCES_LOOKED_AT);
        for (JobInstance instance : instances) {
            JobExecution execution = jobRepository.getLastJobExecution(instance);
            JobParameters p = execution == null ? null : execution.getJobParameters();
            if (p != null && Objects.equals(p.getLong("year"), (long) year) && Objects.equals(p.getString("input"), input)
                    && Objects.equals(p.getString("output"), output)) {
                return execution;
            }
        }
        return null;
    }
}
