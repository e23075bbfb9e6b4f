package cn.gov.county.gkreport.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The office's mail settings ({@code consolidator.mail.*}). Every feature is off unless switched on.
 * The password is a property that never has a value in a committed file: application.yml sets it to
 * {@code ${ARC_MAIL_PASSWORD:}} (the environment, from {@code /etc/annual-report-consolidator.env}), and a
 * file {@code consolidator.mail.mailbox.password} in the config tree {@code /etc/annual-report-consolidator/secrets/}
 * ({@code spring.config.import}) overrides it. SMTP stays here rather than in {@code spring.mail.*}: the office
 * has one account for both, so the outgoing server defaults to the mailbox's host, login and password.
 *
 * @param intakeEnabled        take submissions from the mailbox before intake
 * @param repliesEnabled       answer each mailed submission by return mail
 * @param remindersEnabled     remind the units on the chase list on the reminder days of
 *                             {@code consolidator.deadline.reminders}
 * @param mailbox              where submissions arrive (IMAPS or POP3S)
 * @param smtp                 how replies and reminders are sent
 * @param from                 the sender address of replies and reminders (default: the mailbox user name)
 * @param fromName             the sender's display name (default: {@code <县名>政务公开办})
 * @param signature            the last line of every mail (default: the display name)
 * @param deadline             retired: the run refuses to start when it is set and names
 *                             {@code consolidator.deadline.date}, the one deadline
 * @param reminderIntervalDays retired likewise, for {@code consolidator.deadline.reminders}
 * @param replyWithinDays      only submissions processed in the last so many days are answered (a
 *                             mailbox switched on mid-season does not answer old files)
 * @param unitAddresses        CSV {@code code,email} (outside the repository) with each unit's address
 * @param timeout              connect and read timeout of every mail connection
 * @param properties           further Jakarta Mail session properties, as is ({@code mail.imaps.…})
 * @param trustCertificates    a PEM file with the office's own mail server certificate or its CA: trusted
 *                             in addition to the public CAs, for the mailbox and the outgoing server alike
 *                             (the host name is still checked against the certificate)
 */
@ConfigurationProperties("consolidator.mail")
public record MailSettings(boolean intakeEnabled, boolean repliesEnabled, boolean remindersEnabled, Mailbox mailbox,
                           Smtp smtp, String from, String fromName, String signature, LocalDate deadline,
                           Integer reminderIntervalDays, Integer replyWithinDays, Path unitAddresses,
                           Duration timeout, Map<String, String> properties, Path trustCertificates) {

    /** What the summary says when no password is set: where it goes, never what it is. */
    static final String NO_PASSWORD = "未设置邮箱密码：请在 /etc/annual-report-consolidator.env 中设置 ARC_MAIL_PASSWORD，"
            + "或把密码写入 /etc/annual-report-consolidator/secrets/consolidator.mail.mailbox.password（见 README“Mail”）";

    /** Settings without a certificate file of the office's own (the public CAs only). */
    public MailSettings(boolean intakeEnabled, boolean repliesEnabled, boolean remindersEnabled, Mailbox mailbox,
                        Smtp smtp, String from, String fromName, String signature, LocalDate deadline,
                        Integer reminderIntervalDays, Integer replyWithinDays, Path unitAddresses, Duration timeout,
                        Map<String, String> properties) {
        this(intakeEnabled, repliesEnabled, remindersEnabled, mailbox, smtp, from, fromName, signature, deadline,
                reminderIntervalDays, replyWithinDays, unitAddresses, timeout, properties, null);
    }

    @ConstructorBinding
    public MailSettings {
        mailbox = mailbox == null ? new Mailbox(null, null, null, null, null, null, null, null, null) : mailbox;
        smtp = smtp == null ? new Smtp(null, null, null, null, null, null, null) : smtp;
        reminderIntervalDays = reminderIntervalDays == null || reminderIntervalDays < 1 ? 3 : reminderIntervalDays;
        replyWithinDays = replyWithinDays == null || replyWithinDays < 1 ? 7 : replyWithinDays;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** Nothing switched on. */
    public static MailSettings disabled() {
        return new MailSettings(false, false, false, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** The address replies come from. */
    public String fromAddress() {
        return blank(from) ? mailbox.username() : from;
    }

    /**
     * The mailbox the submissions are sent to.
     *
     * @param protocol        {@code imaps} (default), {@code pop3s}; {@code imap}/{@code pop3} only on a trusted network
     * @param host            the server
     * @param port            default 993 (imaps), 995 (pop3s), 143, 110
     * @param username        the login
     * @param password        the password or 授权码: from {@code ${ARC_MAIL_PASSWORD}} or a config-tree file, never
     *                        written into a committed file; never printed ({@link #toString})
     * @param folder          the folder read (default {@code INBOX})
     * @param processedFolder IMAP: move processed messages there (created when missing); empty: flag them \Seen
     * @param sslTrust        hosts whose certificate is trusted without any check of its chain (Jakarta Mail's
     *                        {@code ssl.trust}); prefer {@code trust-certificates}, which verifies
     * @param receivedSince   ignore messages received before this day
     */
    public record Mailbox(String protocol, String host, Integer port, String username, String password,
                          String folder, String processedFolder, String sslTrust, LocalDate receivedSince) {

        public Mailbox {
            protocol = blank(protocol) ? "imaps" : protocol.strip().toLowerCase(Locale.ROOT);
            if (!protocol.matches("imaps|pop3s|imap|pop3")) {
                throw new IllegalArgumentException("consolidator.mail.mailbox.protocol: imaps, pop3s, imap or pop3, not "
                        + protocol);
            }
            folder = blank(folder) ? "INBOX" : folder.strip();
            processedFolder = blank(processedFolder) ? null : processedFolder.strip();
        }

        public boolean pop3() {
            return protocol.startsWith("pop3");
        }

        public int effectivePort() {
            if (port != null) {
                return port;
            }
            return switch (protocol) {
                case "imaps" -> 993;
                case "pop3s" -> 995;
                case "imap" -> 143;
                default -> 110;
            };
        }

        /** The password to log in with; none set is a problem the mail steps report (the night goes on). */
        @Override
        public String password() {
            if (blank(password)) {
                throw new IllegalStateException(NO_PASSWORD);
            }
            return password;
        }

        @Override
        public String toString() {
            return "Mailbox[protocol=" + protocol + ", host=" + host + ", port=" + port + ", username=" + username
                    + ", password=" + masked(password) + ", folder=" + folder + ", processedFolder=" + processedFolder
                    + ", sslTrust=" + sslTrust + ", receivedSince=" + receivedSince + "]";
        }
    }

    /**
     * The outgoing server.
     *
     * @param host     the server (default: the mailbox host)
     * @param port     default 465 (ssl), 587 (starttls), 25 (none)
     * @param security {@code ssl} (default), {@code starttls} or {@code none}
     * @param username the login (default: the mailbox user name; empty with no password: no login)
     * @param password the password (default: the mailbox password), set like the mailbox's
     * @param sslTrust hosts whose certificate is trusted without any check of its chain; prefer
     *                 {@code trust-certificates}
     * @param auth     log in (default true); false for an intranet relay that takes mail without login
     */
    public record Smtp(String host, Integer port, String security, String username, String password, String sslTrust,
                       Boolean auth) {

        public Smtp {
            auth = auth == null || auth;
            security = blank(security) ? "ssl" : security.strip().toLowerCase(Locale.ROOT);
            if (!security.matches("ssl|starttls|none")) {
                throw new IllegalArgumentException("consolidator.mail.smtp.security: ssl, starttls or none, not " + security);
            }
        }

        public int effectivePort() {
            if (port != null) {
                return port;
            }
            return switch (security) {
                case "ssl" -> 465;
                case "starttls" -> 587;
                default -> 25;
            };
        }

        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                    + ", password=" + masked(password) + ", sslTrust=" + sslTrust + ", auth=" + auth + "]";
        }
    }

    /** The SMTP host, login and password, each defaulting to the mailbox's. */
    public String smtpHost() {
        return blank(smtp.host()) ? mailbox.host() : smtp.host();
    }

    public String smtpUsername() {
        return blank(smtp.username()) ? mailbox.username() : smtp.username();
    }

    /** The SMTP password (the mailbox password unless an SMTP one is configured). */
    public String smtpPassword() {
        return blank(smtp.password()) ? mailbox.password() : smtp.password();
    }

    private static String masked(String password) {
        return blank(password) ? "(none)" : "******";
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
