package cn.gov.county.gkreport.check;

/** A rule's id and severity, as in the national rules table; each rule class adds its check. */
abstract class RuleDefinition implements ConsistencyRule {

    private final String id;
    private final Severity severity;

    RuleDefinition(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    /**
     * How a unit keeps a figure that is right and still settles the warning: it writes why on the
     * template's 说明 sheet, under this rule's code (see {@code ExplanationSheet}).
     */
    final String explainOnSheet(CheckContext context) {
        String sheet = context.form().explanations().present() ? context.form().explanations().sheet() : "说明";
        return "请在报告模板的“" + sheet + "”工作表中写明原因（校验代码填 " + id + "）";
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }
}
