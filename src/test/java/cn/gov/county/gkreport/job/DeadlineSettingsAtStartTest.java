package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A reporting calendar the operator got wrong stops the program at start with exit status 2 and one
 * Chinese line naming the setting, before any step runs: a reminder day after the deadline (in the
 * run's year), a value that is no date, a negative day count, and each deadline setting of earlier
 * releases (named with the setting that replaced it).
 */
class DeadlineSettingsAtStartTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            consolidator.deadline.reminders=2025-02-10 | consolidator.deadline.reminders 中的催报日 “2025-02-10”（2025-02-10）在报送截止日 2025-01-31 之后
            consolidator.deadline.reminders=02-01      | 催报日 “02-01”（2025-02-01）在报送截止日 2025-01-31 之后
            consolidator.deadline.reminders=-1         | consolidator.deadline.reminders 的值 “-1” 不是日期或截止前天数
            consolidator.deadline.date=2025-13-01      | consolidator.deadline.date 的值 “2025-13-01” 不是日期：请写 月-日
            consolidator.deadline.date=1月31日          | consolidator.deadline.date 的值 “1月31日” 不是日期
            consolidator.mail.deadline=2025-01-31      | 设置项 consolidator.mail.deadline 已停用：报送截止日只在 consolidator.deadline.date 设置一处
            consolidator.mail.reminder-interval-days=3 | 设置项 consolidator.mail.reminder-interval-days 已停用：催报不再每隔几天发送，而是在 consolidator.deadline.reminders
            consolidator.draft.department-deadline=01-20 | 设置项 consolidator.draft.department-deadline 已停用
            """)
    void aWrongCalendarRefusesTheRunWithExit2(String setting, String message, @TempDir Path work) {
        assertThat(StartAttempt.run(work, "--" + setting).refusal(work)).contains(message);
    }
}
