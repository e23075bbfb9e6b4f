package cn.gov.county.gkreport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import cn.gov.county.gkreport.support.ChildJvm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The operator's command in a real JVM: help and wrong arguments are answered before Spring and the
 * database start. The default database is an H2 file under {@code ./data}: a run that started Spring
 * creates it, a refused one must not.
 */
class CommandLineBeforeStartTest {

    @TempDir
    Path dir;

    private Result run(String... args) throws Exception {
        Path log = dir.resolve("out.log");
        Process process = ChildJvm.startIn(dir, log, args);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
        return new Result(process.exitValue(), ChildJvm.output(log), Files.exists(dir.resolve("data")));
    }

    record Result(int exitCode, String output, boolean databaseCreated) {
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--year=abc|“abc” 不是四位数字的年份",
            "--yaer=2024|未知参数 “--yaer=2024”（是否想写 --year？）",
            "--input=input|缺少参数 --year",
            "tempalte|未知命令 “tempalte”"})
    void refusesWithExitTwoBeforeSpringStarts(String arg, String message) throws Exception {
        Result result = run(arg);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).startsWith("错误: ").contains(message).contains("--help")
                .doesNotContain("Exception").doesNotContain("Hikari").doesNotContain("Flyway");
        assertThat(result.databaseCreated()).as("no database started").isFalse();
    }

    @Test
    void printsHelpWithoutStartingSpring() throws Exception {
        Result result = run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).isEqualTo(CommandLine.help());
        assertThat(result.databaseCreated()).isFalse();
    }

    /** The control: valid arguments do start Spring and the database (so the check above can fail). */
    @Test
    void validArgumentsGoOnToSpringAndTheDatabase() throws Exception {
        Result result = run("--year=2024", "--input=missing-folder",
                "--consolidator.roster=" + Path.of("jobs/roster.csv").toAbsolutePath());
        assertThat(result.output()).contains("输入目录不存在");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.databaseCreated()).as("Spring started the H2 database").isTrue();
    }
}
