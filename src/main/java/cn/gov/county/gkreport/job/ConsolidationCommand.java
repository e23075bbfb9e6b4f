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

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.InputFolder;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.store.ReferenceDataRepository;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One consolidation run for a year: checks the folders, takes the run lock for the year, removes
 * what a killed run left half-written, brings the roster and form items into the database, runs
 * (or resumes) the job and prints the summary, or says in the operator's words why it stopped.
 */
@Component
public class ConsolidationCommand {

    /** Exit status when the job completed, even with rejected units. */
    public static final int COMPLETED = 0;
    /** Exit status when the job did not complete (or the database was lost): run the same command again to resume. */
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
    private final RunLock runLock;
    private final RunProgress progress;
    private final Environment environment;

    public ConsolidationCommand(RunLauncher launcher, RunSummary summary, ReferenceDataRepository referenceData,
                                Roster roster, FormDefinition form, RunLock runLock, RunProgress progress,
                                Environment environment) {
        this.launcher = launcher;
        this.summary = summary;
        this.referenceData = referenceData;
        this.roster = roster;
        this.form = form;
        this.runLock = runLock;
        this.progress = progress;
        this.environment = environment;
    }

    /** The outcome: the exit status and, when the job ran, its execution. */
    public record Outcome(int exitCode, Optional<JobExecution> execution) {
    }

    public Outcome execute(int year, String input, String output, PrintStream out) {
        InputFolder folder = InputFolder.of(Path.of(input), year);
        if (!Files.isDirectory(folder.dir())) {
            return usage(out, "输入目录不存在: " + folder.dir().toAbsolutePath() + "。请创建该目录并放入各单位报送的文件，"
                    + "或用 --input= 指定输入目录（文件放在其下的 " + year + "/ 子目录中）。");
        }
        Path outputDir = new OutputLayout(Path.of(output), year).yearDir();
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            return usage(out, "无法创建输出目录 " + outputDir.toAbsolutePath() + "（" + e.getMessage() + "）。请检查路径和写权限。");
        }
        if (!Files.isWritable(outputDir)) {
            return usage(out, "输出目录不可写: " + outputDir.toAbsolutePath() + "。请检查写权限，或用 --output= 指定其他目录。");
        }
        try {
            return locked(year, input, output, outputDir, out);
        } catch (Exception failure) {
            // The operator's words on the console; the stack trace in the log file.
            Startup.DETAILS.error("run for {} failed", year, failure);
            out.println(FailureMessages.connectionLost(failure) ? FailureMessages.connectionLost(environment, progress)
                    : FailureMessages.failed(environment, failure));
            return new Outcome(FAILED, Optional.empty());
        }
    }

    /**
     * The run itself, under two locks: the year's in the database (two runs on one database and year
     * must not both store), and the output folder's (two databases must not write one folder).
     */
    private Outcome locked(int year, String input, String output, Path outputDir, PrintStream out) throws Exception {
        Optional<RunLock.Held> yearLock = runLock.tryLock(year);
        if (yearLock.isEmpty()) {
            out.println(FailureMessages.locked(Integer.toString(year), null));
            return new Outcome(LOCKED, Optional.empty());
        }
        try (RunLock.Held held = yearLock.get();
             FileChannel channel = FileChannel.open(outputDir.resolve(".consolidation.lock"),
                     StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock folderLock = tryLock(channel)) {
            if (folderLock == null) {
                out.println(FailureMessages.locked(Integer.toString(year), "（另一个汇总任务正在写同一输出目录 "
                        + outputDir.toAbsolutePath() + "）"));
                return new Outcome(LOCKED, Optional.empty());
            }
            OutputLeftovers.remove(outputDir);
            referenceData.syncRoster(roster);
            referenceData.syncForm(form);
            JobExecution execution = launcher.run(year, input, output);
            summary.print(out, execution);
            return new Outcome(execution.getStatus() == BatchStatus.COMPLETED ? COMPLETED : FAILED,
                    Optional.of(execution));
        }
    }

    /** The folder's lock, or null when another run (in this or another process) holds it. */
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
