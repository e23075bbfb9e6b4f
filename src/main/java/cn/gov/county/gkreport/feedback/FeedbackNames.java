package cn.gov.county.gkreport.feedback;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import cn.gov.county.gkreport.feedback.FeedbackWorkbook.FeedbackRequest;
import cn.gov.county.gkreport.read.grid.WorkbookFormat;

import org.apache.commons.io.FilenameUtils;

/**
 * The names of feedback copies. Names come from outside (roster, the unit's own file name), so they
 * are made safe for every file system: no path separators, no characters Windows forbids, no control
 * or invisible characters (a right-to-left override could disguise the extension), no leading dots,
 * bounded length.
 */
final class FeedbackNames {

    /** What a copy is called by when its unit was not identified. */
    static final String UNIDENTIFIED = "未识别单位";

    private static final String SUFFIX = "-校验反馈";
    /** Names stay short for mail clients and zip tools; bytes stay under the 255-byte limit of most file systems. */
    private static final int MAX_NAME_CHARS = 120;
    private static final int MAX_NAME_BYTES = 240;
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]");
    private static final Pattern ILLEGAL = Pattern.compile("[\\\\/:*?\"<>|]");

    private FeedbackNames() {
    }

    /**
     * The copy's name, so the unit recognises it: {@code 县司法局-2024年-第1版-校验反馈.xlsx}
     * ({@code .xls} for an .xls original, {@code .xlsm} for a macro-enabled one), or
     * {@code 未识别单位-<original name without extension>-校验反馈.xlsx}.
     */
    static String fileName(FeedbackRequest r) {
        // a macro-enabled copy named .xlsx is refused by Excel: the copy keeps the original's type
        String extension = r.format() == WorkbookFormat.XLS ? ".xls" : r.format() == WorkbookFormat.XLSM ? ".xlsm" : ".xlsx";
        String tail = SUFFIX + extension;
        String unit = clean(r.unitName());
        if (!unit.isEmpty()) {
            String fixed = "-" + r.year() + "年" + (r.version() == null ? "" : "-第" + r.version() + "版") + tail;
            return truncate(unit, fixed) + fixed;
        }
        String stem = clean(stem(r.originalFileName()));
        return stem.isEmpty() ? UNIDENTIFIED + tail : UNIDENTIFIED + "-" + truncate(stem, UNIDENTIFIED + "-" + tail) + tail;
    }

    /** One of our own names with another extension. */
    static String withExtension(String name, String extension) {
        return FilenameUtils.removeExtension(name) + extension;
    }

    /** A name as sent without its extension: a dot that starts the name or its last part begins no extension. */
    private static String stem(String name) {
        if (name == null) {
            return "";
        }
        int dot = FilenameUtils.indexOfExtension(name);
        return dot > FilenameUtils.indexOfLastSeparator(name) + 1 ? name.substring(0, dot) : name;
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        String s = INVISIBLE.matcher(text).replaceAll("");
        s = ILLEGAL.matcher(s).replaceAll("_");
        s = s.replaceAll("\\s+", " ").replaceAll("\\.{2,}", ".");
        // leading dots hide a file on Unix; trailing dots and spaces are dropped by Windows
        return s.replaceFirst("^[\\s._]+", "").replaceFirst("[\\s.]+$", "");
    }

    /** Cuts {@code variable} (by code points, never inside a surrogate pair) so that it and {@code fixed} fit. */
    private static String truncate(String variable, String fixed) {
        int chars = MAX_NAME_CHARS - fixed.codePointCount(0, fixed.length());
        int bytes = MAX_NAME_BYTES - fixed.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int usedBytes = 0;
        int usedChars = 0;
        for (int i = 0; i < variable.length(); ) {
            int cp = variable.codePointAt(i);
            String one = new String(Character.toChars(cp));
            int size = one.getBytes(StandardCharsets.UTF_8).length;
            if (usedChars + 1 > chars || usedBytes + size > bytes) {
                break;
            }
            kept.append(one);
            usedChars++;
            usedBytes += size;
            i += Character.charCount(cp);
        }
        return kept.toString().replaceFirst("[\\s.]+$", "");
    }
}
