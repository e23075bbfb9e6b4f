package cn.gov.county.gkreport.check;

import java.util.List;

/** SHAPE: every table and every fixed row and column of the form is present. */
public final class ShapeRule extends RuleDefinition {

    public ShapeRule() {
        super("SHAPE", Severity.ERROR);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        return context.content().problems().stream()
                .map(p -> Finding.error(id(), p.sheet(), "", p.message()))
                .toList();
    }
}
