package cn.gov.county.gkreport.mail.inbox;

import java.util.Locale;


import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

/**
 * Automatic mail (out-of-office replies, delivery reports, lists, mailer daemons, our own mail): it is
 * recorded but never answered, so no two robots mail each other all night.
 */
final class AutoReplies {

    private AutoReplies() {
    }

    /** By the headers automatic mail carries (RFC 3834 Auto-Submitted, Precedence, X-Autoreply), else by the sender. */
    static boolean automatic(Message message, InternetAddress from, String ownAddress) {
        try {
            String auto = MimeText.rawHeader(message.getHeader("Auto-Submitted"));
            if (auto != null && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
                return true;
            }
            String precedence = MimeText.rawHeader(message.getHeader("Precedence"));
            if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")) {
                return true;
            }
            if (message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null
                    || message.isMimeType("multipart/report")) {
                return true;
            }
        } catch (MessagingException ignored) {
            // judge by the address
        }
        String address = from.getAddress() == null ? "" : from.getAddress().toLowerCase(Locale.ROOT);
        String own = ownAddress == null ? "" : ownAddress.toLowerCase(Locale.ROOT);
        return address.equals(own) || address.endsWith("@invalid")
                || address.matches("^(mailer-daemon|postmaster|no-?reply|noreply|do-?not-?reply)([+.@].*)?$");
    }
}
