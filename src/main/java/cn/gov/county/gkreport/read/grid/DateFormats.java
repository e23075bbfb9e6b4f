package cn.gov.county.gkreport.read.grid;

/** Which number formats show a date or time, for the .xlsx and .xls paths alike. */
final class DateFormats {

    private DateFormats() {
    }

    /**
     * Whether a number format shows a date or time. With a format code (a custom format) the code
     * decides; without one the built-in id does: 14–22 and 45–47 everywhere, 27–36 and 50–58 being the
     * East Asian built-in date formats (年月日) that Chinese Excel and WPS use without writing a code.
     */
    static boolean isDateFormat(int numFmtId, String formatCode) {
        if (formatCode != null) {
            return isDateFormatCode(formatCode);
        }
        return numFmtId >= 14 && numFmtId <= 22 || numFmtId >= 27 && numFmtId <= 36
                || numFmtId >= 45 && numFmtId <= 47 || numFmtId >= 50 && numFmtId <= 58;
    }

    /** A format code is a date when d, m, y, h or s appears outside quotes, escapes and brackets. */
    static boolean isDateFormatCode(String code) {
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            switch (ch) {
                case '"' -> {
                    int end = code.indexOf('"', i + 1);
                    i = end < 0 ? code.length() : end;
                }
                case '\\', '_', '*' -> i++; // escaped literal, padding or fill character
                case '[' -> {
                    int end = code.indexOf(']', i + 1);
                    String inside = end < 0 ? "" : code.substring(i + 1, end);
                    // [h], [mm], [ss] are elapsed time; [Red], [$-804], [>100], [DBNum1] are not.
                    if (inside.matches("(?i)h+|m+|s+")) {
                        return true;
                    }
                    i = end < 0 ? code.length() : end;
                }
                default -> {
                    if ("dmyhsDMYHS".indexOf(ch) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
