package cn.gov.county.gkreport.report;

/**
 * A warning the unit explained on its 说明 sheet shows as 已说明 with the unit's words, wherever
 * findings are listed (校验问题, the feedback copy). Errors are never explained away.
 */
public final class Explained {

    /**
     * The explanation of the finding row aliased {@code f}, or NULL: the unit's explanation of the
     * warning's code stored with the same version, for its cell or for every cell of the code.
     */
    public static final String EXPLANATION_OF_F = """
            (SELECT MIN(e.explanation) FROM submission_explanation e WHERE e.submission_id = f.submission_id
               AND f.severity = 'WARNING' AND e.rule_id = f.rule_id AND (e.cell_ref = '' OR e.cell_ref = f.cell_ref))""";

    private Explained() {
    }

    /** The finding's message as listed: the explanation first, when there is one. */
    public static String message(String message, String explanation) {
        return explanation == null ? message : "已说明：单位说明“" + explanation + "”。原提示：" + message;
    }
}
