package cn.gov.county.gkreport.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through the configured SMTP server with Spring's sender: UTF-8 plain text, threaded under the
 * unit's message, marked automatic so auto-responders do not answer back, with the Message-ID the
 * caller recorded (a bounce names it).
 * <p>The attachment is named the standard way: {@code Content-Disposition: attachment;
 * filename*=UTF-8''…} (RFC 2231, one unsplit parameter) with a plain RFC 2047 {@code name} in
 * {@code Content-Type} for old clients, and the spreadsheet's own media type. Jakarta Mail reads its
 * switches for this ({@code mail.mime.encodeparameters}, {@code mail.mime.splitlongparameters}) from
 * system properties only, so the two headers are written here.
 */
public class SmtpOutgoingMail implements OutgoingMail {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private final MailSettings settings;
    private final String fromName;
    private final Clock clock;
    private JavaMailSenderImpl sender;

    public SmtpOutgoingMail(MailSettings settings, String fromName, Clock clock) {
        this.settings = settings;
        this.fromName = fromName;
        this.clock = clock;
    }

    private synchronized JavaMailSenderImpl sender() {
        if (sender == null) {
            sender = MailSessions.sender(settings);
        }
        return sender;
    }

    @Override
    public void send(Outgoing mail) throws Exception {
        JavaMailSenderImpl smtp = sender();
        MimeMessage message = compose(smtp.getSession(), mail, settings.fromAddress(), fromName, Date.from(clock.instant()));
        smtp.send(message);
    }

    /** The message as it goes out (also what the tests read back with a second MIME parser). */
    static MimeMessage compose(Session session, Outgoing mail, String from, String fromName, Date sentAt)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (mail.messageId() == null) {
                    super.updateMessageID();
                } else {
                    setHeader("Message-ID", mail.messageId());
                }
            }
        };
        message.setFrom(new InternetAddress(from, fromName, StandardCharsets.UTF_8.name()));
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(sentAt);
        if (mail.attachment() == null) {
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.body(), StandardCharsets.UTF_8.name());
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(text);
            mixed.addBodyPart(attachment(mail.attachment()));
            message.setContent(mixed);
        }
        if (mail.inReplyTo() != null && mail.inReplyTo().startsWith("<")) {
            message.setHeader("In-Reply-To", mail.inReplyTo());
            message.setHeader("References", mail.inReplyTo());
        }
        message.setHeader("Auto-Submitted", mail.autoSubmitted());
        message.setHeader("X-Auto-Response-Suppress", "All");
        message.saveChanges();
        return message;
    }

    /** A file as an attachment part, named the standard way (see the class comment). */
    static MimeBodyPart attachment(Path file) throws MessagingException, UnsupportedEncodingException {
        String name = file.getFileName().toString();
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new FileDataSource(file.toFile())));
        // set after the data handler, which clears the content headers; kept as written by updateHeaders
        String encodedName = MimeUtility.encodeText(name, StandardCharsets.UTF_8.name(), "B").replace("\r\n", "");
        part.setHeader("Content-Type", MimeUtility.fold("Content-Type: ".length(),
                mediaType(name) + "; name=\"" + encodedName + "\""));
        part.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + rfc2231(name));
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    /** The media type of a file we send, by its extension. */
    static String mediaType(String name) {
        return switch (SafeFileName.extension(name)) {
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "xls" -> "application/vnd.ms-excel";
            case "xlsm" -> "application/vnd.ms-excel.sheet.macroEnabled.12";
            default -> "application/octet-stream";
        };
    }

    /** RFC 2231 extended value: UTF-8 bytes, attribute characters as they are, the rest %XX. */
    static String rfc2231(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHARS.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }
}
