package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.gov.county.gkreport.ConsolidatorApplication;

/**
 * The program started in this JVM as {@code main} starts it (profile test), on an in-memory H2, for the
 * 2024 night into {@code work}, with the console captured: for the refusals at start (exit 2).
 *
 * @param exit    the exit status {@link Startup#run} returned
 * @param console what the operator saw
 */
record StartAttempt(int exit, String console) {

    static StartAttempt run(Path work, String... settings) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=jdbc:h2:mem:start-" + work.getFileName()
                + ";MODE=MySQL", "--logging.file.name=" + work.resolve("run.log")));
        args.addAll(List.of(settings));
        args.addAll(List.of("--year=2024", "--input=" + work.resolve("input"), "--output=" + work.resolve("output")));
        PrintStream original = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            return new StartAttempt(Startup.run(ConsolidatorApplication.class, List.of("test"), args.toArray(String[]::new)),
                    console.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    /**
     * The operator's one line of a refusal, after checking that it was one: exit status 2, no Java on the
     * console (the test logging echoes Spring's own error lines above it), no output written.
     */
    String refusal(Path work) {
        assertThat(exit).as(console).isEqualTo(ConsolidationCommand.USAGE);
        ExitStatusTest.assertNoJavaOnTheConsole(console);
        assertThat(work.resolve("output")).doesNotExist();
        List<String> lines = console.lines().filter(l -> l.startsWith("错误: ")).toList();
        assertThat(lines).as(console).hasSize(1);
        return lines.get(0);
    }
}
