package cn.gov.county.gkreport.mail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;

/**
 * Attachment names as the units' mail clients wrote them, decoded and made safe.
 * <p>Decoding: the name comes from {@code Content-Disposition: filename} (else {@code Content-Type:
 * name}), parsed by Jakarta Mail (RFC 2231 {@code filename*=GB18030''%C4%CF…} and its continuations
 * are decoded there). What mail clients add on top is handled here: RFC 2047 encoded words inside the
 * quoted name ({@code "=?GBK?B?…?="}, also split in the middle of a character across two words),
 * raw 8-bit headers in UTF-8 or GBK (old Foxmail/Outlook), GB2312/GBK labels read as GB18030 (their
 * superset: names labelled GB2312 often hold GBK characters), UTF-8 text labelled GBK or the reverse.
 * <p>Sanitising: only the last path segment is kept ({@code ../../x.xlsx}, {@code ..\x.xls}), control,
 * format (bidi override, zero-width) and Windows-reserved characters are replaced, leading dots and
 * {@code ~$} (which would hide the file from intake) and Windows device names are neutralised, and the
 * name is cut to a length every file system takes, keeping its extension.
 */
public final class AttachmentNames {

    /** What an attachment is, by its name and, without a telling extension, its content type. */
    public enum Kind {
        XLSX, XLS, ARCHIVE, OTHER;

        public boolean excel() {
            return this == XLSX || this == XLS;
        }
    }

    /**
     * Longest base name kept, in UTF-8 bytes: ext4 and most file systems allow 255 bytes per name; room
     * is left for a "(9999)" and the extension. A Chinese name of up to 80 characters is kept whole.
     */
    static final int MAX_BASE_BYTES = 255 - "(9999)".length() - ".xlsx".length();
    private static final String FALLBACK_BASE = "附件";
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern RFC2231_VALUE = Pattern.compile("^([A-Za-z0-9._:-]+)'[A-Za-z-]*'(.*%[0-9A-Fa-f]{2}.*)$");
    private static final Pattern PERCENT = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final Pattern RESERVED = Pattern.compile("(?i)^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?$");
    private static final Set<String> ARCHIVES = Set.of("zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz", "cab", "arj",
            "lzh", "z");
    private static final Set<String> GB_LABELS = Set.of("GB2312", "GBK", "CP936", "X-GBK", "MS936", "WINDOWS-936",
            "EUC-CN", "GB_2312-80", "CSGB2312", "X-EUC-CN", "GB18030");
    private static final Charset GB18030 = Charset.forName("GB18030");

    private AttachmentNames() {
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

    private static String parameter(String header, String name, boolean disposition) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String repaired = repair8bit(header);
        try {
            String value = disposition ? new ContentDisposition(repaired).getParameter(name)
                    : new ContentType(repaired).getParameter(name);
            if (value != null) {
                return undecoded2231(value);
            }
        } catch (ParseException | RuntimeException malformed) {
            // fall through: read the parameter leniently below
        }
        return lenientParameter(repaired, name);
    }

    /**
     * A parameter read without the MIME grammar, for headers Jakarta Mail refuses (unquoted names with
     * spaces or specials, stray quotes): {@code name=…}, {@code name*=…}, {@code name*0*=…; name*1=…}.
     */
    static String lenientParameter(String header, String name) {
        Pattern p = Pattern.compile("(?i)(?:^|;)\\s*" + Pattern.quote(name) + "(\\*(\\d+))?(\\*)?\\s*=\\s*(\"([^\"]*)\"?|[^;]*)");
        Matcher m = p.matcher(header);
        Map<Integer, String[]> segments = new TreeMap<>();
        String plain = null;
        while (m.find()) {
            String value = m.group(5) != null ? m.group(5) : m.group(4).strip();
            boolean encoded = m.group(3) != null;
            if (m.group(2) != null) {
                segments.put(Integer.parseInt(m.group(2)), new String[] {value, encoded ? "*" : ""});
            } else if (encoded) {
                return undecoded2231(value);
            } else if (plain == null) {
                plain = value;
            }
        }
        if (segments.isEmpty()) {
            return plain;
        }
        // RFC 2231 continuations: the first encoded segment carries charset'language'; the others are
        // percent-encoded (if marked *) or literal; bytes are joined before decoding.
        String charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (String[] segment : segments.values()) {
            String value = segment[0];
            if (segment[1].equals("*")) {
                if (first) {
                    int q1 = value.indexOf('\'');
                    int q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
                    if (q2 > 0) {
                        charset = value.substring(0, q1);
                        value = value.substring(q2 + 1);
                    }
                }
                percentDecode(value, bytes);
            } else {
                bytes.writeBytes(value.getBytes(StandardCharsets.ISO_8859_1));
            }
            first = false;
        }
        return decodeBytes(bytes.toByteArray(), charset);
    }

    /** A value Jakarta Mail left as {@code charset''%xx…} (an unknown charset label): decode it here. */
    private static String undecoded2231(String value) {
        Matcher m = RFC2231_VALUE.matcher(value);
        if (!m.matches()) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        percentDecode(m.group(2), bytes);
        return decodeBytes(bytes.toByteArray(), m.group(1));
    }

    private static void percentDecode(String value, ByteArrayOutputStream out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && PERCENT.matcher(value.substring(i, i + 3)).matches()) {
                out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c < 0x100) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
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
            byte[] word = wordBytes(m.group(2), m.group(3));
            group.writeBytes(word);
            last = m.end();
            any = true;
        }
        flush(out, group, groupCharset);
        out.append(repaired.substring(last));
        String decoded = out.toString();
        if (!any && PERCENT.matcher(decoded).find() && decoded.chars().allMatch(c -> c < 0x80)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            percentDecode(decoded, bytes);
            String utf8 = strict(bytes.toByteArray(), StandardCharsets.UTF_8);
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

    private static byte[] wordBytes(String encoding, String text) {
        if (encoding.equalsIgnoreCase("B")) {
            try {
                return Base64.getMimeDecoder().decode(text.replaceAll("=+$", ""));
            } catch (IllegalArgumentException e) {
                return text.getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length() && PERCENT.matcher("%" + text.substring(i + 1, i + 3)).matches()) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
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

    private static Charset charset(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String upper = label.strip().toUpperCase(Locale.ROOT);
        if (GB_LABELS.contains(upper)) {
            return GB18030;
        }
        try {
            return Charset.forName(upper);
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

    /** What the attachment is: by extension first, by content type when the name tells nothing. */
    public static Kind kind(String name, String contentType) {
        String ext = extension(name == null ? "" : name);
        switch (ext) {
            case "xlsx":
                return Kind.XLSX;
            case "xls":
                return Kind.XLS;
            default:
                if (ARCHIVES.contains(ext)) {
                    return Kind.ARCHIVE;
                }
        }
        String type = baseType(contentType);
        if (!ext.isEmpty() && !ext.equals("bin") && !ext.equals("dat")) {
            return Kind.OTHER;
        }
        return switch (type) {
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> Kind.XLSX;
            case "application/vnd.ms-excel", "application/msexcel", "application/x-msexcel", "application/excel",
                 "application/x-excel" -> Kind.XLS;
            case "application/zip", "application/x-zip-compressed", "application/x-zip", "application/x-rar-compressed",
                 "application/vnd.rar", "application/x-rar", "application/x-7z-compressed", "application/gzip",
                 "application/x-gzip", "application/x-tar" -> Kind.ARCHIVE;
            default -> Kind.OTHER;
        };
    }

    public static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The lower-case extension (without the dot), or "" when there is none. */
    static String extension(String name) {
        String trimmed = name.strip();
        int dot = trimmed.lastIndexOf('.');
        int sep = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        if (dot <= sep + 1 || dot == trimmed.length() - 1) {
            return "";
        }
        String ext = trimmed.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
        return ext.matches("[a-z0-9]{1,10}") ? ext : "";
    }

    /**
     * A name safe to create in the input folder, with the extension of its kind for an Excel file
     * ({@code 年报} sent as {@code application/vnd.ms-excel} becomes {@code 年报.xls}).
     */
    public static String safeName(String decoded, Kind kind) {
        return safeName(decoded, kind, MAX_BASE_BYTES);
    }

    /** {@link #safeName(String, Kind)} with the base name cut at {@code maxBaseBytes} UTF-8 bytes. */
    public static String safeName(String decoded, Kind kind, int maxBaseBytes) {
        String name = decoded == null ? "" : Normalizer.normalize(decoded, Normalizer.Form.NFC);
        int sep = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(sep + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                clean.append('_');
            } else if (":*?\"<>|/\\".indexOf(cp) >= 0) {
                clean.append('_');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                clean.append(' ');
            } else {
                clean.appendCodePoint(cp);
            }
        });
        name = clean.toString().replaceAll(" {2,}", " ").replaceAll("\\.{2,}", ".").strip();
        name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        String ext = extension(name);
        String base = ext.isEmpty() ? name : name.substring(0, name.length() - ext.length() - 1).strip();
        String wanted = switch (kind) {
            case XLSX -> "xlsx";
            case XLS -> "xls";
            default -> ext;
        };
        if (kind.excel() && !ext.equals(wanted)) {
            base = name; // "年报" or "年报.bin" sent as an Excel content type: keep it all, add the extension
        }
        base = base.replaceAll("[.\\s]+$", "");
        if (base.startsWith("~$") || base.startsWith("-")) {
            base = "_" + base.substring(1);
        }
        if (RESERVED.matcher(base).matches()) {
            base = "_" + base;
        }
        base = truncateUtf8(base, maxBaseBytes).strip();
        if (base.isEmpty() || base.chars().allMatch(c -> c == '_')) {
            base = FALLBACK_BASE + (base.isEmpty() ? "" : base);
        }
        return wanted.isEmpty() ? base : base + "." + wanted;
    }

    static String truncateUtf8(String s, int maxBytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > maxBytes - 3) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }

    /** Where a file of this name goes in {@code dir}: a free name, or the existing file with the same content. */
    public record Target(Path path, boolean existing) {
    }

    /**
     * A collision-free place for {@code safeName} in {@code dir}: the name itself when free, the
     * existing file when it already holds the same content (a rerun after a crash between saving and
     * recording), else {@code 名称(2).xlsx}, {@code 名称(3).xlsx}, …
     */
    public static Target place(Path dir, String safeName, Predicate<Path> sameContent) {
        String ext = extension(safeName);
        String base = ext.isEmpty() ? safeName : safeName.substring(0, safeName.length() - ext.length() - 1);
        String suffix = ext.isEmpty() ? "" : "." + ext;
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (int n = 1; n < 10_000; n++) {
            String candidate = n == 1 ? safeName : base + "(" + n + ")" + suffix;
            if (seen.put(candidate.toLowerCase(Locale.ROOT), Boolean.TRUE) != null) {
                continue;
            }
            Path path = dir.resolve(candidate);
            if (!path.normalize().getParent().equals(dir.normalize())) {
                throw new IllegalStateException("unsafe attachment name " + candidate);
            }
            if (!Files.exists(path)) {
                return new Target(path, false);
            }
            if (Files.isRegularFile(path) && sameContent.test(path)) {
                return new Target(path, true);
            }
        }
        throw new IllegalStateException("no free name for " + safeName + " in " + dir);
    }
}
