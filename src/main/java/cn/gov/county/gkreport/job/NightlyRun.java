package cn.gov.county.gkreport.job;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The command line: {@code --year=2024 --input=input --output=output}, plus any Spring property.
 * Exit status 0 when the job completed (even with rejected units), see {@link ConsolidationCommand}.
 * Not active in tests (profile {@code test}), which drive {@link ConsolidationCommand} directly, nor
 * for the {@code draft} command (profile {@code draft}).
 */
@Component
@Profile("!test & !draft")
public class NightlyRun implements ApplicationRunner, ExitCodeGenerator {

    private final ConsolidationCommand command;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private int exitCode;

    public NightlyRun(ConsolidationCommand command) {
        this.command = command;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> years = args.getOptionValues("year");
        if (years == null || years.size() != 1 || !years.get(0).matches("\\d{4}")) {
            out.println("错误: 请用 --year=报告年度 指定汇总年度，例如 --year=2024");
            exitCode = ConsolidationCommand.USAGE;
            return;
        }
        exitCode = command.execute(Integer.parseInt(years.get(0)), option(args, "input", "input"),
                option(args, "output", "output"), out).exitCode();
    }

    private static String option(ApplicationArguments args, String name, String fallback) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
