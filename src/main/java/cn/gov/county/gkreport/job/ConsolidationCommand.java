package cn.gov.county.gkreport.job;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.InputFolder;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.store.ReferenceDataRepository;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * One consolidation run for a year: checks the folders, takes the run lock for the year, brings
 * the roster and form items into the database, runs (or resumes) the job and prints the summary.
 */
@Component
public class ConsolidationCommand {

    /** Exit status when the job completed, even with rejected units. */
    public static final int COMPLETED = 0;
    /** Exit status when the job did not complete: run the same command again to resume. */
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

    public ConsolidationCommand(RunLauncher launcher, RunSummary summary, ReferenceDataRepository referenceData,
                                Roster roster, FormDefinition form) {
        this.launcher = launcher;
        this.summary = summary;
        this.referenceData = referenceData;
        this.roster = roster;
        this.form = form;
    }

    /** The outcome: the exit status and, when the job ran, its execution. */
    public record Outcome(int exitCode, Optional<JobExecution> execution) {
    }

    public Outcome execute(int year, String input, String output, PrintStream out) throws Exception {
        InputFolder folder = InputFolder.of(Path.of(input), year);
        if (!Files.isDirectory(folder.dir())) {
            return usage(out, "输入目录不存在: " + folder.dir().toAbsolutePath() + "。请创建该目录并放入各单位报送的文件，"
                    + "或用 --input= 指定输入目录（文件放在其下的 " + year + "/ 子目录中）。");
        }
        Path outputDir = Path.of(output).resolve(Integer.toString(year));
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            return usage(out, "无法创建输出目录 " + outputDir.toAbsolutePath() + "（" + e.getMessage() + "）。请检查路径和写权限。");
        }
        if (!Files.isWritable(outputDir)) {
            return usage(out, "输出目录不可写: " + outputDir.toAbsolutePath() + "。请检查写权限，或用 --output= 指定其他目录。");
        }
        try (FileChannel channel = FileChannel.open(outputDir.resolve(".consolidation.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                out.println("错误: " + year + " 年度的汇总任务正在另一个进程中运行，本次不再启动。请等它结束后再运行。");
                return new Outcome(LOCKED, Optional.empty());
            }
            referenceData.syncRoster(roster);
            referenceData.syncForm(form);
            JobExecution execution = launcher.run(year, input, output);
            summary.print(out, execution);
            return new Outcome(execution.getStatus() == BatchStatus.COMPLETED ? COMPLETED : FAILED,
                    Optional.of(execution));
        }
    }

    /** The year's run lock, or null when another run (in this or another process) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private static Outcome usage(PrintStream out, String message) {
        out.println("错误: " + message);
        return new Outcome(USAGE, Optional.empty());
    }
}
