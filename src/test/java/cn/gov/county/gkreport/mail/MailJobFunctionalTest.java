package cn.gov.county.gkreport.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.gov.county.gkreport.chase.ChaseList;
import cn.gov.county.gkreport.chase.ChaseListTasklet;
import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.job.StepNames;
import cn.gov.county.gkreport.store.ReferenceDataRepository;
import cn.gov.county.gkreport.support.ApplicationContextTest;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.MutableClock;
import cn.gov.county.gkreport.support.TestMailServers;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Flags;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Submissions by mail through the whole nightly job, against an in-process GreenMail (IMAPS and
 * SMTP on loopback ports): the demo input minus the units that mail their files instead; the mails
 * name their attachments every way clients do (RFC 2047 GBK, RFC 2231 GB18030 and UTF-8, raw 8-bit
 * UTF-8 and GBK, Content-Type name only, a path in the name), one is delivered twice, one resends a
 * file already received, one has no attachment, one two attachments, one a zip. Then: files saved
 * under safe unique names, messages recorded and moved, one reply per submission to the right
 * address with the right content, notices, the chase list and its reminders; and reruns take and
 * send nothing twice while the reminder interval holds. The steps run in a job defined here with the
 * production steps in the order the nightly job will have them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Import(MailTestClock.class)
abstract class MailJobFunctionalTest extends ApplicationContextTest {

    static final String OFFICE = "nianbao@county.test";
    static final String PROCESSED = "年报已处理";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Charset GB18030 = Charset.forName("GB18030");

    static GreenMail greenMail;
    static Path secrets;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) throws Exception {
        greenMail = TestMailServers.start(ServerSetup.PROTOCOL_IMAPS, ServerSetup.PROTOCOL_SMTP);
        greenMail.setUser(OFFICE, OFFICE, "s3cret-kept-outside");
        secrets = Files.createTempDirectory("gkreport-mail-secrets");
        TestMailServers.officeMail(registry, OFFICE, "s3cret-kept-outside", greenMail.getImaps().getPort(),
                greenMail.getSmtp().getPort(), secrets, "T16,lichuan@lichuan.test\nX99,not-an-address\n");
        registry.add("consolidator.mail.mailbox.processed-folder", () -> PROCESSED);
        // reminder days: tonight (ten days before the deadline) and three days later
        registry.add("consolidator.deadline.date", () -> LocalDate.now(ZONE).plusDays(10).toString());
        registry.add("consolidator.deadline.reminders", () -> "10, 7");
    }

    @AfterAll
    void stopGreenMail() {
        greenMail.stop();
    }

    @Autowired
    MutableClock clock;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    @Qualifier("consolidationJob")
    Job job;
    @Autowired
    ReferenceDataRepository referenceData;

    Path input;
    Path output;
    Path dir;
    JobExecution first;
    GreenMailUser office;
    MimeMessage t01;
    Map<String, Map<String, BigDecimal>> demoFigures;

    static final String T01 = "T01-南村镇-2024年政府信息公开年报.xlsx";
    static final String T02 = "T02-北义城镇-2024年政府信息公开年报.xlsx";
    static final String T03 = "T03-巴公镇-2024年政府信息公开年报.xlsx";
    static final String T04 = "T04-大东沟镇-2024年政府信息公开年报.xlsx";
    static final String T05 = "T05-周村镇-2024年政府信息公开年报.xlsx";
    static final String T06 = "T06-下村镇-2024年政府信息公开年报.xlsx";
    static final String D03_1 = "D03-县教育局-2024年政府信息公开年报-第1版.xlsx";
    static final String D03_2 = "D03-县教育局-2024年政府信息公开年报-第2版（更正）.xlsx";
    static final String D07 = "D07-县司法局-2024年政府信息公开年报.xlsx";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @BeforeAll
    void deliverTheMailsAndRunTheJob(@org.junit.jupiter.api.io.TempDir Path work) throws Exception {
        input = work.resolve("input");
        output = work.resolve("output");
        dir = DemoInput.copyTo(input);
        for (String mailed : List.of(T01, T02, T03, T04, T05, T06, D03_1, D03_2, D07)) {
            Files.delete(dir.resolve(mailed));
        }
        demoFigures = new DemoSubmissions(form, roster, DemoInput.YEAR).acceptedFigures();
        office = greenMail.getUserManager().getUser(OFFICE);

        t01 = RawMail.message("<t01-2024@nancun.test>", "=?GBK?B?" + RawMail.b64("南村镇政府办", RawMail.GBK)
                        + "?= <t01@nancun.test>", "=?GBK?B?" + RawMail.b64("南村镇2024年政府信息公开年报报送", RawMail.GBK) + "?=")
                .text("请查收。").attach(XLSX, "attachment; filename=\"=?GBK?B?" + RawMail.b64(T01, RawMail.GBK) + "?=\"",
                        demo(T01)).mime();
        office.deliver(t01);
        office.deliver(RawMail.message("<t02-2024@beiyicheng.test>", "t02@beiyicheng.test", "北义城镇年报")
                .text("附件为年报。").attach("application/octet-stream", "attachment; filename*=GB18030''"
                        + URLEncoder.encode(T02, GB18030).replace("+", "%20"), demo(T02))
                .attach("image/png", "inline; filename=\"logo.png\"", new byte[] {(byte) 0x89, 'P', 'N', 'G'}).mime());
        office.deliver(RawMail.message("<t03-2024@bagong.test>", "t03@bagong.test", "巴公镇年报")
                .header("Reply-To", "office-t03@bagong.test")
                .attach(XLSX, "attachment; filename*=UTF-8''" + URLEncoder.encode("2024年政府信息公开年报.xlsx",
                        StandardCharsets.UTF_8), demo(T03)).mime());
        office.deliver(RawMail.message("<t04-2024@dadonggou.test>", "t04@dadonggou.test", "大东沟镇年报")
                .attach(XLSX, "attachment; filename=\"2024年政府信息公开年报.xlsx\"", demo(T04)).mime());
        office.deliver(RawMail.message("<t05-2024@zhoucun.test>", "t05@zhoucun.test", "周村镇年报")
                .attach(XLSX + "; name=\"=?UTF-8?B?" + RawMail.b64("周村镇年报.xlsx", StandardCharsets.UTF_8) + "?=\"",
                        null, demo(T05)).mime());
        office.deliver(RawMail.message("<d07-2024@sifa.test>", "d07@sifa.test", "县司法局年报")
                .attach(XLSX.getBytes(StandardCharsets.US_ASCII), ("attachment; filename=\"" + D07 + "\"")
                        .getBytes(RawMail.GBK), demo(D07))
                .attach("application/pdf", "attachment; filename=\"县司法局年报（盖章）.pdf\"",
                        "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)).mime());
        office.deliver(RawMail.message("<d03-2024@jiaoyu.test>", "d03@jiaoyu.test", "县教育局年报两版")
                .attach(XLSX, "attachment; filename=\"..\\\\..\\\\" + D03_1 + "\"", demo(D03_1))
                .attach(XLSX, "attachment; filename=\"../" + D03_2 + "\"", demo(D03_2)).mime());
        office.deliver(RawMail.message("<t06-2024@xiacun.test>", "t06@xiacun.test", "下村镇年报（压缩包）")
                .attach("application/zip", "attachment; filename=\"T06-下村镇-年报.zip\"", zip(T06, demo(T06))).mime());
        office.deliver(RawMail.message("<t02-again@beiyicheng.test>", "t02-other@beiyicheng.test", "再次发送")
                .attach(XLSX, "attachment; filename=\"北义城镇年报（再次发送）.xlsx\"", demo(T02)).mime());
        office.deliver(RawMail.message("<question@example.test>", "citizen@example.test", "咨询年报报送时间")
                .text("请问截止日期是哪天？").mime());
        office.deliver(t01); // the same message delivered twice

        syncReferenceData();
        first = run(1);
    }

    void syncReferenceData() {
        referenceData.syncRoster(roster);
        referenceData.syncForm(form);
    }

    JobExecution run(long run) throws Exception {
        return jobOperator.start(job, new JobParametersBuilder().addLong("year", (long) DemoInput.YEAR)
                .addString("input", input.toString()).addString("output", output.toString()).addLong("run", run)
                .toJobParameters());
    }

    static byte[] demo(String name) throws Exception {
        return Files.readAllBytes(DemoInput.COMMITTED.resolve(name));
    }

    static byte[] zip(String name, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** The mails the office sent (replies, notices, reminders), in the order received. */
    List<MimeMessage> sentByOffice() {
        return Stream.of(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getFrom() != null && ((InternetAddress) m.getFrom()[0]).getAddress().equals(OFFICE);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    static String to(MimeMessage m) throws Exception {
        return ((InternetAddress) m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0]).getAddress();
    }

    /** The plain-text body, wherever the multipart structure puts it. */
    static String body(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        Multipart mp = (Multipart) content;
        for (int i = 0; i < mp.getCount(); i++) {
            Part p = mp.getBodyPart(i);
            if (p.isMimeType("multipart/*") || (p.isMimeType("text/plain") && p.getDisposition() == null)) {
                String text = body(p);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    int countTo(String address) throws Exception {
        int n = 0;
        for (MimeMessage m : sentByOffice()) {
            n += to(m).equals(address) ? 1 : 0;
        }
        return n;
    }

    static List<String> attachmentNames(MimeMessage m) throws Exception {
        List<String> names = new ArrayList<>();
        if (m.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                if (Part.ATTACHMENT.equalsIgnoreCase(mp.getBodyPart(i).getDisposition())) {
                    names.add(MimeUtility.decodeText(mp.getBodyPart(i).getFileName()));
                }
            }
        }
        return names;
    }

    MimeMessage sentTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : sentByOffice()) {
            if (to(m).equals(address)) {
                found.add(m);
            }
        }
        assertThat(found).as("mails to " + address).hasSize(1);
        return found.get(0);
    }

    MailFolder folder(String name) throws Exception {
        return greenMail.getManagers().getImapHostManager().getFolder(office, name);
    }

    @Test
    @Order(1)
    void theJobCompletesWithEveryMailedUnitImported() {
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> steps = first.getStepExecutions().stream().map(s -> s.getStepName()).toList();
        assertThat(steps.subList(0, 5)).containsExactly(StepNames.MAIL_INTAKE, StepNames.INTAKE, StepNames.IMPORT_SUBMISSIONS,
                StepNames.REVIEW, StepNames.CONSOLIDATE);
        // the workbook, the feedback copies and the draft are written at once (a split): any may start first
        assertThat(steps.subList(5, 8)).containsExactlyInAnyOrder(StepNames.WRITE_WORKBOOK, StepNames.WRITE_FEEDBACK,
                StepNames.WRITE_DRAFT);
        assertThat(steps.subList(8, 12)).containsExactly(StepNames.STATUS_PAGE, StepNames.MAIL_REPLIES, StepNames.CHASE_LIST,
                StepNames.RESULT_MAIL);
        Map<String, Object> units = Map.of(
                "T01", "ACCEPTED", "T02", "ACCEPTED", "T03", "ACCEPTED", "T04", "ACCEPTED", "T05", "ACCEPTED",
                "D07", "REJECTED");
        units.forEach((code, status) -> assertThat(jdbc.queryForList(
                "SELECT status FROM submission WHERE unit_code = ?", String.class, code)).as(code).containsExactly(
                (String) status));
        assertThat(jdbc.queryForList("SELECT status FROM submission WHERE unit_code = 'D03' ORDER BY version",
                String.class)).containsExactly("SUPERSEDED", "ACCEPTED");
        assertThat(jdbc.queryForList("SELECT status FROM submission WHERE unit_code = 'T06'", String.class)).isEmpty();
    }

    @Test
    @Order(2)
    void attachmentsAreSavedUnderTheirDecodedSafeUniqueNames() throws Exception {
        assertThat(dir.resolve(T01)).exists().hasSameBinaryContentAs(DemoInput.COMMITTED.resolve(T01));
        assertThat(dir.resolve(T02)).hasSameBinaryContentAs(DemoInput.COMMITTED.resolve(T02));
        assertThat(dir.resolve("2024年政府信息公开年报.xlsx")).hasSameBinaryContentAs(DemoInput.COMMITTED.resolve(T03));
        assertThat(dir.resolve("2024年政府信息公开年报(2).xlsx")).hasSameBinaryContentAs(DemoInput.COMMITTED.resolve(T04));
        assertThat(dir.resolve("周村镇年报.xlsx")).hasSameBinaryContentAs(DemoInput.COMMITTED.resolve(T05));
        assertThat(dir.resolve(D07)).hasSameBinaryContentAs(DemoInput.COMMITTED.resolve(D07));
        assertThat(dir.resolve(D03_1)).hasSameBinaryContentAs(DemoInput.COMMITTED.resolve(D03_1));
        assertThat(dir.resolve(D03_2)).hasSameBinaryContentAs(DemoInput.COMMITTED.resolve(D03_2));
        assertThat(dir.resolve("北义城镇年报（再次发送）.xlsx")).doesNotExist();
        assertThat(input.getParent().resolve("D03-县教育局-2024年政府信息公开年报-第1版.xlsx")).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".mail-")
                    || n.endsWith(".zip"));
        }
        // the two attachments of one message are versions in attachment order
        assertThat(Files.getLastModifiedTime(dir.resolve(D03_1))).isLessThan(Files.getLastModifiedTime(dir.resolve(D03_2)));
    }

    @Test
    @Order(3)
    void everyMessageIsRecordedOnceWithSenderSubjectAndMessageId() {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT message_id, sender, sender_name, reply_to, subject, "
                + "outcome, server_state FROM mail_message ORDER BY id");
        assertThat(rows).extracting(r -> r.get("message_id"), r -> r.get("sender"), r -> r.get("outcome"),
                r -> r.get("server_state")).containsExactly(
                tuple("<t01-2024@nancun.test>", "t01@nancun.test", "SAVED", "DONE"),
                tuple("<t02-2024@beiyicheng.test>", "t02@beiyicheng.test", "SAVED", "DONE"),
                tuple("<t03-2024@bagong.test>", "t03@bagong.test", "SAVED", "DONE"),
                tuple("<t04-2024@dadonggou.test>", "t04@dadonggou.test", "SAVED", "DONE"),
                tuple("<t05-2024@zhoucun.test>", "t05@zhoucun.test", "SAVED", "DONE"),
                tuple("<d07-2024@sifa.test>", "d07@sifa.test", "SAVED", "DONE"),
                tuple("<d03-2024@jiaoyu.test>", "d03@jiaoyu.test", "SAVED", "DONE"),
                tuple("<t06-2024@xiacun.test>", "t06@xiacun.test", "REFUSED", "DONE"),
                tuple("<t02-again@beiyicheng.test>", "t02-other@beiyicheng.test", "DUPLICATE", "DONE"),
                tuple("<question@example.test>", "citizen@example.test", "NO_ATTACHMENT", "LEFT"));
        assertThat(rows.get(0).get("subject")).isEqualTo("南村镇2024年政府信息公开年报报送");
        assertThat(rows.get(0).get("sender_name")).isEqualTo("南村镇政府办");
        assertThat(rows.get(2).get("reply_to")).isEqualTo("office-t03@bagong.test");

        List<Map<String, Object>> attachments = jdbc.queryForList("""
                SELECT m.message_id, a.name_as_sent, a.saved_name, a.outcome, a.sha256 FROM mail_attachment a
                JOIN mail_message m ON m.id = a.mail_message_id ORDER BY a.id""");
        assertThat(attachments).extracting(r -> r.get("name_as_sent"), r -> r.get("saved_name"), r -> r.get("outcome"))
                .containsExactly(
                        tuple(T01, T01, "SAVED"),
                        tuple(T02, T02, "SAVED"),
                        tuple("2024年政府信息公开年报.xlsx", "2024年政府信息公开年报.xlsx", "SAVED"),
                        tuple("2024年政府信息公开年报.xlsx", "2024年政府信息公开年报(2).xlsx", "SAVED"),
                        tuple("周村镇年报.xlsx", "周村镇年报.xlsx", "SAVED"),
                        tuple(D07, D07, "SAVED"),
                        tuple("县司法局年报（盖章）.pdf", null, "NOT_EXCEL"),
                        tuple("..\\..\\" + D03_1, D03_1, "SAVED"),
                        tuple("../" + D03_2, D03_2, "SAVED"),
                        tuple("T06-下村镇-年报.zip", null, "ARCHIVE"),
                        tuple("北义城镇年报（再次发送）.xlsx", null, "DUPLICATE"));
        // the link to the submission is the fingerprint
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM mail_attachment a JOIN submission s
                  ON s.report_year = a.report_year AND s.sha256 = a.sha256 WHERE a.outcome = 'SAVED'""",
                Integer.class)).isEqualTo(8);
        // a mailed file is registered as MAIL, received when its mail arrived (not when the job ran)
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM mail_attachment a
                JOIN mail_message m ON m.id = a.mail_message_id
                JOIN submission s ON s.report_year = a.report_year AND s.sha256 = a.sha256
                WHERE a.outcome = 'SAVED' AND s.source = 'MAIL' AND s.received_at = m.received_at""",
                Integer.class)).isEqualTo(8);
    }

    @Test
    @Order(4)
    void processedMessagesAreMovedAndTheOneWithoutAttachmentIsLeftUnread() throws Exception {
        MailFolder inbox = folder("INBOX");
        assertThat(inbox.getMessages()).hasSize(1).singleElement().satisfies(m -> {
            assertThat(m.getMimeMessage().getHeader("Message-ID")[0]).isEqualTo("<question@example.test>");
            assertThat(m.getFlags().contains(Flags.Flag.SEEN)).isFalse();
        });
        assertThat(folder(PROCESSED).getMessages()).hasSize(10); // nine recorded + the second delivery of T01
    }

    @Test
    @Order(5)
    void eachSenderGetsOneReplyAtTheRightAddress() throws Exception {
        List<MimeMessage> sent = sentByOffice();
        List<String> recipients = new ArrayList<>();
        for (MimeMessage m : sent) {
            recipients.add(to(m));
        }
        assertThat(recipients).containsExactlyInAnyOrder("t01@nancun.test", "t02@beiyicheng.test",
                "office-t03@bagong.test", "t04@dadonggou.test", "t05@zhoucun.test", "d07@sifa.test", "d03@jiaoyu.test",
                "d03@jiaoyu.test", "t06@xiacun.test", "t02-other@beiyicheng.test", "lichuan@lichuan.test");
        assertThat(jdbc.queryForList("SELECT kind FROM mail_reply WHERE status = 'SENT' ORDER BY kind", String.class))
                // T01, T02 and T04 report no application and no case: ZERO-ALL asks them to confirm it
                .containsExactly("ACCEPTED", "ACCEPTED", "NOTICE", "NOTICE", "REJECTED", "SUPERSEDED", "WARNED", "WARNED",
                        "WARNED", "WARNED");
    }

    @Test
    @Order(6)
    void theAcceptedReplyQuotesTheKeyFiguresAndThreadsUnderTheUnitsMail() throws Exception {
        MimeMessage reply = sentTo("t01@nancun.test");
        // accepted, with the ZERO-ALL warning of a town that reports no application and no case
        assertThat(reply.getSubject()).isEqualTo("【已接收，请核对提醒】南村镇2024年政府信息公开年报（第1版）");
        assertThat(reply.getHeader("In-Reply-To")[0]).isEqualTo("<t01-2024@nancun.test>");
        assertThat(reply.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        Map<String, BigDecimal> t01Figures = demoFigures.get("T01");
        assertThat(body(reply)).startsWith("南村镇：\n\n您好！")
                .contains("《" + T01 + "》已收到，并通过校验，已作为2024年度第1版计入全县汇总")
                .contains("表三 一、本年新收政府信息公开申请数量（总计）："
                        + t01Figures.get("T3.NEW.TOTAL").stripTrailingZeros().toPlainString() + " 件")
                .contains("表二 行政许可 本年处理决定数量："
                        + t01Figures.get("T2.LICENSE.DECISIONS").stripTrailingZeros().toPlainString() + " 件")
                .contains("表二 行政事业性收费 本年收费金额：" + t01Figures.get("T2.FEE.AMOUNT").setScale(2) + " 万元")
                .contains("泽州县政务公开办");
        assertThat(attachmentNames(reply)).containsExactly("南村镇-2024年-第1版-校验反馈.xlsx");
        assertThat(body(sentTo("office-t03@bagong.test"))).contains("《2024年政府信息公开年报.xlsx》已收到");
        assertThat(body(sentTo("t04@dadonggou.test"))).contains("《2024年政府信息公开年报.xlsx》已收到"); // its own name
        assertThat(body(sentTo("d07@sifa.test"))).contains("贵单位于").contains("发来的《" + D07 + "》");
    }

    @Test
    @Order(7)
    void theRejectedReplyListsTheErrorsAndAttachesTheFeedbackWorkbook() throws Exception {
        MimeMessage reply = sentTo("d07@sifa.test");
        assertThat(reply.getSubject()).isEqualTo("【未通过校验】县司法局2024年政府信息公开年报（第1版），请改正后重新报送");
        assertThat(body(reply)).contains("未通过校验，暂未计入汇总。需要改正的问题共 4 处")
                .contains("1. [错误] 表三 \"（四）无法提供 1.本机关不掌握相关政府信息\" 行: 总计 填报 0")
                .contains("出错的单元格已用红色标出")
                .contains("前重新发送整个文件")
                .contains("另：同一封邮件中的以下附件未处理：\n  · 《县司法局年报（盖章）.pdf》：不是 Excel 文件，汇总只读取 Excel 文件");
        assertThat(attachmentNames(reply)).containsExactly("县司法局-2024年-第1版-校验反馈.xlsx");

        MimeMessage warned = sentTo("t05@zhoucun.test");
        assertThat(warned.getSubject()).isEqualTo("【已接收，请核对提醒】周村镇2024年政府信息公开年报（第1版）");
        assertThat(body(warned)).contains("另有 3 处提醒（不影响接收）").contains("[警告]").contains("黄色标出");
        assertThat(attachmentNames(warned)).containsExactly("周村镇-2024年-第1版-校验反馈.xlsx");
    }

    @Test
    @Order(8)
    void twoAttachmentsAreTwoVersionsEachAnswered() throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : sentByOffice()) {
            if (to(m).equals("d03@jiaoyu.test")) {
                subjects.add(m.getSubject());
            }
        }
        assertThat(subjects).containsExactlyInAnyOrder("【已接收】县教育局2024年政府信息公开年报（第1版），以第2版为准",
                "【已接收】县教育局2024年政府信息公开年报（第2版）");
        for (MimeMessage m : sentByOffice()) {
            if (to(m).equals("d03@jiaoyu.test") && m.getSubject().contains("第1版")) {
                assertThat(body(m)).contains("发来的《" + D03_1 + "》已收到，并通过校验。此后又收到贵单位的第2版")
                        .doesNotContain("..");
            }
        }
    }

    @Test
    @Order(9)
    void messagesThatBroughtNothingNewGetANotice() throws Exception {
        MimeMessage zip = sentTo("t06@xiacun.test");
        assertThat(zip.getSubject()).isEqualTo("【未能处理】您发来的邮件中没有可处理的 Excel 年报文件");
        assertThat(body(zip)).contains("《T06-下村镇-年报.zip》：压缩文件不解压处理，请解压后直接发送其中的 Excel 文件")
                .contains("作为附件直接发送到 " + OFFICE);
        MimeMessage again = sentTo("t02-other@beiyicheng.test");
        assertThat(again.getSubject()).isEqualTo("【已收到】您发来的文件此前已经收到，无需重复发送");
        assertThat(body(again)).contains("《北义城镇年报（再次发送）.xlsx》").contains("（第1版），处理结果：已接收");
    }

    @Test
    @Order(10)
    void theChaseListNamesTheUnitsToRemindWithContactsAndTheFirstReminderIsSent() throws Exception {
        Path csv = output.resolve("2024/催报名单-2024.csv");
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> all = List.of(new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        // accepted units are chased only for warnings they explained none of (the demo's ZERO-ALL towns)
        List<String> lines = all.stream().filter(l -> !l.contains(",已接收,提醒未说明,")).toList();
        assertThat(all).filteredOn(l -> l.contains(",已接收,提醒未说明,")).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("处提醒尚未说明").contains("“说明”表"));
        assertThat(lines.get(0)).isEqualTo("单位代码,单位名称,单位类型,状态,催报原因,首次报送,首个通过版本,最近报送文件,"
                + "最近报送时间,错误数,联系人,联系电话,电子邮箱,上次催报,催报内容,邮件情况");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("T06,下村镇,镇,未报送,未报送,未报送（截止前）,未报送（截止前）,,,,,,,,截至")
                .contains("尚未收到贵单位2024年政府信息公开工作年度报告，请于");
        assertThat(lines.get(2)).startsWith("T16,犁川镇,镇,未报送,未报送,未报送（截止前）,未报送（截止前）,,,,,,lichuan@lichuan.test,")
                .matches("T16,.*,lichuan@lichuan.test,\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2},截至.*"); // tonight's reminder
        assertThat(lines.get(3)).startsWith("D07,县司法局,县直单位,未通过,未通过校验,按时（" + LocalDate.now(clock) + "）,未通过（截止前）,"
                + D07 + ",").contains(",4,联系人D07,0356-30").contains(",d07@sifa.test,").contains("未通过校验（错误 4 处）");
        MimeMessage reminder = sentTo("lichuan@lichuan.test");
        assertThat(reminder.getSubject()).startsWith("【提醒】犁川镇2024年政府信息公开工作年度报告尚未报送（截止");
        assertThat(body(reminder)).startsWith("犁川镇：\n\n您好！截至").contains("作为附件发送到 " + OFFICE);
        assertThat(reminder.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat(first.getStepExecutions().stream().filter(s -> s.getStepName().equals(StepNames.CHASE_LIST)).findFirst()
                .orElseThrow().getExecutionContext().getInt(ChaseListTasklet.COUNT)).isEqualTo(all.size() - 1);
        List<ChaseList.Entry> none = List.of();
        assertThat(ChaseList.summaryLines(none)).isEmpty();
    }

    @Test
    @Order(11)
    void aRerunTakesNothingAndSendsNothingTwice() throws Exception {
        int messages = count("mail_message");
        int submissions = count("submission");
        int sent = sentByOffice().size();
        clock.advance(Duration.ofDays(1));
        JobExecution again = run(2);
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("mail_message")).isEqualTo(messages);
        assertThat(count("submission")).isEqualTo(submissions);
        assertThat(sentByOffice()).hasSize(sent); // the next reminder day is three days after the first run
        assertThat(step(again, StepNames.MAIL_INTAKE).getReadCount()).isZero();
        assertThat(step(again, StepNames.IMPORT_SUBMISSIONS).getReadCount()).isZero();
    }

    @Test
    @Order(12)
    void aLateSecondDeliveryIsOnlyMovedAndTheReminderIntervalHoldsAcrossRuns() throws Exception {
        int messages = count("mail_message");
        int sent = sentByOffice().size();
        office.deliver(t01);
        clock.advance(Duration.ofDays(2)); // three days after the first run
        JobExecution third = run(3);
        assertThat(third.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("mail_message")).isEqualTo(messages);
        assertThat(folder("INBOX").getMessages()).hasSize(1);
        assertThat(folder(PROCESSED).getMessages()).hasSize(11);
        // T16 again on the next reminder day; D07 now too (its rejection reply was not today); T06 has no
        // address; and the four mailed towns whose accepted versions have warnings none explained (replied
        // to on the first night, so not reminded that day)
        assertThat(sentByOffice()).hasSize(sent + 6);
        assertThat(countTo("lichuan@lichuan.test")).isEqualTo(2);
        assertThat(countTo("d07@sifa.test")).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT unit_code FROM mail_reminder WHERE standing <> 'UNEXPLAINED' ORDER BY id",
                String.class)).containsExactly("T16", "T16", "D07");
        assertThat(jdbc.queryForList("SELECT unit_code FROM mail_reminder WHERE standing = 'UNEXPLAINED' ORDER BY unit_code",
                String.class)).containsExactly("T01", "T02", "T04", "T05");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_reminder WHERE status = 'SENT'", Integer.class))
                .isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_reply", Integer.class)).isEqualTo(10);
    }

    MimeMessage sentWithSubjectStarting(String to, String prefix) throws Exception {
        for (MimeMessage m : sentByOffice()) {
            if (to(m).equals(to) && m.getSubject().startsWith(prefix)) {
                return m;
            }
        }
        throw new AssertionError("no mail to " + to + " with subject " + prefix);
    }

    static byte[] raw(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    @Test
    @Order(13)
    void theFeedbackCopyIsNamedByTheStandardAsASecondParserReadsIt() throws Exception {
        byte[] reply = raw(sentWithSubjectStarting("d07@sifa.test", "【未通过校验】"));
        String headers = new String(reply, StandardCharsets.US_ASCII);
        assertThat(headers).contains("filename*=UTF-8''").doesNotContain("filename*0").doesNotContain("filename=\"=?");
        // Apache James mime4j: an independent MIME parser
        org.apache.james.mime4j.dom.Message parsed = new org.apache.james.mime4j.message.DefaultMessageBuilder()
                .parseMessage(new java.io.ByteArrayInputStream(reply));
        org.apache.james.mime4j.dom.Multipart mixed = (org.apache.james.mime4j.dom.Multipart) parsed.getBody();
        org.apache.james.mime4j.dom.Entity attachment = mixed.getBodyParts().get(1);
        assertThat(attachment.getDispositionType()).isEqualTo("attachment");
        assertThat(attachment.getFilename()).isEqualTo("县司法局-2024年-第1版-校验反馈.xlsx");
        assertThat(attachment.getMimeType()).isEqualTo(XLSX);
        assertThat(((org.apache.james.mime4j.dom.field.ContentTypeField) attachment.getHeader().getField("Content-Type"))
                .getParameter("name")).isEqualTo("县司法局-2024年-第1版-校验反馈.xlsx");
        byte[] content = ((org.apache.james.mime4j.dom.SingleBody) attachment.getBody()).getInputStream().readAllBytes();
        assertThat(content).isEqualTo(Files.readAllBytes(output.resolve("2024/feedback/县司法局-2024年-第1版-校验反馈.xlsx")));
        // the Message-ID the reply went out with is the one recorded (a bounce names it)
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_reply WHERE message_id = ?", Integer.class,
                parsed.getMessageId())).isEqualTo(1);
    }

    @Test
    @Order(14)
    void bouncesOutlookAndOurOwnCopiesAsTheyReallyArrive() throws Exception {
        int submissions = count("submission");
        MimeMessage d07Reply = sentWithSubjectStarting("d07@sifa.test", "【未通过校验】");
        // 1. a standard delivery report (Postfix) carrying the rejection reply with its feedback copy
        office.deliver(new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(("""
                Message-ID: <bounce-1@mail.county.test>
                From: MAILER-DAEMON@mail.county.test (Mail Delivery System)
                To: nianbao@county.test
                Subject: Undelivered Mail Returned to Sender
                Date: Sat, 11 Jan 2025 02:00:00 +0800
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

                --dsn
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host mail.county.test. Your message could not be delivered.
                <d07@sifa.test>: host mx.sifa.test said: 550 5.1.1 User unknown

                --dsn
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mail.county.test

                Final-Recipient: rfc822; d07@sifa.test
                Original-Recipient: rfc822;d07@sifa.test
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <d07@sifa.test>: Recipient address rejected: User unknown

                --dsn
                Content-Type: message/rfc822

                """.replace("\n", "\r\n") + new String(raw(d07Reply), StandardCharsets.ISO_8859_1) + "\r\n--dsn--\r\n")
                .getBytes(StandardCharsets.ISO_8859_1))));
        // 2. a Chinese server's 退信 of the reminder to 犁川镇: plain text quoting the returned headers
        String reminderId = jdbc.queryForObject("SELECT message_id FROM mail_reminder WHERE id = "
                + "(SELECT MAX(id) FROM mail_reminder WHERE unit_code = 'T16')", String.class);
        office.deliver(RawMail.message("<tuixin-1@lichuan.test>", "postmaster@lichuan.test", "系统退信")
                .text("抱歉，您的邮件没能成功发送。\n收件人：lichuan@lichuan.test\n退信原因：收件人邮箱已停用\n\n"
                        + "----- 原邮件信息 -----\nMessage-ID: " + reminderId + "\nSubject: 【提醒】犁川镇\n").mime());
        // 3. 县司法局 sends our feedback copy back as if it were its corrected file
        office.deliver(RawMail.message("<d07-back@sifa.test>", "d07@sifa.test", "回复：改好了")
                .attach(XLSX, "attachment; filename=\"县司法局-2024年-第1版-校验反馈.xlsx\"",
                        Files.readAllBytes(output.resolve("2024/feedback/县司法局-2024年-第1版-校验反馈.xlsx"))).mime());
        // 4. Outlook in rich-text format: 下村镇's workbook inside winmail.dat
        office.deliver(RawMail.message("<t06-outlook@xiacun.test>", "t06@xiacun.test", "下村镇年报（Outlook）")
                .attach("application/ms-tnef; name=\"winmail.dat\"", "attachment; filename=\"winmail.dat\"",
                        new Tnef().attach(T06, demo(T06)).bytes()).mime());
        // 5. Outlook rich text from 犁川镇 without a workbook inside
        office.deliver(RawMail.message("<t16-outlook@lichuan.test>", "lichuan@lichuan.test", "年报")
                .attach("application/ms-tnef", "attachment; filename=\"winmail.dat\"",
                        new Tnef().attach("犁川镇年报说明.docx", new byte[] {'P', 'K', 3, 4}).bytes()).mime());
        clock.advance(Duration.ofHours(1));

        JobExecution fourth = run(4);

        assertThat(fourth.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // nothing inside a report is a submission; our copy sent back is not either; the winmail workbook is
        assertThat(count("submission")).isEqualTo(submissions + 1);
        assertThat(jdbc.queryForList("SELECT status FROM submission WHERE unit_code = 'D07'", String.class))
                .containsExactly("REJECTED");
        assertThat(jdbc.queryForList("SELECT file_name FROM submission WHERE unit_code = 'T06' AND status = 'ACCEPTED'",
                String.class)).containsExactly(T06);
        assertThat(jdbc.queryForList("SELECT outcome FROM mail_message WHERE message_id IN ('<bounce-1@mail.county.test>', "
                + "'<tuixin-1@lichuan.test>') ORDER BY id", String.class)).containsExactly("BOUNCE", "BOUNCE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_attachment a JOIN mail_message m ON m.id = a.mail_message_id "
                + "WHERE m.outcome = 'BOUNCE'", Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT unit_code, recipient, status_code FROM mail_bounce ORDER BY id"))
                .extracting(r -> r.get("unit_code"), r -> r.get("recipient"))
                .containsExactly(tuple("D07", "d07@sifa.test"), tuple("T16", "lichuan@lichuan.test"));
        assertThat(jdbc.queryForList("SELECT a.outcome FROM mail_attachment a JOIN mail_message m ON m.id = a.mail_message_id "
                + "WHERE m.message_id IN ('<d07-back@sifa.test>', '<t06-outlook@xiacun.test>', '<t16-outlook@lichuan.test>') "
                + "ORDER BY m.id", String.class)).containsExactly("FEEDBACK_COPY", "SAVED", "WINMAIL_EMPTY");
        // bounces are never answered; the copy sent back and the empty winmail.dat get a notice saying what to do
        assertThat(sentByOffice().stream().filter(m -> {
            try {
                return to(m).contains("daemon") || to(m).contains("postmaster");
            } catch (Exception e) {
                return false;
            }
        })).isEmpty();
        MimeMessage copyBack = sentWithSubjectStarting("d07@sifa.test", "【未能处理】");
        assertThat(body(copyBack)).contains("本系统发回的校验反馈副本").contains("原文件中改正");
        MimeMessage winmail = sentWithSubjectStarting("lichuan@lichuan.test", "【未能处理】");
        assertThat(body(winmail)).contains("winmail.dat").contains("“HTML”或“纯文本”").contains("犁川镇年报说明.docx");
        assertThat(body(sentWithSubjectStarting("t06@xiacun.test", "【已接收】"))).contains("《" + T06 + "》已收到");

        List<String> lines = List.of(Files.readString(output.resolve("2024/催报名单-2024.csv")).substring(1).split("\r\n"));
        assertThat(lines).noneMatch(l -> l.startsWith("T06,"));
        assertThat(lines).filteredOn(l -> l.startsWith("D07,")).singleElement().asString()
                .containsPattern("回复邮件退信：地址 d07@sifa.test 无法送达（\\d+月\\d+日 \\d{2}:\\d{2}）")
                .contains("《县司法局-2024年-第1版-校验反馈.xlsx》发回的是校验反馈副本");
        assertThat(lines).filteredOn(l -> l.startsWith("T16,")).singleElement().asString()
                .contains("催报邮件退信：地址 lichuan@lichuan.test 无法送达")
                .containsPattern("邮件未能处理（\\d+月\\d+日 \\d{2}:\\d{2}）：《winmail.dat》Outlook 的 winmail.dat，其中没有 Excel 文件");
    }

    @Test
    @Order(15)
    void aRerunAfterBouncesTakesAndSendsNothingTwice() throws Exception {
        int messages = count("mail_message");
        int bounces = count("mail_bounce");
        int submissions = count("submission");
        int sent = sentByOffice().size();
        JobExecution again = run(5);
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("mail_message")).isEqualTo(messages);
        assertThat(count("mail_bounce")).isEqualTo(bounces);
        assertThat(count("submission")).isEqualTo(submissions);
        assertThat(sentByOffice()).hasSize(sent);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private static org.springframework.batch.core.step.StepExecution step(JobExecution e, String name) {
        return e.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }
}
