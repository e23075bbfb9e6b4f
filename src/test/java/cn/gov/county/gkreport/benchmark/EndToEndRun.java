package cn.gov.county.gkreport.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gov.county.gkreport.ConsolidatorApplication;
import cn.gov.county.gkreport.job.StepNames;
import cn.gov.county.gkreport.support.Databases;
import cn.gov.county.gkreport.support.TestDatabases;

/**
 * One end-to-end run of the real product in a fresh JVM, on a fresh database, timed from process
 * start to exit; then the per-step times and counts are read from Spring Batch's tables, the
 * import step's split from the timing hook's line (see {@link StageTimingMain}), and the heap from
 * the child's GC log.
 */
final class EndToEndRun {

    static final String MYSQL_MIGRATIONS = Databases.MYSQL_MIGRATIONS;
    static final List<String> STEPS = List.of(StepNames.INTAKE, StepNames.IMPORT_SUBMISSIONS, StepNames.CONSOLIDATE,
            StepNames.WRITE_WORKBOOK, StepNames.WRITE_FEEDBACK);

    /** Where the child's database lives and how to look at it afterwards. */
    interface Db {
        String name();

        List<String> arguments();

        Connection connect() throws SQLException;
    }

    /**
     * The product's H2 file database. {@code -Dbenchmark.h2-url-options=;WRITE_DELAY=500} (on the
     * benchmark's JVM) appends settings, e.g. H2's default write delay to measure what the product's
     * {@code WRITE_DELAY=0} costs.
     */
    static Db h2(Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("consolidator").toAbsolutePath() + ";MODE=MySQL"
                + System.getProperty("benchmark.h2-url-options", "");
        return new Db() {
            public String name() {
                return "h2";
            }

            public List<String> arguments() {
                return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=sa",
                        "--spring.datasource.password=");
            }

            public Connection connect() throws SQLException {
                return DriverManager.getConnection(url, "sa", "");
            }
        };
    }

    /** A fresh database on the embedded MariaDB, or on the server of ARC_TEST_MYSQL_URL (see {@link TestDatabases}). */
    static Db mariaDb(String prefix) {
        TestDatabases.Database db = TestDatabases.newDatabase(prefix);
        return new Db() {
            public String name() {
                return System.getenv(TestDatabases.ENV_URL) == null ? "mariadb" : "mysql";
            }

            public List<String> arguments() {
                return List.of("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(), "--spring.flyway.locations=" + MYSQL_MIGRATIONS);
            }

            public Connection connect() throws SQLException {
                return db.connect();
            }
        };
    }

    record Step(String name, String status, Instant start, Instant end, long read, long write, long commits) {
        double seconds() {
            return start == null || end == null ? Double.NaN : (end.toEpochMilli() - start.toEpochMilli()) / 1000.0;
        }
    }

    /** Heap of the child JVM from its GC log, in MB. */
    record Heap(double peakBeforeGc, double maxAfterGc, double usedAtExit, double committedMax, int collections,
                double pauseSeconds) {
        double peak() {
            return Math.max(peakBeforeGc, usedAtExit);
        }
    }

    /** The import step's parts, from {@link StageTimingMain}; empty with {@code --plain}. */
    record ImportSplit(double readPendingSeconds, double processThreadSeconds, long processItems, double writeSeconds,
                       long writeItems) {
    }

    record Outcome(String db, int exitCode, double wallSeconds, double toJobStartSeconds, double jobSeconds,
                   Map<String, Step> steps, Map<String, Long> submissions, Heap heap, Optional<ImportSplit> split,
                   Path log, Path workbook, long workbookBytes) {
        Step step(String name) {
            return steps.get(name);
        }
    }

    private EndToEndRun() {
    }

    static Outcome run(String classpath, boolean plain, List<String> jvmOptions, Path input, Path roster, Db db,
                       int threads, Path work) throws IOException, InterruptedException, SQLException {
        Files.createDirectories(work);
        Path log = work.resolve("run.log");
        Path gcLog = work.resolve("gc.log");
        Path output = work.resolve("output");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseParallelGC"); // as jobs/run-nightly.sh
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xlog:gc,gc+heap+exit:file=" + gcLog + ":uptime,level,tags");
        // log as the product does, not with the tests' configuration that is on the same class path
        command.add("-Dlogging.config=classpath:logback-spring.xml");
        command.add("-Dlogging.file.name=" + work.resolve("run.file.log"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(plain ? ConsolidatorApplication.class.getName() : StageTimingMain.class.getName());
        command.add("--year=" + SubmissionGenerator.YEAR);
        command.add("--input=" + input.toAbsolutePath());
        command.add("--output=" + output.toAbsolutePath());
        command.add("--consolidator.roster=" + roster.toAbsolutePath());
        command.add("--consolidator.import-threads=" + threads);
        // each run its own review workbook: the default (jobs/, relative to the working directory) would
        // carry one run's rows into the next and put the benchmark's file into the checkout
        command.add("--consolidator.review.file=" + work.toAbsolutePath().resolve("review-{year}.xlsx"));
        command.addAll(db.arguments());
        Files.writeString(work.resolve("command.txt"), String.join(" ", command), StandardCharsets.UTF_8);

        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("the product did not finish in 30 minutes: " + log);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        int exit = process.exitValue();

        Map<String, Step> steps = new LinkedHashMap<>();
        Map<String, Long> submissions = new LinkedHashMap<>();
        Instant jobStart = null;
        Instant jobEnd = null;
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT STEP_NAME, STATUS, START_TIME, END_TIME, READ_COUNT, WRITE_COUNT, "
                    + "COMMIT_COUNT FROM BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID")) {
                while (rs.next()) {
                    steps.put(rs.getString(1), new Step(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT START_TIME, END_TIME FROM BATCH_JOB_EXECUTION "
                    + "ORDER BY JOB_EXECUTION_ID DESC")) {
                if (rs.next()) {
                    jobStart = instant(rs, 1);
                    jobEnd = instant(rs, 2);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT status, COUNT(*) FROM submission GROUP BY status ORDER BY status")) {
                while (rs.next()) {
                    submissions.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            System.err.println("cannot read the run's tables (" + db.name() + "): " + e + "; see " + log);
        }
        double toJobStart = jobStart == null ? Double.NaN : (jobStart.toEpochMilli() - started.toEpochMilli()) / 1000.0;
        double jobSeconds = jobStart == null || jobEnd == null ? Double.NaN
                : (jobEnd.toEpochMilli() - jobStart.toEpochMilli()) / 1000.0;
        Path workbook = output.resolve(Integer.toString(SubmissionGenerator.YEAR))
                .resolve("consolidated-" + SubmissionGenerator.YEAR + ".xlsx");
        long workbookBytes = Files.isRegularFile(workbook) ? Files.size(workbook) : -1;
        return new Outcome(db.name(), exit, wall, toJobStart, jobSeconds, steps, submissions, heap(gcLog),
                split(Files.readString(log, StandardCharsets.UTF_8)), log, workbook, workbookBytes);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        // As Spring Batch wrote it (a Timestamp, which MySQL's driver shifts to the session time zone and back).
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static final Pattern STAGE = Pattern.compile("BENCH-STAGE importSubmissionsStep read\\.nanos=(\\d+) "
            + "process\\.nanos=(\\d+) process\\.items=(\\d+) write\\.nanos=(\\d+) write\\.items=(\\d+)");

    static Optional<ImportSplit> split(String log) {
        Matcher m = STAGE.matcher(log);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new ImportSplit(Long.parseLong(m.group(1)) / 1e9, Long.parseLong(m.group(2)) / 1e9,
                Long.parseLong(m.group(3)), Long.parseLong(m.group(4)) / 1e9, Long.parseLong(m.group(5))));
    }

    // e.g. "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 120M->30M(512M) 3.456ms"
    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause.*? (\\d+)M->(\\d+)M\\((\\d+)M\\) ([0-9.]+)ms");
    // e.g. " garbage-first heap   total 262144K, used 123456K [0x…"
    private static final Pattern EXIT_USED = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

    static Heap heap(Path gcLog) throws IOException {
        if (!Files.isRegularFile(gcLog)) {
            return new Heap(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        double before = 0;
        double after = 0;
        double committed = 0;
        double exitUsed = 0;
        int count = 0;
        double pause = 0;
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                before = Math.max(before, Double.parseDouble(m.group(1)));
                after = Math.max(after, Double.parseDouble(m.group(2)));
                committed = Math.max(committed, Double.parseDouble(m.group(3)));
                pause += Double.parseDouble(m.group(4)) / 1000;
                count++;
                continue;
            }
            Matcher e = EXIT_USED.matcher(line);
            if (e.find()) {
                committed = Math.max(committed, Long.parseLong(e.group(1)) / 1024.0);
                exitUsed = Long.parseLong(e.group(2)) / 1024.0;
            }
        }
        return new Heap(before, after, exitUsed, committed, count, pause);
    }
}
