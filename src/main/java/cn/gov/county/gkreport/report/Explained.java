package cn.gov.county.gkreport.report;

/**
 * A warning the unit explained shows as 已说明 with the unit's words, wherever findings are listed
 * (校验问题, the feedback copy, the reply mail): explained on the workbook's 说明 sheet, or by answering
 * our reply mail (then with who wrote and when). Errors are never explained away.
 */
public final class Explained {

    /** Between a mail explanation's words and its source in the value of {@link #EXPLANATION_OF_F}. */
    private static final char SOURCE = '\u001F';

    /**
     * The explanation of the finding row aliased {@code f}, or NULL: the unit's explanation of the
     * warning's code stored with the same version, for its cell or for every cell of the code; else the
     * latest reply mail about that version, which explains all its warnings.
     */
    public static final String EXPLANATION_OF_F = """
            COALESCE((SELECT MIN(e.explanation) FROM submission_explanation e WHERE e.submission_id = f.submission_id
               AND f.severity = 'WARNING' AND e.rule_id = f.rule_id AND (e.cell_ref = '' OR e.cell_ref = f.cell_ref)),
             (SELECT CONCAT(x.explanation, '%c（邮件说明，', x.sender, '，', SUBSTRING(CAST(x.received_at AS CHAR(19)), 1, 16), '）')
               FROM mail_explanation x WHERE x.submission_id = f.submission_id AND f.severity = 'WARNING'
               ORDER BY x.received_at DESC, x.id DESC LIMIT 1))""".formatted(SOURCE);

    private Explained() {
    }

    /** The finding's message as listed: the explanation first, when there is one. */
    public static String message(String message, String explanation) {
        if (explanation == null) {
            return message;
        }
        int source = explanation.indexOf(SOURCE);
        String words = source < 0 ? explanation : explanation.substring(0, source);
        String from = source < 0 ? "" : explanation.substring(source + 1);
        return "已说明：单位说明“" + words + "”" + from + "。原提示：" + message;
    }
}
