package cn.gov.county.gkreport.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.ConsolidatorProperties;
import cn.gov.county.gkreport.check.SubmissionAssessor;
import cn.gov.county.gkreport.check.SubmissionChecker;
import cn.gov.county.gkreport.consolidate.CountyTotalsCalculator;
import cn.gov.county.gkreport.consolidate.CountyTotalsRepository;
import cn.gov.county.gkreport.deadline.DeadlineSettings;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.read.SubmissionReader;
import cn.gov.county.gkreport.read.grid.WorkbookLoader;
import cn.gov.county.gkreport.store.SubmissionRepository;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The domain pieces the job's steps are made of, wired once. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsolidatorProperties.class)
class ApplicationConfiguration {

    /** Deadline settings of earlier releases, refused with the setting that replaced them. */
    private static final Map<String, String> RETIRED_DEADLINE_KEYS = Map.of(
            "consolidator.mail.deadline", "报送截止日只在 " + DeadlineSettings.DATE_KEY
                    + " 设置一处（回复、催报、报送情况、催报名单、状态页和草稿都用它），请把日期移到那里",
            "consolidator.draft.department-deadline", "草稿引用的各部门报送截止日就是 " + DeadlineSettings.DATE_KEY
                    + "，请把日期移到那里",
            "consolidator.mail.reminder-interval-days", "催报不再每隔几天发送，而是在 " + DeadlineSettings.REMINDERS_KEY
                    + " 列出的日子发送，例如 30, 15, 1（截止前 30 天、15 天和 1 天）");

    /** What replaced the mail password settings of earlier releases (a file or variable looked up by hand). */
    private static final String MAIL_PASSWORD_NOW = "邮箱密码现在是设置项 consolidator.mail.mailbox.password（发信另设时为 "
            + "consolidator.mail.smtp.password），不写在配置文件里：在 /etc/annual-report-consolidator.env 中设置 "
            + "ARC_MAIL_PASSWORD，或把密码作为文件 consolidator.mail.mailbox.password 放进 "
            + "/etc/annual-report-consolidator/secrets/，然后删去这一项（见 README“Mail”）";

    @Bean
    FormDefinition formDefinition() {
        return FormDefinitionLoader.loadCurrent();
    }

    /** A roster that is missing or malformed refuses the run (exit 2) with its path, before the job starts. */
    @Bean
    Roster roster(ConsolidatorProperties properties) throws IOException {
        Path file = properties.roster().toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new RunRefusal(ConsolidationCommand.USAGE, "名册文件不存在: " + file + "。请检查路径（设置项 consolidator.roster，"
                    + "例如 --consolidator.roster=jobs/roster.csv）；名册每行一个应报单位: code,name,type（见 README）。");
        }
        try {
            return Roster.read(properties.roster(), properties.countyName());
        } catch (IllegalArgumentException malformed) {
            throw new RunRefusal(ConsolidationCommand.USAGE, "名册文件格式有误: " + file + "（" + malformed.getMessage()
                    + "）。名册每行一个应报单位: code,name,type，第一行为表头（见 README）。");
        }
    }

    /**
     * The reporting calendar, checked before the job starts: a value that is not a date, a reminder
     * day after the deadline (in the calendar of the run's {@code --year}) or a deadline setting of an
     * earlier release refuses the run (exit 2) with the setting to change; so do the mail password
     * settings of earlier releases.
     */
    @Bean
    DeadlineSettings deadlineSettings(Environment environment, Clock clock) {
        Binder binder = Binder.get(environment);
        RETIRED_DEADLINE_KEYS.forEach((key, instead) -> {
            if (binder.bind(key, String.class).isBound()) {
                throw new RunRefusal(ConsolidationCommand.USAGE, "设置项 " + key + " 已停用：" + instead + "（见 README“Deadline and reminders”）。");
            }
        });
        refuseRetiredMailPasswordSettings(binder);
        DeadlineSettings settings = binder.bind("consolidator.deadline", DeadlineSettings.class)
                .orElseGet(DeadlineSettings::defaults);
        String year = environment.getProperty("year", "");
        try {
            settings.calendar(year.matches("\\d{4}") ? Integer.parseInt(year) : LocalDate.now(clock).getYear() - 1);
        } catch (IllegalArgumentException wrong) {
            throw new RunRefusal(ConsolidationCommand.USAGE, "报送日程设置有误: " + wrong.getMessage() + "。");
        }
        return settings;
    }

    /**
     * The mail password settings of earlier releases refuse the run (exit 2), so a password that was
     * read from elsewhere is not silently lost; {@code password-env: ARC_MAIL_PASSWORD}, which README
     * showed, reads what the default reads now and is let through.
     */
    static void refuseRetiredMailPasswordSettings(Binder binder) {
        for (String part : List.of("mailbox", "smtp")) {
            String prefix = "consolidator.mail." + part + ".";
            binder.bind(prefix + "password-env", String.class).ifBound(env -> {
                if (!(part.equals("mailbox") && env.strip().equals("ARC_MAIL_PASSWORD"))) {
                    throw new RunRefusal(ConsolidationCommand.USAGE, "设置项 " + prefix + "password-env 已停用："
                            + MAIL_PASSWORD_NOW + "。");
                }
            });
            if (binder.bind(prefix + "password-file", String.class).isBound()) {
                throw new RunRefusal(ConsolidationCommand.USAGE, "设置项 " + prefix + "password-file 已停用："
                        + MAIL_PASSWORD_NOW + "。");
            }
        }
    }

    @Bean
    SubmissionReader submissionReader(FormDefinition form, ConsolidatorProperties properties) {
        return new SubmissionReader(form, new WorkbookLoader(properties.readLimits()), properties.templateName());
    }

    @Bean
    SubmissionAssessor submissionAssessor(FormDefinition form, Roster roster, SubmissionReader reader,
                                          SubmissionRepository submissions) {
        return new SubmissionAssessor(form, roster, reader, SubmissionChecker.allRules(), submissions::acceptedFigures);
    }

    @Bean
    CountyTotalsCalculator countyTotalsCalculator(FormDefinition form, Roster roster, CountyTotalsRepository totals) {
        return new CountyTotalsCalculator(form, roster, totals);
    }
}
