package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.report.ConsolidatedWorkbook;
import cn.gov.county.gkreport.support.ChildJvm;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.OnFreshH2Test;
import cn.gov.county.gkreport.support.TableSnapshot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.util.FileSystemUtils;

/** The run's surroundings going wrong: folders, the workbook's file, a second run at the same time. */
class RunFaultsTest extends OnFreshH2Test {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private ConsolidationCommand.Outcome run(Path input, Path output) throws Exception {
        console.reset();
        return command.execute(DemoInput.YEAR, input.toString(), output.toString(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void refusesAMissingInputFolderClearly(@TempDir Path work) throws Exception {
        var outcome = run(work.resolve("no-such-input"), work.resolve("output"));
        assertThat(outcome.exitCode()).isEqualTo(ConsolidationCommand.USAGE);
        assertThat(outcome.execution()).isEmpty();
        assertThat(console()).contains("输入目录不存在").contains("no-such-input").contains("--input=");
    }

    @Test
    void refusesAnOutputFolderThatCannotBeCreatedAndWritesItOnTheNextRun(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        DemoInput.copyTo(input);
        Path output = work.resolve("output");
        Files.writeString(output, "a file where the output folder should be");
        var before = TableSnapshot.of(jdbc, TableSnapshot.DATA_TABLES);

        var refused = run(input, output);
        assertThat(refused.exitCode()).isEqualTo(ConsolidationCommand.USAGE);
        assertThat(console()).contains("无法创建输出目录").contains(output.toString());
        assertThat(TableSnapshot.of(jdbc, TableSnapshot.DATA_TABLES)).isEqualTo(before);

        Files.delete(output);
        assertThat(run(input, output).exitCode()).isEqualTo(ConsolidationCommand.COMPLETED);
        assertThat(new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook()).isRegularFile();
    }

    @Test
    void aFailedWorkbookWriteLeavesNoFileUnderTheFinalNameAndTheNextRunWritesIt(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        DemoInput.copyTo(input);
        Path output = work.resolve("output");
        Path workbook = new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook();
        // The final name is taken by a non-empty folder: moving the finished file into place fails,
        // as a full disk or a file held open by a reviewer would make it fail.
        Files.createDirectories(workbook.resolve("blocked"));

        var failed = run(input, output);
        assertThat(failed.exitCode()).isEqualTo(ConsolidationCommand.FAILED);
        assertThat(failed.execution().orElseThrow().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(console()).contains("运行未完成").contains("再次运行同一命令");
        try (Stream<Path> leftovers = Files.list(workbook.getParent())) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE status = 'ACCEPTED'", Integer.class))
                .isEqualTo(39);

        FileSystemUtils.deleteRecursively(workbook);
        var resumed = run(input, output);
        assertThat(resumed.exitCode()).isEqualTo(ConsolidationCommand.COMPLETED);
        assertThat(resumed.execution().orElseThrow().getJobInstance().getInstanceId())
                .isEqualTo(failed.execution().orElseThrow().getJobInstance().getInstanceId());
        assertThat(workbook).isRegularFile();
    }

    @Test
    void removesPartialFilesAKilledRunLeftInTheOutputFolder(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        DemoInput.copyTo(input);
        Path output = work.resolve("output");
        Path year = output.resolve("2024");
        Files.createDirectories(year.resolve("feedback"));
        // what a run killed while writing leaves: FormFiles' and ChaseList's temporary names
        List<Path> partial = List.of(year.resolve(".writing-1234567890.tmp"),
                year.resolve("feedback/.writing-987654321.tmp"), year.resolve(".chase-42.csv"));
        for (Path file : partial) {
            Files.writeString(file, "half a workbook");
        }
        Path keep = Files.writeString(year.resolve(".clerk-notes.txt"), "not ours");

        assertThat(run(input, output).exitCode()).isEqualTo(ConsolidationCommand.COMPLETED);

        assertThat(partial).allSatisfy(file -> assertThat(file).doesNotExist());
        assertThat(keep).exists();
        try (Stream<Path> files = Files.walk(output)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aSecondRunForTheSameYearRefusesWhileTheFirstIsGoing(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        DemoInput.copyTo(input);
        Path output = work.resolve("output");
        Path lockFile = Files.createDirectories(output.resolve("2024")).resolve(".consolidation.lock");
        // This test process plays the first run by holding the year's lock; the second run is a real
        // second process started with the same command.
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            Path log = work.resolve("second.log");
            Process second = ChildJvm.start(log, "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db")
                    + ";MODE=MySQL", "--year=2024", "--input=" + input, "--output=" + output);
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(ConsolidationCommand.LOCKED);
            assertThat(ChildJvm.output(log)).contains("2024 年度的汇总任务正在另一个进程中运行");
        }
        assertThat(new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook()).doesNotExist();
    }
}
