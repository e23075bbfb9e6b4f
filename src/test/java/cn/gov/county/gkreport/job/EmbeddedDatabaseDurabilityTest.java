package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.gov.county.gkreport.support.ChildJvm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Committed means written, on the embedded database too: every commit a process saw return is
 * there after the process is killed with SIGKILL. (With H2's default half-second write delay the
 * last few hundred commits of this test are lost.)
 */
class EmbeddedDatabaseDurabilityTest {

    private static final int COMMITS_BEFORE_KILL = 300;

    @Test
    void everyCommitThatReturnedSurvivesKillMinus9(@TempDir Path work) throws Exception {
        String url = EmbeddedDatabaseDurability.durable("jdbc:h2:file:" + work.resolve("db") + ";MODE=MySQL");
        Path log = work.resolve("child.log");
        Process child = ChildJvm.start(CommittingChild.class, log, url);
        try {
            waitForCommits(child, log);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no closing of the database
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        int lastReported = lastCommitted(log);
        assertThat(lastReported).isGreaterThanOrEqualTo(COMMITS_BEFORE_KILL);

        try (Connection db = DriverManager.getConnection(url, "sa", "");
             Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT COUNT(*), MIN(n), MAX(n) FROM committed_row")) {
            rows.next();
            assertThat(rows.getInt(2)).isEqualTo(1);
            assertThat(rows.getInt(3)).as("the last commit the child saw return").isGreaterThanOrEqualTo(lastReported);
            assertThat(rows.getInt(1)).isEqualTo(rows.getInt(3));
        }
    }

    @Test
    void theSettingGoesOnEveryEmbeddedFileUrlAndOnlyThere() {
        assertThat(EmbeddedDatabaseDurability.durable("jdbc:h2:file:./data/consolidator;MODE=MySQL"))
                .isEqualTo("jdbc:h2:file:./data/consolidator;MODE=MySQL;WRITE_DELAY=0");
        assertThat(EmbeddedDatabaseDurability.durable("jdbc:h2:./data/x")).isEqualTo("jdbc:h2:./data/x;WRITE_DELAY=0");
        assertThat(EmbeddedDatabaseDurability.durable("jdbc:h2:file:/x;MODE=MySQL;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:/x;MODE=MySQL;WRITE_DELAY=0");
        for (String unchanged : List.of("jdbc:h2:mem:t;MODE=MySQL", "jdbc:h2:tcp://host/db", "jdbc:mysql://db:3306/x")) {
            assertThat(EmbeddedDatabaseDurability.durable(unchanged)).isEqualTo(unchanged);
        }
    }

    private static void waitForCommits(Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600); // a hang guard only
        while (lastCommitted(log) < COMMITS_BEFORE_KILL) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the child did not commit " + COMMITS_BEFORE_KILL + " rows: "
                        + ChildJvm.output(log));
            }
            Thread.sleep(5);
        }
    }

    /** The highest n the child reported as committed (only complete lines count). */
    private static int lastCommitted(Path log) throws Exception {
        if (!Files.exists(log)) {
            return 0;
        }
        String text = ChildJvm.output(log);
        int end = text.lastIndexOf('\n');
        int start = text.lastIndexOf("committed ", end);
        return start < 0 || end < 0 ? 0 : Integer.parseInt(text.substring(start + "committed ".length(), end).strip());
    }
}
