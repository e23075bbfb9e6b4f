package cn.gov.county.gkreport.check;

import java.util.List;

/**
 * ZERO-ALL: 表三 and 表四 ({@code plausibility.allZero}) all zero. A small town may really have had
 * no application and no case all year, so it is a warning the unit's explanation settles.
 */
public final class AllZeroRule extends RuleDefinition {

    public AllZeroRule() {
        super("ZERO-ALL", Severity.WARNING);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        List<String> codes = context.form().itemCodes(context.form().plausibility().allZero());
        if (context.scope() != CheckContext.Scope.UNIT_SUBMISSION || codes.isEmpty()
                || !codes.stream().allMatch(c -> context.figure(c).filter(cell -> cell.readable()
                        && cell.value().signum() == 0).isPresent())) {
            return List.of();
        }
        return List.of(Finding.warning(id(), context.form().table3().sheet(), "", "表三和表四全部为 0：全年没有收到政府信息公开申请，"
                + "也没有政府信息公开行政复议、行政诉讼。小的镇或单位确有这种情况，请确认：确实如此的，不必修改数字，"
                + explainOnSheet(context) + "，如“全年未收到申请”；如果漏填了，请补填后重新报送。"));
    }
}
