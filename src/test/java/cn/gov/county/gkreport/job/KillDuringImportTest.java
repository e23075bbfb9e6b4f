package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.support.ChildJvm;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.ExtraVersions;
import cn.gov.county.gkreport.support.StoredContent;
import cn.gov.county.gkreport.support.TestDatabases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A real {@code kill -9} of the job's JVM in the middle of the import step, then the same command
 * again: the database ends up exactly as after an uninterrupted run.
 */
class KillDuringImportTest {

    @Test
    void rerunAfterKillMinus9EqualsAnUninterruptedRun(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        Path dir = DemoInput.copyTo(input);
        FormDefinition form = FormDefinitionLoader.loadCurrent();
        int files = 41 + ExtraVersions.write(dir, form, Roster.read(Path.of("jobs/roster.csv"), "泽州县"), 3);

        // given an uninterrupted run in one database
        TestDatabases.Database clean = TestDatabases.newDatabase("clean");
        Process baseline = ChildJvm.start(work.resolve("clean.log"), args(clean, input, work.resolve("out-clean"), 10));
        assertThat(baseline.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(baseline.exitValue()).as(ChildJvm.output(work.resolve("clean.log"))).isZero();
        StoredContent uninterrupted = StoredContent.of(jdbc(clean));

        // when a run in another database is killed with SIGKILL while importing
        TestDatabases.Database killed = TestDatabases.newDatabase("killed");
        JdbcTemplate db = jdbc(killed);
        Process victim = ChildJvm.start(work.resolve("killed.log"), args(killed, input, work.resolve("out"), 1));
        int processedAtKill = waitForProcessed(db, victim, 20);
        victim.destroyForcibly();
        assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int processedAfterKill = processed(db);
        assertThat(processedAtKill).isGreaterThanOrEqualTo(20);
        assertThat(processedAfterKill).as("killed in the middle of the import").isLessThan(files);
        assertThat(db.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1",
                String.class)).isEqualTo("STARTED");

        // and the same command runs again
        Process rerun = ChildJvm.start(work.resolve("rerun.log"), args(killed, input, work.resolve("out"), 1));
        assertThat(rerun.waitFor(600, TimeUnit.SECONDS)).isTrue();
        String log = ChildJvm.output(work.resolve("rerun.log"));
        assertThat(rerun.exitValue()).as(log).isZero();

        // then it resumed the killed run and stored exactly what the uninterrupted run stored
        assertThat(log).contains("继续上次未完成的运行");
        assertThat(StoredContent.of(db)).isEqualTo(uninterrupted);
        assertThat(work.resolve("out/2024/consolidated-2024.xlsx")).exists();
    }

    static String[] args(TestDatabases.Database db, Path input, Path output, int chunkSize) {
        return new String[] {"--spring.profiles.active=mysql", "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
                "--consolidator.chunk-size=" + chunkSize, "--year=2024", "--input=" + input, "--output=" + output};
    }

    static JdbcTemplate jdbc(TestDatabases.Database db) {
        return new JdbcTemplate(new DriverManagerDataSource(db.url(), db.username(), db.password()));
    }

    static int waitForProcessed(JdbcTemplate db, Process process, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600); // a hang guard: a loaded machine starts a JVM slowly
        while (System.nanoTime() < deadline && process.isAlive()) {
            int processed = processed(db);
            if (processed >= atLeast) {
                return processed;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the job never reached " + atLeast + " processed submissions");
    }

    static int processed(JdbcTemplate db) {
        try {
            return db.queryForObject("SELECT COUNT(*) FROM submission WHERE status <> 'RECEIVED'", Integer.class);
        } catch (org.springframework.dao.DataAccessException notYetMigrated) {
            return 0;
        }
    }
}
