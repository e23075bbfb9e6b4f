package cn.gov.county.gkreport.chase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.deadline.DeadlineSettings;
import cn.gov.county.gkreport.deadline.ReportingCalendar;
import cn.gov.county.gkreport.deadline.Timeliness;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.mail.inbox.BounceRepository;
import cn.gov.county.gkreport.mail.reply.MailReplyRepository;
import cn.gov.county.gkreport.mail.reply.ReplyTexts;
import cn.gov.county.gkreport.report.ReportRepository;
import cn.gov.county.gkreport.report.ReportRepository.SubmissionRow;
import cn.gov.county.gkreport.report.UnitStanding.Standing;
import cn.gov.county.gkreport.report.UnitStanding;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whom to chase: every roster unit that has not reported, whose version did not pass or was sent
 * back, or whose accepted version has warnings it explained none of; with the reason, its
 * timeliness against the deadline, the contact person and phone of the latest cover it sent, its
 * mail address and a sentence ready to paste into a reminder. Written as {@code output/<year>/催报名单-<year>.csv} (UTF-8 with BOM, so Excel opens it
 * in Chinese), and as lines for the run summary.
 */
public class ChaseList {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * One unit to chase.
     *
     * @param lastFile the version that counts (the accepted one, else the latest), or null
     * @param mailNote what went wrong with the unit's mail (a bounce of our mail to it, its mail refused), or null
     */
    public record Entry(RosterUnit unit, Standing standing, ChaseReason reason, Timeliness timeliness,
                        String lastFile, String lastReceivedAt, int errors, int warnings,
                        String contactPerson, String contactPhone, String email, String lastReminder,
                        String reminderText, String mailNote) {
    }

    private final Roster roster;
    private final ReportRepository queries;
    private final JdbcTemplate jdbc;
    private final MailReplyRepository replies;
    private final ReminderRepository reminders;
    private final UnitAddresses addresses;
    private final ReminderTexts texts;
    private final DeadlineSettings deadlines;
    private final MailTroubles troubles;

    public ChaseList(Roster roster, ReportRepository queries, JdbcTemplate jdbc, MailReplyRepository replies,
                     ReminderRepository reminders, UnitAddresses addresses, ReplyTexts texts, DeadlineSettings deadlines,
                     BounceRepository bounces) {
        this.roster = roster;
        this.queries = queries;
        this.jdbc = jdbc;
        this.replies = replies;
        this.reminders = reminders;
        this.addresses = addresses;
        this.texts = new ReminderTexts(texts);
        this.deadlines = deadlines;
        this.troubles = new MailTroubles(roster, jdbc, bounces, addresses);
    }

    public static Path fileFor(Path outputDir, int year) {
        return new OutputLayout(outputDir, year).chaseList();
    }

    /** The units to chase tonight, in roster order. */
    public List<Entry> entries(int year, LocalDate today) {
        List<SubmissionRow> rows = queries.submissions(year);
        ReportingCalendar calendar = deadlines.calendar(year);
        Set<Long> unexplained = queries.withUnexplainedWarnings(year);
        List<Entry> entries = new ArrayList<>();
        Map<String, String> mailNotes = troubles.of(year);
        for (UnitStanding standing : UnitStanding.of(roster.units(), rows)) {
            RosterUnit unit = standing.unit();
            Optional<SubmissionRow> last = standing.counting();
            Optional<ChaseReason> reason = ChaseReason.of(standing.standing(),
                    last.filter(s -> unexplained.contains(s.id())).isPresent());
            if (reason.isEmpty()) {
                continue;
            }
            String[] contact = contact(unit.code());
            String email = addresses.of(unit.code()).or(() -> replies.latestSender(unit.code())).orElse(null);
            String lastFile = last.map(SubmissionRow::fileName).orElse(null);
            int errors = last.map(SubmissionRow::errors).orElse(0);
            int warnings = last.map(SubmissionRow::warnings).orElse(0);
            entries.add(new Entry(unit, standing.standing(), reason.get(),
                    SubmissionRow.timeliness(standing.submissions(), calendar, today), lastFile,
                    last.map(SubmissionRow::receivedAt).orElse(null), errors, warnings, contact[0], contact[1], email,
                    reminders.lastReminder(year, unit.code()).map(t -> t.format(MINUTE)).orElse(null),
                    texts.sentence(reason.get(), lastFile, errors, warnings, year, today),
                    mailNotes.get(unit.code())));
        }
        return entries;
    }

    /** The reminder mail to one of tonight's entries. */
    ReplyTexts.Letter reminder(Entry entry, int year, LocalDate today) {
        return texts.letter(entry, year, today);
    }

    /** Contact person and phone from the unit's latest cover that named them (this year first, then earlier years). */
    private String[] contact(String unitCode) {
        return jdbc.query("""
                SELECT contact_person, contact_phone FROM submission
                WHERE unit_code = ? AND (contact_person IS NOT NULL OR contact_phone IS NOT NULL)
                ORDER BY report_year DESC, id DESC""",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, unitCode)
                .stream().findFirst().orElse(new String[] {null, null});
    }

    /** Writes the CSV (replacing last night's) and returns its path. */
    public Path write(Path outputDir, int year, List<Entry> entries) throws IOException {
        Path file = fileFor(outputDir, year);
        ChaseListCsv.write(file, entries);
        return file;
    }

    /** The same units as lines for the run summary. */
    public static List<String> summaryLines(List<Entry> entries) {
        return entries.stream().map(e -> String.format("  %s %-14s %s%s  联系人 %s  电话 %s%s%s", e.unit().code(),
                e.unit().name(), e.reason() == ChaseReason.UNEXPLAINED ? "已接收，" + e.warnings() + " 处提醒未说明"
                        : e.standing().label(),
                e.lastFile() == null ? "" : e.standing() == Standing.REJECTED ? "（" + e.lastFile() + "，错误 " + e.errors()
                        + " 处）" : e.standing() == Standing.RETURNED ? "（" + e.lastFile() + "）" : "",
                orDash(e.contactPerson()), orDash(e.contactPhone()), e.email() == null ? "" : "  邮箱 " + e.email(),
                e.mailNote() == null ? "" : "\n      " + e.mailNote()))
                .toList();
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
