package cn.gov.county.gkreport.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

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
}
