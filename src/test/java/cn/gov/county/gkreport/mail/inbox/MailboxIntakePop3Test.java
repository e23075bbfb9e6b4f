package cn.gov.county.gkreport.mail.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.CountyClock;
import cn.gov.county.gkreport.job.MailStepsConfiguration;
import cn.gov.county.gkreport.mail.FeedbackFingerprints;
import cn.gov.county.gkreport.mail.MailMessageRepository;
import cn.gov.county.gkreport.mail.MailSettings;
import cn.gov.county.gkreport.mail.RawMail;
import cn.gov.county.gkreport.store.SubmissionRepository;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.OnFreshH2Test;
import cn.gov.county.gkreport.support.TestMailServers;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The mailbox intake over POP3S, where nothing can be marked on the server: messages stay there and
 * are recognised by Message-ID; the received time is the Date header; a nameless attachment sent as
 * an Excel content type is saved with a name; a wrong password is reported, not thrown at the night.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailboxIntakePop3Test extends OnFreshH2Test {

    private static final String OFFICE = "pop@county.test";
    private static final ZoneId ZONE = CountyClock.ZONE;

    @Autowired
    MailMessageRepository messages;
    @Autowired
    SubmissionRepository submissions;
    @Autowired
    BounceRepository bounces;
    @Autowired
    MailExplanationRepository explanations;
    @Autowired
    FeedbackFingerprints fingerprints;
    @Autowired
    PlatformTransactionManager tx;

    GreenMail greenMail;

    @BeforeAll
    void startGreenMail() throws Exception {
        greenMail = TestMailServers.start(ServerSetup.PROTOCOL_POP3S);
        GreenMailUser user = greenMail.setUser(OFFICE, OFFICE, "pop-secret");
        var t01 = RawMail.message("<pop-t01@nancun.test>", "t01@nancun.test", "年报")
                .attach("application/octet-stream", "attachment; filename=\"=?GB2312?B?"
                        + RawMail.b64("南村镇年报.xlsx", RawMail.GBK) + "?=\"",
                        Files.readAllBytes(DemoInput.COMMITTED.resolve("T01-南村镇-2024年政府信息公开年报.xlsx"))).mime();
        user.deliver(t01);
        user.deliver(RawMail.message("<pop-t02@beiyicheng.test>", "t02@beiyicheng.test", "年报")
                .attach("application/vnd.ms-excel", null,
                        Files.readAllBytes(DemoInput.COMMITTED.resolve("T02-北义城镇-2024年政府信息公开年报.xlsx"))).mime());
        user.deliver(t01);
    }

    @AfterAll
    void stop() {
        greenMail.stop();
    }

    private MailboxIntake intake(String password) {
        MailSettings settings = new MailSettings(true, false, false, new MailSettings.Mailbox("pop3s", "127.0.0.1",
                greenMail.getPop3s().getPort(), OFFICE, password, null, null, "*", null),
                null, null, null, null, null, null, null, null, null, Map.of("mail.pop3s.ssl.checkserveridentity", "false"));
        return new MailboxIntake(settings, new MailboxIntake.Stores(messages, submissions, bounces, fingerprints, explanations,
                MailStepsConfiguration.newTransactions(tx)), 20L * 1024 * 1024,
                java.time.Clock.system(ZONE));
    }

    @Test
    void takesEachMessageOnceAndLeavesThemOnTheServer(@TempDir Path input) throws Exception {
        MailboxIntake.Result first = intake("pop-secret").run(input, null, 2024, 1L);
        assertThat(first.examined()).isEqualTo(3);
        assertThat(first.newMessages()).isEqualTo(2);
        assertThat(first.savedFiles()).isEqualTo(2);
        Path dir = input.resolve("2024");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("南村镇年报.xlsx", "附件.xls");
        }
        // POP3 has no received time: the Date header (10 Jan 2025 09:30 +0800) orders the files
        assertThat(Files.getLastModifiedTime(dir.resolve("南村镇年报.xlsx"))).isEqualTo(FileTime.from(
                LocalDateTime.of(2025, 1, 10, 9, 30, 0, 1_000_000).atZone(ZONE).toInstant()));
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT message_id, received_at, server_state FROM mail_message "
                + "WHERE message_id LIKE '<pop-%' ORDER BY id");
        assertThat(rows).extracting(r -> r.get("message_id"), r -> r.get("server_state"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("<pop-t01@nancun.test>", "DONE"),
                        org.assertj.core.groups.Tuple.tuple("<pop-t02@beiyicheng.test>", "DONE"));
        assertThat(greenMail.getReceivedMessages()).hasSize(3);

        MailboxIntake.Result again = intake("pop-secret").run(input, null, 2024, 2L);
        assertThat(again.examined()).isEqualTo(3);
        assertThat(again.newMessages()).isZero();
        assertThat(again.savedFiles()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    @Test
    void aWrongPasswordIsReportedInWords(@TempDir Path input) {
        Exception failure = null;
        try {
            intake("not-it").run(input, null, 2024, 3L);
        } catch (MessagingException | java.io.IOException e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        assertThat(MailIntakeTasklet.describe(failure)).isEqualTo("登录邮箱服务器失败（用户名或密码/授权码错误，或未开启 IMAP/POP3/SMTP 服务）");
    }
}
