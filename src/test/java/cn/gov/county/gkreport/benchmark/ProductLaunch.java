package cn.gov.county.gkreport.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * How the benchmark starts the product's JVM. {@code classpath}: from the build's class folders (any
 * change is measured without packaging). {@code cds}: as {@code jobs/run-nightly.sh} starts it — the
 * Spring Boot jar extracted into plain jars and a class-data sharing archive written by a training
 * run over the demo input, then every measured run started from that archive. A JVM cannot archive
 * classes from folders, so the benchmark's own {@link StageTimingMain} goes into a small jar beside
 * the product's.
 *
 * @param classpath  the product's class path for the child JVM
 * @param jvmOptions options every measured run adds (the archive)
 * @param what       how it was launched, for the report
 */
record ProductLaunch(String classpath, List<String> jvmOptions, String what) {

    static final Path JAR = Path.of("target", "annual-report-consolidator.jar");

    static ProductLaunch classpath(String classpath) {
        return new ProductLaunch(classpath, List.of(), "class folders, no class-data sharing archive");
    }

    /**
     * Extracts the jar, runs the product once over the demo input with {@code -XX:ArchiveClassesAtExit}
     * and returns the launch that uses the archive ({@code -Xshare:on}: a run that cannot map it fails
     * instead of silently starting without it).
     */
    static ProductLaunch withArchive(Path out, Benchmark.Prepared demo, List<String> jvmOptions, int threads)
            throws IOException, InterruptedException, java.sql.SQLException {
        if (!Files.isRegularFile(JAR)) {
            throw new IOException(JAR + " is missing: package the product first (scripts/benchmark/run.sh does)");
        }
        Path startup = out.resolve("startup");
        SubmissionGenerator.deleteTree(startup);
        Path app = startup.resolve("app");
        Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", JAR.toString(), "extract", "--destination", app.toString())
                .redirectErrorStream(true).redirectOutput(Files.createDirectories(startup).resolve("extract.log").toFile())
                .start();
        if (!extract.waitFor(5, TimeUnit.MINUTES) || extract.exitValue() != 0) {
            throw new IOException("cannot extract " + JAR + ": see " + startup.resolve("extract.log"));
        }
        Path timing = timingJar(startup.resolve("benchmark-timing.jar"));
        String classpath = app.resolve(JAR.getFileName()).toAbsolutePath() + File.pathSeparator + timing.toAbsolutePath();

        Path archive = startup.resolve("classes.jsa").toAbsolutePath();
        List<String> training = new ArrayList<>(jvmOptions);
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        training.add("-Xlog:cds*=off"); // classes that fail verification are only left out, as in the nightly script
        Path work = startup.resolve("training");
        EndToEndRun.Outcome run = EndToEndRun.run(classpath, false, training, demo.inputRoot(), demo.roster(),
                EndToEndRun.h2(work.resolve("db")), threads, work);
        if (run.exitCode() != 0 || !Files.isRegularFile(archive)) {
            throw new IOException("the training run wrote no archive (exit " + run.exitCode() + "): see " + run.log());
        }
        return new ProductLaunch(classpath, List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"),
                String.format(java.util.Locale.ROOT, "extracted jar with a class-data sharing archive (%.0f MB, "
                        + "written by a training run over the demo input in %.1f s)", Files.size(archive) / 1e6,
                        run.wallSeconds()));
    }

    /** The benchmark's timing main and its listeners, the only classes of it the product's JVM loads. */
    private static Path timingJar(Path jar) throws IOException {
        Path classes = Path.of("target", "test-classes");
        Path pkg = classes.resolve(StageTimingMain.class.getPackageName().replace('.', '/'));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> list = Files.list(pkg)) {
            for (Path c : list.filter(p -> p.getFileName().toString().startsWith(StageTimingMain.class.getSimpleName()))
                    .sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(c));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** For the report. */
    String describe() {
        return what + (jvmOptions.isEmpty() ? "" : " (" + String.join(" ", jvmOptions) + ")");
    }
}
