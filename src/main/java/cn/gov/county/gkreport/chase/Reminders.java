package cn.gov.county.gkreport.chase;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

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
 * Reminds the units on the chase list by mail, until the deadline: at most once every
 * {@code reminder-interval-days} calendar days per unit (recorded, so the interval holds across
 * nightly runs), and not when the unit was answered by a reply within that interval (it has just
 * been told). A unit needs an address: from {@code unit-addresses}, or its latest mailed submission.
 */
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    /** What one run sent. */
    public record Result(int sent, int failed, int notDue, int withoutAddress) {
    }

    private final MailSettings settings;
    private final ReminderRepository reminders;
    private final MailReplyRepository replies;
    private final OutgoingMail mail;
    private final ReplyTexts texts;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Reminders(MailSettings settings, ReminderRepository reminders, MailReplyRepository replies,
                     OutgoingMail mail, ReplyTexts texts, TransactionTemplate tx, Clock clock) {
        this.settings = settings;
        this.reminders = reminders;
        this.replies = replies;
        this.mail = mail;
        this.texts = texts;
        this.tx = tx;
        this.clock = clock;
    }

    public Result run(int year, List<ChaseList.Entry> entries, long executionId) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = now.toLocalDate();
        if (settings.deadline() == null) {
            log.warn("未设置报送截止日期（consolidator.mail.deadline），不发送催报邮件");
            return new Result(0, 0, entries.size(), 0);
        }
        if (today.isAfter(settings.deadline())) {
            log.info("报送截止日期 {} 已过，不再发送催报邮件（催报名单照常生成）", settings.deadline());
            return new Result(0, 0, entries.size(), 0);
        }
        int interval = settings.reminderIntervalDays();
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
            if (last.filter(t -> t.toLocalDate().plusDays(interval).isAfter(today)).isPresent()
                    || replied.filter(t -> t.toLocalDate().plusDays(interval).isAfter(today)).isPresent()) {
                notDue++;
                continue;
            }
            ReplyTexts.Letter letter = texts.reminder(e.unit().name(), e.standing(), e.reminderText(), year, today);
            Long id = tx.execute(s -> reminders.reserve(year, code, e.email(), e.standing().name(), executionId, now));
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
        log.info("催报邮件: 发送 {} 封，失败 {} 封，未到间隔 {} 个单位，无邮箱 {} 个单位", sent, failed, notDue, withoutAddress);
        return result;
    }
}
