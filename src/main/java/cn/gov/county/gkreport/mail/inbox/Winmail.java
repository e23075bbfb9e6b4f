package cn.gov.county.gkreport.mail.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import cn.gov.county.gkreport.mail.AttachmentKind;

import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;
import org.apache.poi.hmef.attribute.MAPIAttribute;
import org.apache.poi.hmef.attribute.TNEFAttribute;
import org.apache.poi.hmef.attribute.TNEFProperty;
import org.apache.poi.hsmf.datatypes.MAPIProperty;
import org.apache.poi.hsmf.datatypes.Types;

/**
 * Outlook's {@code winmail.dat} (TNEF, sent when a message is written in rich-text format): the files
 * inside it, read with Apache POI's HMEF. A name Outlook stored in the ANSI code page (Chinese
 * Windows: GBK) is decoded like a raw mail header; a Unicode one as it is.
 */
final class Winmail {

    /** A file inside the winmail.dat. */
    record Inner(String name, byte[] content) {
    }

    private Winmail() {
    }

    /** Whether an attachment is a TNEF container, by its type or by Outlook's name for it. */
    static boolean is(String name, String contentType) {
        String type = AttachmentKind.baseType(contentType);
        return type.equals("application/ms-tnef") || type.equals("application/vnd.ms-tnef")
                || (name != null && name.strip().toLowerCase(Locale.ROOT).equals("winmail.dat"));
    }

    /** The files inside; an IOException when the content is not TNEF or is damaged. */
    static List<Inner> files(InputStream in) throws IOException {
        HMEFMessage message;
        try {
            message = new HMEFMessage(in);
        } catch (RuntimeException damaged) {
            throw new IOException("not a readable TNEF file: " + damaged.getMessage(), damaged);
        }
        List<Inner> files = new ArrayList<>();
        for (Attachment a : message.getAttachments()) {
            byte[] content = a.getContents();
            if (content != null) {
                files.add(new Inner(name(a), content));
            }
        }
        return files;
    }

    private static String name(Attachment a) {
        MAPIAttribute longName = a.getMAPIAttribute(MAPIProperty.ATTACH_LONG_FILENAME);
        if (longName != null) {
            return longName.getType() == Types.UNICODE_STRING.getId()
                    ? MimeText.decodeBytes(trimNul(longName.getData(), 2), "UTF-16LE")
                    : MimeText.decodeBytes(trimNul(longName.getData(), 1), null);
        }
        TNEFAttribute title = a.getAttribute(TNEFProperty.ID_ATTACHTITLE);
        return title == null ? null : MimeText.decodeBytes(trimNul(title.getData(), 1), null);
    }

    /** The bytes without the terminating NUL (one byte, or two for UTF-16). */
    private static byte[] trimNul(byte[] data, int width) {
        int end = data.length;
        while (end >= width && Arrays.equals(data, end - width, end, new byte[width], 0, width)) {
            end -= width;
        }
        return Arrays.copyOf(data, end);
    }
}
