package cn.gov.county.gkreport.read;

/**
 * A unit's explanation of its warnings, from the workbook's 说明 sheet.
 *
 * @param ruleId the finding code it explains (ZERO-ALL, X-YOY, …), upper case
 * @param cell   the cell it is about (J5), or empty for every finding of the code
 * @param text   what the unit wrote
 */
public record Explanation(String ruleId, String cell, String text) {

    /** Longer text is cut here when stored; an explanation is a sentence or two, not a report. */
    public static final int MAX_TEXT = 1000;
}
