package cn.gov.county.gkreport.mail;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends through the configured SMTP server with Spring's sender: UTF-8 plain text, the attachment's
 * Chinese name RFC 2047-encoded (what Outlook, Foxmail and webmail all read), threaded under the
 * unit's message, marked automatic so auto-responders do not answer back.
 */
public class SmtpOutgoingMail implements OutgoingMail {

    private final MailSettings settings;
    private final String fromName;
    private JavaMailSenderImpl sender;

    public SmtpOutgoingMail(MailSettings settings, String fromName) {
        this.settings = settings;
        this.fromName = fromName;
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
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, mail.attachment() != null,
                StandardCharsets.UTF_8.name());
        helper.setEncodeFilenames(true);
        helper.setFrom(new InternetAddress(settings.fromAddress(), fromName, StandardCharsets.UTF_8.name()));
        helper.setTo(new InternetAddress(mail.to(), true));
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        if (mail.attachment() != null) {
            helper.addAttachment(mail.attachment().getFileName().toString(), mail.attachment().toFile());
        }
        if (mail.inReplyTo() != null && mail.inReplyTo().startsWith("<")) {
            message.setHeader("In-Reply-To", mail.inReplyTo());
            message.setHeader("References", mail.inReplyTo());
        }
        message.setHeader("Auto-Submitted", mail.autoSubmitted());
        message.setHeader("X-Auto-Response-Suppress", "All");
        smtp.send(message);
    }
}
