package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.Map;

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
        assertThat(StartAttempt.run(work, "--" + setting).refusal(work)).contains(message)
                .contains("consolidator.mail.mailbox.password").contains("ARC_MAIL_PASSWORD")
                .contains("/etc/annual-report-consolidator/secrets/");
    }

    @Test
    void theDocumentedPasswordEnvOfTheMailboxIsLetThrough() {
        Binder binder = new Binder(new MapConfigurationPropertySource(
                Map.of("consolidator.mail.mailbox.password-env", "ARC_MAIL_PASSWORD")));
        assertThatCode(() -> ApplicationConfiguration.refuseRetiredMailPasswordSettings(binder)).doesNotThrowAnyException();
    }
}
