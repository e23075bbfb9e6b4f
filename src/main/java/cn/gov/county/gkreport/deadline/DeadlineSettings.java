package cn.gov.county.gkreport.deadline;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reporting calendar as the office writes it ({@code consolidator.deadline.*}), the one place
 * the deadline is set: replies and reminders quote it, reminders go out on its days, 报送情况, the
 * chase list and the status page measure against it, the county draft cites it.
 *
 * @param date      the last day units may report: {@code MM-dd}, that day in the year after the report
 *                  year (default {@code 01-31}, 《条例》第四十九条), or a full date {@code yyyy-MM-dd}
 * @param reminders the days reminders go out, each a number of days before the deadline ({@code 0}:
 *                  the deadline itself) or a date written like {@code date}
 */
@ConfigurationProperties("consolidator.deadline")
public record DeadlineSettings(String date, List<String> reminders) {

    public static final String DATE_KEY = "consolidator.deadline.date";
    public static final String REMINDERS_KEY = "consolidator.deadline.reminders";
    private static final Pattern DAYS_BEFORE = Pattern.compile("\\d{1,3}");
    private static final Pattern MONTH_DAY = Pattern.compile("\\d{1,2}-\\d{1,2}");
    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");

    public DeadlineSettings {
        date = date == null || date.isBlank() ? "01-31" : date.strip();
        reminders = reminders == null ? List.of() : reminders.stream().map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    /** The 条例's deadline (the 31st of January after the report year) and no reminder days. */
    public static DeadlineSettings defaults() {
        return new DeadlineSettings(null, null);
    }

    /**
     * The calendar of one report year.
     *
     * @throws IllegalArgumentException with the Chinese words for the operator, naming the setting,
     *                                  when a value is not a date or a reminder day falls after the deadline
     */
    public ReportingCalendar calendar(int year) {
        LocalDate deadline = day(DATE_KEY, date, year);
        TreeSet<LocalDate> days = new TreeSet<>();
        for (String reminder : reminders) {
            LocalDate day = DAYS_BEFORE.matcher(reminder).matches() ? deadline.minusDays(Integer.parseInt(reminder))
                    : day(REMINDERS_KEY, reminder, year);
            if (day.isAfter(deadline)) {
                throw new IllegalArgumentException(REMINDERS_KEY + " 中的催报日 “" + reminder + "”（" + day
                        + "）在报送截止日 " + deadline + " 之后；催报日须在截止日当天或之前（截止日由 " + DATE_KEY + " 设置）");
            }
            days.add(day);
        }
        return new ReportingCalendar(deadline, new ArrayList<>(days));
    }

    /** A month-day means that day in the year after the report year, when the units report. */
    private static LocalDate day(String key, String text, int year) {
        try {
            if (FULL_DATE.matcher(text).matches()) {
                String[] p = text.split("-");
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
            if (MONTH_DAY.matcher(text).matches()) {
                String[] p = text.split("-");
                return MonthDay.of(Integer.parseInt(p[0]), Integer.parseInt(p[1])).atYear(year + 1);
            }
        } catch (DateTimeException e) {
            // falls through to the message below: 02-30 is as wrong as 二月三十日
        }
        throw new IllegalArgumentException(key + " 的值 “" + text + "” 不是日期" + (key.equals(REMINDERS_KEY)
                ? "或截止前天数：请写截止日前的天数（如 15，0 为截止日当天），或日期" : "：请写")
                + " 月-日（如 01-31，指报告年度的次年）或 年-月-日（如 2025-01-31）");
    }
}
