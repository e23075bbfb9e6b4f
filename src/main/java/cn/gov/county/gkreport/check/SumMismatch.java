package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.gov.county.gkreport.form.SumRelation;
import cn.gov.county.gkreport.read.FigureCell;

/**
 * A total the form defines that disagrees with the sum of its parts in one workbook. Shared by the
 * sum rules (T3-ROW, T3-SUM, T4-SUM, N-SUM), which differ only in how they word the finding.
 * Relations with an unreadable figure are skipped: TYPE reports those cells.
 */
record SumMismatch(SumRelation relation, FigureCell totalCell, BigDecimal submitted, BigDecimal computed) {

    static List<SumMismatch> find(CheckContext context, String ruleId) {
        List<SumMismatch> found = new ArrayList<>();
        for (SumRelation relation : context.form().relations(ruleId)) {
            if (context.figure(relation.totalCode()).isEmpty() || !context.readable(relation.totalCode())
                    || !context.allReadable(relation.partCodes())) {
                continue;
            }
            BigDecimal submitted = context.value(relation.totalCode());
            BigDecimal computed = Figures.sum(context, relation.partCodes());
            if (submitted.compareTo(computed) != 0) {
                found.add(new SumMismatch(relation, context.figure(relation.totalCode()).get(), submitted, computed));
            }
        }
        return found;
    }
}
