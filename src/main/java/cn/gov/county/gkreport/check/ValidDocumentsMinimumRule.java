package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.gov.county.gkreport.form.Label;
import cn.gov.county.gkreport.read.FigureCell;

/**
 * T2-VALID-MIN: per row of 表二（一）, 现行有效 ≥ 本年制发 − 本年废止. Of this year's documents at most
 * 本年废止 were repealed, so the rest are still valid at the year's end; fewer is impossible. Which of
 * the three cells is wrong cannot be told, so the finding asks to check all three.
 */
public final class ValidDocumentsMinimumRule extends RuleDefinition {

    public ValidDocumentsMinimumRule() {
        super("T2-VALID-MIN", Severity.ERROR);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        // Accepted reports stored before this rule existed are in the county totals: checking the
        // totals would fail the night for a unit's figures, not for the product's arithmetic.
        if (context.scope() != CheckContext.Scope.UNIT_SUBMISSION) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (DocumentRows documents : DocumentRows.of(context.form())) {
            Label row = documents.row();
            Label issued = documents.issuedColumn();
            Label repealed = documents.repealedColumn();
            Label valid = documents.validColumn();
            String validCode = documents.valid();
            String issuedCode = documents.issued();
            String repealedCode = documents.repealed();
            FigureCell cell = context.figure(validCode).orElse(null);
            if (cell == null || !context.allReadable(List.of(validCode, issuedCode, repealedCode))) {
                continue;
            }
            BigDecimal least = context.value(issuedCode).subtract(context.value(repealedCode));
            if (cell.value().compareTo(least) < 0) {
                findings.add(Finding.error(id(), cell.sheet(), Figures.a1(cell), "表二 \"" + row.text() + "\" 行: "
                        + valid.text() + " 填报 " + Figures.plain(cell.value()) + "（单元格 " + Figures.a1(cell) + "），少于"
                        + issued.text() + " " + Figures.plain(context.value(issuedCode)) + "（单元格 "
                        + Figures.a1(context.figure(issuedCode).orElse(null)) + "）减" + repealed.text() + " "
                        + Figures.plain(context.value(repealedCode)) + "（单元格 " + Figures.a1(context.figure(repealedCode).orElse(null))
                        + "）= " + Figures.plain(least) + "：本年制发的文件即使有废止，年底至少还有 " + Figures.plain(least)
                        + " 件有效，这不可能。请核对这三个单元格，改正填错的一项（现行有效件数是全部现行有效文件的数量，不只是本年制发的）。"));
            }
        }
        return findings;
    }
}
