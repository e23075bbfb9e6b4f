package cn.gov.county.gkreport.mail;

import java.util.Properties;

import jakarta.mail.Session;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Jakarta Mail sessions for the mailbox and the outgoing server, from {@link MailSettings}. */
public final class MailSessions {

    private MailSessions() {
    }

    /** A session to read the mailbox: timeouts, certificate checks, and \Seen left alone while reading. */
    public static Session store(MailSettings settings) {
        MailSettings.Mailbox box = settings.mailbox();
        String p = box.protocol();
        Properties props = new Properties();
        props.put("mail.store.protocol", p);
        props.put("mail." + p + ".host", nullToEmpty(box.host()));
        props.put("mail." + p + ".port", Integer.toString(box.effectivePort()));
        timeouts(props, p, settings);
        if (p.endsWith("s")) {
            tls(props, p, settings, box.sslTrust());
        }
        if (p.startsWith("imap")) {
            // Reading a message must not mark it read: only a processed one is flagged, after it is recorded.
            props.put("mail." + p + ".peek", "true");
        }
        props.putAll(settings.properties());
        return Session.getInstance(props);
    }

    /** The outgoing server, as Spring's sender. */
    static JavaMailSenderImpl sender(MailSettings settings) {
        MailSettings.Smtp smtp = settings.smtp();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        String p = smtp.security().equals("ssl") ? "smtps" : "smtp";
        sender.setProtocol(p);
        sender.setHost(settings.smtpHost());
        sender.setPort(smtp.effectivePort());
        sender.setDefaultEncoding("UTF-8");
        Properties props = new Properties();
        timeouts(props, p, settings);
        props.put("mail." + p + ".auth", Boolean.toString(smtp.auth()));
        if (smtp.security().equals("starttls")) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (!smtp.security().equals("none")) {
            tls(props, p, settings, smtp.sslTrust());
        }
        props.putAll(settings.properties());
        sender.setJavaMailProperties(props);
        if (smtp.auth()) {
            sender.setUsername(settings.smtpUsername());
            sender.setPassword(settings.smtpPassword());
        }
        return sender;
    }

    /**
     * Certificate checks of one protocol: the chain against the public CAs plus the office's
     * {@code trust-certificates} (one socket factory for SSL and STARTTLS), and the host name against
     * the certificate (LDAPS rules: an IP address against the IP entries).
     */
    private static void tls(Properties props, String p, MailSettings settings, String sslTrust) {
        props.put("mail." + p + ".ssl.checkserveridentity", "true");
        if (settings.trustCertificates() != null) {
            props.put("mail." + p + ".ssl.socketFactory", MailTrust.socketFactory(settings.trustCertificates()));
            // without this, a refused certificate is tried again with the JDK's default factory, and the
            // operator reads that attempt's error (not trusted) instead of the real one (wrong name)
            props.put("mail." + p + ".socketFactory.fallback", "false");
        } else if (!MailSettings.blank(sslTrust)) {
            props.put("mail." + p + ".ssl.trust", sslTrust);
        }
    }

    private static void timeouts(Properties props, String protocol, MailSettings settings) {
        String ms = Long.toString(settings.timeout().toMillis());
        props.put("mail." + protocol + ".connectiontimeout", ms);
        props.put("mail." + protocol + ".timeout", ms);
        props.put("mail." + protocol + ".writetimeout", ms);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
