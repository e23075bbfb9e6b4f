package cn.gov.county.gkreport.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A file name from a mail (decoded by the mailbox intake) made safe to create, and a free place for it
 * in a folder. Only the last path segment is kept ({@code ../../x.xlsx}, {@code ..\\x.xls}), control,
 * format (bidi override, zero-width) and Windows-reserved characters are replaced, leading dots and
 * {@code ~$} (which would hide the file from intake) and Windows device names are neutralised, and the
 * name is cut to a length every file system takes, keeping its extension.
 */
public final class SafeFileName {

    /**
     * Longest base name kept, in UTF-8 bytes: ext4 and most file systems allow 255 bytes per name; room
     * is left for a "(9999)" and the extension. A Chinese name of up to 80 characters is kept whole.
     */
    public static final int MAX_BASE_BYTES = 255 - "(9999)".length() - ".xlsx".length();
    private static final String FALLBACK_BASE = "附件";
    private static final Pattern RESERVED = Pattern.compile("(?i)^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?$");

    private SafeFileName() {
    }

    /** The lower-case extension (without the dot), or "" when there is none. */
    public static String extension(String name) {
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
    public static String of(String decoded, AttachmentKind kind) {
        return of(decoded, kind, MAX_BASE_BYTES);
    }

    /** {@link #of(String, AttachmentKind)} with the base name cut at {@code maxBaseBytes} UTF-8 bytes. */
    public static String of(String decoded, AttachmentKind kind, int maxBaseBytes) {
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
