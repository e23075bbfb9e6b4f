package cn.gov.county.gkreport.check;

import java.util.List;
import java.util.Optional;

/**
 * X-SAME: every figure of 表二, 表三 and 表四 ({@code plausibility.sameAsLastYear}) equals the
 * unit's accepted report of last year: last year's tables were most likely sent again. Tables that
 * are all zero both years are ZERO-ALL's concern, not a copy.
 */
public final class SameAsLastYearRule extends RuleDefinition {

    public SameAsLastYearRule() {
        super("X-SAME", Severity.WARNING);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        Optional<YearComparison> years = YearComparison.of(context);
        if (years.isEmpty()) {
            return List.of();
        }
        List<String> codes = context.form().itemCodes(context.form().plausibility().sameAsLastYear());
        boolean same = codes.stream().allMatch(c -> years.get().now().get(c).compareTo(years.get().last().get(c)) == 0);
        long nonZero = codes.stream().filter(c -> years.get().now().get(c).signum() != 0).count();
        if (codes.isEmpty() || !same || nonZero == 0) {
            return List.of();
        }
        return List.of(Finding.warning(id(), "", "", "表二、表三、表四的全部数字（其中 " + nonZero + " 项不为 0）与本单位 "
                + (context.year() - 1) + " 年度已接收的报告完全相同，可能误报送了上年的表格。请核对：如果是上年的表格，"
                + "请填写 " + context.year() + " 年度的数字后重新报送；如果本年数字确实与上年相同，不必修改数字，" + explainOnSheet(context) + "。"));
    }
}
