package cn.gov.county.gkreport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private OptionalInt check(String... args) {
        return CommandLine.check(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Nested
    class Help {

        @ParameterizedTest
        @ValueSource(strings = {"--help", "-h", "help"})
        void printsHelpAndEndsWithZero(String word) {
            assertThat(check(word)).hasValue(0);
            assertThat(printed()).isEqualTo(CommandLine.help());
        }

        @Test
        void noArgumentsPrintHelp() {
            assertThat(check()).hasValue(0);
            assertThat(printed()).startsWith("年报汇总");
        }

        @Test
        void listsEveryCommandAndOptionWithAnExample() {
            String help = CommandLine.help();
            for (CommandLine.Command command : CommandLine.COMMANDS) {
                if (!command.word().isEmpty()) {
                    assertThat(help).contains("\n" + command.word() + "\n")
                            .contains("annual-report-consolidator.jar " + command.word() + " ");
                }
                for (CommandLine.Option option : command.options()) {
                    assertThat(help).contains("--" + option.name() + " ");
                }
            }
            assertThat(help).contains("例: java -jar annual-report-consolidator.jar --year=2024 --input=input --output=output")
                    .contains("draft --year=2024").contains("--spring.profiles.active=mysql").contains("退出状态");
        }
    }

    @Nested
    class Refusals {

        @Test
        void namesANonNumericYear() {
            assertThat(check("--year=abc")).hasValue(2);
            assertThat(printed()).contains("“--year=abc”").contains("“abc” 不是四位数字的年份");
        }

        @Test
        void namesAMisspeltOptionAndSuggestsTheRightOne() {
            assertThat(check("--yaer=2024")).hasValue(2);
            assertThat(printed()).contains("未知参数 “--yaer=2024”（是否想写 --year？）");
        }

        @Test
        void refusesAnUnknownOptionWithoutSuggestion() {
            assertThat(check("--year=2024", "--colour=red")).hasValue(2);
            assertThat(printed()).contains("未知参数 “--colour=red”。").doesNotContain("是否想写");
        }

        @Test
        void refusesAnUnknownCommandWord() {
            assertThat(check("consolidate", "--year=2024")).hasValue(2);
            assertThat(printed()).contains("未知命令 “consolidate”").contains("template、demo、draft");
        }

        @Test
        void refusesAValueGivenWithASpace() {
            assertThat(check("--year", "2024")).hasValue(2);
            assertThat(printed()).contains("参数 “--year” 缺少值，应写成 --year=2024");
        }

        @Test
        void refusesALoneValue() {
            assertThat(check("--year=2024", "2025")).hasValue(2);
            assertThat(printed()).contains("无法识别的参数 “2025”").contains("用等号，不用空格");
        }

        @Test
        void refusesAnEmptyValue() {
            assertThat(check("--year=2024", "--input=")).hasValue(2);
            assertThat(printed()).contains("“--input=” 缺少值");
        }

        @Test
        void refusesARepeatedOption() {
            assertThat(check("--year=2024", "--year=2023")).hasValue(2);
            assertThat(printed()).contains("--year 重复出现");
        }

        @Test
        void refusesAMissingYear() {
            assertThat(check("--input=input")).hasValue(2);
            assertThat(printed()).contains("缺少参数 --year");
        }

        @Test
        void refusesAShortYear() {
            assertThat(check("--year=24")).hasValue(2);
        }

        @Test
        void refusesHelpMixedWithOtherArguments() {
            assertThat(check("--year=2024", "--help")).hasValue(2);
            assertThat(printed()).contains("须单独使用");
        }

        @Test
        void refusesSpringPropertiesForCommandsWithoutSpring() {
            assertThat(check("template", "--spring.profiles.active=mysql")).hasValue(2);
            assertThat(printed()).contains("未知参数 “--spring.profiles.active=mysql”");
        }

        @Test
        void refusesADraftWithoutYear() {
            assertThat(check("draft")).hasValue(2);
            assertThat(printed()).contains("缺少参数 --year");
        }
    }

    @Nested
    class Accepted {

        @Test
        void theNightlyRunWithSpringProperties() {
            assertThat(check("--year=2024", "--input=input", "--output=output", "--spring.profiles.active=mysql",
                    "--consolidator.import-threads=4", "--logging.level.root=INFO")).isEmpty();
            assertThat(printed()).isEmpty();
        }

        @Test
        void theToolCommands() {
            assertThat(check("template", "--year=2024", "--out=templates")).isEmpty();
            assertThat(check("demo", "--out=input/2024", "--roster=jobs/roster.csv", "--county=泽州县")).isEmpty();
            assertThat(check("draft", "--year=2024", "--output=output")).isEmpty();
        }
    }

    @Test
    void editDistanceCountsASwapAsOneEdit() {
        assertThat(CommandLine.editDistance("year", "yaer")).isEqualTo(1);
        assertThat(CommandLine.editDistance("input", "imput")).isEqualTo(1);
        assertThat(CommandLine.editDistance("output", "year")).isGreaterThan(2);
    }
}
