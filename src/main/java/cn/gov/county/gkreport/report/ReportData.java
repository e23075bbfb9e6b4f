package cn.gov.county.gkreport.report;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gov.county.gkreport.consolidate.CountyTotals;
import cn.gov.county.gkreport.deadline.ReportingCalendar;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.report.ReportRepository.SubmissionRow;

/**
 * What the consolidated workbook shows: the small parts gathered before writing starts, the large
 * ones ({@link ReportRepository}) streamed while the sheets are written.
 *
 * @param offRoster units no longer on the roster that have stored submissions of the year, code to
 *                  name: their reports are kept and listed, never counted
 */
public record ReportData(FormDefinition form, Roster roster, CountyOffice office, int year, LocalDateTime runTime,
                         ReportingCalendar calendar, CountyTotals totals, List<UnitStanding> standings,
                         List<SubmissionRow> submissions, Map<String, String> offRoster, int findingCount,
                         ReportRepository queries) {

    public long count(UnitStanding.Standing standing) {
        return standings.stream().filter(s -> s.standing() == standing).count();
    }

    /**
     * The submissions whose findings are tonight's (see {@link UnitStanding#countingIds}); a unit off
     * the roster has none, its findings are history.
     */
    public Set<Long> countingIds() {
        return UnitStanding.countingIds(submissions.stream()
                .filter(s -> s.unitCode() == null || !offRoster.containsKey(s.unitCode())).toList());
    }

    /** Findings of the submissions that count tonight (the list 校验问题 shows). */
    public int currentFindingCount() {
        Set<Long> counting = countingIds();
        return submissions.stream().filter(s -> counting.contains(s.id())).mapToInt(s -> s.errors() + s.warnings()).sum();
    }

    /** Findings of earlier versions that no longer count (the list 校验问题（历史）shows). */
    public int historyFindingCount() {
        Set<Long> counting = countingIds();
        return submissions.stream().filter(s -> !counting.contains(s.id())).mapToInt(s -> s.errors() + s.warnings()).sum();
    }

    public String title() {
        return roster.countyName() + year + "年政府信息公开工作年度报告汇总表";
    }

    public String unitName(String code) {
        if (code == null) {
            return "（无法识别的单位）";
        }
        return roster.byCode(code).map(u -> u.name()).orElseGet(() -> offRoster.getOrDefault(code, code));
    }
}
