package cn.gov.county.gkreport.draft;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The command word {@code draft}: the application started in the {@code draft} profile (see ConsolidatorApplication) (the
 * nightly run stays off) and writes the year's draft with {@link DraftCommand}.
 */
@Component
@Profile(DraftRun.COMMAND)
public class DraftRun implements ApplicationRunner, ExitCodeGenerator {

    public static final String COMMAND = "draft";
    /** Exit status for a missing or malformed {@code --year}. */
    static final int USAGE = 2;

    private final DraftCommand command;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private int exitCode;

    public DraftRun(DraftCommand command) {
        this.command = command;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> years = args.getOptionValues("year");
        if (years == null || years.size() != 1 || !years.get(0).matches("\\d{4}")) {
            out.println("错误: 请用 --year=报告年度 指定年度，例如 draft --year=2024");
            exitCode = USAGE;
            return;
        }
        List<String> output = args.getOptionValues("output");
        exitCode = command.execute(Integer.parseInt(years.get(0)),
                output == null || output.isEmpty() ? "output" : output.get(0), out);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
