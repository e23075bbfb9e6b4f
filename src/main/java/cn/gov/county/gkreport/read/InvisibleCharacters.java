package cn.gov.county.gkreport.read;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Characters that show as nothing in a cell but make a number text: zero-width spaces and joiners,
 * byte-order marks, direction marks. They come with numbers copied from web pages, WeChat or PDF
 * files. A clerk cannot see them, so a message must name them.
 */
public final class InvisibleCharacters {

    private static final Map<Character, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put('\u200B', "零宽空格");
        NAMES.put('\u200C', "零宽不连字");
        NAMES.put('\u200D', "零宽连字");
        NAMES.put('\u2060', "零宽不换行");
        NAMES.put('\uFEFF', "字节顺序标记");
        NAMES.put('\u00AD', "软连字符");
        NAMES.put('\u200E', "从左到右标记");
        NAMES.put('\u200F', "从右到左标记");
        for (char c = '\u202A'; c <= '\u202E'; c++) {
            NAMES.put(c, "文字方向控制符");
        }
    }

    private InvisibleCharacters() {
    }

    public static boolean in(String text) {
        return text != null && text.chars().anyMatch(c -> NAMES.containsKey((char) c));
    }

    public static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().filter(c -> !NAMES.containsKey((char) c)).forEach(c -> out.append((char) c));
        return out.toString();
    }

    /** {@code U+200B（零宽空格）}, each distinct character once. */
    public static String describe(String text) {
        return text.chars().filter(c -> NAMES.containsKey((char) c)).distinct()
                .mapToObj(c -> String.format("U+%04X（%s）", c, NAMES.get((char) c))).collect(Collectors.joining("、"));
    }

    /** The text with each invisible character written out, so a message shows where it is: {@code 29[U+200B]}. */
    public static String shown(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(NAMES.containsKey((char) c) ? String.format("[U+%04X]", c)
                : String.valueOf((char) c)));
        return out.toString();
    }
}
