package cn.gov.county.gkreport.status;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.consolidate.ConsolidationRun;
import cn.gov.county.gkreport.consolidate.ConsolidationRunRepository;
import cn.gov.county.gkreport.consolidate.CountyTotals;
import cn.gov.county.gkreport.consolidate.CountyTotalsRepository;
import cn.gov.county.gkreport.consolidate.KeyFigures;
import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.mail.reply.FeedbackAttachments;
import cn.gov.county.gkreport.report.ReportRepository.SubmissionRow;
import cn.gov.county.gkreport.report.ReportRepository;
import cn.gov.county.gkreport.report.UnitStanding;
import cn.gov.county.gkreport.status.StatusPageData.Bar;
import cn.gov.county.gkreport.status.StatusPageData.KeyRow;
import cn.gov.county.gkreport.status.StatusPageData.UnitRow;
import cn.gov.county.gkreport.status.StatusRepository.PageFinding;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** The status-page step: gathers tonight's stored results and writes {@code output/<year>/index.html}. */
public class WriteStatusPageTasklet implements Tasklet {

    /** Bars beyond this many units would make the chart unreadable; the table lists every unit. */
    static final int MAX_APPLICATION_BARS = 30;

    /** What the tasklet reads from. */
    public record Sources(FormDefinition form, Roster roster, ReportRepository reports, StatusRepository status,
                          CountyTotalsRepository totals, ConsolidationRunRepository runs,
                          FeedbackAttachments feedback) {
    }

    private final Sources sources;
    private final Optional<LocalDate> deadline;
    private final int year;
    private final Path outputDir;

    public WriteStatusPageTasklet(Sources sources, Optional<LocalDate> deadline, int year, Path outputDir) {
        this.sources = sources;
        this.deadline = deadline;
        this.year = year;
        this.outputDir = outputDir;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long executionId = contribution.getStepExecution().getJobExecutionId();
        StatusPage.write(gather(executionId), new OutputLayout(outputDir, year).statusPage());
        return RepeatStatus.FINISHED;
    }

    StatusPageData gather(long executionId) {
        CountyTotals totals = sources.totals().load(executionId)
                .orElseThrow(() -> new IllegalStateException("no county totals stored for execution " + executionId));
        ConsolidationRun run = sources.runs().find(executionId)
                .orElseThrow(() -> new IllegalStateException("no consolidation run stored for execution " + executionId));
        List<SubmissionRow> submissions = sources.reports().submissions(year);
        List<UnitStanding> standings = UnitStanding.of(sources.roster().units(), submissions);
        Set<Long> counting = standings.stream().flatMap(s -> s.counting().stream()).map(SubmissionRow::id)
                .collect(Collectors.toSet());
        Map<Long, List<PageFinding>> findings = sources.status().findings(year, counting);
        List<UnitRow> units = standings.stream().map(s -> unitRow(s, findings)).toList();

        List<TotalScope> subtotals = TotalScope.of(sources.roster()).stream().filter(s -> s != TotalScope.COUNTY).toList();
        Optional<Map<String, BigDecimal>> lastYear = sources.reports().latestCountyFigures(year - 1);
        List<KeyRow> keyRows = KeyFigures.of(sources.form()).stream().map(k -> new KeyRow(k.code(), k.label(),
                figure(totals, TotalScope.COUNTY, k.code()),
                subtotals.stream().map(scope -> figure(totals, scope, k.code())).toList(),
                lastYear.map(m -> m.getOrDefault(k.code(), BigDecimal.ZERO)).orElse(null))).toList();

        return new StatusPageData(sources.roster().countyName(), year, run.computedAt(), deadline, units, keyRows,
                subtotals.stream().map(s -> s.label(sources.roster().countyName())).toList(), lastYear.isPresent(),
                sources.status().nights(year, executionId), applications(),
                sources.reports().changes(sources.form(), sources.roster(), year, executionId),
                new OutputLayout(outputDir, year).consolidatedWorkbook().getFileName().toString());
    }

    private UnitRow unitRow(UnitStanding s, Map<Long, List<PageFinding>> findings) {
        Optional<SubmissionRow> row = s.counting();
        List<PageFinding> own = row.map(r -> findings.getOrDefault(r.id(), List.of())).orElse(List.of());
        String href = own.isEmpty() ? null : row.flatMap(r -> sources.feedback().find(r.id()))
                .map(WriteStatusPageTasklet::relativeHref).orElse(null);
        return new UnitRow(s.unit().code(), s.unit().name(), s.unit().type().label(), s.standing(),
                row.map(SubmissionRow::version).orElse(null), row.map(SubmissionRow::fileName).orElse(null),
                s.submissions().isEmpty() ? null : s.submissions().get(s.submissions().size() - 1).receivedAt(),
                s.submissions().size(), row.map(SubmissionRow::errors).orElse(0), row.map(SubmissionRow::warnings).orElse(0),
                own, href);
    }

    /** {@code feedback/<name>}, percent-encoded so any file name is a working link from the page's folder. */
    static String relativeHref(Path feedbackCopy) {
        try {
            return new URI(null, null, OutputLayout.FEEDBACK + "/" + feedbackCopy.getFileName(), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The units with the most new applications (依申请公开), largest first. */
    private List<Bar> applications() {
        return sources.reports().newApplicationsByUnit(sources.form(), year).stream().limit(MAX_APPLICATION_BARS)
                .map(e -> new Bar(sources.roster().byCode(e.getKey()).map(u -> u.name()).orElse(e.getKey()), e.getValue()))
                .toList();
    }

    private static BigDecimal figure(CountyTotals totals, TotalScope scope, String code) {
        Map<String, BigDecimal> figures = totals.of(scope);
        return figures == null ? BigDecimal.ZERO : figures.getOrDefault(code, BigDecimal.ZERO);
    }
}
