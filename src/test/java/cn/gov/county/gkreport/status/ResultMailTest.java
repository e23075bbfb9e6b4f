package cn.gov.county.gkreport.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.job.StepNames;
import cn.gov.county.gkreport.support.ApplicationContextTest;
import cn.gov.county.gkreport.support.Databases;
import cn.gov.county.gkreport.support.DemoInput;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The result mail to the office, through the real SMTP sending against GreenMail: one mail per
 * night with the summary, the changes and the status page attached; a mail server that is down
 * does not fail the night.
 */
class ResultMailTest extends ApplicationContextTest {

    private static final String OFFICE = "gkb@zezhou.example.gov.cn";
    private static GreenMail greenMail;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) throws Exception {
        Databases.h2(registry);
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        greenMail.setUser(OFFICE, OFFICE, "s3cret-kept-outside");
        registry.add("consolidator.mail.mailbox.username", () -> OFFICE);
        registry.add("consolidator.mail.mailbox.password", () -> "s3cret-kept-outside");
        registry.add("consolidator.mail.smtp.host", () -> "127.0.0.1");
        registry.add("consolidator.mail.smtp.port", () -> greenMail.getSmtp().getPort());
        registry.add("consolidator.mail.smtp.security", () -> "none");
        registry.add("consolidator.mail.from", () -> OFFICE);
        registry.add("consolidator.result-mail.enabled", () -> "true");
        registry.add("consolidator.result-mail.to", () -> OFFICE);
    }

    @AfterAll
    static void stop() {
        greenMail.stop();
    }

    @Test
    void mailsTheNightsResultWithTheStatusPageAndSurvivesADeadServer(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        Path output = work.resolve("output");
        DemoInput.copyTo(input);
        ConsolidationCommand.Outcome night = run(input, output);
        assertThat(night.exitCode()).isZero();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(OFFICE);
        assertThat(mail.getSubject()).startsWith("泽州县2024年度政府信息公开年报汇总结果：已接收 39/41（");
        assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        Multipart parts = (Multipart) mail.getContent();
        String body = plainText(parts.getBodyPart(0));
        assertThat(body).contains("应报 41 个单位：已接收 39，未通过 1，未报送 1")
                .contains("未通过：县司法局（D07，错误 4 处）").contains("未报送：犁川镇（T16）")
                .contains("与上次汇总相比：本年度第一次汇总").contains("consolidated-2024.xlsx");
        Part attachment = parts.getBodyPart(1);
        assertThat(Part.ATTACHMENT).isEqualToIgnoringCase(attachment.getDisposition());
        assertThat(MimeUtility.decodeText(attachment.getFileName())).isEqualTo("index.html");
        // text parts travel with CRLF line ends
        assertThat(new String(attachment.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"))
                .isEqualTo(Files.readString(output.resolve("2024/index.html")));

        // the next night the mail server is down: the night still completes, the step says why
        greenMail.stop();
        ConsolidationCommand.Outcome next = run(input, output);
        assertThat(next.exitCode()).isZero();
        StepExecution step = next.execution().orElseThrow().getStepExecutions().stream()
                .filter(s -> s.getStepName().equals(StepNames.RESULT_MAIL)).findFirst().orElseThrow();
        assertThat(step.getExitStatus().getExitDescription()).startsWith("结果邮件未能发送");
        assertThat(step.getExecutionContext().containsKey(ResultMailTasklet.SENT)).isFalse();
    }

    /** The text/plain part, however deep the sender nested it. */
    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            String text = plainText(multipart.getBodyPart(i));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private ConsolidationCommand.Outcome run(Path input, Path output) throws Exception {
        return command.execute(DemoInput.YEAR, input.toString(), output.toString(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
