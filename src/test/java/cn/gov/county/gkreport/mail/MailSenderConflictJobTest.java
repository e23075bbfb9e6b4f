package cn.gov.county.gkreport.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.support.ApplicationContextTest;
import cn.gov.county.gkreport.support.Databases;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.TestMailServers;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * ID-CONFLICT through a real mailbox: a file whose name names no unit, mailed by 县自然资源局 with
 * 县水务局's cover left in it (the neighbour's copy of issue 13), is held naming both units and does
 * not replace 县水务局's accepted report; the same kind of file mailed by a sender who names the
 * cover's own unit, or no unit, is accepted. The sender is taken as the mail client wrote it
 * (an RFC 2047 encoded display name).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(MailTestClock.class)
class MailSenderConflictJobTest extends ApplicationContextTest {

    static final String OFFICE = "nianbao@county.test";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String T08 = "T08-柳树口镇-2024年政府信息公开年报.xlsx";

    static GreenMail mailbox;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Databases.h2(registry);
        mailbox = TestMailServers.start(ServerSetup.PROTOCOL_IMAPS);
        mailbox.setUser(OFFICE, OFFICE, "s3cret");
        TestMailServers.officeMail(registry, OFFICE, "s3cret", mailbox.getImaps().getPort(), 1,
                Files.createTempDirectory("gkreport-sender"), "");
        registry.add("consolidator.mail.replies-enabled", () -> "false");
        registry.add("consolidator.mail.reminders-enabled", () -> "false");
    }

    String summary;

    @BeforeAll
    void mailTheFilesAndRunTheNight(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        Path dir = DemoInput.copyTo(input);
        byte[] t08 = Files.readAllBytes(dir.resolve(T08));
        Files.delete(dir.resolve(T08));
        var office = mailbox.getUserManager().getUser(OFFICE);
        byte[] neighbour = Files.readAllBytes(Path.of("src/test/resources/fixtures/d13-cover-of-neighbour.xlsx"));
        office.deliver(RawMail.message("<zrzy-2024@ziranziyuan.test>", "=?UTF-8?B?"
                        + RawMail.b64("县自然资源局", StandardCharsets.UTF_8) + "?= <zrzy@ziranziyuan.test>", "年报")
                .attach(XLSX, "attachment; filename=\"2024年年报（定稿）.xlsx\"", neighbour).mime());
        office.deliver(RawMail.message("<t08-2024@liushukou.test>", "=?UTF-8?B?"
                        + RawMail.b64("柳树口镇党政办", StandardCharsets.UTF_8) + "?= <t08@liushukou.test>", "年报")
                .attach(XLSX, "attachment; filename=\"2024年年报.xlsx\"", t08).mime());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConsolidationCommand.Outcome outcome = command.execute(DemoInput.YEAR, input.toString(),
                work.resolve("output").toString(), new PrintStream(console, true, StandardCharsets.UTF_8));
        summary = console.toString(StandardCharsets.UTF_8);
        assertThat(outcome.exitCode()).as(summary).isEqualTo(ConsolidationCommand.COMPLETED);
    }

    @AfterAll
    void stopMailbox() {
        mailbox.stop();
    }

    @Test
    void theNeighboursCopyIsHeldNamingTheSenderAndTheCoverAndReplacesNobody() {
        List<Map<String, Object>> d13 = jdbc.queryForList(
                "SELECT status, source, version FROM submission WHERE unit_code = 'D13' ORDER BY id");
        assertThat(d13).extracting(row -> row.get("status") + "/" + row.get("source"))
                .containsExactly("ACCEPTED/FOLDER", "REJECTED/MAIL");
        String message = jdbc.queryForObject("SELECT f.message FROM finding f JOIN submission s ON s.id = f.submission_id "
                + "WHERE s.unit_code = 'D13' AND s.source = 'MAIL' AND f.rule_id = 'ID-CONFLICT'", String.class);
        assertThat(message).startsWith("本文件由“县自然资源局 <zrzy@ziranziyuan.test>”发来，发件人是“县自然资源局”")
                .contains("封面填写的单位是“县水务局”（D13）").contains("不会替换")
                .contains("请把封面的单位名称和单位代码改为“县自然资源局”（D10）");
        assertThat(jdbc.queryForList("SELECT status FROM submission WHERE unit_code = 'D10'", String.class))
                .containsExactly("ACCEPTED");
    }

    @Test
    void aFileMailedByItsOwnUnitIsAccepted() {
        assertThat(jdbc.queryForList("SELECT status FROM submission WHERE unit_code = 'T08' AND source = 'MAIL'",
                String.class)).containsExactly("ACCEPTED");
    }
}
