package cn.gov.county.gkreport.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message written byte for byte as a unit's mail client might: headers exactly as given (RFC 2047
 * words, RFC 2231 parameters, or raw 8-bit UTF-8/GBK), a text part and base64 attachments.
 */
public final class RawMail {

    public static final Charset GBK = Charset.forName("GBK");
    private static final String BOUNDARY = "----=_Part_0_gkreport";

    private final ByteArrayOutputStream headers = new ByteArrayOutputStream();
    private final List<byte[]> parts = new ArrayList<>();

    public static RawMail message(String messageId, String from, String subject) {
        RawMail mail = new RawMail();
        if (messageId != null) {
            mail.header("Message-ID", messageId);
        }
        return mail.header("From", from).header("To", "nianbao@county.test").header("Subject", subject)
                .header("Date", "Fri, 10 Jan 2025 09:30:00 +0800");
    }

    public RawMail header(String name, String value) {
        return header(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A header whose value is written as these bytes (raw 8-bit when they are not ASCII). */
    public RawMail header(String name, byte[] value) {
        headers.writeBytes((name + ": ").getBytes(StandardCharsets.US_ASCII));
        headers.writeBytes(value);
        headers.writeBytes(crlf());
        return this;
    }

    public RawMail text(String text) {
        parts.add(part("Content-Type: text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** An attachment with the Content-Type and Content-Disposition header values given as bytes. */
    public RawMail attach(byte[] contentType, byte[] disposition, byte[] content) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes("Content-Type: ".getBytes(StandardCharsets.US_ASCII));
        head.writeBytes(contentType);
        if (disposition != null) {
            head.writeBytes(crlf());
            head.writeBytes("Content-Disposition: ".getBytes(StandardCharsets.US_ASCII));
            head.writeBytes(disposition);
        }
        parts.add(part(head.toString(StandardCharsets.ISO_8859_1), content));
        return this;
    }

    public RawMail attach(String contentType, String disposition, byte[] content) {
        return attach(contentType.getBytes(StandardCharsets.UTF_8),
                disposition == null ? null : disposition.getBytes(StandardCharsets.UTF_8), content);
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(headers.toByteArray());
        out.writeBytes(("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + BOUNDARY + "\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        for (byte[] part : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(part);
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    public MimeMessage mime() throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes()));
    }

    private static byte[] part(String headLines, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(headLines.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes("\r\nContent-Transfer-Encoding: base64\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(Base64.getMimeEncoder().encode(content));
        out.writeBytes(crlf());
        return out.toByteArray();
    }

    private static byte[] crlf() {
        return new byte[] {'\r', '\n'};
    }

    public static String b64(String text, Charset cs) {
        return Base64.getEncoder().encodeToString(text.getBytes(cs));
    }
}
