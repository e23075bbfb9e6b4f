package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A roster the job cannot trust stops the program at start with exit status 2 and one Chinese line
 * naming the file and the lines, before any step runs: two lines whose codes read the same once
 * normalised as a cover's code is (case, full-width, spaces), a line without a code, a line of the
 * wrong shape, an unknown unit type.
 */
class RosterAtStartTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            t01,南村镇,镇;Ｔ０１,北义城镇,镇       | 第 2 行和第 3 行的单位代码“t01”和“Ｔ０１”都读作 T01
            D01,县人民政府办公室,县直单位;d 01,县发展和改革局,县直单位 | 第 2 行和第 3 行的单位代码“D01”和“d 01”都读作 D01
            T01,南村镇,镇;,北义城镇,镇             | 第 3 行没有单位代码
            T01,南村镇,镇;T02,北义城镇             | 第 3 行应为 code,name,type 三项
            T01,南村镇,乡                          | 第 2 行的单位类型“乡”无法识别
            """)
    void aRosterItCannotTrustRefusesTheRunWithExit2(String lines, String message, @TempDir Path work) throws Exception {
        Path roster = Files.writeString(work.resolve("roster.csv"),
                "code,name,type\n" + String.join("\n", lines.split(";")) + "\n");
        assertThat(StartAttempt.run(work, "--consolidator.roster=" + roster).refusal(work))
                .contains("名册文件格式有误: " + roster.toAbsolutePath()).contains(message);
    }
}
