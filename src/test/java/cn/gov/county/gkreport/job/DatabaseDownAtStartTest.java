package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import cn.gov.county.gkreport.support.ChildJvm;
import cn.gov.county.gkreport.support.DemoInput;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database unreachable at start: a clear message naming the URL, a non-zero exit, nothing written. */
class DatabaseDownAtStartTest {

    @Test
    void explainsWhichDatabaseCannotBeReachedAndWritesNothing(@TempDir Path work) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DemoInput.copyTo(work.resolve("input"));
        String url = "jdbc:mysql://127.0.0.1:" + closedPort + "/annual_report";
        Path log = work.resolve("run.log");
        Process process = ChildJvm.start(log, "--spring.profiles.active=mysql", "--spring.datasource.url=" + url,
                "--spring.datasource.hikari.initialization-fail-timeout=1000",
                "--spring.datasource.hikari.connection-timeout=1000", "--spring.flyway.connect-retries=0",
                "--year=2024", "--input=" + work.resolve("input"), "--output=" + work.resolve("output"));
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = ChildJvm.output(log);
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(process.exitValue()).isEqualTo(ConsolidationCommand.FAILED);
        assertThat(output).contains("无法连接数据库").contains(url).contains("ARC_DB_URL")
                .contains("详细信息见日志 " + ChildJvm.logFile(log));
        ExitStatusTest.assertNoJavaOnTheConsole(output);
        assertThat(work.resolve("output")).doesNotExist();
    }
}
