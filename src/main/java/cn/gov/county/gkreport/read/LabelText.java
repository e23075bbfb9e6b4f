package cn.gov.county.gkreport.read;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Label normalisation, so that a label matches however a unit's tool or hand typed it:
 * full-width to half-width, all white space and line breaks removed (header text is often broken
 * as {@code 商业 企业}), brackets, list commas and quotes unified.
 */
public final class LabelText {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000\\u200B]+");
    private static final Pattern TRAILING_NOTE = Pattern.compile("^(.+?[^(])\\(.*\\)$");

    private LabelText() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = WHITESPACE.matcher(s).replaceAll("");
        return s.replace('、', ',').replace('，', ',').replace('“', '"').replace('”', '"')
                .replace('‘', '\'').replace('’', '\'').replace('：', ':').replace('【', '[').replace('】', ']');
    }

    /**
     * The key a label is matched by: normalised, without a trailing parenthetical note, so
     * {@code （二）部分公开（区分处理的，…）} and {@code （二）部分公开} match. A leading
     * enumerator such as {@code (二)} is kept.
     */
    public static String key(String text) {
        return keyOfNormalized(normalize(text));
    }

    /** {@link #key} of a text already {@link #normalize normalised}. */
    static String keyOfNormalized(String s) {
        if (s.isEmpty() || s.charAt(s.length() - 1) != ')') {
            return s;
        }
        var m = TRAILING_NOTE.matcher(s);
        if (m.matches() && m.group(1).length() >= 3) {
            return m.group(1);
        }
        return s;
    }

    public static boolean matches(String cellText, String label) {
        return key(cellText).equals(key(label));
    }
}
