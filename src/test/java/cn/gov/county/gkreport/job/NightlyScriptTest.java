package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly run as the office installs it: {@code jobs/run-nightly.sh} started the way cron starts
 * it (the line of {@code jobs/crontab}, an almost empty environment), with a stand-in {@code java} that
 * records what it was given, and once for real, where the configuration file that is read is the one
 * in the installation folder's {@code config/}, not one next to the jar, and the summary says so.
 */
class NightlyScriptTest {

    private static final Path REPO = Path.of("").toAbsolutePath();

    @Test
    void theCronLineLoadsTheEnvironmentFileAndJavaOptionsAddToTheDefaults(@TempDir Path work) throws Exception {
        Path home = install(work.resolve("home"));
        Path bin = fakeJava(work.resolve("bin"));
        Path env = Files.writeString(work.resolve("consolidator.env"),
                "ARC_MAIL_PASSWORD='p@ss w$rd'\nARC_JAVA_OPTS='-Xmx2g -Dfile.encoding=UTF-8'\nARC_YEAR=2024\n");
        String cron = Files.readAllLines(REPO.resolve("jobs/crontab")).stream().filter(l -> l.startsWith("30 1 "))
                .findFirst().orElseThrow().substring("30 1 * * * ".length())
                .replace("/opt/annual-report-consolidator", home.toString())
                .replace("/etc/annual-report-consolidator.env", env.toString());

        run(home, Map.of("PATH", bin + ":/usr/bin:/bin", "HOME", work.toString()), "/bin/sh", "-c", cron);

        List<String> args = Files.readAllLines(home.resolve("java-args"));
        assertThat(args).startsWith("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmx2g",
                "-Dfile.encoding=UTF-8", "-jar", "target/annual-report-consolidator.jar", "--year=2024");
        assertThat(Files.readAllLines(home.resolve("java-env"))).contains("ARC_MAIL_PASSWORD=p@ss w$rd");
    }

    @Test
    void anotherCollectorReplacesTheDefaultOneInsteadOfStoppingTheJvm(@TempDir Path work) throws Exception {
        Path home = install(work.resolve("home"));
        Path bin = fakeJava(work.resolve("bin"));
        run(home, Map.of("PATH", bin + ":/usr/bin:/bin", "ARC_JAVA_OPTS", "-XX:+UseG1GC", "ARC_YEAR", "2024"),
                "bash", "jobs/run-nightly.sh");
        List<String> args = Files.readAllLines(home.resolve("java-args"));
        assertThat(args).contains("-Xmx512m", "-XX:+UseG1GC").doesNotContain("-XX:+UseParallelGC");
        run(home, Map.of("PATH", bin + ":/usr/bin:/bin", "ARC_YEAR", "2024"), "bash", "jobs/run-nightly.sh");
        assertThat(Files.readAllLines(home.resolve("java-args"))).contains("-XX:+UseParallelGC");
    }

    @Test
    void theConfigurationInTheInstallationFoldersConfigIsReadAndNamedInTheSummary(@TempDir Path work) throws Exception {
        Path home = install(work.resolve("home"));
        Files.createDirectories(home.resolve("input/2024"));
        launcherJar(home.resolve("target/annual-report-consolidator.jar"));
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/application.yml"), "consolidator:\n  county-name: 测试县\n");
        // next to the jar: not read when the job runs in the installation folder (the README says where to put it)
        Files.writeString(home.resolve("target/application.yml"), "consolidator:\n  county-name: 错放县\n");

        String out = run(home, Map.of("PATH", System.getenv("PATH"), "ARC_YEAR", "2024", "ARC_JAVA_OPTS", "-Xmx256m"),
                "bash", "jobs/run-nightly.sh");

        assertThat(out).contains("==== 测试县").doesNotContain("错放县")
                .contains("配置文件: " + home.resolve("config/application.yml").toRealPath());
    }

    @Test
    void theFirstCompletedRunWritesAClassDataArchiveThatTheNextRunsStartFrom(@TempDir Path work) throws Exception {
        Path home = install(work.resolve("home"));
        Path bin = fakeJava(work.resolve("bin"), 0);
        Files.write(home.resolve("target/annual-report-consolidator.jar"), "PK BOOT-INF/lib/ a Spring Boot jar".getBytes());
        Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin", "ARC_YEAR", "2024");

        run(home, env, "bash", "jobs/run-nightly.sh");
        List<String> first = Files.readAllLines(home.resolve("java-args"));
        String extracted = first.get(first.indexOf("-jar") + 1);
        assertThat(extracted).matches("data/startup/[^/]+/app/annual-report-consolidator\\.jar");
        String startup = extracted.substring(0, extracted.indexOf("/app/"));
        assertThat(first).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=" + startup + "/classes.jsa."))
                .contains("-Xlog:cds*=off", "--year=2024");
        assertThat(home.resolve(startup).resolve("classes.jsa")).isRegularFile();

        run(home, env, "bash", "jobs/run-nightly.sh");
        assertThat(Files.readAllLines(home.resolve("java-args")))
                .contains("-XX:SharedArchiveFile=" + startup + "/classes.jsa", "-jar", extracted)
                .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));
    }

    @Test
    void aFailedRunLeavesNoArchiveAndKeepsItsExitStatus(@TempDir Path work) throws Exception {
        Path home = install(work.resolve("home"));
        Path bin = fakeJava(work.resolve("bin"), 3);
        Files.write(home.resolve("target/annual-report-consolidator.jar"), "PK BOOT-INF/lib/ a Spring Boot jar".getBytes());

        ProcessBuilder builder = new ProcessBuilder("bash", "jobs/run-nightly.sh").directory(home.toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", bin + ":/usr/bin:/bin", "ARC_YEAR", "2024"));
        Process process = builder.start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor()).isEqualTo(3);
        try (Stream<Path> files = Files.walk(home.resolve("data/startup"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("classes.jsa"))
                    .contains("annual-report-consolidator.jar");
        }
    }

    /** The scripts and roster of an installation folder. */
    private static Path install(Path home) throws IOException {
        Files.createDirectories(home.resolve("jobs"));
        Files.createDirectories(home.resolve("target"));
        for (String file : List.of("run-nightly.sh", "roster.csv")) {
            Files.copy(REPO.resolve("jobs").resolve(file), home.resolve("jobs").resolve(file));
        }
        return home;
    }

    /**
     * A {@code java} like Spring Boot's: {@code -Djarmode=tools … extract --destination D} makes D's jar;
     * a run records its arguments, writes the class-data archive it is asked to at exit, and exits with {@code status}.
     */
    private static Path fakeJava(Path bin, int status) throws IOException {
        Files.createDirectories(bin);
        Path java = bin.resolve("java");
        Files.writeString(java, """
                #!/bin/bash
                if [[ "$1" == -Djarmode=tools ]]; then
                  mkdir -p "$6" && echo jar > "$6/annual-report-consolidator.jar"; exit 0
                fi
                printf '%s\\n' "$@" > java-args
                for a in "$@"; do [[ "$a" == -XX:ArchiveClassesAtExit=* ]] && echo archive > "${a#*=}"; done
                exit STATUS
                """.replace("STATUS", Integer.toString(status)));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    /** A {@code java} that writes its arguments and environment into the installation folder. */
    private static Path fakeJava(Path bin) throws IOException {
        Files.createDirectories(bin);
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > java-args\nenv > java-env\necho ran\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    /** A jar that starts the application from this build's classes and libraries (what the package step makes). */
    private static void launcherJar(Path jar) throws IOException {
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" "));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "cn.gov.county.gkreport.ConsolidatorApplication");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is all
        }
    }

    private static String run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(600, TimeUnit.SECONDS)).as("finished (hang guard)").isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
