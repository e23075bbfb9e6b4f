package cn.gov.county.gkreport.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.report.ConsolidatedWorkbook;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.OnFreshH2Test;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * The whole nightly job on the demo input plus the hostile corpus, in one input folder, run once
 * as the operator runs it. Then: the job completed; every hostile case has the outcome of its
 * expectation file (status, unit, version, rule ids, FILE reason code, message fragments); no
 * message and no summary line carries Java exception text; the 39 demo units are still accepted
 * and the county totals are exactly those of the demo input alone; no input file changed; nothing
 * was written outside the output folder; text that looks like a formula stays text. How much work
 * the zip bombs and huge sheets may cost is bounded by counts at the reader (bytes inflated, rows
 * parsed: {@code WorkbookLoaderTest}); here a time-out far above a normal run only guards against a hang.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCorpusJobTest extends OnFreshH2Test {

    /** Java exception text that must never reach a clerk or the operator's summary. */
    static final String JAVA_TEXT = "Exception|Throwable|StackOverflow|OutOfMemory|NullPointer|java\\.|javax\\.|"
            + "org\\.apache|org\\.springframework|at org\\.|at java\\.|\\.java:\\d+";
    /** The first line of /etc/passwd, which the XXE cases point at: it must never be read. */
    private static final String PASSWD = "root:x:0:0";

    private Path work;
    private Path input;
    private Path output;
    private Map<String, Expectation> expected;
    private final Map<String, String> shaByCase = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private Map<String, String> fingerprintsBefore;
    private ConsolidationCommand.Outcome outcome;
    private String summary;
    private Duration elapsed;
    private long peakHeap;

    @BeforeAll
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // a hang guard only; a normal run takes well under a minute
    void runTheJobOnDemoInputAndCorpus(@TempDir Path tmp) throws Exception {
        work = tmp;
        input = work.resolve("input");
        output = work.resolve("output");
        Path dir = DemoInput.copyTo(input);
        expected = Expectation.loadAll(HostileCorpus.EXPECTATIONS);

        // Every hostile file arrives after the demo files, one minute apart in corpus order, so
        // versions are numbered as the expectations say.
        Instant lastDemo = Instant.EPOCH;
        for (Path file : DemoInput.files(dir)) {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            lastDemo = modified.isAfter(lastDemo) ? modified : lastDemo;
        }
        Instant base = lastDemo.plus(Duration.ofDays(1));
        HostileCorpus corpus = new HostileCorpus(form, roster);
        List<HostileCorpus.Case> cases = corpus.cases();
        Path stage = work.resolve("stage");
        for (int i = 0; i < cases.size(); i++) {
            HostileCorpus.Case c = cases.get(i);
            Path own = stage.resolve(c.id());
            Optional<String> why = corpus.materialize(c, own, HostileCorpus.COMMITTED,
                    FileTime.from(base.plus(Duration.ofMinutes(i))));
            if (why.isPresent()) {
                skipped.put(c.id(), why.get());
                continue;
            }
            Path file = HostileCorpusReaderTest.onlyFile(own);
            shaByCase.put(c.id(), HostileCorpusReaderTest.sha256(file));
            // moving keeps raw-byte names, symbolic links and modification times as they are
            Files.move(file, dir.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
        fingerprintsBefore = DemoInput.fingerprints(dir);

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        System.gc();
        long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        sampler.start();
        long start = System.nanoTime();
        try {
            outcome = command.execute(DemoInput.YEAR, input.toString(), output.toString(),
                    new PrintStream(console, true, StandardCharsets.UTF_8));
        } finally {
            elapsed = Duration.ofNanos(System.nanoTime() - start);
            sampler.interrupt();
            sampler.join();
            peakHeap = peak.get();
            summary = console.toString(StandardCharsets.UTF_8);
        }
        String report = String.format("hostile corpus run: %d cases (%d skipped: %s), %d input files, job %s exit %d,"
                        + " %d ms, heap used before %d MB, peak during run %d MB, max heap %d MB%n%s",
                cases.size(), skipped.size(), skipped, fingerprintsBefore.size(),
                outcome.execution().map(e -> e.getStatus().toString()).orElse("-"), outcome.exitCode(),
                elapsed.toMillis(), heapBefore >> 20, peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20, summary);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/hostile-corpus-run.txt"), report, StandardCharsets.UTF_8);
    }

    /** The known bugs noted in the expectation files, for the messages of the run-wide assertions. */
    private String knownBugs() {
        return expected.values().stream().filter(Expectation::knownBugNoted).map(e -> "  " + e.id() + ": " + e.knownBug())
                .collect(Collectors.joining("\n", "\nknown bugs noted in src/test/resources/hostile/*.expected:\n", ""));
    }

    @Test
    void theJobCompletes() {
        assertThat(outcome.exitCode()).as("%s%s", summary, knownBugs()).isEqualTo(ConsolidationCommand.COMPLETED);
        assertThat(outcome.execution().orElseThrow().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(summary).contains("应报 41 个单位，已接收 39，未通过 1，未报送 1");
    }

    @TestFactory
    Stream<DynamicTest> everyCaseHasItsExpectedOutcome() {
        return expected.values().stream().map(e -> DynamicTest.dynamicTest(e.id(), () -> {
            if (skipped.containsKey(e.id())) {
                abort(e.id() + " could not be created here: " + skipped.get(e.id()));
            }
            String sha = shaByCase.get(e.id());
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, status, unit_code, version, file_name, "
                    + "file_format, contact_person, contact_phone FROM submission WHERE report_year = ? AND sha256 = ?",
                    DemoInput.YEAR, sha);
            switch (e.status()) {
                case Expectation.NOT_REGISTERED -> {
                    assertThat(rows).as("%s must not be registered", e.label()).isEmpty();
                    return;
                }
                case Expectation.SKIPPED_DUPLICATE -> {
                    Expectation original = expected.get(e.duplicateOf().orElseThrow());
                    assertThat(rows).as("%s: one submission for both copies", e.label()).singleElement()
                            .satisfies(r -> assertThat(r.get("FILE_NAME")).isEqualTo(original.fileName()));
                    return;
                }
                default -> {
                }
            }
            assertThat(rows).as("%s: exactly one submission with its SHA-256", e.label()).hasSize(1);
            Map<String, Object> row = rows.get(0);
            List<Map<String, Object>> findings = jdbc.queryForList(
                    "SELECT rule_id, severity, reason_code, sheet_name, cell_ref, message FROM finding "
                            + "WHERE submission_id = ? ORDER BY seq", row.get("ID"));
            String seen = findings.stream().map(f -> f.get("RULE_ID") + "/" + f.get("REASON_CODE") + " " + f.get("MESSAGE"))
                    .collect(Collectors.joining("\n  ", "\n  ", ""));

            assertThat(row.get("STATUS")).as("%s status; findings:%s", e.label(), seen).isEqualTo(e.status());
            assertThat(row.get("UNIT_CODE") == null ? "" : row.get("UNIT_CODE")).as("%s unit", e.label())
                    .isEqualTo(e.unit());
            assertThat(row.get("VERSION")).as("%s version", e.label()).isEqualTo(e.version());
            if (e.rawFileName() == null) {
                assertThat(row.get("FILE_NAME")).as("%s file name stored as sent", e.label()).isEqualTo(e.fileName());
            }
            assertThat((java.util.Set<String>) findings.stream().map(f -> (String) f.get("RULE_ID")).collect(Collectors.toCollection(TreeSet::new)))
                    .as("%s rule ids; findings:%s", e.label(), seen).isEqualTo(e.rules());
            if (e.findings() != null) {
                assertThat(findings).as("%s number of findings:%s", e.label(), seen).hasSize(e.findings());
            }
            for (Map<String, Object> f : findings) {
                Object reason = f.get("REASON_CODE");
                if ("FILE".equals(f.get("RULE_ID"))) {
                    assertThat(reason).as("%s reason code", e.label()).isEqualTo(e.reasonCode());
                } else {
                    assertThat(reason).as("%s reason code of %s", e.label(), f.get("RULE_ID")).isNull();
                }
                assertThat((String) f.get("MESSAGE")).as("%s message", e.label())
                        .doesNotContainPattern(JAVA_TEXT).doesNotContain(PASSWD)
                        .as("%s message repeats 文件", e.label()).doesNotContain("文件文件");
            }
            for (String fragment : e.messages()) {
                assertThat(findings).as("%s: a message containing “%s”:%s", e.label(), fragment, seen)
                        .anySatisfy(f -> assertThat((String) f.get("MESSAGE")).contains(fragment));
            }
            e.storedColumns().forEach((column, value) -> assertThat(row.get(column.toUpperCase()))
                    .as("%s %s", e.label(), column).isEqualTo(value));
        }));
    }

    @Test
    void noMessageOrSummaryLineCarriesJavaExceptionText() {
        List<String> messages = jdbc.queryForList("SELECT f.message FROM finding f JOIN submission s ON s.id = f.submission_id "
                + "WHERE s.report_year = ?", String.class, DemoInput.YEAR);
        assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m).doesNotContainPattern(JAVA_TEXT));
        assertThat(summary.lines()).as("%s%s", summary, knownBugs()).allSatisfy(line -> assertThat(line).doesNotContainPattern(JAVA_TEXT));
    }

    @Test
    void theDemoUnitsAreStillAcceptedAndTheCountyTotalsUnchanged() {
        Map<String, Map<String, BigDecimal>> accepted = new DemoSubmissions(form, roster, DemoInput.YEAR).acceptedFigures();
        assertThat(accepted).hasSize(39);
        List<String> acceptedUnits = jdbc.queryForList("SELECT DISTINCT unit_code FROM submission WHERE report_year = ? "
                + "AND status = 'ACCEPTED'", String.class, DemoInput.YEAR);
        assertThat(acceptedUnits).containsExactlyInAnyOrderElementsOf(accepted.keySet());
        assertThat(jdbc.queryForList("SELECT status FROM submission WHERE unit_code = ?", String.class,
                DemoSubmissions.MISSING_UNIT)).isEmpty();

        long executionId = outcome.execution().orElseThrow().getId();
        Map<TotalScope, Map<String, BigDecimal>> stored = new HashMap<>();
        jdbc.query("SELECT scope, item_code, figure FROM county_total WHERE job_execution_id = ?", rs -> {
            stored.computeIfAbsent(TotalScope.valueOf(rs.getString(1)), s -> new HashMap<>())
                    .put(rs.getString(2), rs.getBigDecimal(3));
        }, executionId);
        List<String> differences = new ArrayList<>();
        for (var item : form.items()) {
            BigDecimal county = BigDecimal.ZERO;
            BigDecimal towns = BigDecimal.ZERO;
            for (var unit : accepted.entrySet()) {
                BigDecimal value = unit.getValue().getOrDefault(item.code(), BigDecimal.ZERO);
                county = county.add(value);
                if (unit.getKey().startsWith("T")) {
                    towns = towns.add(value);
                }
            }
            compare(differences, stored, TotalScope.COUNTY, item.code(), county);
            compare(differences, stored, TotalScope.TOWN, item.code(), towns);
            compare(differences, stored, TotalScope.DEPARTMENT, item.code(), county.subtract(towns));
        }
        assertThat(differences).as("county totals that differ from the demo input's%s", knownBugs()).isEmpty();
    }

    private static void compare(List<String> differences, Map<TotalScope, Map<String, BigDecimal>> stored, TotalScope scope,
                                String code, BigDecimal expected) {
        BigDecimal actual = stored.getOrDefault(scope, Map.of()).get(code);
        if (actual == null || actual.compareTo(expected) != 0) {
            differences.add(scope + " " + code + ": " + actual + " instead of " + expected);
        }
    }

    @Test
    void noInputFileIsChanged() throws Exception {
        assertThat(DemoInput.fingerprints(input.resolve(Integer.toString(DemoInput.YEAR)))).isEqualTo(fingerprintsBefore);
    }

    @Test
    void nothingIsWrittenOutsideTheOutputFolderAndFeedbackNamesAreClean() throws IOException {
        Path feedback = output.resolve(DemoInput.YEAR + "/feedback");
        List<Path> written;
        try (Stream<Path> all = Files.walk(work)) {
            written = all.filter(p -> !p.startsWith(input) && !p.startsWith(work.resolve("stage")) && Files.isRegularFile(p))
                    .toList();
        }
        for (Path file : written) {
            assertThat(file).as("written outside the output folder").startsWith(output);
            // feedback/archive holds the copies of versions that no longer count
            if (!file.getParent().equals(feedback) && !file.getParent().equals(feedback.resolve("archive"))) {
                assertThat(file.getFileName().toString()).isIn("consolidated-2024.xlsx", "催报名单-2024.csv",
                        ".consolidation.lock", "index.html", "泽州县2024年政府信息公开工作年度报告（草稿）.docx");
            }
            assertThat(file.getFileName().toString()).doesNotContain("..").doesNotContain("\\");
        }
        try (Stream<Path> all = Files.walk(work)) {
            assertThat(all.filter(p -> p.getFileName().toString().contains("evil") && !p.startsWith(input)
                    && !p.startsWith(work.resolve("stage")) && !p.startsWith(feedback))).isEmpty();
        }
    }

    @Test
    void theContentOfAFileAnEntityPointsAtIsNeverStored() {
        List<String> texts = new ArrayList<>();
        texts.addAll(jdbc.queryForList("SELECT message FROM finding", String.class));
        texts.addAll(jdbc.queryForList("SELECT COALESCE(contact_person, '') FROM submission", String.class));
        texts.addAll(jdbc.queryForList("SELECT COALESCE(raw_text, '') FROM submission_value", String.class));
        assertThat(texts).noneSatisfy(t -> assertThat(t).contains(PASSWD));
        assertThat(summary).doesNotContain(PASSWD);
    }

    @Test
    void textThatLooksLikeAFormulaStaysTextInEveryWorkbookWeWrite() throws Exception {
        List<Path> workbooks = new ArrayList<>();
        workbooks.add(new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook());
        try (Stream<Path> feedback = Files.walk(output.resolve(DemoInput.YEAR + "/feedback"))) {
            workbooks.addAll(feedback.filter(Files::isRegularFile).toList());
        }
        List<String> payloads = List.of("HYPERLINK", "cmd|", "@SUM", "=1+1");
        int found = 0;
        for (Path file : workbooks) {
            try (Workbook workbook = open(file)) {
                for (Sheet sheet : workbook) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            if (cell.getCellType() == CellType.FORMULA) {
                                String formula = cell.getCellFormula();
                                assertThat(payloads).as("%s %s!%s is the formula %s", file.getFileName(),
                                        sheet.getSheetName(), cell.getAddress(), formula)
                                        .noneSatisfy(p -> assertThat(formula).contains(p.replace("=", "")));
                            } else if (cell.getCellType() == CellType.STRING
                                    && payloads.stream().anyMatch(p -> cell.getStringCellValue().contains(p))) {
                                found++;
                            }
                        }
                    }
                }
            }
        }
        // the DDE and HYPERLINK file name (case 51) is listed as text in the consolidated workbook
        assertThat(found).isPositive();
    }

    private static Workbook open(Path file) throws Exception {
        if (file.getFileName().toString().endsWith(".xlsx")) {
            return new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ));
        }
        return WorkbookFactory.create(file.toFile(), null, true);
    }
}
