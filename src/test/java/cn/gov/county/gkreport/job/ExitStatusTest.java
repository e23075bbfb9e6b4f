package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import cn.gov.county.gkreport.ConsolidatorApplication;
import cn.gov.county.gkreport.support.ChildJvm;
import cn.gov.county.gkreport.support.Databases;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.TestDatabases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The exit statuses the README promises, with the command run in a real second JVM as the operator
 * (or the timer) runs it: 3 when another run for the year is going, on every database and whatever
 * the output folder; 2 for a missing roster. Each with a Chinese message and no stack trace on the
 * console (the stack trace is in the log file). Exit 1 for a database lost at start or in the
 * middle: {@link DatabaseDownAtStartTest}, {@link DatabaseLostDuringImportTest}.
 */
class ExitStatusTest {

    private static final String ANOTHER_RUN = "2024 年度的汇总任务正在另一个进程中运行，本次不再启动。请等它结束后再运行。";

    @Test
    void aSecondRunOnTheEmbeddedDatabaseExits3(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        DemoInput.copyTo(input);
        String url = "jdbc:h2:file:" + work.resolve("data/consolidator") + ";MODE=MySQL";
        // The first run: this JVM has the embedded database open, as a running run has.
        try (ConfigurableApplicationContext first = context("--spring.datasource.url=" + url)) {
            Path log = work.resolve("second.log");
            Process second = ChildJvm.start(log, "--spring.datasource.url=" + url, "--year=2024", "--input=" + input,
                    "--output=" + work.resolve("other-output"));
            assertThat(second.waitFor(600, TimeUnit.SECONDS)).isTrue();
            String console = ChildJvm.output(log);
            assertThat(second.exitValue()).as(console).isEqualTo(ConsolidationCommand.LOCKED);
            assertThat(console).contains(ANOTHER_RUN).contains("内置数据库");
            assertNoJavaOnTheConsole(console);
            assertThat(ChildJvm.logFile(log)).content().contains("Database may be already in use");

            // and the first run is not disturbed
            ByteArrayOutputStream summary = new ByteArrayOutputStream();
            var outcome = first.getBean(ConsolidationCommand.class).execute(DemoInput.YEAR, input.toString(),
                    work.resolve("output").toString(), new PrintStream(summary, true, StandardCharsets.UTF_8));
            assertThat(outcome.exitCode()).as(summary.toString(StandardCharsets.UTF_8))
                    .isEqualTo(ConsolidationCommand.COMPLETED);
        }
    }

    @Test
    void aSecondRunOnMySqlExits3AlsoWithAnotherOutputFolder(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        DemoInput.copyTo(input);
        TestDatabases.Database db = TestDatabases.newDatabase("second_run");
        String[] database = {"--spring.profiles.active=mysql", "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password()};
        try (ConfigurableApplicationContext first = context(database[1], database[2], database[3],
                "--spring.flyway.locations=" + Databases.MYSQL_MIGRATIONS)) {
            // The first run holds the year's lock for as long as it runs (ConsolidationCommand).
            try (RunLock.Held running = first.getBean(RunLock.class).tryLock(DemoInput.YEAR).orElseThrow()) {
                Path log = work.resolve("second.log");
                Process second = ChildJvm.start(log, args(database, input, work.resolve("another-output")));
                assertThat(second.waitFor(600, TimeUnit.SECONDS)).isTrue();
                String console = ChildJvm.output(log);
                assertThat(second.exitValue()).as(console).isEqualTo(ConsolidationCommand.LOCKED);
                assertThat(console).contains(ANOTHER_RUN);
                assertNoJavaOnTheConsole(console);
                assertThat(work.resolve("another-output/2024/consolidated-2024.xlsx")).doesNotExist();
            }
        }
        // once the first run has ended, the same command runs
        Path log = work.resolve("after.log");
        Process after = ChildJvm.start(log, args(database, input, work.resolve("another-output")));
        assertThat(after.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(after.exitValue()).as(ChildJvm.output(log)).isEqualTo(ConsolidationCommand.COMPLETED);
    }

    @Test
    void aMissingRosterExits2NamingThePath(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        DemoInput.copyTo(input);
        Path log = work.resolve("run.log");
        Process run = ChildJvm.start(log, "--spring.datasource.url=jdbc:h2:file:" + work.resolve("data/consolidator") + ";MODE=MySQL",
                "--consolidator.roster=" + work.resolve("nope.csv"), "--year=2024", "--input=" + input,
                "--output=" + work.resolve("output"));
        assertThat(run.waitFor(600, TimeUnit.SECONDS)).isTrue();
        String console = ChildJvm.output(log);
        assertThat(run.exitValue()).as(console).isEqualTo(ConsolidationCommand.USAGE);
        assertThat(console).contains("名册文件不存在: " + work.resolve("nope.csv")).contains("consolidator.roster");
        assertNoJavaOnTheConsole(console);
        assertThat(work.resolve("output")).doesNotExist();
    }

    private static String[] args(String[] database, Path input, Path output) {
        return new String[] {database[0], database[1], database[2], database[3], "--year=2024", "--input=" + input,
                "--output=" + output};
    }

    /** The application without a run (profile test), holding its database as a running run does. */
    private static ConfigurableApplicationContext context(String... args) {
        return new SpringApplicationBuilder(ConsolidatorApplication.class).profiles("test").run(args);
    }

    static void assertNoJavaOnTheConsole(String console) {
        assertThat(console).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("WARN  Database");
    }
}
