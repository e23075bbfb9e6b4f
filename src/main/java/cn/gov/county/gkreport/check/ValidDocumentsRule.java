package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.form.Label;
import cn.gov.county.gkreport.read.FigureCell;

/**
 * X-VALID: per row of 表二（一）, 现行有效(t) = 现行有效(t−1) + 本年制发(t) − 本年废止(t), against the
 * unit's accepted report of the year before. Silent when there is none.
 */
public final class ValidDocumentsRule extends RuleDefinition {

    public ValidDocumentsRule() {
        super("X-VALID", Severity.WARNING);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        if (context.previousYear().isEmpty()) {
            return List.of();
        }
        Map<String, BigDecimal> last = context.previousYear().get();
        List<Finding> findings = new ArrayList<>();
        for (DocumentRows documents : DocumentRows.of(context.form())) {
            Label row = documents.row();
            Label valid = documents.validColumn();
            String validCode = documents.valid();
            String issuedCode = documents.issued();
            String repealedCode = documents.repealed();
            BigDecimal previous = last.getOrDefault(validCode, BigDecimal.ZERO);
            FigureCell cell = context.figure(validCode).orElse(null);
            if (cell == null || !context.allReadable(List.of(validCode, issuedCode, repealedCode))) {
                continue;
            }
            BigDecimal expected = previous.add(context.value(issuedCode)).subtract(context.value(repealedCode));
            if (cell.value().compareTo(expected) != 0) {
                findings.add(Finding.warning(id(), cell.sheet(), Figures.a1(cell), "表二 \"" + row.text() + "\" 行: "
                        + valid.text() + " 填报 " + Figures.plain(cell.value()) + "（单元格 " + Figures.a1(cell) + "），按上年现行有效 "
                        + Figures.plain(previous) + " + 本年制发 " + Figures.plain(context.value(issuedCode)) + " − 本年废止 "
                        + Figures.plain(context.value(repealedCode)) + " 应为 " + Figures.plain(expected)
                        + "。请核对现行有效件数（如有其他原因失效的文件，请在报告中说明）。"));
            }
        }
        return findings;
    }
}
