package cn.gov.county.gkreport.feedback;

import org.apache.poi.ss.SpreadsheetVersion;

/** Text as Excel takes it into a cell or a comment. */
final class ExcelText {

    /** Excel refuses longer text in a cell or comment. */
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private ExcelText() {
    }

    /** The text, empty for {@code null}, cut short with an ellipsis where Excel would refuse it. */
    static String capped(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
