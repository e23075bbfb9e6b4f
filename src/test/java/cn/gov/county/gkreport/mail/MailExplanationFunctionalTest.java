package cn.gov.county.gkreport.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.FormFixtures;
import cn.gov.county.gkreport.support.MutableClock;
import cn.gov.county.gkreport.support.TestMailServers;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A unit answers our reply mail with its explanation (issue 19). Night 1: 县退役军人事务局 (D18, accepted
 * with the ZERO-ALL warning) and 县司法局 (D07, a version with an error and the ZERO-ALL warning) send
 * their files by mail and get a reply; 南村镇 (T01) sends a file whose 说明 sheet explains its warning,
 * and the reply says 已说明. Night 2: D18 answers from Outlook (GB18030, quoted-printable, the original
 * quoted below), D07 from Gmail (UTF-8, base64, 「On … wrote:」 and {@code >} lines, a signature), and
 * 巴公镇 (T03) answers a mail that is not ours. Then the two explanations are stored without the quotes,
 * 校验问题 shows both warnings as 已说明 with the words, the sender and the time, D07's error stays as it
 * was, both answers are moved out of the inbox, and T03's mail is no explanation and is left for a person.
 * Run on H2 and on MariaDB (the V11 migration and the SQL that lists the explanations).
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(MailTestClock.class)
abstract class MailExplanationFunctionalTest {

    static final String OFFICE = "nianbao@county.test";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String D18 = "D18-县退役军人事务局-2024年政府信息公开年报.xlsx";
    static final String D07 = "D07-县司法局-2024年政府信息公开年报.xlsx";
    static final String D18_WORDS = "我局 2024 年确实没有收到政府信息公开申请，也没有行政复议和诉讼。";
    static final String D07_WORDS = "本局今年没有依申请公开的案件。\n表二的数字我们改正后另发。";
    static final String T01_WORDS = "本镇 2024 年没有收到申请。";

    static GreenMail mailbox;
    static GreenMail smtp;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) throws Exception {
        mailbox = TestMailServers.start(ServerSetup.PROTOCOL_IMAPS);
        mailbox.setUser(OFFICE, OFFICE, "s3cret");
        smtp = TestMailServers.start(ServerSetup.PROTOCOL_SMTP);
        smtp.setUser(OFFICE, OFFICE, "s3cret");
        Path secrets = Files.createTempDirectory("gkreport-mail-explanations");
        TestMailServers.officeMail(registry, OFFICE, "s3cret", mailbox.getImaps().getPort(), smtp.getSmtp().getPort(),
                secrets, "");
    }

    @Autowired
    ConsolidationCommand command;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    Path output;

    @BeforeAll
    void twoNights(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        output = work.resolve("output");
        Path dir = DemoInput.copyTo(input);
        Files.delete(dir.resolve(D07));
        Files.delete(dir.resolve("T01-南村镇-2024年政府信息公开年报.xlsx"));
        byte[] d18 = Files.readAllBytes(dir.resolve(D18));
        Files.delete(dir.resolve(D18));
        Path made = Files.createDirectories(work.resolve("made"));
        // 现行有效 0 although 5 were issued this year: an error; 表三 and 表四 all zero: the ZERO-ALL warning
        byte[] d07 = Files.readAllBytes(FormFixtures.submission("D07").inputs(FormFixtures.allZeroInputs())
                .set("T2.NORM.ISSUED", 5).write(Files.createDirectories(made.resolve("d07"))).file());
        byte[] t01 = Files.readAllBytes(FormFixtures.submission("T01").inputs(FormFixtures.allZeroInputs())
                .explain("ZERO-ALL", "", T01_WORDS).write(Files.createDirectories(made.resolve("t01"))).file());
        var office = mailbox.getUserManager().getUser(OFFICE);
        office.deliver(RawMail.message("<d18@tyjr.test>", "d18@tyjr.test", "退役军人事务局年报")
                .attach(XLSX, "attachment; filename=\"" + D18 + "\"", d18).mime());
        office.deliver(RawMail.message("<d07@sfj.test>", "d07@sfj.test", "司法局年报")
                .attach(XLSX, "attachment; filename=\"" + D07 + "\"", d07).mime());
        office.deliver(RawMail.message("<t01@nancun.test>", "t01@nancun.test", "南村镇年报")
                .attach(XLSX, "attachment; filename=\"T01-南村镇-2024年政府信息公开年报.xlsx\"", t01).mime());
        night(input);

        Charset gb18030 = Charset.forName("GB18030");
        office.deliver(mail(String.join("\r\n",
                "From: d18@tyjr.test", "To: " + OFFICE, "Subject: =?GB18030?B?" + b64("答复: 回复：退役军人事务局年报", gb18030) + "?=",
                "Message-ID: <answer.d18@tyjr.test>", "In-Reply-To: " + replyId("D18"), "References: <d18@tyjr.test> "
                        + replyId("D18"), "Date: Sat, 11 Jan 2025 10:15:00 +0800", "MIME-Version: 1.0",
                "Content-Type: multipart/alternative; boundary=\"alt\"", "", "--alt",
                "Content-Type: text/plain; charset=\"gb2312\"", "Content-Transfer-Encoding: quoted-printable", "",
                qp(D18_WORDS + "\r\n\r\n-----原始邮件-----\r\n发件人: 年报 <" + OFFICE + ">\r\n发送时间: 2025年1月10日 22:00\r\n"
                        + "主题: 回复：退役军人事务局年报\r\n\r\n您的报告已接收，有 1 条提示。", gb18030),
                "--alt", "Content-Type: text/html; charset=\"utf-8\"", "Content-Transfer-Encoding: base64", "",
                b64("<html><body><div>" + D18_WORDS + "</div><blockquote>已接收</blockquote></body></html>",
                        StandardCharsets.UTF_8), "--alt--", "")));
        office.deliver(mail(String.join("\r\n",
                "From: =?UTF-8?B?" + b64("司法局", StandardCharsets.UTF_8) + "?= <d07@sfj.test>", "To: " + OFFICE,
                "Subject: Re: 回复：司法局年报", "Message-ID: <answer.d07@sfj.test>",
                "References: <d07@sfj.test>\r\n " + replyId("D07"), "Date: Sat, 11 Jan 2025 11:20:00 +0800",
                "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", "",
                Base64.getMimeEncoder().encodeToString((D07_WORDS + "\n\nOn Fri, Jan 10, 2025 at 10:00 PM 年报 <"
                        + OFFICE + ">\nwrote:\n> 您的报告未通过。\n> 错误 1 处\n\n-- \n县司法局办公室").getBytes(StandardCharsets.UTF_8)),
                "")));
        office.deliver(mail(String.join("\r\n",
                "From: t03@bagong.test", "To: " + OFFICE, "Subject: Re: 会议通知", "Message-ID: <answer.t03@bagong.test>",
                "In-Reply-To: <meeting.notice@county.test>", "Date: Sat, 11 Jan 2025 12:00:00 +0800", "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=UTF-8", "", "收到，准时参加。", "")));
        clock.advance(Duration.ofDays(1));
        night(input);
    }

    @AfterAll
    void stopServers() {
        mailbox.stop();
        smtp.stop();
    }

    @Test
    void storesEachAnswerWithoutTheQuoteWithTheVersionItAnswers() {
        assertThat(jdbc.queryForList("""
                SELECT s.unit_code, x.sender, x.explanation FROM mail_explanation x
                JOIN submission s ON s.id = x.submission_id ORDER BY s.unit_code""")).satisfiesExactly(
                d07 -> assertThat(d07).containsEntry("UNIT_CODE", "D07").containsEntry("SENDER", "d07@sfj.test")
                        .containsEntry("EXPLANATION", D07_WORDS),
                d18 -> assertThat(d18).containsEntry("UNIT_CODE", "D18").containsEntry("SENDER", "d18@tyjr.test")
                        .containsEntry("EXPLANATION", D18_WORDS));
    }

    @Test
    void theAnswersAreHandledAndMovedAndAMailAnsweringSomethingElseIsNoExplanation() {
        assertThat(jdbc.queryForList("SELECT message_id, outcome, server_state FROM mail_message WHERE message_id LIKE "
                + "'<answer.%' ORDER BY message_id")).extracting(r -> r.get("MESSAGE_ID") + " " + r.get("OUTCOME") + " "
                + r.get("SERVER_STATE")).containsExactly("<answer.d07@sfj.test> EXPLANATION DONE",
                "<answer.d18@tyjr.test> EXPLANATION DONE", "<answer.t03@bagong.test> NO_ATTACHMENT LEFT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE unit_code IN ('D18', 'D07')", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void theFindingsSheetShowsTheWarningsAsExplainedByMailAndTheErrorAsItWas() throws Exception {
        List<String> listed = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook()
                .toFile())) {
            DataFormatter text = new DataFormatter();
            for (Row row : workbook.getSheet("校验问题")) {
                listed.add(text.formatCellValue(row.getCell(0)) + " " + text.formatCellValue(row.getCell(6)) + " "
                        + text.formatCellValue(row.getCell(8)));
            }
        }
        assertThat(listed).filteredOn(r -> r.startsWith("D18 ZERO-ALL")).singleElement().asString()
                .startsWith("D18 ZERO-ALL 已说明：单位说明“" + D18_WORDS + "”（邮件说明，d18@tyjr.test，" + received("d18") + "）。原提示：");
        assertThat(listed).filteredOn(r -> r.startsWith("D07 ZERO-ALL")).singleElement().asString()
                .contains("已说明：单位说明“" + D07_WORDS + "”（邮件说明，d07@sfj.test，" + received("d07") + "）");
        assertThat(listed).filteredOn(r -> r.startsWith("D07 T2-VALID-MIN")).singleElement().asString()
                .doesNotContain("已说明");
    }

    @Test
    void theReplyMailSaysAWarningExplainedOnTheWorkbookIsExplained() throws Exception {
        assertThat(MailJobFunctionalTest.body(firstReplyTo("t01@nancun.test"))).contains("已说明：单位说明“" + T01_WORDS + "”");
        assertThat(MailJobFunctionalTest.body(firstReplyTo("d18@tyjr.test"))).contains("ZERO-ALL").doesNotContain("已说明");
    }

    private MimeMessage firstReplyTo(String address) throws Exception {
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress().equals(address)) {
                return m;
            }
        }
        throw new AssertionError("no reply to " + address);
    }

    /** When the server received a unit's answer, to the minute (the mailbox's time, not the Date header). */
    private String received(String unit) {
        return jdbc.queryForObject("SELECT received_at FROM mail_message WHERE message_id LIKE ?",
                java.time.LocalDateTime.class, "<answer." + unit + "@%")
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    private String replyId(String unit) {
        return jdbc.queryForObject("SELECT r.message_id FROM mail_reply r JOIN submission s ON s.id = r.submission_id "
                + "WHERE s.unit_code = ? AND r.status = 'SENT'", String.class, unit);
    }

    private void night(Path input) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConsolidationCommand.Outcome outcome = command.execute(DemoInput.YEAR, input.toString(), output.toString(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(outcome.exitCode()).as(console.toString(StandardCharsets.UTF_8)).isEqualTo(ConsolidationCommand.COMPLETED);
    }

    private static MimeMessage mail(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private static String b64(String text, Charset cs) {
        return Base64.getEncoder().encodeToString(text.getBytes(cs));
    }

    /** Quoted-printable as Outlook writes it: every byte outside printable ASCII as =XX, soft line breaks. */
    private static String qp(String text, Charset cs) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (byte b : text.getBytes(cs)) {
            int c = b & 0xFF;
            String piece = c == '\r' || c == '\n' ? String.valueOf((char) c)
                    : c >= 33 && c <= 126 && c != '=' || c == ' ' ? String.valueOf((char) c) : String.format("=%02X", c);
            if (c == '\n') {
                line = 0;
            } else if (line + piece.length() > 72) {
                out.append("=\r\n");
                line = 0;
            }
            out.append(piece);
            if (c != '\r' && c != '\n') {
                line += piece.length();
            }
        }
        return out.toString();
    }
}
