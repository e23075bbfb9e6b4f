package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.support.ChildJvm;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.ExtraVersions;
import cn.gov.county.gkreport.support.StoppableMariaDb;
import cn.gov.county.gkreport.support.StoredContent;
import cn.gov.county.gkreport.support.TestDatabases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database server stops under a running job: the operator is told the truth (the connection
 * was lost during the import after N submissions were stored, nothing is lost, run the same
 * command when the database is back), the exit status is 1 and the stack traces are in the log
 * file, not on the console; the same command once the server is back ends as an uninterrupted run.
 */
class DatabaseLostDuringImportTest {

    private static final Pattern STORED = Pattern.compile("中断前本次运行已保存 (\\d+) 份报送的处理结果");

    @Test
    void saysHowFarItGotExits1AndTheRerunEqualsAnUninterruptedRun(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        Path dir = DemoInput.copyTo(input);
        int files = 41 + ExtraVersions.write(dir, FormDefinitionLoader.loadCurrent(),
                Roster.read(Path.of("jobs/roster.csv"), "泽州县"), 3);

        // given what an uninterrupted run stores
        TestDatabases.Database clean = TestDatabases.newDatabase("uninterrupted");
        Process baseline = ChildJvm.start(work.resolve("clean.log"),
                KillDuringImportTest.args(clean, input, work.resolve("out-clean"), 10));
        assertThat(baseline.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(baseline.exitValue()).as(ChildJvm.output(work.resolve("clean.log"))).isZero();
        StoredContent uninterrupted = StoredContent.of(KillDuringImportTest.jdbc(clean));

        try (StoppableMariaDb server = StoppableMariaDb.start("lost")) {
            TestDatabases.Database lost = server.newDatabase("lost");
            JdbcTemplate db = KillDuringImportTest.jdbc(lost);
            String[] command = withShortConnectionTimeout(KillDuringImportTest.args(lost, input, work.resolve("out"), 1));

            // when the server stops in the middle of the import
            Path log = work.resolve("lost.log");
            Process run = ChildJvm.start(log, command);
            KillDuringImportTest.waitForProcessed(db, run, 20);
            server.stop();
            assertThat(run.waitFor(600, TimeUnit.SECONDS)).as("a hang guard only").isTrue();

            // then the run says what happened and how far it got, in Chinese, and exits 1
            String console = ChildJvm.output(log);
            assertThat(run.exitValue()).as(console).isEqualTo(ConsolidationCommand.FAILED);
            assertThat(console).contains("运行中与数据库的连接中断（导入报送（读取、校验、保存）阶段）")
                    .contains("已保存的数据不会丢失").contains("请在数据库恢复后再次运行同一命令")
                    .doesNotContain("无法连接数据库，汇总任务未启动").doesNotContain("没有写入任何数据");
            ExitStatusTest.assertNoJavaOnTheConsole(console);
            assertThat(ChildJvm.logFile(log)).content().contains("\tat ");
            Matcher stored = STORED.matcher(console);
            assertThat(stored.find()).as(console).isTrue();
            int said = Integer.parseInt(stored.group(1));

            // and what it said is what the database holds once it is back (a commit whose answer the
            // cut connection lost may be one chunk more)
            server.restart();
            int processed = KillDuringImportTest.processed(db);
            assertThat(said).isGreaterThanOrEqualTo(20);
            assertThat(processed).isBetween(said, said + 1).isLessThan(files);

            // and the same command, once the database is back, ends as an uninterrupted run
            Path rerunLog = work.resolve("rerun.log");
            Process rerun = ChildJvm.start(rerunLog, command);
            assertThat(rerun.waitFor(600, TimeUnit.SECONDS)).isTrue();
            assertThat(rerun.exitValue()).as(ChildJvm.output(rerunLog)).isZero();
            assertThat(StoredContent.of(db)).isEqualTo(uninterrupted);
        }
    }

    /** The production default waits 10 s for a connection, several times over; the test need not. */
    private static String[] withShortConnectionTimeout(String[] args) {
        return Stream.concat(Stream.of(args), Stream.of("--spring.datasource.hikari.connection-timeout=2000"))
                .toArray(String[]::new);
    }
}
