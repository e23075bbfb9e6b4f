package cn.gov.county.gkreport.consolidate;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import cn.gov.county.gkreport.intake.Roster;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** The consolidate step: county totals and subtotals, stored with this job execution. */
public class ConsolidateTasklet implements Tasklet {

    private final CountyTotalsCalculator calculator;
    private final ConsolidationRunRepository runs;
    private final Roster roster;
    private final int year;
    private final Clock clock;

    public ConsolidateTasklet(CountyTotalsCalculator calculator, ConsolidationRunRepository runs, Roster roster, int year,
                              Clock clock) {
        this.calculator = calculator;
        this.runs = runs;
        this.roster = roster;
        this.year = year;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long executionId = contribution.getStepExecution().getJobExecutionId();
        calculator.compute(year, executionId);
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        runs.save(runs.count(roster, year, executionId, now));
        return RepeatStatus.FINISHED;
    }
}
