package cn.gov.county.gkreport.deadline;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A unit's timeliness against the deadline, as 报送情况 and the chase list show it: when its first
 * file came and when its first version that passed came, each 按时 or 逾期 N 天 with the day, or,
 * while nothing came, whether the deadline is still ahead.
 *
 * @param firstFile     e.g. 「按时（2025-01-20）」, 「逾期 3 天（2025-02-03）」, 「未报送（截止前）」
 * @param firstAccepted the same for the first version accepted (later replaced or not); 「未通过（…）」
 *                      when files came but none passed
 */
public record Timeliness(String firstFile, String firstAccepted) {

    public static Timeliness of(Optional<LocalDate> firstFile, Optional<LocalDate> firstAccepted,
                                ReportingCalendar calendar, LocalDate today) {
        return new Timeliness(label(firstFile, "未报送", calendar, today),
                label(firstAccepted, firstFile.isPresent() ? "未通过" : "未报送", calendar, today));
    }

    private static String label(Optional<LocalDate> day, String notYet, ReportingCalendar calendar, LocalDate today) {
        if (day.isPresent()) {
            long late = calendar.daysLate(day.get());
            return (late == 0 ? "按时" : "逾期 " + late + " 天") + "（" + day.get() + "）";
        }
        return notYet + (calendar.isPast(today) ? "（已逾期 " + calendar.daysLate(today) + " 天）" : "（截止前）");
    }
}
