package cn.gov.county.gkreport.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * An office's own mail server certificate, as intranet servers have them: IMAPS and SMTPS on loopback
 * (GreenMail behind a TLS front) with self-signed certificates made by keytool. With {@code trust-certificates} naming its PEM file
 * both the mailbox and the outgoing server connect, with the chain verified and the address 127.0.0.1
 * checked against the certificate's IP entry; without it, or with a certificate that names another
 * host, both sides fail with one Chinese line saying what to do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailTrustTest {

    private static final String OFFICE = "nianbao@county.test";
    private static final String PASSWORD = "s3cret";

    Path work;
    GreenMail greenMail;
    TlsProxy imapsWithIp;
    TlsProxy smtpsWithIp;
    TlsProxy imapsDnsOnly;
    Path ipPem;
    Path dnsPem;

    @BeforeAll
    void startServersWithTheOfficesOwnCertificates(@TempDir Path work) throws Exception {
        this.work = work;
        ipPem = certificate("ip", "SAN=ip:127.0.0.1,dns:mail.county.test");
        dnsPem = certificate("dns", "SAN=dns:mail.county.test");
        ServerSetup imap = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        ServerSetup smtp = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        imap.setServerStartupTimeout(60_000); // hang guards, not speed checks
        smtp.setServerStartupTimeout(60_000);
        greenMail = new GreenMail(new ServerSetup[] {imap, smtp});
        greenMail.start();
        greenMail.setUser(OFFICE, OFFICE, PASSWORD);
        char[] storePassword = "changeit".toCharArray();
        imapsWithIp = new TlsProxy(work.resolve("ip.p12"), storePassword, greenMail.getImap().getPort());
        smtpsWithIp = new TlsProxy(work.resolve("ip.p12"), storePassword, greenMail.getSmtp().getPort());
        imapsDnsOnly = new TlsProxy(work.resolve("dns.p12"), storePassword, greenMail.getImap().getPort());
    }

    @AfterAll
    void stop() throws Exception {
        imapsWithIp.close();
        smtpsWithIp.close();
        imapsDnsOnly.close();
        greenMail.stop();
    }

    @Test
    void theOfficesPemFileIsTrustedForTheMailboxAndTheOutgoingServerAlike() throws Exception {
        MailSettings settings = settings(imapsWithIp, ipPem);
        try (Store store = MailSessions.store(settings).getStore("imaps")) {
            store.connect("127.0.0.1", imapsWithIp.port(), OFFICE, PASSWORD);
            assertThat(store.getFolder("INBOX").exists()).isTrue();
        }
        JavaMailSenderImpl smtp = MailSessions.sender(settings);
        smtp.testConnection();
        assertThat(smtp.getSession().getProperty("mail.smtps.ssl.checkserveridentity")).isEqualTo("true");
    }

    @Test
    void withoutItBothSidesSayTheCertificateIsNotTrustedAndWhatToConfigure() {
        MailSettings settings = settings(imapsWithIp, null);
        Throwable imap = catchThrowable(() -> {
            try (Store store = MailSessions.store(settings).getStore("imaps")) {
                store.connect("127.0.0.1", imapsWithIp.port(), OFFICE, PASSWORD);
            }
        });
        Throwable smtp = catchThrowable(() -> MailSessions.sender(settings).testConnection());
        for (Throwable failure : List.of(imap, smtp)) {
            String line = MailProblems.describe(failure, "邮件服务器（127.0.0.1）");
            assertThat(line).contains("证书不受信任").contains("consolidator.mail.trust-certificates").doesNotContain("\n");
        }
    }

    @Test
    void aCertificateForAnotherNameIsRefusedEvenWhenTrusted() {
        MailSettings settings = settings(imapsDnsOnly, dnsPem);
        Throwable failure = catchThrowable(() -> {
            try (Store store = MailSessions.store(settings).getStore("imaps")) {
                store.connect("127.0.0.1", imapsDnsOnly.port(), OFFICE, PASSWORD);
            }
        });
        assertThat(failure).isNotNull();
        assertThat(MailProblems.describe(failure, "邮箱服务器（127.0.0.1）")).contains("证书上没有这个地址")
                .contains("127.0.0.1").doesNotContain("\n");
    }

    @Test
    void theOfficesCertificatesAreAddedToThePublicCasNotInsteadOfThem() {
        int publicCas = MailTrust.publicCas().getAcceptedIssuers().length;
        assertThat(publicCas).isGreaterThan(50);
        assertThat(MailTrust.trustManager(ipPem).getAcceptedIssuers()).hasSize(publicCas + 1);
    }

    @Test
    void aMissingOrWrongFileIsAClearMessage() throws Exception {
        assertThatThrownBy(() -> MailTrust.certificates(work.resolve("nope.pem")))
                .hasMessageContaining("找不到或无法读取证书文件");
        Path notPem = Files.writeString(work.resolve("not.pem"), "hello");
        assertThatThrownBy(() -> MailTrust.certificates(notPem)).hasMessageContaining("-----BEGIN CERTIFICATE-----");
    }

    private MailSettings settings(TlsProxy imapsProxy, Path pem) {
        int imaps = imapsProxy.port();
        int smtps = smtpsWithIp.port();
        return new MailSettings(true, true, false, new MailSettings.Mailbox("imaps", "127.0.0.1", imaps, OFFICE, PASSWORD,
                null, null, null, null), new MailSettings.Smtp("127.0.0.1", smtps, "ssl", null, null, null, true), OFFICE, null, null, null, null, null, null, Duration.ofSeconds(30), Map.of(), pem);
    }

    /** A PKCS#12 key store with a self-signed server certificate (keytool), and its certificate as PEM. */
    private Path certificate(String name, String san) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = work.resolve(name + ".p12");
        Path pem = work.resolve(name + ".pem");
        run(keytool.toString(), "-genkeypair", "-alias", "mail", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                "-dname", "CN=mail.county.test, O=County", "-ext", san, "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        run(keytool.toString(), "-exportcert", "-rfc", "-alias", "mail", "-keystore", store.toString(),
                "-storepass", "changeit", "-file", pem.toString());
        return pem;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as(out).isZero();
    }
}
