package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gov.county.gkreport.benchmark.SubmissionGenerator;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.support.ApplicationContextTest;
import cn.gov.county.gkreport.support.Databases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Progress on a generated night of 2 000 files (the benchmark's generator: realistic figures,
 * one file in fifty breaking a rule), with a clock that moves one second each time it is read, so
 * the pace is counted, not timed: the 41-file night before it stays quiet, the long one prints
 * steady lines whose counts add up and end at all of them.
 */
@SpringBootTest(properties = "logging.level.cn.gov.county.gkreport.job.ImportProgress=INFO")
@ExtendWith(OutputCaptureExtension.class)
@Import(ImportProgressOnALongNightTest.TickingClock.class)
class ImportProgressOnALongNightTest extends ApplicationContextTest {

    private static final int FILES = 2_000;
    private static final int FIRST_NIGHT = 41;
    private static final Pattern LINE = Pattern.compile(
            "导入进度: 已读取 (\\d+)/(\\d+)（\\d+%），通过 (\\d+)，未通过 (\\d+)，用时 [^，]+，每秒 [\\d.]+ 个(，预计还需 .+)?");
    private static Path work;
    private static List<SubmissionGenerator.Generated> generated;

    /** One second later every time anybody asks (during the import: the progress listener and each chunk's writer). */
    @TestConfiguration(proxyBeanMethods = false)
    static class TickingClock {
        @Bean
        @Primary
        Clock tickingClock() {
            AtomicLong seconds = new AtomicLong();
            Instant start = Instant.parse("2025-01-20T17:00:00Z");
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return start.plusSeconds(seconds.incrementAndGet());
                }
            };
        }
    }

    @DynamicPropertySource
    static void generatedNight(DynamicPropertyRegistry registry) throws IOException {
        Databases.h2(registry);
        work = Files.createTempDirectory("long-night");
        List<SubmissionGenerator.Unit> units = SubmissionGenerator.syntheticUnits(FILES);
        SubmissionGenerator.writeRoster(work.resolve("roster.csv"), units);
        generated = new SubmissionGenerator(FormDefinitionLoader.loadCurrent())
                .writeAll(work.resolve("generated"), units, 20);
        registry.add("consolidator.roster", () -> work.resolve("roster.csv").toString());
        registry.add("consolidator.progress-interval", () -> "10s");
    }

    @Test
    void quietOnAShortNightThenSteadyLinesOnALongOne(CapturedOutput output) throws Exception {
        Path night = work.resolve("input").resolve(Integer.toString(SubmissionGenerator.YEAR));
        Files.createDirectories(night);
        for (int i = 0; i < generated.size(); i++) {
            if (i == FIRST_NIGHT) {
                assertThat(run()).isZero();
                assertThat(output.getAll()).as("41 files: no progress").doesNotContain("导入进度");
            }
            move(generated.get(i).file(), night);
        }
        assertThat(run()).isZero();

        List<Matcher> lines = output.getAll().lines().map(LINE::matcher).filter(Matcher::find).toList();
        // 1 959 files in chunks of 20: 98 chunks, one tick each, a line every tenth tick and a closing one
        assertThat(lines).hasSizeGreaterThanOrEqualTo(10);
        int previous = 0;
        for (Matcher line : lines) {
            int read = Integer.parseInt(line.group(1));
            assertThat(Integer.parseInt(line.group(2))).isEqualTo(FILES - FIRST_NIGHT);
            assertThat(Integer.parseInt(line.group(3)) + Integer.parseInt(line.group(4))).isEqualTo(read);
            assertThat(read).isGreaterThan(previous);
            previous = read;
        }
        Matcher last = lines.get(lines.size() - 1);
        long rejected = generated.stream().skip(FIRST_NIGHT)
                .filter(g -> g.expected() == SubmissionGenerator.Expected.REJECTED).count();
        assertThat(last.group(1)).isEqualTo(Integer.toString(FILES - FIRST_NIGHT));
        assertThat(Long.parseLong(last.group(4))).isEqualTo(rejected).isPositive();
        assertThat(last.group(5)).as("nothing left at the end").isNull();
        assertThat(lines.get(0).group(5)).as("time left while going").isNotNull();
    }

    private int run() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int exitCode = command.execute(SubmissionGenerator.YEAR, work.resolve("input").toString(),
                work.resolve("output").toString(), new PrintStream(console, true, StandardCharsets.UTF_8)).exitCode();
        assertThat(exitCode).as(() -> console.toString(StandardCharsets.UTF_8)).isZero();
        return exitCode;
    }

    private static void move(Path file, Path dir) {
        try {
            Files.move(file, dir.resolve(file.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
