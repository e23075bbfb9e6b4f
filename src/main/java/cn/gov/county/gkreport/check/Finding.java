package cn.gov.county.gkreport.check;

/**
 * One thing a rule found in a workbook, in terms a clerk can act on.
 *
 * @param ruleId   the rule's id from the national rules table (T3-ROW, TYPE, …)
 * @param severity ERROR rejects the workbook, WARNING only lists the finding
 * @param sheet    the sheet in the unit's own file, or empty when the finding is about the file
 * @param cell     the A1 reference in the unit's own file, or empty
 * @param message  Chinese: where, what (with the values and the arithmetic) and what to do
 */
public record Finding(String ruleId, Severity severity, String sheet, String cell, String message) {

    public static Finding error(String ruleId, String sheet, String cell, String message) {
        return new Finding(ruleId, Severity.ERROR, sheet, cell, message);
    }

    public static Finding warning(String ruleId, String sheet, String cell, String message) {
        return new Finding(ruleId, Severity.WARNING, sheet, cell, message);
    }

    public static Finding aboutFile(String ruleId, String message) {
        return new Finding(ruleId, Severity.ERROR, "", "", message);
    }
}
