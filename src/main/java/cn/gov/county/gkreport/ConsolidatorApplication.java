package cn.gov.county.gkreport;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;

import cn.gov.county.gkreport.cli.CommandLine;
import cn.gov.county.gkreport.demo.ToolCommands;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * 年报汇总: the county office's nightly consolidation of the government information disclosure
 * annual reports. Without a command word it runs the consolidation job; {@code template} and
 * {@code demo} write the blank template and the demo submissions (see README); {@link CommandLine}
 * answers help and refuses wrong arguments first.
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
        System.exit(SpringApplication.exit(SpringApplication.run(ConsolidatorApplication.class, args)));
    }
}
