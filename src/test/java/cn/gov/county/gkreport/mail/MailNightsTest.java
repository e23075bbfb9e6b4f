package cn.gov.county.gkreport.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.gov.county.gkreport.ConsolidatorProperties;
import cn.gov.county.gkreport.CountyClock;
import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.Table3Row;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.mail.reply.ReplyTexts;
import cn.gov.county.gkreport.read.grid.ReadLimits;
import cn.gov.county.gkreport.support.ApplicationContextTest;
import cn.gov.county.gkreport.support.Databases;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.MutableClock;
import cn.gov.county.gkreport.support.TestMailServers;
import cn.gov.county.gkreport.support.UnitWorkbooks;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mail over three nights, through the operator's command (the real entry point, run summary
 * included). Night 1: the mail server is down; every reply and the reminder are marked failed and
 * the summary says they go out next time. Night 2: the server is up; each goes out once. Night 3:
 * nothing is sent again. On the way: a reply lists at most {@link ReplyTexts#MAX_LISTED} findings
 * and says how many more there are, and an attachment too large or impossible to decode gets a
 * notice saying so and what to do. Assertions hold to behaviour and key phrases, not whole texts.
 */
@SpringBootTest(properties = "consolidator.read-limits.max-file-bytes=1048576")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Import(MailTestClock.class)
class MailNightsTest extends ApplicationContextTest {

    static final String OFFICE = "nianbao@county.test";
    static final String T01 = "T01-南村镇-2024年政府信息公开年报.xlsx";
    static final String T02 = "T02-北义城镇-2024年政府信息公开年报.xlsx";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static GreenMail mailbox;
    static int smtpPort;
    static Path secrets;

    /** The office's SMTP server: not running on night 1. */
    GreenMail smtp;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Databases.h2(registry);
        mailbox = TestMailServers.start(ServerSetup.PROTOCOL_IMAPS);
        mailbox.setUser(OFFICE, OFFICE, "s3cret");
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        secrets = Files.createTempDirectory("gkreport-mail-nights");
        TestMailServers.officeMail(registry, OFFICE, "s3cret", mailbox.getImaps().getPort(), smtpPort, secrets,
                "T16,lichuan@lichuan.test\n");
        // reminder days: nights 1 and 2 (night 2 retries what failed on night 1), not night 3
        registry.add("consolidator.deadline.date", () -> LocalDate.now(CountyClock.ZONE).plusDays(20).toString());
        registry.add("consolidator.deadline.reminders", () -> "20, 19");
    }

    @Autowired
    MutableClock clock;
    @Autowired
    ConsolidatorProperties properties;

    Path input;
    Path output;
    String night1;
    String night2;
    String night3;

    @BeforeAll
    void deliverTheMailsAndRunTheFirstNightWithTheMailServerDown(@TempDir Path work) throws Exception {
        input = work.resolve("input");
        output = work.resolve("output");
        Path dir = DemoInput.copyTo(input);
        for (String mailed : List.of(T01, T02, "T03-巴公镇-2024年政府信息公开年报.xlsx", "T04-大东沟镇-2024年政府信息公开年报.xlsx")) {
            Files.delete(dir.resolve(mailed));
        }
        var office = mailbox.getUserManager().getUser(OFFICE);
        office.deliver(RawMail.message("<t01@nancun.test>", "t01@nancun.test", "南村镇年报")
                .attach(XLSX, "attachment; filename=\"" + T01 + "\"", Files.readAllBytes(DemoInput.COMMITTED.resolve(T01)))
                .mime());
        office.deliver(RawMail.message("<t02@beiyicheng.test>", "t02@beiyicheng.test", "北义城镇年报")
                .attach(XLSX, "attachment; filename=\"" + T02 + "\"", manyErrors(work.resolve(T02))).mime());
        byte[] large = new byte[1_500_000];
        new Random(3).nextBytes(large);
        office.deliver(RawMail.message("<t03@bagong.test>", "t03@bagong.test", "巴公镇年报（含扫描件）")
                .attach(XLSX, "attachment; filename=\"巴公镇年报.xlsx\"", large).mime());
        // a transfer encoding no mail library knows: the attachment cannot be decoded
        office.deliver(RawMail.message("<t04@dadonggou.test>", "t04@dadonggou.test", "大东沟镇年报")
                .attach(XLSX, "attachment; filename=\"大东沟镇年报.xlsx\"\r\nContent-Transfer-Encoding: x-gkreport-unknown",
                        Files.readAllBytes(DemoInput.COMMITTED.resolve("T04-大东沟镇-2024年政府信息公开年报.xlsx"))).mime());

        night1 = night();
    }

    @AfterAll
    void stopServers() {
        mailbox.stop();
        if (smtp != null) {
            smtp.stop();
        }
    }

    /** 北义城镇's figures with every 表三 result row's 总计 typed over as 7: far more errors than a reply lists. */
    private byte[] manyErrors(Path file) throws Exception {
        Map<String, BigDecimal> figures = new DemoSubmissions(form, roster, DemoInput.YEAR).acceptedFigures().get("T02");
        Map<String, Object> overrides = new HashMap<>();
        for (Table3Row row : form.table3().rowsWithRole(Table3Row.Role.RESULT)) {
            overrides.put("T3." + row.code() + ".TOTAL", 7);
        }
        UnitWorkbooks.write(file, form, roster.byCode("T02").orElseThrow(), figures, overrides, "联系人T02",
                Instant.parse("2025-01-20T01:00:00Z"));
        return Files.readAllBytes(file);
    }

    private String night() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConsolidationCommand.Outcome outcome = command.execute(DemoInput.YEAR, input.toString(), output.toString(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        String summary = console.toString(StandardCharsets.UTF_8);
        assertThat(outcome.exitCode()).as(summary).isEqualTo(ConsolidationCommand.COMPLETED);
        return summary;
    }

    @Test
    @Order(0)
    void theReadLimitIsTheOneConfigured() {
        // consolidator.read-limits.* are the office's settings (README), not fixed defaults
        assertThat(properties.readLimits().maxFileBytes()).isEqualTo(1_048_576);
        assertThat(properties.readLimits().maxInflatedBytes()).isEqualTo(ReadLimits.defaults().maxInflatedBytes());
    }

    @Test
    @Order(1)
    void nightOneMarksEveryMailFailedAndTheSummarySaysItIsRetried() {
        assertThat(night1).contains("邮箱收取: 新邮件 4 封，保存附件 2 个")
                .containsPattern("回复邮件: 发送 0 封，4 封发送失败（下次运行重试")
                .contains("催报名单（").contains("本次发送催报邮件 0 封");
        assertThat(jdbc.queryForList("SELECT status FROM mail_reply", String.class)).hasSize(4).containsOnly("FAILED");
        assertThat(jdbc.queryForList("SELECT status FROM mail_reminder WHERE unit_code = 'T16'", String.class))
                .containsExactly("FAILED");
        assertThat(jdbc.queryForList("SELECT error FROM mail_reply", String.class)).allSatisfy(e -> assertThat(e).isNotBlank());
    }

    @Test
    @Order(2)
    void nightTwoSendsEachOnceWhenTheServerIsBack() throws Exception {
        smtp = TestMailServers.startOn(smtpPort, ServerSetup.PROTOCOL_SMTP);
        smtp.setUser(OFFICE, OFFICE, "s3cret");
        clock.advance(Duration.ofDays(1));

        night2 = night();

        assertThat(night2).as("%s", jdbc.queryForList("SELECT error FROM mail_reply", String.class))
                .contains("回复邮件: 发送 4 封").doesNotContain("发送失败").contains("本次发送催报邮件 1 封");
        assertThat(recipients()).containsExactlyInAnyOrder("t01@nancun.test", "t02@beiyicheng.test",
                "t03@bagong.test", "t04@dadonggou.test", "lichuan@lichuan.test");
        assertThat(jdbc.queryForList("SELECT status FROM mail_reply", String.class)).hasSize(4).containsOnly("SENT");
        assertThat(jdbc.queryForList("SELECT status FROM mail_reminder WHERE unit_code = 'T16' ORDER BY id",
                String.class)).containsExactly("FAILED", "SENT");
    }

    @Test
    @Order(3)
    void nightThreeSendsNothingAgain() throws Exception {
        clock.advance(Duration.ofDays(1));

        night3 = night();

        assertThat(night3).contains("回复邮件: 发送 0 封").contains("本次发送催报邮件 0 封");
        assertThat(recipients()).hasSize(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_reply", Integer.class)).isEqualTo(4);
    }

    @Test
    @Order(4)
    void aReplyListsAtMostTheCapOfFindingsAndCountsTheRest() throws Exception {
        int findings = jdbc.queryForObject("SELECT COUNT(*) FROM finding f WHERE f.submission_id = "
                + "(SELECT MAX(id) FROM submission WHERE unit_code = 'T02')", Integer.class);
        assertThat(findings).isGreaterThan(ReplyTexts.MAX_LISTED);
        String body = MailJobFunctionalTest.body(sentTo("t02@beiyicheng.test"));
        assertThat(body).contains("需要改正的问题共 " + findings + " 处")
                .contains("\n  " + ReplyTexts.MAX_LISTED + ". [错误]")
                .doesNotContain("\n  " + (ReplyTexts.MAX_LISTED + 1) + ". [")
                .contains("另有 " + (findings - ReplyTexts.MAX_LISTED) + " 条");
        assertThat(MailJobFunctionalTest.attachmentNames(sentTo("t02@beiyicheng.test"))).singleElement().asString()
                .endsWith("校验反馈.xlsx");
    }

    @Test
    @Order(4)
    void anAttachmentTooLargeGetsANoticeSayingSo() throws Exception {
        MimeMessage notice = sentTo("t03@bagong.test");
        assertThat(notice.getSubject()).contains("未能处理");
        assertThat(MailJobFunctionalTest.body(notice)).contains("《巴公镇年报.xlsx》").contains("文件过大")
                .contains("1 MB").contains("标准模板");
        assertThat(jdbc.queryForList("SELECT outcome FROM mail_attachment WHERE name_as_sent = '巴公镇年报.xlsx'",
                String.class)).containsExactly("TOO_LARGE");
    }

    @Test
    @Order(4)
    void anAttachmentThatCannotBeDecodedGetsANoticeSayingSo() throws Exception {
        MimeMessage notice = sentTo("t04@dadonggou.test");
        assertThat(notice.getSubject()).contains("未能处理");
        assertThat(MailJobFunctionalTest.body(notice)).contains("《大东沟镇年报.xlsx》").contains("无法解码")
                .contains("重新发送");
        assertThat(jdbc.queryForList("SELECT outcome FROM mail_attachment WHERE name_as_sent = '大东沟镇年报.xlsx'",
                String.class)).containsExactly("UNREADABLE");
    }

    private List<String> recipients() throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            to.add(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress());
        }
        return to;
    }

    private MimeMessage sentTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress().equals(address)) {
                found.add(m);
            }
        }
        assertThat(found).as("mails to %s", address).hasSize(1);
        return found.get(0);
    }
}
