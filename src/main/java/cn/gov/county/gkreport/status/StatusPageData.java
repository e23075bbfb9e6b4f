package cn.gov.county.gkreport.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.report.RunChanges;
import cn.gov.county.gkreport.report.UnitStanding.Standing;
import cn.gov.county.gkreport.status.StatusRepository.Night;
import cn.gov.county.gkreport.status.StatusRepository.PageFinding;

/**
 * Everything the status page shows, gathered before it is written.
 *
 * @param deadline     the reporting deadline, if configured
 * @param subtotalLabels the names of {@link KeyRow#subtotals()}: 镇小计, 县直单位小计
 * @param workbookHref the consolidated workbook, relative to the page
 */
public record StatusPageData(String countyName, int year, LocalDateTime runTime, Optional<LocalDate> deadline,
                             List<UnitRow> units, List<KeyRow> keyFigures, List<String> subtotalLabels,
                             boolean lastYearKnown,
                             List<Night> nights, List<Bar> applications, RunChanges changes,
                             String workbookHref) {

    /**
     * One roster unit.
     *
     * @param feedbackHref its feedback copy, relative to the page, or null
     */
    public record UnitRow(String code, String name, String type, Standing standing, Integer version, String fileName,
                          String receivedAt, int files, int errors, int warnings, List<PageFinding> findings,
                          String feedbackHref) {
    }

    /** A key county figure: the county, its subtotals by kind of unit, and last year's county figure (or null). */
    public record KeyRow(String code, String label, BigDecimal county, List<BigDecimal> subtotals, BigDecimal lastYear) {
    }

    /** A labelled value of a bar chart. */
    public record Bar(String label, BigDecimal value) {
    }

    public long count(Standing standing) {
        return units.stream().filter(u -> u.standing() == standing).count();
    }

    /** Days from the run's date to the deadline (negative once past), if a deadline is configured. */
    public Optional<Long> daysToDeadline() {
        return deadline.map(d -> ChronoUnit.DAYS.between(runTime.toLocalDate(), d));
    }

    public String title() {
        return countyName + year + "年政府信息公开工作年度报告 报送状态";
    }
}
