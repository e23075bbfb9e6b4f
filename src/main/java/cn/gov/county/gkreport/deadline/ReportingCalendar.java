package cn.gov.county.gkreport.deadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One report year's calendar: the deadline and the days reminders go out (in order, none after the
 * deadline). Days are the county's calendar days ({@code CountyClock}).
 */
public record ReportingCalendar(LocalDate deadline, List<LocalDate> reminderDays) {

    public ReportingCalendar {
        reminderDays = List.copyOf(reminderDays);
    }

    public boolean isReminderDay(LocalDate day) {
        return reminderDays.contains(day);
    }

    public boolean isPast(LocalDate day) {
        return day.isAfter(deadline);
    }

    /** Days after the deadline (0 on or before it). */
    public long daysLate(LocalDate day) {
        return Math.max(0, ChronoUnit.DAYS.between(deadline, day));
    }
}
