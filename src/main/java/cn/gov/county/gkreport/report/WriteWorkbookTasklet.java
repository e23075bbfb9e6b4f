package cn.gov.county.gkreport.report;

import java.nio.file.Path;
import java.util.List;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.consolidate.ConsolidationRun;
import cn.gov.county.gkreport.consolidate.ConsolidationRunRepository;
import cn.gov.county.gkreport.consolidate.CountyTotals;
import cn.gov.county.gkreport.consolidate.CountyTotalsRepository;
import cn.gov.county.gkreport.deadline.DeadlineSettings;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** The write-workbook step: gathers the stored results of this execution and writes the workbook. */
public class WriteWorkbookTasklet implements Tasklet {

    private final FormDefinition form;
    private final Roster roster;
    private final CountyOffice office;
    private final ReportRepository queries;
    private final CountyTotalsRepository totals;
    private final ConsolidationRunRepository runs;
    private final DeadlineSettings deadlines;
    private final int year;
    private final Path outputDir;
    private final ConsolidatedWorkbook workbook;

    public WriteWorkbookTasklet(FormDefinition form, Roster roster, CountyOffice office, ReportRepository queries,
                                CountyTotalsRepository totals, ConsolidationRunRepository runs, DeadlineSettings deadlines,
                                int year, Path outputDir, ConsolidatedWorkbook workbook) {
        this.form = form;
        this.roster = roster;
        this.office = office;
        this.queries = queries;
        this.totals = totals;
        this.runs = runs;
        this.deadlines = deadlines;
        this.year = year;
        this.outputDir = outputDir;
        this.workbook = workbook;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long executionId = contribution.getStepExecution().getJobExecutionId();
        CountyTotals countyTotals = totals.load(executionId)
                .orElseThrow(() -> new IllegalStateException("no county totals stored for execution " + executionId));
        ConsolidationRun run = runs.find(executionId)
                .orElseThrow(() -> new IllegalStateException("no consolidation run stored for execution " + executionId));
        List<ReportRepository.SubmissionRow> submissions = queries.submissions(year);
        List<UnitStanding> standings = UnitStanding.of(roster.units(), submissions);
        ReportData data = new ReportData(form, roster, office, year, run.computedAt(), deadlines.calendar(year),
                countyTotals, standings, submissions, queries.offRosterUnits(year), queries.findingCount(year), queries);
        Path file = new OutputLayout(outputDir, year).consolidatedWorkbook();
        workbook.write(data, file);
        runs.recordWorkbook(executionId, file.toAbsolutePath().normalize().toString());
        return RepeatStatus.FINISHED;
    }
}
