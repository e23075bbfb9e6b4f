package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/install.sh as root (the CI container is a fresh machine) into a separate root: the
 * gkreport system user, the /opt layout with its owners and modes, the environment file 0600, the
 * config tree of secrets for the job's group only, log rotation that logrotate accepts, and units that
 * {@code systemd-analyze verify} accepts against the installed files; a second install keeps what the
 * office configured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstallScriptTest {

    private Path root;
    private Path app;
    private Path jar;
    private int uid;
    private int gid;

    record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    @BeforeAll
    void install(@TempDir Path dir) throws Exception {
        assertThat(run("id", "-u").output().trim()).as("the install test runs as root, as in CI").isEqualTo("0");
        root = dir.resolve("root");
        // the new machine's accounts and systemd's own units, as a fresh Debian has them
        Files.createDirectories(root.resolve("etc"));
        for (String f : List.of("passwd", "group", "shadow", "gshadow", "login.defs")) {
            Files.copy(Path.of("/etc", f), root.resolve("etc").resolve(f));
        }
        Files.createDirectories(root.resolve("usr/lib"));
        assertThat(run("cp", "-r", "/usr/lib/systemd", root.resolve("usr/lib").toString()).exitCode()).isZero();
        // masked units are links to /dev/null: not needed to verify ours, and no link may point out of the test root
        assertThat(run("find", root.resolve("usr/lib/systemd").toString(), "-type", "l", "-delete").exitCode()).isZero();
        jar = dir.resolve("annual-report-consolidator.jar");
        Files.write(jar, new byte[] {'P', 'K', 3, 4});
        Result installed = run("bash", "jobs/install.sh", "--root=" + root, "--jar=" + jar);
        assertThat(installed.exitCode()).as(installed.output()).isZero();
        app = root.resolve("opt/annual-report-consolidator");
        String account = Files.readAllLines(root.resolve("etc/passwd")).stream().filter(l -> l.startsWith("gkreport:"))
                .findFirst().orElseThrow();
        uid = Integer.parseInt(account.split(":")[2]);
        gid = Integer.parseInt(account.split(":")[3]);
    }

    private String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private int owner(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid");
    }

    private int group(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:gid");
    }

    private boolean setgid(Path p) throws IOException {
        return ((Integer) Files.getAttribute(p, "unix:mode") & 02000) != 0;
    }

    @Test
    void createsTheServiceUserWithoutLogin() throws Exception {
        String account = Files.readAllLines(root.resolve("etc/passwd")).stream().filter(l -> l.startsWith("gkreport:"))
                .findFirst().orElseThrow();
        assertThat(account).endsWith(":/opt/annual-report-consolidator:/usr/sbin/nologin");
        assertThat(uid).isLessThan(1000); // a system account
        assertThat(Files.readAllLines(root.resolve("etc/group"))).anyMatch(l -> l.startsWith("gkreport:x:" + gid + ":"));
    }

    @Test
    void laysOutTheProgramReadableByTheGroupOnly() throws Exception {
        assertThat(mode(app)).isEqualTo("rwxr-x---");
        assertThat(owner(app)).isZero();
        assertThat(group(app)).isEqualTo(gid);
        Path installed = app.resolve("target/annual-report-consolidator.jar");
        assertThat(installed).hasBinaryContent(new byte[] {'P', 'K', 3, 4});
        assertThat(mode(installed)).isEqualTo("rw-r-----");
        assertThat(mode(app.resolve("jobs/run-nightly.sh"))).isEqualTo("rwxr-x---");
        assertThat(app.resolve("jobs/roster.csv")).hasSameTextualContentAs(Path.of("jobs/roster.csv"));
    }

    @Test
    void givesTheJobItsFoldersWithGroupReadableOutput() throws Exception {
        for (String folder : List.of("input", "output", "logs", "data")) {
            assertThat(owner(app.resolve(folder))).as(folder).isEqualTo(uid);
            assertThat(group(app.resolve(folder))).as(folder).isEqualTo(gid);
        }
        assertThat(mode(app.resolve("output"))).isEqualTo("rwxr-x---");
        assertThat(setgid(app.resolve("output"))).as("results keep the group").isTrue();
        assertThat(mode(app.resolve("input"))).isEqualTo("rwxrwx---");
        assertThat(mode(app.resolve("data"))).isEqualTo("rwx------");
        assertThat(Files.readString(root.resolve("etc/systemd/system/annual-report-consolidator.service")))
                .contains("User=gkreport").contains("UMask=0027");
    }

    @Test
    void runsTheServiceAsAnAccountAndGroupTheInstallCreated() throws Exception {
        // systemd-analyze verify does not look them up; a missing one stops the unit at every start
        List<String> unit = Files.readAllLines(root.resolve("etc/systemd/system/annual-report-consolidator.service"));
        List<String> passwd = Files.readAllLines(root.resolve("etc/passwd"));
        List<String> groups = Files.readAllLines(root.resolve("etc/group"));
        List<String> users = unit.stream().filter(l -> l.startsWith("User=")).map(l -> l.substring(5)).toList();
        List<String> named = unit.stream().filter(l -> l.startsWith("Group=")).map(l -> l.substring(6)).toList();
        assertThat(users).containsExactly("gkreport");
        users.forEach(u -> assertThat(passwd).as("user " + u).anyMatch(l -> l.startsWith(u + ":")));
        named.forEach(g -> assertThat(groups).as("group " + g).anyMatch(l -> l.startsWith(g + ":")));
        assertThat(unit.stream().filter(l -> l.startsWith("UMask="))).as("one umask").hasSize(1);
    }

    @Test
    void keepsTheEnvironmentFileForRootOnly() throws Exception {
        Path env = root.resolve("etc/annual-report-consolidator.env");
        assertThat(mode(env)).isEqualTo("rw-------");
        assertThat(owner(env)).isZero();
        assertThat(Files.readString(env)).contains("# ARC_YEAR=").contains("ARC_DB_PASSWORD").contains("ARC_MAIL_PASSWORD");
    }

    @Test
    void givesTheConfigTreeOfSecretsToTheJobsGroupOnly() throws Exception {
        Path secrets = root.resolve("etc/annual-report-consolidator/secrets");
        assertThat(mode(secrets)).isEqualTo("rwxr-x---");
        assertThat(owner(secrets)).isZero();
        assertThat(group(secrets)).isEqualTo(gid);
        // the path application.yml imports
        assertThat(Files.readString(Path.of("src/main/resources/application.yml")))
                .contains("optional:configtree:/etc/annual-report-consolidator/secrets/");
    }

    @Test
    void rotatesTheLogsWithLogrotate() throws Exception {
        String config = Files.readString(root.resolve("etc/logrotate.d/annual-report-consolidator"));
        assertThat(config).contains("/opt/annual-report-consolidator/logs/*.log {").contains("su gkreport gkreport");
        // Rotated for real, on the installed logs folder: the same rules with its path under the test
        // root, as root (the host running the test has no gkreport account to switch to).
        Path logs = app.resolve("logs");
        Path log = Files.writeString(logs.resolve("consolidation-20250120-013000.log"), "汇总完成\n");
        Path forced = root.resolve("logrotate-forced.conf");
        Files.writeString(forced, config.replace("/opt/annual-report-consolidator/", app + "/")
                .replace("su gkreport gkreport", "su root root"));
        Result rotated = run("logrotate", "-f", "-s", root.resolve("logrotate.status").toString(), forced.toString());
        assertThat(rotated.exitCode()).as(rotated.output()).isZero();
        assertThat(logs.resolve("consolidation-20250120-013000.log.1")).hasContent("汇总完成");
        assertThat(log).doesNotExist(); // nocreate: the next night writes its own file
    }

    @Test
    void installsUnitsThatSystemdAccepts() throws Exception {
        Path units = root.resolve("etc/systemd/system");
        Result verify = run("systemd-analyze", "verify", "--root=" + root,
                units.resolve("annual-report-consolidator.service").toString(),
                units.resolve("annual-report-consolidator.timer").toString());
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).isBlank();
    }

    @Test
    void systemdWouldRefuseAUnitWhoseProgramIsMissing() throws Exception {
        // the control: verify does look at the installed files
        Path broken = root.resolve("etc/systemd/system/broken-consolidator.service");
        Files.writeString(broken, Files.readString(root.resolve("etc/systemd/system/annual-report-consolidator.service"))
                .replace("jobs/run-nightly.sh", "jobs/not-installed.sh"));
        try {
            Result verify = run("systemd-analyze", "verify", "--root=" + root, broken.toString());
            assertThat(verify.exitCode()).isNotZero();
            assertThat(verify.output()).contains("not-installed.sh");
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void aSecondInstallKeepsWhatTheOfficeConfigured() throws Exception {
        Path env = root.resolve("etc/annual-report-consolidator.env");
        Files.writeString(env, "ARC_YEAR=2024\n");
        Path roster = app.resolve("jobs/roster.csv");
        Files.writeString(roster, "code,name,type\nT01,南村镇,镇\n");
        Path secret = Files.writeString(root.resolve("etc/annual-report-consolidator/secrets/consolidator.mail.mailbox.password"),
                "授权码\n");
        List<String> command = new ArrayList<>(List.of("bash", "jobs/install.sh", "--root=" + root,
                "--jar=" + jar));
        Result again = run(command.toArray(String[]::new));
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(env).hasContent("ARC_YEAR=2024");
        assertThat(mode(env)).isEqualTo("rw-------");
        assertThat(roster).hasContent("code,name,type\nT01,南村镇,镇");
        assertThat(secret).hasContent("授权码");
        assertThat(Files.readAllLines(root.resolve("etc/passwd")).stream().filter(l -> l.startsWith("gkreport:")))
                .hasSize(1);
    }
}
