package cn.gov.county.gkreport.check;

import java.util.List;

/**
 * What the reader decided while reading (a hidden sheet passed over, 元 converted to 万元, formulas
 * evaluated) reaches the clerk as findings under the reader's own rule ids (SHEET, UNIT, FORMULA …):
 * a reading that changed a figure is never silent.
 */
public final class ReadNoteRule extends RuleDefinition {

    public ReadNoteRule() {
        super("READ", Severity.WARNING);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        return context.content().notes().stream()
                .map(n -> new Finding(n.ruleId(), n.error() ? Severity.ERROR : Severity.WARNING, n.sheet(), n.cell(),
                        n.message()))
                .toList();
    }
}
