package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.ConsolidatorApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The mail password settings of earlier releases ({@code password-env}, {@code password-file}) stop the
 * program at start with exit status 2 and one Chinese line saying what replaced them, so a password that
 * was read from elsewhere is not silently lost; {@code password-env: ARC_MAIL_PASSWORD}, which the README
 * showed, reads what the default reads now and is let through.
 */
class RetiredMailPasswordSettingsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            consolidator.mail.mailbox.password-file=/etc/annual-report-consolidator/mail.password | 设置项 consolidator.mail.mailbox.password-file 已停用
            consolidator.mail.mailbox.password-env=OFFICE_MAIL_SECRET                             | 设置项 consolidator.mail.mailbox.password-env 已停用
            consolidator.mail.smtp.password-env=ARC_MAIL_PASSWORD                                 | 设置项 consolidator.mail.smtp.password-env 已停用
            """)
    void aRetiredPasswordSettingRefusesTheRunWithExit2(String setting, String message, @TempDir Path work) {
        PrintStream original = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            exit = Startup.run(ConsolidatorApplication.class, List.of("test"),
                    "--spring.datasource.url=jdbc:h2:mem:retired-mail;MODE=MySQL", "--logging.file.name=" + work.resolve("run.log"),
                    "--" + setting, "--year=2024", "--input=" + work.resolve("input"), "--output=" + work.resolve("output"));
        } finally {
            System.setOut(original);
        }
        String text = console.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isEqualTo(ConsolidationCommand.USAGE);
        assertThat(text.lines().filter(l -> l.startsWith("错误: "))).singleElement().asString().contains(message)
                .contains("consolidator.mail.mailbox.password").contains("ARC_MAIL_PASSWORD")
                .contains("/etc/annual-report-consolidator/secrets/");
        ExitStatusTest.assertNoJavaOnTheConsole(text);
        assertThat(work.resolve("output")).doesNotExist();
    }

    @Test
    void theDocumentedPasswordEnvOfTheMailboxIsLetThrough() {
        Binder binder = new Binder(new MapConfigurationPropertySource(
                Map.of("consolidator.mail.mailbox.password-env", "ARC_MAIL_PASSWORD")));
        assertThatCode(() -> ApplicationConfiguration.refuseRetiredMailPasswordSettings(binder)).doesNotThrowAnyException();
    }
}
