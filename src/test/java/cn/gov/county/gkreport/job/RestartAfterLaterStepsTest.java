package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.CountyClock;
import cn.gov.county.gkreport.chase.ReminderRepository;
import cn.gov.county.gkreport.feedback.FeedbackRepository;
import cn.gov.county.gkreport.feedback.WriteFeedbackTasklet;
import cn.gov.county.gkreport.mail.reply.MailReplyRepository;
import cn.gov.county.gkreport.report.ReportRepository;
import cn.gov.county.gkreport.support.ApplicationContextTest;
import cn.gov.county.gkreport.support.Databases;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.StoredContent;
import cn.gov.county.gkreport.support.TestMailServers;
import cn.gov.county.gkreport.support.WorkbookCells;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The restart contract for the steps after the import: given a night with mail (replies with and
 * without feedback copies, a reminder), when the feedback, reply or reminder step fails
 * half-way (the database lost) and the operator runs the same command again, then the resumed run
 * ends where an uninterrupted night ends: the same stored content, the same feedback copies each
 * written once, the same mails each sent once, and the consolidated workbook equal cell by cell.
 * Each case starts from an empty database and mailbox with the same mails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartAfterLaterStepsTest extends ApplicationContextTest {

    private static final String OFFICE = "nianbao@county.test";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Units that mail their file instead of putting it in the folder: accepted, warned, rejected. */
    private static final List<String> MAILED = List.of("T01-南村镇-2024年政府信息公开年报.xlsx",
            "T05-周村镇-2024年政府信息公开年报.xlsx", "D07-县司法局-2024年政府信息公开年报.xlsx");
    private static final List<String> WIPED = List.of("mail_reply", "mail_reminder", "mail_attachment", "mail_message",
            "finding", "submission_value", "county_total", "consolidation_run", "submission");

    static GreenMail greenMail;
    static Path secrets;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Databases.h2(registry);
        greenMail = TestMailServers.start(ServerSetup.PROTOCOL_IMAPS, ServerSetup.PROTOCOL_SMTP);
        greenMail.setUser(OFFICE, OFFICE, "s3cret");
        secrets = Files.createTempDirectory("gkreport-restart-mail");
        TestMailServers.officeMail(registry, OFFICE, "s3cret", greenMail.getImaps().getPort(),
                greenMail.getSmtp().getPort(), secrets, "T16,lichuan@lichuan.test\n");
        registry.add("consolidator.chunk-size", () -> "10");
        registry.add("consolidator.deadline.date", () -> java.time.LocalDate.now(CountyClock.ZONE).plusDays(20).toString());
        registry.add("consolidator.deadline.reminders", () -> "20");
    }

    @MockitoSpyBean
    FeedbackRepository feedbackRepository;
    @MockitoSpyBean
    MailReplyRepository replies;
    @MockitoSpyBean
    ReminderRepository reminders;
    @Autowired
    ReportRepository reports;

    private Path work;
    private Night uninterrupted;

    /** What a night leaves behind. */
    record Night(StoredContent stored, Map<String, List<String>> workbook, List<String> feedbackCopies,
                 int feedbackWritten, List<String> mails) {
    }

    @BeforeAll
    void runAnUninterruptedNight(@TempDir Path work) throws Exception {
        this.work = work;
        Path[] folders = prepare("uninterrupted");
        assertThat(run(folders).exitCode()).isEqualTo(ConsolidationCommand.COMPLETED);
        uninterrupted = night(folders, 0);
        // the scenario has what the faults are about: copies, three replies (two with a copy), a reminder
        assertThat(uninterrupted.feedbackCopies()).hasSize(12); // D07, T05 and ten more ZERO-ALL units
        assertThat(uninterrupted.mails()).hasSize(4).anySatisfy(m -> assertThat(m).startsWith("lichuan@lichuan.test"));
    }

    @AfterAll
    void stopGreenMail() {
        greenMail.stop();
    }

    @Test
    void feedbackStepFailingAfterTheFirstCopy() throws Exception {
        Path[] folders = prepare("feedback");
        Path copies = new OutputLayout(folders[1], DemoInput.YEAR).feedbackDir();
        doAnswer(invocation -> {
            Consumer<FeedbackRepository.Pending> handler = invocation.getArgument(1);
            AtomicInteger handed = new AtomicInteger();
            new FeedbackRepository(jdbc, reports).withFindings(invocation.getArgument(0), pending -> {
                if (handed.incrementAndGet() == 2) {
                    awaitFiles(copies, 1); // the first copy is on disk when the database goes
                    throw new DataAccessResourceFailureException("simulated: connection to the database lost");
                }
                handler.accept(pending);
            });
            return null;
        }).when(feedbackRepository).withFindings(anyInt(), any());

        Night resumed = failThenResume(folders, StepNames.WRITE_FEEDBACK, () -> reset(feedbackRepository));

        // the night has 12 copies; the first was written before the failure
        assertThat(resumed.feedbackWritten()).as("copies written by the resumed run").isEqualTo(11);
    }

    @Test
    void replyStepFailingAfterTwoReplies() throws Exception {
        Path[] folders = prepare("replies");
        AtomicInteger reserved = new AtomicInteger();
        doAnswer(invocation -> {
            if (reserved.incrementAndGet() == 3) {
                throw new DataAccessResourceFailureException("simulated: connection to the database lost");
            }
            return invocation.callRealMethod();
        }).when(replies).reserve(any(), any(), anyLong(), any(), any(), any(), any(), anyLong(), any());

        failThenResume(folders, StepNames.MAIL_REPLIES, () -> reset(replies));

        assertThat(reserved).hasValue(3);
    }

    @Test
    void reminderStepFailingAfterTheReminderWentOut() throws Exception {
        Path[] folders = prepare("reminders");
        // the reminder is sent, then the database is gone before it can be marked sent (or failed)
        doThrow(new DataAccessResourceFailureException("simulated: connection to the database lost"))
                .when(reminders).sent(anyLong(), any());
        doThrow(new DataAccessResourceFailureException("simulated: connection to the database lost"))
                .when(reminders).failed(anyLong(), any());

        failThenResume(folders, StepNames.CHASE_LIST, () -> reset(reminders));

        assertThat(jdbc.queryForList("SELECT status FROM mail_reminder", String.class)).containsExactly("SENDING");
    }

    /**
     * Runs the night with the fault armed (it must fail in {@code step}), disarms it, runs the same
     * command again and checks the result against the uninterrupted night.
     */
    private Night failThenResume(Path[] folders, String step, Runnable disarm) throws Exception {
        ConsolidationCommand.Outcome failed = run(folders);
        assertThat(failed.exitCode()).isEqualTo(ConsolidationCommand.FAILED);
        JobExecution failedExecution = failed.execution().orElseThrow();
        assertThat(failedExecution.getStepExecutions()).filteredOn(s -> s.getStepName().equals(step)).singleElement()
                .satisfies(s -> assertThat(s.getStatus()).isEqualTo(BatchStatus.FAILED));
        disarm.run();

        ConsolidationCommand.Outcome resumed = run(folders);

        assertThat(resumed.exitCode()).isEqualTo(ConsolidationCommand.COMPLETED);
        JobExecution resumedExecution = resumed.execution().orElseThrow();
        assertThat(resumedExecution.getJobInstance().getInstanceId())
                .isEqualTo(failedExecution.getJobInstance().getInstanceId());
        Night night = night(folders, resumedExecution.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals(StepNames.WRITE_FEEDBACK))
                .mapToInt(s -> s.getExecutionContext().getInt(WriteFeedbackTasklet.WRITTEN, 0)).sum());
        assertThat(night.stored()).isEqualTo(uninterrupted.stored());
        assertThat(night.feedbackCopies()).isEqualTo(uninterrupted.feedbackCopies());
        assertThat(night.mails()).as("mails sent over both runs, each once").isEqualTo(uninterrupted.mails());
        assertThat(night.workbook().keySet()).containsExactlyElementsOf(uninterrupted.workbook().keySet());
        // 本次变化 compares with the run before: for the resumed run that is the interrupted one, whose
        // consolidation was stored (and whose workbook was written), so it rightly says 无变化
        night.workbook().forEach((sheet, cells) -> assertThat(cells).as(sheet).isEqualTo(sheet.equals("本次变化")
                ? List.of("A1=与上次汇总相比：无变化") : uninterrupted.workbook().get(sheet)));
        assertThat(uninterrupted.workbook().get("本次变化")).containsExactly("A1=本年度首次汇总，没有可比较的上次汇总。");
        return night;
    }

    /** An empty database and mailbox, the demo input without the mailed units, and their mails delivered. */
    private Path[] prepare(String name) throws Exception {
        WIPED.forEach(table -> jdbc.update("DELETE FROM " + table));
        greenMail.purgeEmailFromAllMailboxes();
        Path input = work.resolve(name).resolve("input");
        Path dir = DemoInput.copyTo(input);
        var office = greenMail.getUserManager().getUser(OFFICE);
        for (String file : MAILED) {
            Files.delete(dir.resolve(file));
            office.deliver(mail(file));
        }
        return new Path[] {input, work.resolve(name).resolve("output")};
    }

    private static MimeMessage mail(String file) throws Exception {
        String unit = file.substring(0, 3).toLowerCase();
        MimeMessage m = new MimeMessage(Session.getInstance(new java.util.Properties()));
        m.setFrom(new InternetAddress(unit + "@unit.test"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(OFFICE));
        m.setSubject(file.substring(4, file.indexOf('-', 4)) + "年报", "UTF-8");
        m.setHeader("Message-ID", "<" + unit + "@unit.test>");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("请查收。", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent(Files.readAllBytes(DemoInput.COMMITTED.resolve(file)), XLSX);
        attachment.setFileName(MimeUtility.encodeText(file, "UTF-8", "B"));
        attachment.setDisposition(Part.ATTACHMENT);
        m.setContent(new MimeMultipart(text, attachment));
        m.saveChanges();
        m.setHeader("Message-ID", "<" + unit + "@unit.test>");
        return m;
    }

    private ConsolidationCommand.Outcome run(Path[] folders) throws Exception {
        return command.execute(DemoInput.YEAR, folders[0].toString(), folders[1].toString(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private Night night(Path[] folders, int feedbackWritten) throws Exception {
        Path copies = new OutputLayout(folders[1], DemoInput.YEAR).feedbackDir();
        List<String> names = DemoInput.files(copies).stream().map(p -> p.getFileName().toString()).toList();
        // each case receives the files afresh, at its own time: 接收时间 is the one column that differs
        return new Night(StoredContent.of(jdbc), WorkbookCells.texts(new OutputLayout(folders[1], DemoInput.YEAR).consolidatedWorkbook(), List.of("接收时间")), names, feedbackWritten, sentMails());
    }

    /** Every mail the office sent, as recipient, subject and attachment names, sorted. */
    private static List<String> sentMails() throws Exception {
        List<String> mails = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (!((InternetAddress) m.getFrom()[0]).getAddress().equals(OFFICE)) {
                continue;
            }
            List<String> attachments = new ArrayList<>();
            if (m.getContent() instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    if (Part.ATTACHMENT.equalsIgnoreCase(mp.getBodyPart(i).getDisposition())) {
                        attachments.add(MimeUtility.decodeText(mp.getBodyPart(i).getFileName()));
                    }
                }
            }
            mails.add(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress() + " | "
                    + m.getSubject() + " | " + attachments);
        }
        return mails.stream().sorted().toList();
    }

    private static void awaitFiles(Path dir, int count) {
        try {
            for (int i = 0; i < 6_000; i++) { // a hang guard of a minute; the copy takes milliseconds
                if (Files.isDirectory(dir) && DemoInput.files(dir).size() >= count) {
                    return;
                }
                Thread.sleep(10);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no feedback copy was written in " + dir);
    }
}
