package cn.gov.county.gkreport.mail.inbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Locale;

import cn.gov.county.gkreport.intake.InputFolder;

import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

/**
 * What the intake reads from a message's headers, leniently (clients write raw 8-bit and broken
 * addresses): its key (Message-ID), sender, Reply-To, subject and times; and the fingerprints it is keyed by.
 */
final class MessageHeaders {

    private MessageHeaders() {
    }

    /** The Message-ID; without one, a stable key made from the message's headers. */
    static String messageId(Message message) throws MessagingException {
        String[] ids = message.getHeader("Message-ID");
        if (ids != null && ids.length > 0 && ids[0] != null && !ids[0].isBlank()) {
            String id = MimeUtility.unfold(ids[0]).strip();
            return id.length() <= 500 ? id : "<sha256." + hex(id) + ">";
        }
        StringBuilder headers = new StringBuilder();
        for (Enumeration<Header> e = message.getAllHeaders(); e.hasMoreElements(); ) {
            Header h = e.nextElement();
            String name = h.getName().toLowerCase(Locale.ROOT);
            if (!name.equals("received") && !name.equals("return-path") && !name.startsWith("x-")) {
                headers.append(name).append(':').append(h.getValue()).append('\n');
            }
        }
        return "<no-message-id." + hex(headers.toString()) + ">";
    }

    static InternetAddress from(Message message) {
        try {
            String raw = MimeText.rawHeader(message.getHeader("From"));
            if (raw != null) {
                InternetAddress[] parsed = InternetAddress.parseHeader(MimeUtility.unfold(raw), false);
                if (parsed.length > 0 && parsed[0].getAddress() != null) {
                    InternetAddress a = parsed[0];
                    String personal = a.getPersonal() == null ? null : MimeText.decodeText(a.getPersonal());
                    return new InternetAddress(a.getAddress(), personal, StandardCharsets.UTF_8.name());
                }
            }
        } catch (MessagingException | java.io.UnsupportedEncodingException malformed) {
            // below
        }
        try {
            return new InternetAddress("unknown@invalid", "（无法识别的发件人）", StandardCharsets.UTF_8.name());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String replyTo(Message message) {
        try {
            String raw = MimeText.rawHeader(message.getHeader("Reply-To"));
            if (raw == null) {
                return null;
            }
            InternetAddress[] parsed = InternetAddress.parseHeader(MimeUtility.unfold(raw), false);
            return parsed.length > 0 && parsed[0].getAddress() != null && parsed[0].getAddress().contains("@")
                    ? parsed[0].getAddress() : null;
        } catch (MessagingException malformed) {
            return null;
        }
    }

    static String subject(Message message) {
        try {
            String raw = MimeText.rawHeader(message.getHeader("Subject"));
            return raw == null ? "" : MimeText.decodeText(MimeUtility.unfold(raw)).strip();
        } catch (MessagingException e) {
            return "";
        }
    }

    /** When the server received the message, else when it was sent, else now; in the clock's zone. */
    static LocalDateTime received(Message message, Clock clock) {
        try {
            Date date = message.getReceivedDate();
            if (date == null) {
                date = message.getSentDate();
            }
            if (date != null) {
                return LocalDateTime.ofInstant(date.toInstant(), clock.getZone()).truncatedTo(ChronoUnit.MILLIS);
            }
        } catch (MessagingException ignored) {
            // fall back to now
        }
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    /** The Date header, or null when there is none or it cannot be read. */
    static LocalDateTime sent(Message message, ZoneId zone) {
        try {
            Date date = message.getSentDate();
            return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), zone).truncatedTo(ChronoUnit.MILLIS);
        } catch (MessagingException e) {
            return null;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) {
        return InputFolder.fingerprint(file).sha256();
    }

    static String hex(String s) {
        return HexFormat.of().formatHex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
