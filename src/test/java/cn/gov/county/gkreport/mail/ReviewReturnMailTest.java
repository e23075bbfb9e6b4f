package cn.gov.county.gkreport.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.review.ReviewWorkbook;
import cn.gov.county.gkreport.support.Databases;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.TestMailServers;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A return told by mail: 北义城镇 (T02) mails its report and is answered 【已接收…】; the reviewer returns
 * it; the next night it gets one more reply, threaded under its own mail, saying 【审核退回】 with the
 * reviewer's reason and the feedback copy that lists it attached; a third night sends nothing again.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewReturnMailTest {

    private static final String OFFICE = "nianbao@county.test";
    private static final String T02 = "T02-北义城镇-2024年政府信息公开年报.xlsx";
    private static final String REASON = "“行政许可”一行与县行政审批局通报的数字差别很大，请核实后重报";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static GreenMail greenMail;
    private static Path work;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        Databases.h2(registry);
        greenMail = TestMailServers.start(ServerSetup.PROTOCOL_IMAPS, ServerSetup.PROTOCOL_SMTP);
        greenMail.setUser(OFFICE, OFFICE, "pw-outside");
        work = Files.createTempDirectory("review-return-mail");
        Path secrets = Files.createDirectories(work.resolve("secrets"));
        TestMailServers.officeMail(registry, OFFICE, "pw-outside", greenMail.getImaps().getPort(),
                greenMail.getSmtp().getPort(), secrets, "");
        registry.add("consolidator.mail.reminders-enabled", () -> "false");
        registry.add("consolidator.review.file", () -> work.resolve("review-{year}.xlsx").toString());
    }

    @AfterAll
    void stop() {
        greenMail.stop();
    }

    @Autowired
    ConsolidationCommand command;
    @Autowired
    JdbcTemplate jdbc;

    private void night() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsolidationCommand.Outcome outcome = command.execute(DemoInput.YEAR, work.resolve("input").toString(),
                work.resolve("output").toString(), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(outcome.exitCode()).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(ConsolidationCommand.COMPLETED);
    }

    @Test
    void theUnitIsToldOnceWhyItsVersionWasReturned() throws Exception {
        Path dir = DemoInput.copyTo(work.resolve("input"));
        byte[] t02 = Files.readAllBytes(dir.resolve(T02));
        Files.delete(dir.resolve(T02));
        greenMail.getUserManager().getUser(OFFICE).deliver(RawMail.message("<t02-2024@beiyicheng.test>",
                "t02@beiyicheng.test", "北义城镇年报").text("附件为年报。")
                .attach(XLSX, "attachment; filename=\"" + MimeUtility.encodeText(T02, "UTF-8", "B") + "\"", t02).mime());
        night();
        assertThat(toT02()).singleElement().satisfies(m -> assertThat(m.getSubject()).startsWith("【已接收"));

        Path review = work.resolve("review-" + DemoInput.YEAR + ".xlsx");
        Workbook workbook;
        try (InputStream in = Files.newInputStream(review)) {
            workbook = WorkbookFactory.create(in);
        }
        try (workbook) {
            Sheet versions = workbook.getSheet(ReviewWorkbook.VERSIONS);
            for (Row row : versions) {
                if ("T02".equals(new DataFormatter().formatCellValue(row.getCell(0)))) {
                    row.createCell(6).setCellValue("退回");
                    row.createCell(7).setCellValue(REASON);
                    row.createCell(8).setCellValue("李审核");
                }
            }
            try (OutputStream out = Files.newOutputStream(review)) {
                workbook.write(out);
            }
        }
        night();

        List<MimeMessage> toT02 = toT02();
        assertThat(toT02).hasSize(2);
        MimeMessage returned = toT02.get(1);
        assertThat(returned.getSubject()).isEqualTo("【审核退回】北义城镇2024年政府信息公开年报（第1版），请修改后重新报送");
        assertThat(returned.getHeader("In-Reply-To", null)).isEqualTo("<t02-2024@beiyicheng.test>");
        String body = MailJobFunctionalTest.body(returned);
        assertThat(body).contains("已通过校验，但经审核退回，暂不计入全县汇总", "审核意见：" + REASON);
        assertThat(attachmentNames(returned)).containsExactly("北义城镇-2024年-第1版-校验反馈.xlsx");
        assertThat(jdbc.queryForList("SELECT kind FROM mail_reply WHERE review_decision_id IS NOT NULL", String.class))
                .containsExactly("RETURNED");

        night();
        assertThat(toT02()).hasSize(2);
    }

    private List<MimeMessage> toT02() {
        return Stream.of(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return ((InternetAddress) m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0]).getAddress()
                        .equals("t02@beiyicheng.test");
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static List<String> attachmentNames(MimeMessage m) throws Exception {
        List<String> names = new ArrayList<>();
        if (m.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                if (mp.getBodyPart(i).getFileName() != null) {
                    names.add(MimeUtility.decodeText(mp.getBodyPart(i).getFileName()));
                }
            }
        }
        return names;
    }
}
