package cn.gov.county.gkreport.check;

/** A rule's id and severity, as in the national rules table; each rule class adds its check. */
abstract class RuleDefinition implements ConsistencyRule {

    private final String id;
    private final Severity severity;

    RuleDefinition(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
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
