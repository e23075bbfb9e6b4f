package cn.gov.county.gkreport.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.gov.county.gkreport.ConsolidatorApplication;

/**
 * Runs the product's main class in a separate JVM, as the operator's command does, so a test can
 * kill it for real or watch it fail at start. The child logs as the product does (its own
 * logback-spring.xml, not the tests' configuration on the same class path): the console to
 * {@code log}, the log file to {@link #logFile(Path)}.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static Process start(Path log, String... args) throws IOException {
        return startIn(Path.of("").toAbsolutePath(), ConsolidatorApplication.class, log, args);
    }

    /** Runs another main class (on the tests' class path) the same way. */
    public static Process start(Class<?> mainClass, Path log, String... args) throws IOException {
        return startIn(Path.of("").toAbsolutePath(), mainClass, log, args);
    }

    /** The same, with {@code dir} as the working directory (where {@code data/} and relative paths go). */
    public static Process startIn(Path dir, Path log, String... args) throws IOException {
        return startIn(dir, ConsolidatorApplication.class, log, args);
    }

    private static Process startIn(Path dir, Class<?> mainClass, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xmx512m");
        command.add("-Dlogging.config=classpath:logback-spring.xml");
        command.add("-Dlogging.file.name=" + logFile(log));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    public static String output(Path log) throws IOException {
        return Files.readString(log);
    }

    /** The child's log file (stack traces, library messages) beside its console output {@code log}. */
    public static Path logFile(Path log) {
        return log.resolveSibling(log.getFileName() + ".file.log");
    }
}
