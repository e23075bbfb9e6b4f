package cn.gov.county.gkreport.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The calendar as written resolved for a report year, and timeliness on both sides of the deadline. */
class ReportingCalendarTest {

    private static final LocalDate DEADLINE = LocalDate.of(2025, 1, 31);

    @Nested
    class Calendar {

        @Test
        void aMonthDayIsThatDayOfTheYearAfterTheReportYearAndNumbersAreDaysBefore() {
            ReportingCalendar calendar = new DeadlineSettings("01-31", List.of("30", "15", "1", "0")).calendar(2024);

            assertThat(calendar.deadline()).isEqualTo(DEADLINE);
            assertThat(calendar.reminderDays()).containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 16),
                    LocalDate.of(2025, 1, 30), DEADLINE);
            assertThat(calendar.isReminderDay(LocalDate.of(2025, 1, 16))).isTrue();
            assertThat(calendar.isReminderDay(LocalDate.of(2025, 1, 17))).isFalse();
        }

        @Test
        void datesMayBeFullOrMonthDaysAndTheDefaultIsTheRegulationsDeadline() {
            ReportingCalendar calendar = new DeadlineSettings("2025-01-15", List.of("2024-12-20", "01-10")).calendar(2024);

            assertThat(calendar.deadline()).isEqualTo(LocalDate.of(2025, 1, 15));
            assertThat(calendar.reminderDays()).containsExactly(LocalDate.of(2024, 12, 20), LocalDate.of(2025, 1, 10));
            assertThat(DeadlineSettings.defaults().calendar(2023).deadline()).isEqualTo(LocalDate.of(2024, 1, 31));
            assertThat(DeadlineSettings.defaults().calendar(2023).reminderDays()).isEmpty();
        }

        @Test
        void aReminderDayAfterTheDeadlineIsRefusedNamingTheSetting() {
            assertThatThrownBy(() -> new DeadlineSettings("01-31", List.of("02-01")).calendar(2024))
                    .hasMessageContaining("consolidator.deadline.reminders 中的催报日 “02-01”（2025-02-01）在报送截止日 2025-01-31 之后");
        }

        @Test
        void aValueThatIsNoDateIsRefusedNamingTheSetting() {
            assertThatThrownBy(() -> new DeadlineSettings("02-30", List.of()).calendar(2024))
                    .hasMessageContaining("consolidator.deadline.date 的值 “02-30” 不是日期");
            assertThatThrownBy(() -> new DeadlineSettings("01-31", List.of("ten")).calendar(2024))
                    .hasMessageContaining("consolidator.deadline.reminders 的值 “ten” 不是日期或截止前天数");
        }
    }

    @Nested
    class Timely {

        private final ReportingCalendar calendar = new ReportingCalendar(DEADLINE, List.of());

        @Test
        void onTheDeadlineIsOnTimeAndADayLaterIsLate() {
            Timeliness t = Timeliness.of(
                    Optional.of(DEADLINE), Optional.of(DEADLINE.plusDays(1)), calendar, DEADLINE.plusDays(5));

            assertThat(t.firstFile()).isEqualTo("按时（2025-01-31）");
            assertThat(t.firstAccepted()).isEqualTo("逾期 1 天（2025-02-01）");
        }

        @Test
        void nothingYetIsBeforeTheDeadlineUntilItPasses() {
            assertThat(Timeliness.of(Optional.empty(), Optional.empty(), calendar,
                    DEADLINE)).isEqualTo(new Timeliness("未报送（截止前）", "未报送（截止前）"));
            assertThat(Timeliness.of(Optional.of(DEADLINE.minusDays(3)), Optional.empty(),
                    calendar, DEADLINE.plusDays(2))).isEqualTo(new Timeliness(
                            "按时（2025-01-28）", "未通过（已逾期 2 天）"));
        }
    }
}
