package cn.gov.county.gkreport.check;

import java.util.List;

/** ID: the cover names a roster unit, the job's year and a known form version. */
public final class IdentityRule extends RuleDefinition {

    public IdentityRule() {
        super("ID", Severity.ERROR);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        if (context.scope() != CheckContext.Scope.UNIT_SUBMISSION) {
            return List.of();
        }
        return Identification.of(context.content(), context.roster(), context.form(), context.year()).findings();
    }
}
