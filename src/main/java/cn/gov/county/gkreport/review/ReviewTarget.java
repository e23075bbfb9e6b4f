package cn.gov.county.gkreport.review;

/**
 * What one decision is about: a unit's version, or one of that version's findings (rule, sheet and
 * cell as 校验问题 lists them). Equal targets are the same line of the review workbook.
 */
public record ReviewTarget(String unitCode, int version, String ruleId, String sheet, String cell) {

    public static ReviewTarget version(String unitCode, int version) {
        return new ReviewTarget(unitCode, version, null, null, null);
    }

    public static ReviewTarget finding(String unitCode, int version, String ruleId, String sheet, String cell) {
        return new ReviewTarget(unitCode, version, ruleId, sheet == null ? "" : sheet, cell == null ? "" : cell);
    }

    public Decision.Target kind() {
        return ruleId == null ? Decision.Target.VERSION : Decision.Target.FINDING;
    }
}
