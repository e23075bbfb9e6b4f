package cn.gov.county.gkreport.read;

/**
 * Something the reader noticed while reading a workbook that the clerk must hear about, because
 * it decided how a figure was read: a hidden sheet passed over, a figure written in 元 converted to
 * 万元, formulas the saving tool never calculated. The checker turns each into a finding.
 *
 * @param ruleId  the rule id the finding carries (SHEET, UNIT, FORMULA, …)
 * @param error   whether it rejects the workbook (otherwise a warning)
 * @param sheet   the sheet in the unit's own file, or empty
 * @param cell    the A1 reference, or empty
 * @param message Chinese: what was found, what was done with it, what to do
 */
public record ReadNote(String ruleId, boolean error, String sheet, String cell, String message) {

    public static ReadNote warning(String ruleId, String sheet, String cell, String message) {
        return new ReadNote(ruleId, false, sheet, cell, message);
    }

    public static ReadNote error(String ruleId, String sheet, String cell, String message) {
        return new ReadNote(ruleId, true, sheet, cell, message);
    }
}
