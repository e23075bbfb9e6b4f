package cn.gov.county.gkreport.job;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.InputFolder;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.store.ReferenceDataRepository;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The command line: {@code --year=2024 --input=input --output=output}. Checks the folders, takes
 * the run lock for the year, brings the roster and form items into the database, runs (or resumes)
 * the job and prints the summary. Exit status 0 when the job completed, even with rejected units.
 */
@Component
@Profile("!no-runner")
public class NightlyRun implements ApplicationRunner, ExitCodeGenerator {

    /** Exit status when the job did not complete. */
    public static final int FAILED = 1;
    /** Exit status when the command line or the folders are wrong. */
    public static final int USAGE = 2;
    /** Exit status when another run for the same year holds the lock. */
    public static final int LOCKED = 3;

    private final RunLauncher launcher;
    private final RunSummary summary;
    private final ReferenceDataRepository referenceData;
    private final Roster roster;
    private final FormDefinition form;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private int exitCode;

    public NightlyRun(RunLauncher launcher, RunSummary summary, ReferenceDataRepository referenceData, Roster roster,
                      FormDefinition form) {
        this.launcher = launcher;
        this.summary = summary;
        this.referenceData = referenceData;
        this.roster = roster;
        this.form = form;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> years = args.getOptionValues("year");
        if (years == null || years.size() != 1 || !years.get(0).matches("\\d{4}")) {
            fail(USAGE, "请用 --year=报告年度 指定汇总年度，例如 --year=2024");
            return;
        }
        int year = Integer.parseInt(years.get(0));
        String input = option(args, "input", "input");
        String output = option(args, "output", "output");
        InputFolder folder = InputFolder.of(Path.of(input), year);
        if (!Files.isDirectory(folder.dir())) {
            fail(USAGE, "输入目录不存在: " + folder.dir().toAbsolutePath() + "。请创建该目录并放入各单位报送的文件，"
                    + "或用 --input= 指定输入目录（文件放在其下的 " + year + "/ 子目录中）。");
            return;
        }
        Path outputDir = Path.of(output).resolve(Integer.toString(year));
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            fail(USAGE, "无法创建输出目录 " + outputDir.toAbsolutePath() + "（" + e.getMessage() + "）。请检查路径和写权限。");
            return;
        }
        if (!Files.isWritable(outputDir)) {
            fail(USAGE, "输出目录不可写: " + outputDir.toAbsolutePath() + "。请检查写权限，或用 --output= 指定其他目录。");
            return;
        }
        try (FileChannel channel = FileChannel.open(outputDir.resolve(".consolidation.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                fail(LOCKED, year + " 年度的汇总任务正在另一个进程中运行，本次不再启动。请等它结束后再运行。");
                return;
            }
            referenceData.syncRoster(roster);
            referenceData.syncForm(form);
            JobExecution execution = launcher.run(year, input, output);
            summary.print(out, execution);
            exitCode = execution.getStatus() == BatchStatus.COMPLETED ? 0 : FAILED;
        }
    }

    private static String option(ApplicationArguments args, String name, String fallback) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    private void fail(int code, String message) {
        out.println("错误: " + message);
        exitCode = code;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
