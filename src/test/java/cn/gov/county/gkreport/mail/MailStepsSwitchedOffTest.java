package cn.gov.county.gkreport.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import cn.gov.county.gkreport.mail.inbox.MailIntakeTasklet;
import cn.gov.county.gkreport.mail.inbox.MailboxIntake;
import cn.gov.county.gkreport.mail.reply.MailRepliesTasklet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.test.MetaDataInstanceFactory;

/**
 * The mail steps are always in the job: switched off they do nothing and say so; a mailbox that
 * cannot be reached is reported in the step's context and does not fail the night.
 */
class MailStepsSwitchedOffTest {

    @Test
    void switchedOffStepsDoNothing() throws Exception {
        StepContribution intake = contribution();
        assertThat(new MailIntakeTasklet(MailSettings.disabled(), null, Path.of("input"), 2024).execute(intake, null))
                .isEqualTo(RepeatStatus.FINISHED);
        assertThat(intake.getExitStatus()).isEqualTo(ExitStatus.NOOP);
        StepContribution replies = contribution();
        assertThat(new MailRepliesTasklet(MailSettings.disabled(), null, 2024).execute(replies, null))
                .isEqualTo(RepeatStatus.FINISHED);
        assertThat(replies.getExitStatus()).isEqualTo(ExitStatus.NOOP);
    }

    @Test
    void anUnreachableMailboxIsReportedAndTheNightGoesOn(@TempDir Path work) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        MailSettings settings = new MailSettings(true, false, false, new MailSettings.Mailbox("imaps", "127.0.0.1",
                closedPort, "nobody@county.test", "x", null, null, null, null), null, null, null, null, null,
                null, null, null, java.time.Duration.ofSeconds(5), Map.of());
        MailboxIntake intake = new MailboxIntake(settings, new MailboxIntake.Stores(null, null, null, null, null, null), 1024,
                Clock.systemUTC());
        StepContribution contribution = contribution();
        new MailIntakeTasklet(settings, intake, work.resolve("input"), work.resolve("output"), 2024).execute(contribution, null);
        assertThat(contribution.getExitStatus().getExitCode()).isEqualTo(ExitStatus.COMPLETED.getExitCode());
        assertThat(contribution.getStepExecution().getExecutionContext().getString(MailIntakeTasklet.PROBLEM))
                .startsWith("无法连接邮箱服务器（127.0.0.1:" + closedPort + "）");
    }

    @Test
    void aMailboxWithoutPasswordSaysWhereItGoesAndPrintsNoPassword() {
        MailSettings.Mailbox box = new MailSettings.Mailbox("imaps", "mail.county.test", null, "u", null, null, null, null,
                null);
        org.assertj.core.api.Assertions.assertThatThrownBy(box::password).hasMessageContaining("ARC_MAIL_PASSWORD")
                .hasMessageContaining("/etc/annual-report-consolidator/secrets/consolidator.mail.mailbox.password");
        assertThat(box.effectivePort()).isEqualTo(993);
        assertThat(box.folder()).isEqualTo("INBOX");
        MailSettings.Mailbox set = new MailSettings.Mailbox("imaps", "mail.county.test", null, "u", "pa55-授权码", null,
                null, null, null);
        MailSettings settings = new MailSettings(true, true, false, set, null, null, null, null, null, null, null, null,
                null, null);
        assertThat(settings.smtpPassword()).isEqualTo("pa55-授权码");
        assertThat(settings.toString()).doesNotContain("pa55").contains("password=******");
    }

    private static StepContribution contribution() {
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        return new StepContribution(step);
    }
}
