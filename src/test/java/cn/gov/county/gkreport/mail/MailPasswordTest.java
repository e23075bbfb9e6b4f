package cn.gov.county.gkreport.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The mail password through Spring's own mechanisms, as an office sets it: given the application.yml
 * the jar ships, the environment variable ARC_MAIL_PASSWORD (what offices set today) fills
 * {@code consolidator.mail.mailbox.password}; a file of that name in a config tree
 * ({@code spring.config.import=optional:configtree:…}) overrides it, its trailing newline dropped; SMTP
 * uses the mailbox's unless it has its own; with neither, the message says where the password goes; the
 * settings never print it.
 */
class MailPasswordTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MailSettings.class)
    static class MailSettingsOnly {
    }

    /** The settings Spring binds from the shipped application.yml, this process environment and these arguments. */
    private static MailSettings bind(Map<String, Object> environment, String... args) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--logging.level.root=WARN");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MailSettingsOnly.class)
                .web(WebApplicationType.NONE).environment(env).run(all.toArray(String[]::new))) {
            return context.getBean(MailSettings.class);
        }
    }

    @Test
    void theEnvironmentVariableOfEarlierReleasesStillGivesThePassword() {
        MailSettings settings = bind(Map.of("ARC_MAIL_PASSWORD", "授权码-from-env"));

        assertThat(settings.mailbox().password()).isEqualTo("授权码-from-env");
        assertThat(settings.smtpPassword()).isEqualTo("授权码-from-env");
        assertThat(settings.toString()).doesNotContain("from-env").contains("password=******");
    }

    @Test
    void aConfigTreeFileOverridesTheEnvironmentAndLosesItsNewline(@TempDir Path secrets) throws Exception {
        Files.writeString(secrets.resolve("consolidator.mail.mailbox.password"), "from-tree\n");
        Files.writeString(secrets.resolve("consolidator.mail.smtp.password"), "smtp-from-tree\n");

        MailSettings settings = bind(Map.of("ARC_MAIL_PASSWORD", "from-env"),
                "--spring.config.import=optional:configtree:" + secrets + "/");

        assertThat(settings.mailbox().password()).isEqualTo("from-tree");
        assertThat(settings.smtpPassword()).isEqualTo("smtp-from-tree");
        assertThat(settings.toString()).doesNotContain("from-tree");
    }

    @Test
    void withoutAPasswordTheMessageSaysWhereItGoes(@TempDir Path emptyTree) {
        MailSettings settings = bind(Map.of(), "--spring.config.import=optional:configtree:" + emptyTree + "/");

        assertThatThrownBy(() -> settings.mailbox().password()).hasMessage(MailSettings.NO_PASSWORD);
        assertThatThrownBy(settings::smtpPassword).hasMessage(MailSettings.NO_PASSWORD);
    }
}
