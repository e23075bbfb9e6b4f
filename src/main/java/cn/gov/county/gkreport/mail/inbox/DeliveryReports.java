package cn.gov.county.gkreport.mail.inbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

/**
 * Recognises delivery reports — a standard one (RFC 3464 {@code multipart/report} with
 * {@code message/delivery-status}), a server's own bounce from MAILER-DAEMON or postmaster, a Chinese
 * server's 退信 — and reads what they say: the address that did not work, the server's reason, and the
 * Message-ID, subject and recipient of the returned mail (from {@code message/rfc822},
 * {@code text/rfc822-headers} or the quoted headers in the text). Nothing inside a report is ever a
 * submission.
 */
final class DeliveryReports {

    /**
     * What a report says.
     *
     * @param failed             the mail was not delivered (false: a delay warning or a read receipt)
     * @param recipient          the address that did not work, if the report names it
     * @param status             the DSN status code (5.1.1), or null
     * @param diagnostic         the server's reason, or null
     * @param originalMessageId  the Message-ID of the returned mail, or null
     * @param originalSubject    its subject, or null
     */
    record Report(boolean failed, String recipient, String status, String diagnostic, String originalMessageId,
                  String originalSubject) {
    }

    private static final int MAX_NESTING = 4;
    private static final int MAX_TEXT = 256 * 1024;
    private static final Pattern DAEMON = Pattern.compile(
            "^(mailer-daemon|mail-daemon|mailerdaemon|postmaster|mail\\.delivery\\.system|mdaemon)([+.@].*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("退信|退回|无法投递|投递失败|未能送达|无法送达|发送失败"
            + "|undeliver|delivery status notification|returned mail|mail delivery failed|delivery failure"
            + "|failure notice|non-delivery|delivery has failed|could not be delivered", Pattern.CASE_INSENSITIVE);
    private static final Pattern DELAYED_SUBJECT = Pattern.compile("delay|延迟|延时", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("(?im)^([A-Za-z-]+):[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)");
    private static final Pattern QUOTED_ID = Pattern.compile("(?im)^[ \\t>]*Message-ID:[ \\t]*(<[^>\\s]+>)");
    private static final Pattern QUOTED_SUBJECT = Pattern.compile("(?im)^[ \\t>]*Subject:[ \\t]*(.+)$");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern RECIPIENT_LINE = Pattern.compile(
            "(?i)(收件人|收信人|recipient|原始收件人|to)[^A-Za-z0-9@\\n]{0,20}([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

    private DeliveryReports() {
    }

    /**
     * The report a message is, or empty for an ordinary message.
     *
     * @param fromAddress the sender's address
     * @param own         our own address (never the failed recipient)
     */
    static Optional<Report> of(Part message, String fromAddress, String subject, String own)
            throws MessagingException, IOException {
        if (!is(message, fromAddress, subject)) {
            return Optional.empty();
        }
        boolean bounceSubject = subject != null && BOUNCE_SUBJECT.matcher(subject).find();
        Reading r = new Reading(own);
        r.walk(message, 0);
        String reportType = message.isMimeType("multipart/report") ? reportType(message) : "";
        boolean failed;
        if (reportType.equals("disposition-notification")) {
            failed = false; // a read receipt
        } else if (r.action != null) {
            failed = r.action.startsWith("failed");
        } else {
            failed = !(subject != null && DELAYED_SUBJECT.matcher(subject).find() && !bounceSubject);
        }
        String recipient = r.recipient != null ? r.recipient : r.returnedTo != null ? r.returnedTo : r.quotedRecipient;
        return Optional.of(new Report(failed, recipient, r.status, r.diagnostic, r.messageId, r.subject));
    }

    /** Whether a message is a report, by its headers alone (type, sender, subject with Auto-Submitted). */
    static boolean is(Part message, String fromAddress, String subject) throws MessagingException {
        String local = fromAddress == null ? "" : fromAddress.toLowerCase(Locale.ROOT);
        boolean bounceSubject = subject != null && BOUNCE_SUBJECT.matcher(subject).find();
        String[] auto = message.getHeader("Auto-Submitted");
        boolean automatic = auto != null && !auto[0].strip().toLowerCase(Locale.ROOT).startsWith("no");
        return message.isMimeType("multipart/report") || DAEMON.matcher(local).matches() || (bounceSubject && automatic);
    }

    /** A report whose structure could not be read: judged by sender and subject, nothing known about it. */
    static Optional<Report> of(String fromAddress, String subject) {
        return Optional.of(new Report(true, null, null, null, null, subject));
    }

    private static String reportType(Part message) throws MessagingException {
        String[] ct = message.getHeader("Content-Type");
        try {
            String type = ct == null ? null : new ContentType(ct[0]).getParameter("report-type");
            return type == null ? "" : type.toLowerCase(Locale.ROOT);
        } catch (MessagingException malformed) {
            return "";
        }
    }

    /** What the walk through a report found. */
    private static final class Reading {
        private final String own;
        String action;
        String recipient;
        String returnedTo;
        String quotedRecipient;
        String status;
        String diagnostic;
        String messageId;
        String subject;

        Reading(String own) {
            this.own = own == null ? "" : own.toLowerCase(Locale.ROOT);
        }

        void walk(Part part, int depth) throws MessagingException, IOException {
            if (depth > MAX_NESTING) {
                return;
            }
            if (part.isMimeType("multipart/*")) {
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        walk(multipart.getBodyPart(i), depth + 1);
                    }
                }
            } else if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
                deliveryStatus(text(part));
            } else if (part.isMimeType("message/rfc822") || part.isMimeType("message/global")
                    || part.isMimeType("text/rfc822-headers") || part.isMimeType("message/global-headers")) {
                try (InputStream in = part.getInputStream()) {
                    returned(new InternetHeaders(in));
                }
            } else if (part.isMimeType("text/*")) {
                quoted(text(part));
            }
        }

        /** RFC 3464 fields; the first failed recipient wins. */
        private void deliveryStatus(String text) {
            String currentRecipient = null;
            for (String block : text.split("\\r?\\n[ \\t]*\\r?\\n")) {
                String final0 = null;
                String act = null;
                String st = null;
                String diag = null;
                Matcher m = FIELD.matcher(block);
                while (m.find()) {
                    String value = MimeUtility.unfold(m.group(2)).strip();
                    switch (m.group(1).toLowerCase(Locale.ROOT)) {
                        case "final-recipient", "original-recipient" -> final0 = final0 == null ? address(value) : final0;
                        case "action" -> act = value.toLowerCase(Locale.ROOT);
                        case "status" -> st = value.split("\\s")[0];
                        case "diagnostic-code" -> diag = value.contains(";") ? value.substring(value.indexOf(';') + 1).strip()
                                : value;
                        default -> { }
                    }
                }
                if (final0 == null) {
                    continue;
                }
                currentRecipient = currentRecipient == null ? final0 : currentRecipient;
                if (action == null || (act != null && act.startsWith("failed") && !action.startsWith("failed"))) {
                    action = act;
                    recipient = final0;
                    status = st;
                    diagnostic = diag;
                }
            }
            if (recipient == null) {
                recipient = currentRecipient;
            }
        }

        private void returned(InternetHeaders headers) {
            String id = headers.getHeader("Message-ID", null);
            if (messageId == null && id != null) {
                messageId = MimeUtility.unfold(id).strip();
            }
            String s = headers.getHeader("Subject", null);
            if (subject == null && s != null) {
                subject = MimeText.decodeText(MimeUtility.unfold(s)).strip();
            }
            String to = headers.getHeader("To", null);
            if (returnedTo == null && to != null) {
                returnedTo = address(to);
            }
        }

        /** A server's own bounce text: quoted headers of the returned mail and the address that failed. */
        private void quoted(String text) {
            Matcher id = QUOTED_ID.matcher(text);
            if (messageId == null && id.find()) {
                messageId = id.group(1);
            }
            Matcher s = QUOTED_SUBJECT.matcher(text);
            if (subject == null && s.find()) {
                subject = MimeText.decodeText(s.group(1)).strip();
            }
            if (quotedRecipient == null) {
                Matcher line = RECIPIENT_LINE.matcher(text);
                while (line.find()) {
                    if (usable(line.group(2))) {
                        quotedRecipient = line.group(2);
                        return;
                    }
                }
                Matcher any = ADDRESS.matcher(text);
                while (any.find()) {
                    if (usable(any.group())) {
                        quotedRecipient = any.group();
                        return;
                    }
                }
            }
        }

        private boolean usable(String address) {
            String a = address.toLowerCase(Locale.ROOT);
            return !a.equals(own) && !DAEMON.matcher(a).matches();
        }

        private String address(String value) {
            String v = value.contains(";") ? value.substring(value.indexOf(';') + 1) : value;
            Matcher m = ADDRESS.matcher(v);
            return m.find() ? m.group() : null;
        }
    }

    /** A text part's content as text, at most {@code MAX_TEXT} bytes, in its charset (UTF-8 if none). */
    private static String text(Part part) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = part.getInputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0 && out.size() < MAX_TEXT) {
                out.write(buffer, 0, n);
            }
        }
        String charset = null;
        try {
            String[] ct = part.getHeader("Content-Type");
            charset = ct == null ? null : new ContentType(ct[0]).getParameter("charset");
        } catch (MessagingException malformed) {
            // decode below without a label
        }
        return MimeText.decodeBytes(out.toByteArray(), charset == null ? StandardCharsets.UTF_8.name() : charset);
    }
}
