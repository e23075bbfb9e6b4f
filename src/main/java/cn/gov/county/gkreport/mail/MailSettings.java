package cn.gov.county.gkreport.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The office's mail settings ({@code consolidator.mail.*}). Every feature is off unless switched on.
 * Passwords are never a property: {@code password-env} names an environment variable and
 * {@code password-file} a file outside the repository that holds them.
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
        mailbox = mailbox == null ? new Mailbox(null, null, null, null, null, null, null, null, null, null) : mailbox;
        smtp = smtp == null ? new Smtp(null, null, null, null, null, null, null, null) : smtp;
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
     * @param passwordEnv     the environment variable holding the password (default {@code ARC_MAIL_PASSWORD})
     * @param passwordFile    or a file (outside the repository, readable only by the job's user) holding it
     * @param folder          the folder read (default {@code INBOX})
     * @param processedFolder IMAP: move processed messages there (created when missing); empty: flag them \Seen
     * @param sslTrust        hosts whose certificate is trusted without any check of its chain (Jakarta Mail's
     *                        {@code ssl.trust}); prefer {@code trust-certificates}, which verifies
     * @param receivedSince   ignore messages received before this day
     */
    public record Mailbox(String protocol, String host, Integer port, String username, String passwordEnv,
                          Path passwordFile, String folder, String processedFolder, String sslTrust,
                          LocalDate receivedSince) {

        public Mailbox {
            protocol = blank(protocol) ? "imaps" : protocol.strip().toLowerCase(Locale.ROOT);
            if (!protocol.matches("imaps|pop3s|imap|pop3")) {
                throw new IllegalArgumentException("consolidator.mail.mailbox.protocol: imaps, pop3s, imap or pop3, not "
                        + protocol);
            }
            folder = blank(folder) ? "INBOX" : folder.strip();
            processedFolder = blank(processedFolder) ? null : processedFolder.strip();
            passwordEnv = blank(passwordEnv) ? "ARC_MAIL_PASSWORD" : passwordEnv;
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

        public String password() {
            return MailSettings.password(passwordEnv, passwordFile, "consolidator.mail.mailbox");
        }
    }

    /**
     * The outgoing server.
     *
     * @param host         the server (default: the mailbox host)
     * @param port         default 465 (ssl), 587 (starttls), 25 (none)
     * @param security     {@code ssl} (default), {@code starttls} or {@code none}
     * @param username     the login (default: the mailbox user name; empty with no password: no login)
     * @param passwordEnv  the environment variable holding the password (default: the mailbox password)
     * @param passwordFile or a file holding it
     * @param sslTrust     hosts whose certificate is trusted without any check of its chain; prefer
     *                     {@code trust-certificates}
     * @param auth         log in (default true); false for an intranet relay that takes mail without login
     */
    public record Smtp(String host, Integer port, String security, String username, String passwordEnv,
                       Path passwordFile, String sslTrust, Boolean auth) {

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
        if (!blank(smtp.passwordEnv()) || smtp.passwordFile() != null) {
            return password(smtp.passwordEnv(), smtp.passwordFile(), "consolidator.mail.smtp");
        }
        return mailbox.password();
    }

    /**
     * A password from a file (its first line) or else an environment variable. A file inside the
     * working directory (where the repository is checked out) is refused: it could be committed.
     */
    static String password(String env, Path file, String prefix) {
        if (file != null) {
            Path absolute = file.toAbsolutePath().normalize();
            Path workingDir = Path.of("").toAbsolutePath().normalize();
            if (workingDir.getNameCount() > 0 && absolute.startsWith(workingDir)) {
                throw new IllegalStateException(prefix + ".password-file " + absolute + " 位于程序目录（代码仓库）内，"
                        + "可能被提交。请把密码文件放在程序目录之外（例如 /etc/annual-report-consolidator/），并只允许运行用户读取。");
            }
            try {
                String content = Files.readString(absolute, StandardCharsets.UTF_8);
                String line = content.lines().findFirst().orElse("").strip();
                if (line.isEmpty()) {
                    throw new IllegalStateException(prefix + ".password-file " + absolute + " 为空");
                }
                return line;
            } catch (IOException e) {
                throw new IllegalStateException("无法读取密码文件 " + absolute + "（" + e.getMessage() + "）", e);
            }
        }
        String value = env == null ? null : System.getenv(env);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("未设置邮箱密码：请设置环境变量 " + env + "，或用 " + prefix
                    + ".password-file 指定程序目录之外的密码文件");
        }
        return value;
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
