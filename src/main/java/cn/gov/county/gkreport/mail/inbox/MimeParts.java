package cn.gov.county.gkreport.mail.inbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;


import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * The parts of a message that are attachments: walked depth first, forwarded messages
 * (message/rfc822) opened up to {@value #MAX_NESTING} levels; the text, signatures and pictures shown
 * in the text are not attachments; a part without a name or disposition counts when its content type
 * is not text (年报 sent as a bare application/vnd.ms-excel part).
 */
final class MimeParts {

    static final int MAX_NESTING = 3;

    private MimeParts() {
    }

    static List<Part> attachments(Part message) throws MessagingException, IOException {
        List<Part> out = new ArrayList<>();
        collect(message, 0, out);
        return out;
    }

    private static void collect(Part part, int depth, List<Part> out) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i), depth, out);
                }
            }
            return;
        }
        if (part.isMimeType("message/rfc822") && depth < MAX_NESTING) {
            Object content = part.getContent();
            if (content instanceof Part inner) {
                collect(inner, depth + 1, out);
                return;
            }
        }
        String name = MimeText.fileName(MimeText.rawHeader(part.getHeader("Content-Disposition")),
                MimeText.rawHeader(part.getHeader("Content-Type")));
        String disposition = safeDisposition(part);
        boolean declaredAttachment = Part.ATTACHMENT.equalsIgnoreCase(disposition);
        boolean body = part.isMimeType("text/plain") || part.isMimeType("text/html");
        // signatures, and pictures shown in the text (a logo in the signature), are not attachments
        boolean decoration = part.isMimeType("application/pkcs7-signature")
                || part.isMimeType("application/x-pkcs7-signature") || part.isMimeType("application/pgp-signature")
                || (part.isMimeType("image/*") && !declaredAttachment);
        if ((declaredAttachment || name != null || !body) && !decoration) {
            out.add(part);
        }
    }

    private static String safeDisposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException malformed) {
            return null;
        }
    }
}
