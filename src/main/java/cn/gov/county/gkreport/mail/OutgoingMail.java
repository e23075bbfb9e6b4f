package cn.gov.county.gkreport.mail;

import java.nio.file.Path;

/** Sends one mail; throws when the server did not take it. */
@FunctionalInterface
public interface OutgoingMail {

    /**
     * A mail to send.
     *
     * @param to             the recipient address
     * @param inReplyTo      the Message-ID answered (threads the reply under the unit's mail), or null
     * @param attachment     a file to attach, or null
     * @param autoSubmitted  RFC 3834 {@code Auto-Submitted} value: {@code auto-replied} or {@code auto-generated}
     * @param messageId      the Message-ID to send it with (recorded first, so that a bounce can be matched
     *                       to the mail it returns), or null for one made by Jakarta Mail
     */
    record Outgoing(String to, String subject, String body, String inReplyTo, Path attachment,
                    String autoSubmitted, String messageId) {

        public Outgoing(String to, String subject, String body, String inReplyTo, Path attachment,
                        String autoSubmitted) {
            this(to, subject, body, inReplyTo, attachment, autoSubmitted, null);
        }
    }

    void send(Outgoing mail) throws Exception;
}
