package cn.gov.county.gkreport;

import java.util.Arrays;

import cn.gov.county.gkreport.demo.ToolCommands;
import cn.gov.county.gkreport.draft.DraftRun;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * 年报汇总: the county office's nightly consolidation of the government information disclosure
 * annual reports. Without a command word it runs the consolidation job; {@code template} and
 * {@code demo} write the blank template and the demo submissions, {@code draft} the county's draft
 * annual report from the database (see README).
 */
@SpringBootApplication
public class ConsolidatorApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && ToolCommands.handles(args[0])) {
            System.exit(ToolCommands.run(args[0], Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && DraftRun.COMMAND.equals(args[0])) {
            System.exit(DraftRun.start(ConsolidatorApplication.class, Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(SpringApplication.exit(SpringApplication.run(ConsolidatorApplication.class, args)));
    }
}
