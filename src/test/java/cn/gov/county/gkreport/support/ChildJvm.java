package cn.gov.county.gkreport.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the product's main class in a separate JVM, as the operator's command does, so a test can
 * kill it for real or watch it fail at start.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static Process start(Path log, String... args) throws IOException {
        return startIn(Path.of("").toAbsolutePath(), log, args);
    }

    /** The same, with {@code dir} as the working directory (where {@code data/} and relative paths go). */
    public static Process startIn(Path dir, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("cn.gov.county.gkreport.ConsolidatorApplication");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    public static String output(Path log) throws IOException {
        return Files.readString(log);
    }
}
