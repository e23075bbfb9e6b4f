package cn.gov.county.gkreport.chase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.gov.county.gkreport.CountyClock;
import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.job.ConsolidationCommand;
import cn.gov.county.gkreport.support.Databases;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.FormFixtures;
import cn.gov.county.gkreport.support.MutableClock;
import cn.gov.county.gkreport.support.TestMailServers;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reporting calendar over a season, on a clock the test moves: deadline 2025-01-31 ({@code 01-31}
 * of the year after 2024), reminder days 10 and 1 days before it (01-21, 01-30), every roster unit
 * with an address. Given the demo input (T16 sends nothing, D07 is rejected, D18's ZERO-ALL warning
 * is unexplained) and a second version of T01 that explains its own, the nights run on 01-20 (no
 * reminder day), 01-21 (the units owing something are reminded, each with its reason), 01-21 again
 * (nothing twice), 01-30 (again), 02-01 (after the deadline: nothing) and 02-03, when T16's file
 * finally comes: 逾期 3 天 in 报送情况 and in the chase list.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Import(ReminderCalendarTest.SeasonClock.class)
class ReminderCalendarTest {

    static final String OFFICE = "nianbao@county.test";
    /** 2025-01-20 20:00 in the county. */
    static final LocalDateTime START = LocalDateTime.of(2025, 1, 20, 20, 0);

    static GreenMail greenMail;

    @TestConfiguration(proxyBeanMethods = false)
    static class SeasonClock {
        @Bean
        @Primary
        MutableClock seasonClock() {
            return new MutableClock(CountyClock.ZONE, START.atZone(CountyClock.ZONE).toInstant());
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Databases.h2(registry);
        greenMail = TestMailServers.start(ServerSetup.PROTOCOL_IMAPS, ServerSetup.PROTOCOL_SMTP);
        greenMail.setUser(OFFICE, OFFICE, "s3cret");
        StringBuilder addresses = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("jobs/roster.csv")).subList(1, 42)) {
            String code = line.split(",")[0].strip();
            addresses.append(code).append(',').append(address(code)).append('\n');
        }
        TestMailServers.officeMail(registry, OFFICE, "s3cret", greenMail.getImaps().getPort(),
                greenMail.getSmtp().getPort(), Files.createTempDirectory("gkreport-calendar"), addresses.toString());
        registry.add("consolidator.deadline.date", () -> "01-31");
        registry.add("consolidator.deadline.reminders", () -> "10, 1");
    }

    static String address(String code) {
        return code.toLowerCase() + "@units.test";
    }

    @Autowired
    ConsolidationCommand command;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FormDefinition form;
    @Autowired
    Roster roster;

    Path work;
    Path input;
    Path output;

    @BeforeAll
    void demoInputAndAnExplainedVersionOfT01(@TempDir Path work) throws Exception {
        this.work = work;
        input = work.resolve("input");
        output = work.resolve("output");
        Path dir = DemoInput.copyTo(input);
        Map<String, BigDecimal> t01 = new DemoSubmissions(form, roster, DemoInput.YEAR).acceptedFigures().get("T01");
        Files.copy(FormFixtures.submission("T01").inputs(t01)
                        .explain("ZERO-ALL", "", "本镇确实没有收到申请。").write(Files.createDirectories(work.resolve("made")))
                        .file(), dir.resolve("T01-南村镇-补充说明.xlsx"));
    }

    @AfterAll
    void stopGreenMail() {
        greenMail.stop();
    }

    @Test
    @Order(1)
    void theDayBeforeTheFirstReminderDayNobodyIsReminded() throws Exception {
        night();

        assertThat(reminders()).isEmpty();
        assertThat(reminderMails()).isEmpty();
        Map<String, String[]> status = statusSheet();
        assertThat(status.get("T16")).containsExactly("未报送（截止前）", "未报送（截止前）");
        assertThat(status.get("D07")).containsExactly("按时（2025-01-20）", "未通过（截止前）");
        assertThat(status.get("D18")).containsExactly("按时（2025-01-20）", "按时（2025-01-20）");
    }

    @Test
    @Order(2)
    void onAReminderDayEachUnitOwingSomethingIsRemindedOnceWithItsReason() throws Exception {
        clock.advance(Duration.ofDays(1)); // 2025-01-21, ten days before the deadline

        night();

        Map<String, String> reminded = reminders();
        assertThat(reminded).containsEntry("T16", "MISSING").containsEntry("D07", "REJECTED")
                .containsEntry("D18", "UNEXPLAINED").doesNotContainKeys("T01", "D01");
        assertThat(reminderMails()).hasSize(reminded.size());
        assertThat(mailTo("T16").getSubject()).isEqualTo("【提醒】犁川镇2024年政府信息公开工作年度报告尚未报送（截止2025年1月31日）");
        assertThat(text(mailTo("T16"))).contains("截至2025年1月21日，尚未收到贵单位2024年政府信息公开工作年度报告，请于2025年1月31日前报送");
        assertThat(mailTo("D07").getSubject()).contains("尚未通过校验（截止2025年1月31日）");
        assertThat(text(mailTo("D07"))).contains("未通过校验（错误 4 处）").contains("请按反馈意见改正后重新报送");
        assertThat(mailTo("D18").getSubject()).contains("有提醒尚未说明");
        assertThat(text(mailTo("D18"))).contains("已计入汇总，但有 1 处提醒尚未说明").contains("“说明”表");

        List<String> csv = chaseList();
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("D18,县退役军人事务局,县直单位,已接收,提醒未说明,按时（2025-01-20）,"
                + "按时（2025-01-20）,"));
        assertThat(csv).noneMatch(l -> l.startsWith("T01,"));
    }

    @Test
    @Order(3)
    void aSecondRunTheSameDaySendsNothingAgain() throws Exception {
        int before = reminderMails().size();
        clock.advance(Duration.ofHours(2)); // 22:00, still 01-21

        night();

        assertThat(reminderMails()).hasSize(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_reminder", Integer.class)).isEqualTo(before);
    }

    @Test
    @Order(4)
    void theNextReminderDayRemindsAgainAndTheDaysBetweenDoNot() throws Exception {
        int firstRound = reminderMails().size();
        clock.advance(Duration.ofDays(1)); // 01-22: not a reminder day
        night();
        assertThat(reminderMails()).hasSize(firstRound);

        clock.advance(Duration.ofDays(8)); // 01-30, the day before the deadline
        night();

        assertThat(reminderMails()).hasSize(2 * firstRound);
        assertThat(jdbc.queryForList("SELECT DISTINCT CAST(created_at AS DATE) FROM mail_reminder ORDER BY 1",
                String.class)).containsExactly("2025-01-21", "2025-01-30");
    }

    @Test
    @Order(5)
    void afterTheDeadlineNobodyIsRemindedAndTheMissingAreLate() throws Exception {
        int sent = reminderMails().size();
        clock.advance(Duration.ofDays(2)); // 02-01

        night();

        assertThat(reminderMails()).hasSize(sent);
        assertThat(statusSheet().get("T16")).containsExactly("未报送（已逾期 1 天）", "未报送（已逾期 1 天）");
        assertThat(statusSheet().get("D07")).containsExactly("按时（2025-01-20）", "未通过（已逾期 1 天）");
        assertThat(chaseList()).anySatisfy(l -> assertThat(l).startsWith("T16,犁川镇,镇,未报送,未报送,未报送（已逾期 1 天）,"));
    }

    @Test
    @Order(6)
    void aFileThreeDaysLateIsLateBy3Days() throws Exception {
        int sent = reminderMails().size();
        clock.advance(Duration.ofDays(2)); // 02-03
        Map<String, BigDecimal> t01 = new DemoSubmissions(form, roster, DemoInput.YEAR).acceptedFigures().get("T01");
        Files.copy(FormFixtures.submission("T16").inputs(t01).explain("ZERO-ALL", "", "本镇确实没有收到申请。")
                        .write(Files.createDirectories(work.resolve("late"))).file(),
                input.resolve(DemoInput.YEAR + "/T16-犁川镇-2024年政府信息公开年报.xlsx"));

        night();

        assertThat(statusSheet().get("T16")).containsExactly("逾期 3 天（2025-02-03）", "逾期 3 天（2025-02-03）");
        assertThat(chaseList()).noneMatch(l -> l.startsWith("T16,"));
        assertThat(reminderMails()).hasSize(sent);
    }

    private void night() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConsolidationCommand.Outcome outcome = command.execute(DemoInput.YEAR, input.toString(), output.toString(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(outcome.exitCode()).as(console.toString(StandardCharsets.UTF_8)).isEqualTo(ConsolidationCommand.COMPLETED);
    }

    /** Tonight's reminders: unit → the reason recorded. */
    private Map<String, String> reminders() {
        Map<String, String> reasons = new TreeMap<>();
        jdbc.query("SELECT unit_code, standing FROM mail_reminder WHERE CAST(created_at AS DATE) = ?", rs -> {
            reasons.put(rs.getString(1), rs.getString(2));
        }, java.sql.Date.valueOf(java.time.LocalDate.now(clock)));
        return reasons;
    }

    private List<MimeMessage> reminderMails() throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (m.getSubject().startsWith("【提醒】")) {
                mails.add(m);
            }
        }
        return mails;
    }

    /** The latest reminder to a unit. */
    private MimeMessage mailTo(String code) throws Exception {
        MimeMessage last = null;
        for (MimeMessage m : reminderMails()) {
            if (m.getAllRecipients()[0].toString().equals(address(code))) {
                last = m;
            }
        }
        assertThat(last).as("a reminder to " + code).isNotNull();
        return last;
    }

    private static String text(MimeMessage m) throws Exception {
        return (String) m.getContent(); // a reminder is plain text, without attachments
    }

    /** 报送情况: unit code → its timeliness cells (首次报送, 首个通过版本). */
    private Map<String, String[]> statusSheet() throws Exception {
        File file = new OutputLayout(output, DemoInput.YEAR).consolidatedWorkbook().toFile();
        Map<String, String[]> byUnit = new TreeMap<>();
        DataFormatter format = new DataFormatter();
        try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ); XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
            Sheet sheet = workbook.getSheet("报送情况");
            Row header = sheet.getRow(headerRow(sheet, format));
            assertThat(format.formatCellValue(header.getCell(4))).isEqualTo("首次报送");
            assertThat(format.formatCellValue(header.getCell(5))).isEqualTo("首个通过版本");
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row != null && row.getCell(0) != null) {
                    byUnit.put(format.formatCellValue(row.getCell(0)), new String[] {
                        format.formatCellValue(row.getCell(4)), format.formatCellValue(row.getCell(5))});
                }
            }
        }
        return byUnit;
    }

    private static int headerRow(Sheet sheet, DataFormatter format) {
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            if (sheet.getRow(r) != null && "单位代码".equals(format.formatCellValue(sheet.getRow(r).getCell(0)))) {
                return r;
            }
        }
        throw new AssertionError("报送情况 has no header row");
    }

    private List<String> chaseList() throws Exception {
        return List.of(Files.readString(new OutputLayout(output, DemoInput.YEAR).chaseList()).substring(1).split("\r\n"));
    }
}
