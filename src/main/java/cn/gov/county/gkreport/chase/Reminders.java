package cn.gov.county.gkreport.chase;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.deadline.DeadlineSettings;
import cn.gov.county.gkreport.deadline.ReportingCalendar;
import cn.gov.county.gkreport.mail.MailProblems;
import cn.gov.county.gkreport.mail.MailSettings;
import cn.gov.county.gkreport.mail.OutgoingMail;
import cn.gov.county.gkreport.mail.reply.MailReplies;
import cn.gov.county.gkreport.mail.reply.MailReplyRepository;
import cn.gov.county.gkreport.mail.reply.ReplyTexts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the units on the chase list by mail, each with its reason, on the calendar's reminder days
 * ({@code consolidator.deadline.reminders}) and never after the deadline: at most once a calendar
 * day per unit (recorded, so a second run the same night sends nothing again), and not to a unit
 * answered by a reply the same day (it has just been told). A unit needs an address: from
 * {@code unit-addresses}, or its latest mailed submission.
 */
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    /**
     * What one run sent.
     *
     * @param notDue units not reminded tonight: not a reminder day, past the deadline, or already told today
     */
    public record Result(int sent, int failed, int notDue, int withoutAddress) {
    }

    private final MailSettings settings;
    private final DeadlineSettings deadlines;
    private final ChaseList chaseList;
    private final ReminderRepository reminders;
    private final MailReplyRepository replies;
    private final OutgoingMail mail;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Reminders(MailSettings settings, DeadlineSettings deadlines, ChaseList chaseList,
                     ReminderRepository reminders, MailReplyRepository replies, OutgoingMail mail, TransactionTemplate tx,
                     Clock clock) {
        this.settings = settings;
        this.deadlines = deadlines;
        this.chaseList = chaseList;
        this.reminders = reminders;
        this.replies = replies;
        this.mail = mail;
        this.tx = tx;
        this.clock = clock;
    }

    public Result run(int year, List<ChaseList.Entry> entries, long executionId) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = now.toLocalDate();
        ReportingCalendar calendar = deadlines.calendar(year);
        if (calendar.isPast(today)) {
            log.info("报送截止日期 {} 已过，不再发送催报邮件（催报名单照常生成）", calendar.deadline());
            return new Result(0, 0, entries.size(), 0);
        }
        if (!calendar.isReminderDay(today)) {
            log.info("今天（{}）不是催报日（{}：{}），不发送催报邮件", today, DeadlineSettings.REMINDERS_KEY,
                    calendar.reminderDays().isEmpty() ? "未设置" : calendar.reminderDays());
            return new Result(0, 0, entries.size(), 0);
        }
        int sent = 0;
        int failed = 0;
        int notDue = 0;
        int withoutAddress = 0;
        for (ChaseList.Entry e : entries) {
            if (e.email() == null) {
                withoutAddress++;
                continue;
            }
            String code = e.unit().code();
            Optional<LocalDateTime> last = tx.execute(s -> reminders.lastReminder(year, code));
            Optional<LocalDateTime> replied = tx.execute(s -> replies.lastReplyToUnit(code, year));
            if (last.filter(t -> t.toLocalDate().equals(today)).isPresent()
                    || replied.filter(t -> t.toLocalDate().equals(today)).isPresent()) {
                notDue++;
                continue;
            }
            ReplyTexts.Letter letter = chaseList.reminder(e, year, today);
            Long id = tx.execute(s -> reminders.reserve(year, code, e.email(), e.reason().name(), executionId, now));
            String messageId = MailReplies.newMessageId("reminder", id, settings.fromAddress(), clock);
            try {
                tx.executeWithoutResult(s -> reminders.outgoing(id, messageId, letter.subject()));
                mail.send(new OutgoingMail.Outgoing(e.email(), letter.subject(), letter.body(), null, null,
                        "auto-generated", messageId));
                tx.executeWithoutResult(s -> reminders.sent(id, LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS)));
                sent++;
            } catch (Exception ex) {
                String problem = MailProblems.describe(ex, "发信服务器（" + settings.smtpHost() + ":"
                        + settings.smtp().effectivePort() + "）");
                log.warn("催报邮件发送失败（下次运行重试）: {} → {}：{}", e.unit().name(), e.email(), problem);
                tx.executeWithoutResult(s -> reminders.failed(id, problem));
                failed++;
            }
        }
        Result result = new Result(sent, failed, notDue, withoutAddress);
        log.info("催报邮件: 发送 {} 封，失败 {} 封，今天已提醒或已回复 {} 个单位，无邮箱 {} 个单位", sent, failed, notDue,
                withoutAddress);
        return result;
    }
}
