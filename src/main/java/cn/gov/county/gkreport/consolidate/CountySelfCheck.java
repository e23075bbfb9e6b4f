package cn.gov.county.gkreport.consolidate;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.check.CheckContext;
import cn.gov.county.gkreport.check.ConsistencyRule;
import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.IndicatorSumRule;
import cn.gov.county.gkreport.check.SubmissionChecker;
import cn.gov.county.gkreport.check.Table3BalanceRule;
import cn.gov.county.gkreport.check.Table3ResultSumRule;
import cn.gov.county.gkreport.check.Table3RowTotalRule;
import cn.gov.county.gkreport.check.Table4GroupTotalRule;
import cn.gov.county.gkreport.check.TypeRule;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.read.FigureCell;
import cn.gov.county.gkreport.read.SubmissionContent;
import cn.gov.county.gkreport.read.grid.WorkbookFormat;

/**
 * The in-year rules of the form (TYPE, T3-ROW, T3-SUM, T3-BAL, T4-SUM, N-SUM) applied to figures
 * the product computed itself: the county totals, and the tables of the county's draft report.
 * Any finding there means the product's own code is wrong.
 */
public final class CountySelfCheck {

    private final SubmissionChecker inYearRules = new SubmissionChecker(List.<ConsistencyRule>of(new TypeRule(),
            new Table3RowTotalRule(), new Table3ResultSumRule(), new Table3BalanceRule(), new Table4GroupTotalRule(),
            new IndicatorSumRule()));
    private final FormDefinition form;
    private final Roster roster;

    public CountySelfCheck(FormDefinition form, Roster roster) {
        this.form = form;
        this.roster = roster;
    }

    /** The findings of the in-year rules on these figures (by item code), named {@code label} in messages. */
    public List<Finding> check(int year, String label, Map<String, BigDecimal> figures) {
        Map<String, FigureCell> cells = new LinkedHashMap<>();
        figures.forEach((code, value) -> cells.put(code,
                new FigureCell(code, label, null, value.toPlainString(), value, FigureCell.Reading.NUMBER)));
        SubmissionContent content = new SubmissionContent(WorkbookFormat.XLSX, Map.of(), Map.of(), cells, List.of(),
                Optional.empty());
        return inYearRules.check(new CheckContext(form, roster, year, content, Optional.empty(), Optional.empty(),
                CheckContext.Scope.COUNTY_TOTALS));
    }
}
