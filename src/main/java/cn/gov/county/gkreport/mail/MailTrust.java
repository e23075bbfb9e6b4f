package cn.gov.county.gkreport.mail;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificates the mail connections trust: the JDK's public CAs plus, when
 * {@code consolidator.mail.trust-certificates} names a PEM (or DER) file, the office's own CA or
 * server certificate in it. Used for the mailbox (IMAPS, POP3S) and the outgoing server (SMTPS,
 * STARTTLS) alike. Adding does not switch anything off: the chain is verified, and the host name the
 * office configured is checked against the certificate's names (an address like {@code 10.1.2.3}
 * against its IP entries), by Jakarta Mail's {@code ssl.checkserveridentity}.
 */
final class MailTrust {

    private MailTrust() {
    }

    /** A socket factory trusting the public CAs and the certificates in {@code pem}. */
    static SSLSocketFactory socketFactory(Path pem) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager(pem)}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("无法使用证书文件 " + pem + "（" + e.getMessage() + "）", e);
        }
    }

    /** The public CAs' trust manager, and one for the certificates in {@code pem}, either of which may trust. */
    static X509ExtendedTrustManager trustManager(Path pem) {
        List<X509Certificate> own = certificates(pem);
        try {
            X509ExtendedTrustManager publicCas = trustManager((KeyStore) null);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < own.size(); i++) {
                store.setCertificateEntry("office-" + i, own.get(i));
            }
            return new Either(publicCas, trustManager(store));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("无法使用证书文件 " + pem + "（" + e.getMessage() + "）", e);
        }
    }

    /** The JDK's default trust manager (its public CAs). */
    static X509ExtendedTrustManager publicCas() {
        try {
            return trustManager((KeyStore) null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificates of a PEM or DER file; a clear message when it holds none or cannot be read. */
    static List<X509Certificate> certificates(Path pem) {
        Path file = pem.toAbsolutePath().normalize();
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("找不到或无法读取证书文件 " + file
                    + "（consolidator.mail.trust-certificates：内网邮件服务器的证书或其签发机构的证书，PEM 格式）");
        }
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> certs = new ArrayList<>();
            read.forEach(c -> certs.add((X509Certificate) c));
            if (certs.isEmpty()) {
                throw new CertificateException("no certificate");
            }
            return certs;
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("证书文件 " + file + " 中没有可读的证书（应为 PEM 格式，以 "
                    + "-----BEGIN CERTIFICATE----- 开头）", e);
        }
    }

    private static X509ExtendedTrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return Stream.of(factory.getTrustManagers()).filter(X509ExtendedTrustManager.class::isInstance)
                .map(X509ExtendedTrustManager.class::cast).findFirst()
                .orElseThrow(() -> new GeneralSecurityException("no X509 trust manager"));
    }

    /**
     * Trusts a server chain that either manager trusts. Both are the JDK's own (PKIX) managers, so
     * each also checks the endpoint identity when the socket asks for it.
     */
    private static final class Either extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager first;
        private final X509ExtendedTrustManager second;

        Either(X509ExtendedTrustManager first, X509ExtendedTrustManager second) {
            this.first = first;
            this.second = second;
        }

        private interface Check {
            void run(X509ExtendedTrustManager manager) throws CertificateException;
        }

        private void either(Check check) throws CertificateException {
            try {
                check.run(first);
            } catch (CertificateException publicFailed) {
                try {
                    check.run(second);
                } catch (CertificateException ownFailed) {
                    // the office's own certificate says why (a name mismatch), unless it does not apply at all
                    boolean untrusted = ownFailed.getMessage() != null && ownFailed.getMessage().contains("PKIX");
                    CertificateException reported = untrusted ? publicFailed : ownFailed;
                    reported.addSuppressed(untrusted ? ownFailed : publicFailed);
                    throw reported;
                }
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            either(m -> m.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            either(m -> m.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            either(m -> m.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("client certificates are not accepted");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("client certificates are not accepted");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not accepted");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return Stream.concat(Stream.of(first.getAcceptedIssuers()), Stream.of(second.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
