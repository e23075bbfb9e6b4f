package cn.gov.county.gkreport.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every rule on a workbook and collects all findings in one pass, so a clerk sees everything
 * to fix at once. A workbook with any ERROR is rejected.
 */
public final class SubmissionChecker {

    private final List<ConsistencyRule> rules;

    public SubmissionChecker(List<ConsistencyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** All the rules of the national format, in the order their findings are listed. */
    public static SubmissionChecker allRules() {
        return new SubmissionChecker(List.of(new IdentityRule(), new ShapeRule(), new ReadNoteRule(), new TypeRule(),
                new UnitConversionRule(), new MagnitudeRule(), new Table3RowTotalRule(),
                new Table3ResultSumRule(), new Table3BalanceRule(), new Table4GroupTotalRule(), new RegulationRowRule(),
                new ValidDocumentsMinimumRule(), new IndicatorSumRule(), new CarryOverRule(), new ValidDocumentsRule(),
                new YearOnYearRule(), new SameAsLastYearRule(), new AllZeroRule(), new FeeNoticeRule(),
                new LegacyTable3Rule(), new ImplicitZeroRule()));
    }

    public List<ConsistencyRule> rules() {
        return rules;
    }

    public List<Finding> check(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ConsistencyRule rule : rules) {
            findings.addAll(rule.check(context));
        }
        return findings;
    }

    public static boolean rejects(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
