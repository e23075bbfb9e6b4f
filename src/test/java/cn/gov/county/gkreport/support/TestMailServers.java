package cn.gov.county.gkreport.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * GreenMail servers on loopback for the mail tests. GreenMail gives a server 2 s to start; an IMAPS
 * or POP3S server makes its TLS key first, which on a busy two-core machine takes longer. The
 * start-up time-out here is a hang guard far above normal, not a speed requirement.
 */
public final class TestMailServers {

    private static final long STARTUP_HANG_GUARD_MILLIS = 120_000;

    private TestMailServers() {
    }

    /** A started GreenMail with one server per protocol (e.g. {@link ServerSetup#PROTOCOL_IMAPS}), each on a free port. */
    public static GreenMail start(String... protocols) {
        return startOn(0, protocols);
    }

    /** The same on a given port (0: any free port). */
    public static GreenMail startOn(int port, String... protocols) {
        ServerSetup[] setups = new ServerSetup[protocols.length];
        for (int i = 0; i < protocols.length; i++) {
            setups[i] = new ServerSetup(port, "127.0.0.1", protocols[i]);
            setups[i].setServerStartupTimeout(STARTUP_HANG_GUARD_MILLIS);
        }
        GreenMail greenMail = new GreenMail(setups);
        greenMail.start();
        return greenMail;
    }

    /**
     * Points a test context's mail settings at loopback servers: the mailbox of {@code office} over
     * IMAPS (GreenMail's test certificate, which does not name 127.0.0.1, trusted), replies and
     * reminders over plain SMTP, all three switched on. The unit addresses ({@code code,email} lines)
     * are written as a file into {@code secrets}, as an office keeps them; the password is the property
     * an office sets through ARC_MAIL_PASSWORD or the config tree ({@code MailPasswordTest} tests those).
     */
    public static void officeMail(DynamicPropertyRegistry registry, String office, String password, int imapsPort,
                                  int smtpPort, Path secrets, String unitAddresses) throws IOException {
        Files.writeString(secrets.resolve("unit-addresses.csv"), "code,email\n" + unitAddresses, StandardCharsets.UTF_8);
        registry.add("consolidator.mail.intake-enabled", () -> "true");
        registry.add("consolidator.mail.replies-enabled", () -> "true");
        registry.add("consolidator.mail.reminders-enabled", () -> "true");
        registry.add("consolidator.mail.mailbox.protocol", () -> "imaps");
        registry.add("consolidator.mail.mailbox.host", () -> "127.0.0.1");
        registry.add("consolidator.mail.mailbox.port", () -> imapsPort);
        registry.add("consolidator.mail.mailbox.username", () -> office);
        registry.add("consolidator.mail.mailbox.password", () -> password);
        registry.add("consolidator.mail.mailbox.ssl-trust", () -> "*");
        registry.add("consolidator.mail.properties[mail.imaps.ssl.checkserveridentity]", () -> "false");
        registry.add("consolidator.mail.smtp.host", () -> "127.0.0.1");
        registry.add("consolidator.mail.smtp.port", () -> smtpPort);
        registry.add("consolidator.mail.smtp.security", () -> "none");
        registry.add("consolidator.mail.from", () -> office);
        registry.add("consolidator.mail.unit-addresses", () -> secrets.resolve("unit-addresses.csv").toString());
    }
}
