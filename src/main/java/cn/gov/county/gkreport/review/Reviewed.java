package cn.gov.county.gkreport.review;

/**
 * A warning the reviewer cleared (撤销) shows as 审核已撤销 with the reason wherever findings are
 * listed, and no longer counts among a version's warnings. Errors are never cleared.
 */
public final class Reviewed {

    private static final String CLEARING_OF_F = """
            FROM review_decision d WHERE d.submission_id = f.submission_id AND d.decision = 'CLEAR'
               AND d.withdrawn_at IS NULL AND f.severity = 'WARNING' AND d.rule_id = f.rule_id
               AND d.sheet_name = f.sheet_name AND d.cell_ref = f.cell_ref""";

    /** The reason the finding row aliased {@code f} was cleared, or NULL. */
    public static final String CLEARED_OF_F = " (SELECT MIN(d.reason) " + CLEARING_OF_F + ")";

    /** True for the finding row aliased {@code f} unless the reviewer cleared it. */
    public static final String NOT_CLEARED_F = " NOT EXISTS (SELECT 1 " + CLEARING_OF_F + ")";

    private Reviewed() {
    }

    /** The finding's message as listed: the reviewer's clearing first, when there is one. */
    public static String message(String message, String clearedReason) {
        return clearedReason == null ? message : "审核已撤销：" + clearedReason + "。原提示：" + message;
    }
}
