package cn.gov.county.gkreport;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import cn.gov.county.gkreport.cli.CommandLine;
import cn.gov.county.gkreport.demo.ToolCommands;
import cn.gov.county.gkreport.draft.DraftRun;
import cn.gov.county.gkreport.job.Startup;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * 年报汇总: the county office's nightly consolidation of the government information disclosure
 * annual reports. Without a command word it runs the consolidation job; {@code template} and
 * {@code demo} write the blank template and the demo submissions, {@code draft} the county's draft
 * annual report from the database (see README); {@link CommandLine} answers help and refuses wrong
 * arguments first.
 */
@SpringBootApplication
public class ConsolidatorApplication {

    public static void main(String[] args) throws Exception {
        // Help and wrong arguments are answered here, before Spring and the database start.
        OptionalInt early = CommandLine.check(args, new PrintStream(System.out, true, StandardCharsets.UTF_8));
        if (early.isPresent()) {
            System.exit(early.getAsInt());
        }
        if (args.length > 0 && ToolCommands.handles(args[0])) {
            System.exit(ToolCommands.run(args[0], Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && DraftRun.COMMAND.equals(args[0])) {
            // The draft command runs in its own profile (the nightly run stays off).
            System.exit(Startup.run(ConsolidatorApplication.class, List.of(DraftRun.COMMAND),
                    Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(Startup.run(ConsolidatorApplication.class, List.of(), args));
    }
}
