package cn.gov.county.gkreport.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.job.StepNames;

/**
 * The scale benchmark: for each N, generates N realistic submissions (once, cached), measures the
 * single-thread rate of the product's reader+checker against a naive POI usermodel baseline, then
 * runs the real product end to end in a fresh JVM ({@code -Xmx512m -XX:+UseParallelGC -XX:TieredStopAtLevel=1}) on a
 * fresh database and reports per stage: intake, read+check, store, consolidate, write, plus the
 * wall time from JVM start to exit and the child's peak heap.
 *
 * <pre>
 * ./mvnw -q -B -Pbenchmark verify                               # defaults below
 * ./mvnw -q -B -Pbenchmark verify -Dbenchmark.args="--n=1000 --db=h2,mariadb"
 * scripts/benchmark/run.sh --n=41,1000,10000 --db=h2
 * </pre>
 *
 * Arguments: {@code --n=41,1000,10000} (41 = the committed demo input and jobs/roster.csv),
 * {@code --db=h2|mariadb|h2,mariadb} (mariadb: the embedded MariaDB of the tests, or the server of
 * {@code ARC_TEST_MYSQL_URL}; {@code ARC_BENCH_MYSQL=1} adds it), {@code --threads=2}
 * ({@code consolidator.import-threads}), {@code --out=target/benchmark}, {@code --plain} (run
 * {@code ConsolidatorApplication} itself, without the import step's timing listeners: store time
 * is then estimated), {@code --jvm-opt=…} (repeatable, extra options for the product's JVM, e.g. a
 * JFR recording), {@code --rates=false} (skip the single-thread rates), {@code --e2e=false} (only the rates),
 * {@code --repeat=3} (run each end-to-end K times and keep the fastest: other processes on the
 * machine only ever slow a run down), {@code --libreoffice=off},
 * {@code --seed=42}, {@code --launch=cds} (the default: the product started as the nightly script
 * starts it, from the extracted jar and a class-data sharing archive, see {@link ProductLaunch}) or
 * {@code --launch=classpath} (from the build's class folders), {@code --flawed=1.0} (the share of
 * generated files that break a rule and so get a feedback copy; by default one in 50).
 *
 * <p>Results: printed, and written as Markdown to {@code <out>/results.md}; each run's log, GC log,
 * command line and output are kept in {@code <out>/run-<N>-<db>/}.
 */
public final class Benchmark {

    private static final long SETTLE_MILLIS = 10_000;

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final String TEMPLATE_NAME = "县政务公开办下发的《政府信息公开工作年度报告》标准模板";
    private static final String COUNTY = "泽州县";

    private Benchmark() {
    }

    record Options(List<Integer> ns, List<String> dbs, int threads, Path out, boolean plain, List<String> jvmOptions,
                   boolean rates, boolean endToEnd, int repeat, boolean libreOffice, long seed, boolean archive, double flawed) {

        static Options parse(String[] args) {
            Map<String, List<String>> given = new LinkedHashMap<>();
            for (String arg : args) {
                if (arg.isBlank()) {
                    continue;
                }
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + arg);
                }
                int eq = arg.indexOf('=');
                String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                given.computeIfAbsent(key, k -> new ArrayList<>()).add(eq < 0 ? "true" : arg.substring(eq + 1));
            }
            Function<String, Optional<String>> one = k -> Optional.ofNullable(given.get(k)).map(l -> l.get(l.size() - 1));
            List<Integer> ns = Stream.of(one.apply("n").orElse("41,1000,10000").split(",")).map(String::strip)
                    .map(Integer::parseInt).toList();
            List<String> dbs = new ArrayList<>(Stream.of(one.apply("db").orElse("h2").split(","))
                    .map(s -> s.strip().toLowerCase(Locale.ROOT)).toList());
            if (("1".equals(System.getenv("ARC_BENCH_MYSQL")) || System.getenv("ARC_TEST_MYSQL_URL") != null)
                    && !dbs.contains("mariadb")) {
                dbs.add("mariadb");
            }
            for (String db : dbs) {
                if (!db.equals("h2") && !db.equals("mariadb") && !db.equals("mysql")) {
                    throw new IllegalArgumentException("--db takes h2 and/or mariadb, not " + db);
                }
            }
            List<String> known = List.of("n", "db", "threads", "out", "plain", "jvm-opt", "rates", "e2e", "repeat",
                    "libreoffice", "seed", "launch", "flawed");
            for (String key : given.keySet()) {
                if (!known.contains(key)) {
                    throw new IllegalArgumentException("unknown option --" + key + " (known: " + known + ")");
                }
            }
            return new Options(ns, dbs, Integer.parseInt(one.apply("threads").orElse("2")),
                    Path.of(one.apply("out").orElse("target/benchmark")), Boolean.parseBoolean(one.apply("plain")
                    .orElse("false")), given.getOrDefault("jvm-opt", List.of()),
                    Boolean.parseBoolean(one.apply("rates").orElse("true")),
                    Boolean.parseBoolean(one.apply("e2e").orElse("true")),
                    Math.max(1, Integer.parseInt(one.apply("repeat").orElse("1"))),
                    !one.apply("libreoffice").orElse("auto").equals("off"), Long.parseLong(one.apply("seed").orElse("42")),
                    launch(one.apply("launch").orElse("cds")),
                    one.apply("flawed").map(Double::parseDouble).orElse(SubmissionGenerator.DEFAULT_FLAWED));
        }

        private static boolean launch(String value) {
            return switch (value) {
                case "cds" -> true;
                case "classpath" -> false;
                default -> throw new IllegalArgumentException("--launch takes cds or classpath, not " + value);
            };
        }
    }

    /** The files of one N, ready to run. */
    record Prepared(int n, Path inputRoot, Path roster, List<SubmissionGenerator.Generated> files, String origin) {
        long expectedRejected() {
            return files.stream().filter(f -> f.expected() == SubmissionGenerator.Expected.REJECTED).count();
        }

        long resaved() {
            return files.stream().filter(f -> !f.savedBy().equals("template")).count();
        }
    }

    record Row(Prepared prepared, Optional<ReadRates.Result> rates, EndToEndRun.Outcome run, String load) {
    }

    /** One N's single-thread rates, with the load average before and after them. */
    record RateRow(int n, ReadRates.Result rates, String load) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.out());
        FormDefinition form = FormDefinitionLoader.loadCurrent();
        String classpath = childClasspath(options.out());
        String machine = machine();
        String loadAtStart = loadAverage();
        OUT.println("== 年报汇总 benchmark ==");
        OUT.println(machine);
        OUT.println("load average at start: " + loadAtStart + " (1 min; the benchmark alone adds up to ~2 on its cores)");
        OUT.println("N = " + options.ns() + ", db = " + options.dbs() + ", import threads = " + options.threads()
                + ", product JVM: -Xmx512m -XX:+UseParallelGC -XX:TieredStopAtLevel=1 " + String.join(" ", options.jvmOptions())
                + (options.plain() ? " (plain main)" : " (main + import timing listeners)"));
        ProductLaunch launch = ProductLaunch.classpath(classpath);
        if (options.endToEnd() && options.archive()) {
            OUT.println("preparing the launch of the nightly script: extracting the jar, training run for the "
                    + "class-data sharing archive ...");
            launch = ProductLaunch.withArchive(options.out(), prepare(form, 41, options), options.jvmOptions(),
                    options.threads());
        }
        OUT.println("product launched from: " + launch.describe());
        List<String> jvmOptions = new ArrayList<>(options.jvmOptions());
        jvmOptions.addAll(launch.jvmOptions());

        List<Row> rows = new ArrayList<>();
        List<RateRow> rateRows = new ArrayList<>();
        for (int n : options.ns()) {
            long t0 = System.nanoTime();
            Prepared prepared = prepare(form, n, options);
            OUT.printf(Locale.ROOT, "%nN = %d: %d files (%s), %d expected rejected, %d re-saved by LibreOffice; ready in %.1f s%n",
                    n, prepared.files().size(), prepared.origin(), prepared.expectedRejected(), prepared.resaved(),
                    (System.nanoTime() - t0) / 1e9);
            Optional<ReadRates.Result> rates = Optional.empty();
            if (options.rates()) {
                Roster roster = Roster.read(prepared.roster(), COUNTY);
                String load = loadAverage();
                ReadRates.Result r = new ReadRates(form, roster, TEMPLATE_NAME).measure(prepared.files(), OUT::println);
                load = load + " / " + loadAverage();
                OUT.println("  (load average before / after the rates: " + load + ")");
                rateRows.add(new RateRow(n, r, load));
                OUT.printf(Locale.ROOT, "  product reader+checker %.0f wb/s (read only %.0f wb/s), POI usermodel %.0f wb/s: "
                                + "ratio %.1f×; sample: %d accepted, %d rejected%n", r.product().perSecond(),
                        r.readOnly().perSecond(), r.poi().perSecond(), r.ratio(), r.sampleAccepted(), r.sampleRejected());
                OUT.printf(Locale.ROOT, "  fastexcel-reader (every cell, nothing more) %.0f wb/s: read+check %.2f×, read only %.2f× "
                                + "fastexcel-reader (targets ≥ 1.0×, ≥ 1.3×); fastexcel-reader %.1f× POI usermodel%n",
                        r.fastexcel().perSecond(), r.fastexcelRatio(), r.readOnlyFastexcelRatio(), r.fastexcelOverPoi());
                r.productBySavedBy().forEach((k, v) -> OUT.printf(Locale.ROOT, "  product reader+checker on %s files: %.0f wb/s%n",
                        k, v.perSecond()));
                r.unexpected().forEach(u -> OUT.println("  UNEXPECTED " + u));
                rates = Optional.of(r);
                String feedbackLoad = loadAverage();
                FeedbackRates.Result f = new FeedbackRates(form, roster, TEMPLATE_NAME)
                        .measure(prepared.files(), options.out().resolve("feedback-rates"));
                OUT.printf(Locale.ROOT, "  feedback copies (%d files with %d findings, one thread): streamed %.2f ms a copy, "
                                + "POI usermodel %.2f ms: %.1f× (load average before / after %s / %s)%n", f.files(), f.findings(),
                        f.streamedMs(), f.usermodelMs(), f.ratio(), feedbackLoad, loadAverage());
            }
            System.gc();
            for (String dbName : options.endToEnd() ? options.dbs() : List.<String>of()) {
                Row best = null;
                for (int attempt = 1; attempt <= options.repeat(); attempt++) {
                    Path work = options.out().resolve("run-" + n + "-" + dbName);
                    SubmissionGenerator.deleteTree(work);
                    Files.createDirectories(work);
                    EndToEndRun.Db db = dbName.equals("h2") ? EndToEndRun.h2(work.resolve("db"))
                            : EndToEndRun.mariaDb("bench_" + n);
                    settle();
                    OUT.println("  running the product end to end on " + db.name()
                            + (options.repeat() > 1 ? " (" + attempt + " of " + options.repeat() + ")" : "") + " ...");
                    String loadBefore = loadAverage();
                    EndToEndRun.Outcome run = EndToEndRun.run(launch.classpath(), options.plain(), jvmOptions,
                            prepared.inputRoot(), prepared.roster(), db, options.threads(), work);
                    OUT.printf(Locale.ROOT, "  exit %d in %.2f s; submissions %s; peak heap %.0f MB; log %s%n",
                            run.exitCode(), run.wallSeconds(), run.submissions(), run.heap().peak(), run.log());
                    if (run.exitCode() != 0) {
                        OUT.println("  THE RUN FAILED: last lines of " + run.log() + ":");
                        List<String> lines = Files.readAllLines(run.log(), StandardCharsets.UTF_8);
                        lines.subList(Math.max(0, lines.size() - 25), lines.size()).forEach(l -> OUT.println("    " + l));
                    }
                    Row row = new Row(prepared, rates, run, loadBefore + " / " + loadAverage());
                    if (best == null || run.exitCode() == 0 && (best.run().exitCode() != 0
                            || run.wallSeconds() < best.run().wallSeconds())) {
                        best = row;
                    }
                }
                rows.add(best);
            }
        }
        String markdown = report(rows, rateRows, options, machine + "; load average at start / end " + loadAtStart + " / "
                + loadAverage() + "; product launched from the " + launch.describe());
        OUT.println();
        OUT.println(markdown);
        Files.writeString(options.out().resolve("results.md"), markdown, StandardCharsets.UTF_8);
        OUT.println("written " + options.out().resolve("results.md"));
        System.exit(0); // the embedded MariaDB, when started, is stopped by its shutdown hook
    }

    // ----------------------------------------------------------------------------------- inputs

    static Prepared prepare(FormDefinition form, int n, Options options) throws Exception {
        Path root = options.out().resolve("input-" + n
                + (options.flawed() == SubmissionGenerator.DEFAULT_FLAWED ? "" : "-flawed-" + options.flawed()));
        Path dir = root.resolve(Integer.toString(SubmissionGenerator.YEAR));
        if (n == 41) {
            return prepareDemo(root, dir);
        }
        Path roster = options.out().resolve("roster-" + n + ".csv");
        List<SubmissionGenerator.Unit> units = SubmissionGenerator.syntheticUnits(n);
        SubmissionGenerator.writeRoster(roster, units);
        Path manifest = root.resolve("manifest.tsv");
        if (Files.isRegularFile(manifest) && count(dir) == n) {
            Map<String, SubmissionGenerator.Unit> byCode = units.stream()
                    .collect(Collectors.toMap(SubmissionGenerator.Unit::code, u -> u));
            List<SubmissionGenerator.Generated> files = SubmissionGenerator.readManifest(manifest, dir, byCode);
            if (files.size() == n && files.stream().allMatch(f -> Files.isRegularFile(f.file()))) {
                return new Prepared(n, root, roster, files, "cached in " + dir);
            }
        }
        SubmissionGenerator.deleteTree(root);
        long t0 = System.nanoTime();
        List<SubmissionGenerator.Generated> files = new SubmissionGenerator(form, options.flawed())
                .writeAll(dir, units, options.seed() + n);
        OUT.printf(Locale.ROOT, "  generated %d files in %.1f s into %s%n", n, (System.nanoTime() - t0) / 1e9, dir);
        int resave = options.libreOffice() && SubmissionGenerator.libreOfficeAvailable()
                ? (int) Math.min(50, Math.round(n * 0.01)) : 0;
        if (resave > 0) {
            t0 = System.nanoTime();
            files = SubmissionGenerator.resaveWithLibreOffice(files, resave, root.resolve("work"));
            OUT.printf(Locale.ROOT, "  re-saved %d files through LibreOffice in %.1f s%n", resave, (System.nanoTime() - t0) / 1e9);
        }
        SubmissionGenerator.deleteTree(root.resolve("work"));
        SubmissionGenerator.writeManifest(manifest, files);
        return new Prepared(n, root, roster, files, "generated");
    }

    /** N = 41: the committed demo input (42 files: D03 twice, T16 none) and the real roster. */
    private static Prepared prepareDemo(Path root, Path dir) throws IOException {
        Path committed = Path.of("input", Integer.toString(SubmissionGenerator.YEAR));
        if (count(dir) != count(committed)) {
            SubmissionGenerator.deleteTree(root);
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(committed)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, dir.resolve(f.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        List<SubmissionGenerator.Generated> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().map(f -> new SubmissionGenerator.Generated(f, null,
                    f.getFileName().toString().startsWith(DemoSubmissions.REJECTED_UNIT + "-")
                            ? SubmissionGenerator.Expected.REJECTED : SubmissionGenerator.Expected.ACCEPTED, "", "template"))
                    .toList();
        }
        return new Prepared(41, root, Path.of("jobs", "roster.csv"), files, "the committed demo input");
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return -1;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /**
     * The product's runtime class path (written by the benchmark Maven profile) with the compiled
     * classes and the benchmark's own (for {@link StageTimingMain}); else this JVM's class path.
     */
    static String childClasspath(Path out) throws IOException {
        Path runtime = out.resolve("runtime-classpath.txt");
        Path classes = Path.of("target", "classes").toAbsolutePath();
        Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
        if (Files.isRegularFile(runtime) && Files.isDirectory(classes) && Files.isDirectory(testClasses)) {
            return classes + File.pathSeparator + Files.readString(runtime).strip() + File.pathSeparator + testClasses;
        }
        return System.getProperty("java.class.path");
    }

    // ----------------------------------------------------------------------------------- report

    /** The 1-minute load average: anything above 0 besides this benchmark means other work shares the cores. */
    /**
     * Before an end-to-end run: the generated input and the previous run's database and workbook are
     * hundreds of MB of dirty pages; written back by the kernel during the next run, they cost it
     * 1–2 s (10 000 workbooks: 19.8–21.6 s back to back, 18.5–19.4 s after a pause).
     */
    private static void settle() throws IOException, InterruptedException {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        Thread.sleep(SETTLE_MILLIS);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static String machine() {
        String cpu = "?";
        long memKb = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            // not Linux: leave "?"
        }
        return String.format(Locale.ROOT, "machine: %d cores (%s), %.1f GB RAM, Java %s (%s), %s",
                Runtime.getRuntime().availableProcessors(), cpu, memKb / 1024.0 / 1024.0,
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"),
                ManagementFactory.getOperatingSystemMXBean().getName() + " "
                        + ManagementFactory.getOperatingSystemMXBean().getVersion());
    }

    static String report(List<Row> rows, List<RateRow> rateRows, Options options, String machine) {
        StringBuilder md = new StringBuilder();
        md.append("# 年报汇总 benchmark\n\n");
        md.append("Run ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19))
                .append("; ").append(machine).append(".\n");
        md.append("Product JVM: `-Xmx512m -XX:+UseParallelGC -XX:TieredStopAtLevel=1").append(options.jvmOptions().isEmpty() ? ""
                : " " + String.join(" ", options.jvmOptions())).append("`, `consolidator.import-threads=")
                .append(options.threads()).append("`, fresh database per run")
                .append(options.plain() ? ", plain product main (store time estimated, marked ~)."
                        : ", product main + timing listeners on the import step.")
                .append(" Rates (1 core) are single-thread in the benchmark JVM after warm-up, on template-shaped files")
                .append(options.repeat() > 1 ? "; each end-to-end figure is the fastest of " + options.repeat() + " runs" : "")
                .append(".\n\n");
        md.append("Single-thread rates in one JVM, one thread, the same template-shaped files; product, read only "
                + "and fastexcel-reader timed in turns of " + ReadRates.TURN + " files each (compare ratios: absolute rates move with the load):\n\n");
        md.append("| N | read+check wb/s | read only wb/s | fastexcel-reader wb/s | POI usermodel wb/s "
                + "| read+check / fastexcel | read only / fastexcel | read+check / POI | fastexcel / POI "
                + "| LibreOffice-saved read+check wb/s | load avg before / after |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (RateRow rr : rateRows) {
            ReadRates.Result r = rr.rates();
            String lo = r.productBySavedBy().entrySet().stream()
                    .map(e -> e.getKey().replace("libreoffice-", "") + " " + f0(e.getValue().perSecond()))
                    .collect(Collectors.joining(", "));
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %.2f× | %.2f× | %.1f× | %.1f× | %s | %s |\n",
                    rr.n(), f0(r.product().perSecond()), f0(r.readOnly().perSecond()), f0(r.fastexcel().perSecond()),
                    f0(r.poi().perSecond()), r.fastexcelRatio(), r.readOnlyFastexcelRatio(), r.ratio(),
                    r.fastexcelOverPoi(), lo.isEmpty() ? "–" : lo, rr.load()));
        }
        if (!rows.isEmpty()) {
            md.append("\nEnd to end:\n\n");
            md.append("| N | db | intake s | read+check wb/s (1 core) | store s | consolidate s | write s | end-to-end s "
                    + "| peak heap MB | baseline POI wb/s | ratio | baseline fastexcel-reader wb/s | read+check / read only ratio to it |\n");
            md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Row row : rows) {
                EndToEndRun.Outcome run = row.run();
                md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                        row.prepared().n(), run.db(), seconds(run, StepNames.INTAKE),
                        row.rates().map(r -> f0(r.product().perSecond())).orElse("–"), store(row, options.threads()),
                        seconds(run, StepNames.CONSOLIDATE), seconds(run, StepNames.WRITE_WORKBOOK),
                        run.exitCode() == 0 ? f2(run.wallSeconds()) : "FAILED (exit " + run.exitCode() + ")",
                        f0(run.heap().peak()), row.rates().map(r -> f0(r.poi().perSecond())).orElse("–"),
                        row.rates().map(r -> String.format(Locale.ROOT, "%.1f×", r.ratio())).orElse("–"),
                        row.rates().map(r -> f0(r.fastexcel().perSecond())).orElse("–"),
                        row.rates().map(r -> String.format(Locale.ROOT, "%.2f× / %.2f×", r.fastexcelRatio(),
                                r.readOnlyFastexcelRatio())).orElse("–")));
            }
            md.append("\nDetails:\n\n");
            md.append("| N | db | files | accepted / rejected / superseded (expected rejected) | JVM start → job start s "
                    + "| import step s | read+check in job, thread-s (wb/s per thread) | waiting on the reader s "
                    + "| feedback s | job s | live heap after GC, max MB | GCs (pause s) | read only wb/s (1 core) "
                    + "| LibreOffice-saved wb/s (1 core) | workbook KB | load avg before / after |\n");
            md.append("|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|\n");
            for (Row row : rows) {
                EndToEndRun.Outcome run = row.run();
                Map<String, Long> s = run.submissions();
                String split = run.split().map(p -> String.format(Locale.ROOT, "%.2f (%.0f)", p.processThreadSeconds(),
                        p.processItems() / Math.max(1e-9, p.processThreadSeconds()))).orElse("–");
                String pending = run.split().map(p -> f2(p.readPendingSeconds())).orElse("–");
                String lo = row.rates().map(r -> r.productBySavedBy().entrySet().stream()
                        .map(e -> e.getKey().replace("libreoffice-", "") + " " + f0(e.getValue().perSecond()))
                        .collect(Collectors.joining(", "))).filter(x -> !x.isEmpty()).orElse("–");
                md.append(String.format(Locale.ROOT, "| %d | %s | %d | %d / %d / %d (%d) | %s | %s | %s | %s | %s | %s | %s | %d (%.2f) | %s | %s | %s | %s |\n",
                        row.prepared().n(), run.db(), row.prepared().files().size(), s.getOrDefault("ACCEPTED", 0L),
                        s.getOrDefault("REJECTED", 0L), s.getOrDefault("SUPERSEDED", 0L), row.prepared().expectedRejected(),
                        f2(run.toJobStartSeconds()), seconds(run, StepNames.IMPORT_SUBMISSIONS), split, pending,
                        seconds(run, StepNames.WRITE_FEEDBACK), f2(run.jobSeconds()), f0(run.heap().maxAfterGc()),
                        run.heap().collections(), run.heap().pauseSeconds(),
                        row.rates().map(r -> f0(r.readOnly().perSecond())).orElse("–"), lo,
                        run.workbookBytes() < 0 ? "none" : f0(run.workbookBytes() / 1024.0), row.load()));
            }
            md.append("\nColumns: *intake*, *consolidate*, *write* (the consolidated workbook), *feedback* and the import "
                    + "step are Spring Batch's step times (BATCH_STEP_EXECUTION). *store* is the import step's writer "
                    + "(statuses, figures, findings in the chunk transactions), timed by listeners; *read+check in job* "
                    + "is the processor time summed over the import threads. *end-to-end* is the wall time from starting "
                    + "`java` to its exit (consolidated workbook on disk). *peak heap* is the larger of the heap before any "
                    + "GC and the heap in use at exit (`-Xlog:gc`); *live heap* the largest heap after a GC (an upper bound "
                    + "of the live set: G1 leaves old garbage until a mixed collection; to bound the live set, run again with "
                    + "e.g. `--jvm-opt=-Xmx160m`, the last -Xmx wins). *load avg*: "
                    + "the 1-minute load average before and after the run (this benchmark alone adds up to ~2); higher "
                    + "means other processes shared the 2 cores and slowed every figure.\n");
        }
        md.append("\nTargets (2 cores): read+check ≥ 1 500 wb/s on one core and ≥ 4× POI usermodel; read+check ≥ 1.0× "
                + "and read only ≥ 1.3× fastexcel-reader's plain read of every cell, in the same run; 41 units end "
                + "to end < 5 s; 10 000 end to end < 20 s with -Xmx512m, heap not growing with N.\n\n");
        for (Row row : rows) {
            md.append(targets(row));
        }
        return md.toString();
    }

    private static String targets(Row row) {
        StringBuilder t = new StringBuilder();
        int n = row.prepared().n();
        EndToEndRun.Outcome run = row.run();
        String prefix = "- N = " + n + " (" + run.db() + "): ";
        row.rates().ifPresent(r -> t.append(prefix).append(String.format(Locale.ROOT,
                "read+check %.0f wb/s on one core (%s ≥ 1 500), %.1f× POI usermodel (%s ≥ 4×)\n",
                r.product().perSecond(), r.product().perSecond() >= 1500 ? "met" : "NOT met", r.ratio(),
                r.ratio() >= 4 ? "met" : "NOT met")));
        row.rates().ifPresent(r -> t.append(prefix).append(String.format(Locale.ROOT,
                "read+check %.2f× fastexcel-reader (%s ≥ 1.0×), read only %.2f× (%s ≥ 1.3×)\n", r.fastexcelRatio(),
                r.fastexcelRatio() >= 1.0 ? "met" : "NOT met", r.readOnlyFastexcelRatio(),
                r.readOnlyFastexcelRatio() >= 1.3 ? "met" : "NOT met")));
        if (n == 41) {
            t.append(prefix).append(String.format(Locale.ROOT, "end to end %.2f s (%s < 5 s)\n", run.wallSeconds(),
                    run.exitCode() == 0 && run.wallSeconds() < 5 ? "met" : "NOT met"));
        }
        if (n >= 10_000) {
            t.append(prefix).append(String.format(Locale.ROOT, "end to end %.2f s (%s < 20 s), peak heap %.0f MB\n",
                    run.wallSeconds(), run.exitCode() == 0 && run.wallSeconds() < 20 ? "met" : "NOT met", run.heap().peak()));
        }
        return t.toString();
    }

    private static String store(Row row, int threads) {
        EndToEndRun.Outcome run = row.run();
        if (run.split().isPresent()) {
            return f2(run.split().get().writeSeconds());
        }
        // Without the listeners: the import step minus the time its threads need to read and check.
        EndToEndRun.Step step = run.step(StepNames.IMPORT_SUBMISSIONS);
        if (step == null || row.rates().isEmpty()) {
            return "–";
        }
        double reading = step.read() / (row.rates().get().product().perSecond() * threads);
        return "~" + f2(Math.max(0, step.seconds() - reading));
    }

    private static String seconds(EndToEndRun.Outcome run, String step) {
        EndToEndRun.Step s = run.step(step);
        return s == null ? "–" : f2(s.seconds()) + (s.status().equals("COMPLETED") ? "" : " " + s.status());
    }

    private static String f2(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String f0(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
    }
}
