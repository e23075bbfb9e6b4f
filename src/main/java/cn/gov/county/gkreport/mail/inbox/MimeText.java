package cn.gov.county.gkreport.mail.inbox;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

/**
 * Header text as the units' mail clients wrote it — attachment names, subjects, display names — decoded
 * (made safe to save by {@link cn.gov.county.gkreport.mail.SafeFileName}).
 * <p>Decoding is Jakarta Mail's where it covers the case: {@link ContentDisposition} / {@link ContentType}
 * parse the parameters, including RFC 2231 {@code filename*=GB18030''%C4%CF…} and its continuations
 * ({@code filename*0*=…; filename*1*=…}); {@link MimeUtility#decodeWord} decodes each RFC 2047 word;
 * {@link MimeUtility#javaCharset} maps MIME labels to Java charsets (its map already reads gb2312, gbk,
 * cp936 as GB18030, their superset: names labelled GB2312 often hold GBK characters). What stays here
 * is what Jakarta Mail does not do, each seen in real mail:
 * <ul>
 * <li>raw 8-bit headers in UTF-8 or GBK (old Foxmail/Outlook): Jakarta Mail keeps them byte for byte
 * as ISO-8859-1 ({@link #repair8bit});</li>
 * <li>RFC 2047 words inside the quoted name ({@code "=?GBK?B?…?="}, which {@code mail.mime.decodefilename}
 * would decode) split in the middle of a character across two words: Jakarta decodes word by word, so
 * the words of one charset are joined as bytes first;</li>
 * <li>a declared charset that does not fit the bytes (UTF-8 sent as GBK or the reverse) or is unknown:
 * Jakarta decodes wrongly or not at all, here UTF-8 and GB18030 are tried next ({@link #decodeBytes});
 * the GB labels its map misses (x-gbk, euc-cn, csgb2312…) are widened to GB18030 too;</li>
 * <li>headers its parser refuses (unquoted names with spaces or non-ASCII, an unterminated quote):
 * the values are quoted and the header parsed again. Jakarta's {@code mail.mime.parameters.strict=false}
 * is not used: it is a JVM-wide switch read once when {@code ParameterList} is first loaded (whoever
 * loads it first decides), and it still refuses an unterminated quote;</li>
 * <li>a percent-encoded UTF-8 name without a charset ({@code filename="%E5%8D%97…"}).</li>
 * </ul>
 */
final class MimeText {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    /** A parameter and its value, quoted (perhaps unterminated) or up to the next semicolon. */
    private static final Pattern PARAMETER = Pattern.compile(";\\s*([^=;\\s]+)\\s*=\\s*(\"([^\"]*)\"?|[^;]*)");
    private static final Pattern PERCENT = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Charsets whose labels are read as GB18030, their superset. */
    private static final Set<Charset> GB_SUBSETS = Set.of(Charset.forName("GB2312"), Charset.forName("GBK"));

    private MimeText() {
    }

    /**
     * The decoded file name of a part from its raw {@code Content-Disposition} and {@code Content-Type}
     * header values, or null when neither names a file.
     */
    public static String fileName(String contentDisposition, String contentType) {
        String name = parameter(contentDisposition, "filename", true);
        if (name == null || name.isBlank()) {
            name = parameter(contentType, "name", false);
        }
        return name == null || name.isBlank() ? null : decodeText(name);
    }

    /** The first value of a raw header, repaired when the client wrote raw 8-bit bytes. */
    public static String rawHeader(String[] values) {
        return values == null || values.length == 0 || values[0] == null ? null : repair8bit(values[0]);
    }

    /**
     * One parameter, parsed by Jakarta Mail. An RFC 2231 charset label is replaced by ISO-8859-1 before,
     * so that Jakarta joins the continuations and undoes the percent-encoding into bytes, which are then
     * decoded here with the fallbacks of {@link #decodeBytes}.
     */
    private static String parameter(String header, String name, boolean disposition) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String repaired = repair8bit(header);
        Matcher label = Pattern.compile("(?i)(;\\s*" + Pattern.quote(name) + "\\*(?:0\\*)?\\s*=\\s*\"?)([^'\";\\s]*)'")
                .matcher(repaired);
        String charset = label.find() ? label.group(2) : null;
        if (charset != null) {
            repaired = repaired.substring(0, label.start(2)) + "ISO-8859-1" + repaired.substring(label.end(2));
        }
        String value = parsed(repaired, name, disposition);
        if (value == null) {
            value = parsed(quoted(repaired), name, disposition);
        }
        return value == null || charset == null ? value : decodeBytes(value.getBytes(StandardCharsets.ISO_8859_1), charset);
    }

    private static String parsed(String header, String name, boolean disposition) {
        try {
            return disposition ? new ContentDisposition(header).getParameter(name)
                    : new ContentType(header).getParameter(name);
        } catch (ParseException | RuntimeException malformed) {
            return null;
        }
    }

    /** The header with every parameter value quoted, for clients that leave spaces or a quote open. */
    private static String quoted(String header) {
        int semi = header.indexOf(';');
        if (semi < 0) {
            return header;
        }
        StringBuilder out = new StringBuilder(header.substring(0, semi));
        Matcher m = PARAMETER.matcher(header.substring(semi));
        while (m.find()) {
            String value = m.group(3) != null ? m.group(3) : m.group(2).strip();
            out.append("; ").append(m.group(1)).append("=\"")
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.toString();
    }

    /**
     * Text from a header (a name, a subject, a display name): RFC 2047 encoded words decoded, adjacent
     * words of one charset joined as bytes first (clients split multi-byte characters across words),
     * whitespace between encoded words dropped, percent-encoded UTF-8 names decoded, Unicode NFC.
     */
    public static String decodeText(String text) {
        if (text == null) {
            return null;
        }
        String repaired = repair8bit(text);
        Matcher m = ENCODED_WORD.matcher(repaired);
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream group = new ByteArrayOutputStream();
        String groupCharset = null;
        int last = 0;
        boolean any = false;
        while (m.find()) {
            String between = repaired.substring(last, m.start());
            boolean adjacent = any && between.isBlank();
            String charset = m.group(1).replaceFirst("\\*.*$", "");
            if (!adjacent || !charset.equalsIgnoreCase(groupCharset)) {
                flush(out, group, groupCharset);
                groupCharset = charset;
                if (!adjacent) {
                    out.append(between);
                }
            }
            group.writeBytes(wordBytes(m.group(2), m.group(3)));
            last = m.end();
            any = true;
        }
        flush(out, group, groupCharset);
        out.append(repaired.substring(last));
        String decoded = out.toString();
        if (!any && PERCENT.matcher(decoded).find() && decoded.chars().allMatch(c -> c < 0x80)) {
            byte[] bytes = percentDecoded(decoded);
            String utf8 = bytes == null ? null : strict(bytes, StandardCharsets.UTF_8);
            if (utf8 != null && utf8.chars().anyMatch(c -> c >= 0x80)) {
                decoded = utf8;
            }
        }
        return Normalizer.normalize(decoded, Normalizer.Form.NFC);
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream group, String charset) {
        if (group.size() > 0) {
            out.append(decodeBytes(group.toByteArray(), charset));
            group.reset();
        }
    }

    /** The bytes of one encoded word: Jakarta decodes B or Q, as ISO-8859-1 so that every byte is kept. */
    private static byte[] wordBytes(String encoding, String text) {
        try {
            return MimeUtility.decodeWord("=?ISO-8859-1?" + encoding + "?" + text + "?=")
                    .getBytes(StandardCharsets.ISO_8859_1);
        } catch (ParseException | java.io.UnsupportedEncodingException | RuntimeException broken) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** The bytes of a percent-encoded ASCII name ({@code +} kept), or null when an escape is broken. */
    private static byte[] percentDecoded(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.ISO_8859_1)
                    .getBytes(StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException broken) {
            return null;
        }
    }

    /**
     * Bytes in a declared charset. GB2312/GBK labels are read as GB18030; a label that does not fit
     * the bytes (UTF-8 sent as GBK, GBK sent as UTF-8) or is unknown gives way to UTF-8, then GB18030.
     */
    public static String decodeBytes(byte[] bytes, String label) {
        Charset declared = charset(label);
        List<Charset> order = new ArrayList<>();
        if (declared != null) {
            order.add(declared);
        }
        order.add(StandardCharsets.UTF_8);
        order.add(GB18030);
        for (Charset cs : order) {
            String s = strict(bytes, cs);
            if (s != null) {
                return s;
            }
        }
        return new String(bytes, declared != null ? declared : GB18030);
    }

    /** The Java charset of a MIME label by Jakarta's map, the GB family widened to GB18030; null if unknown. */
    private static Charset charset(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        try {
            Charset cs = Charset.forName(MimeUtility.javaCharset(label.strip()));
            return GB_SUBSETS.contains(cs) ? GB18030 : cs;
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    private static String strict(byte[] bytes, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * A header Jakarta Mail read byte for byte (ISO-8859-1) although the client wrote raw 8-bit
     * UTF-8 or GBK: the bytes are read again as UTF-8, else GB18030. Text already decoded (any
     * character above U+00FF) or plain ASCII is returned as it is.
     */
    static String repair8bit(String header) {
        boolean eightBit = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c > 0xFF) {
                return header;
            }
            eightBit |= c >= 0x80;
        }
        if (!eightBit) {
            return header;
        }
        byte[] bytes = header.getBytes(StandardCharsets.ISO_8859_1);
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        String gb = strict(bytes, GB18030);
        return gb != null ? gb : header;
    }
}
