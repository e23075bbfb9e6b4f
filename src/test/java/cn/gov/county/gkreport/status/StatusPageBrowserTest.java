package cn.gov.county.gkreport.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.report.ReportRepository;
import cn.gov.county.gkreport.support.ApplicationContextTest;
import cn.gov.county.gkreport.support.Databases;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.HeadlessChromium;
import cn.gov.county.gkreport.support.UnitWorkbooks;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The status page in a real headless Chromium, over a season: last year consolidated with the
 * departments only, then two nights of the demo year — the demo input, and the next night the
 * missing town 犁川镇 (T16) sends its report with 5 new applications. What a leader sees is read
 * from the rendered page: tiles, the deadline, colours, findings with working links to the
 * feedback copies, the changes since last night, the county figures against last year, and the
 * charts' bars; and that the page fetched nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusPageBrowserTest extends ApplicationContextTest {

    private static final int YEAR = DemoInput.YEAR;
    private static final LocalDate DEADLINE = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
        registry.add("consolidator.deadline.date", DEADLINE::toString);
    }

    @Autowired
    ReportRepository reports;

    Path work;
    Path input;
    Path output;
    Path page;
    ChromeDriver browser;

    @BeforeAll
    void aSeason(@TempDir Path work) throws Exception {
        this.work = work;
        input = work.resolve("input");
        output = work.resolve("output");
        // last year: the departments only, so every figure differs from this year's
        Path lastYear = input.resolve(Integer.toString(YEAR - 1));
        new DemoSubmissions(form, roster, YEAR - 1).writeAll(lastYear);
        try (var files = Files.list(lastYear)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("T")).toList()) {
                Files.delete(f);
            }
        }
        assertThat(run(YEAR - 1)).isZero();

        DemoInput.copyTo(input);
        assertThat(run(YEAR)).isZero();
        // the first night was yesterday evening
        jdbc.update("UPDATE consolidation_run SET computed_at = ? WHERE report_year = ?",
                Timestamp.valueOf(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(1)), YEAR);

        UnitWorkbooks.write(input.resolve(Integer.toString(YEAR)).resolve("犁川镇年报.xlsx"), form,
                roster.byCode(DemoSubmissions.MISSING_UNIT).orElseThrow(),
                Map.of("T3.NEW.NAT", BigDecimal.valueOf(5), "T3.R1.NAT", BigDecimal.valueOf(5)), Map.of(), "联系人T16",
                Instant.now());
        assertThat(run(YEAR)).isZero();

        page = output.resolve(Integer.toString(YEAR)).resolve("index.html");
        browser = HeadlessChromium.start(work.resolve("chromium-profile"), 1280, 2000);
        browser.get(page.toUri().toString());
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private int run(int year) throws Exception {
        return command.execute(year, input.toString(), output.toString(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).exitCode();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void showsTheRosterAsTilesAndTheDaysToTheDeadline() {
        assertThat(browser.getTitle()).isEqualTo("泽州县2024年政府信息公开工作年度报告 报送状态");
        assertThat(text("#tile-expected b")).isEqualTo("41");
        assertThat(text("#tile-accepted b")).isEqualTo("40");
        assertThat(text("#tile-rejected b")).isEqualTo("1");
        assertThat(text("#tile-missing b")).isEqualTo("0");
        assertThat(text("#deadline")).contains("报送截止 " + DEADLINE).contains("还有 10 天");
    }

    @Test
    void listsEveryRosterUnitWithItsStatusAsColour() {
        List<WebElement> rows = browser.findElements(By.cssSelector("#units tr.unit"));
        assertThat(rows).hasSize(roster.units().size());
        WebElement rejected = browser.findElement(By.id("row-" + DemoSubmissions.REJECTED_UNIT));
        assertThat(rejected.getAttribute("data-status")).isEqualTo("未通过");
        assertThat(rejected.findElement(By.cssSelector(".badge")).getCssValue("background-color"))
                .isEqualTo("rgba(198, 40, 40, 1)");
        assertThat(rejected.findElement(By.cssSelector("td")).getCssValue("border-left-color"))
                .isEqualTo("rgba(198, 40, 40, 1)");
        WebElement accepted = browser.findElement(By.id("row-T01"));
        assertThat(accepted.findElement(By.cssSelector(".badge")).getCssValue("background-color"))
                .isEqualTo("rgba(46, 125, 50, 1)");
        WebElement resubmitted = browser.findElement(By.id("row-" + DemoSubmissions.RESUBMITTING_UNIT));
        assertThat(resubmitted.getText()).contains("第2版");
    }

    @Test
    void listsEachUnitsFindingsWithAWorkingLinkToItsFeedbackCopy() throws Exception {
        WebElement d07 = browser.findElement(By.id("unit-" + DemoSubmissions.REJECTED_UNIT));
        List<WebElement> errors = d07.findElements(By.cssSelector("li.ERROR"));
        String errorCount = browser.findElement(By.id("row-" + DemoSubmissions.REJECTED_UNIT))
                .findElements(By.cssSelector("td")).get(6).getText();
        assertThat(errors).hasSize(Integer.parseInt(errorCount)).isNotEmpty();
        assertThat(d07.getText()).contains("J17").contains("T3-ROW");
        Path feedback = Path.of(URI.create(d07.findElement(By.cssSelector("a.feedback")).getAttribute("href")));
        assertThat(feedback).isRegularFile().hasParent(page.getParent().resolve("feedback"));
        assertThat(feedback.getFileName().toString()).startsWith("县司法局-2024年-第1版-校验反馈");
        // the warned town has its warnings and its link too
        WebElement t05 = browser.findElement(By.id("unit-" + DemoSubmissions.WARNED_UNIT));
        assertThat(t05.findElements(By.cssSelector("li.WARNING"))).isNotEmpty();
        assertThat(Path.of(URI.create(t05.findElement(By.cssSelector("a.feedback")).getAttribute("href"))))
                .isRegularFile();
    }

    @Test
    void saysWhatChangedSinceLastNight() {
        assertThat(text("#unit-changes")).contains("犁川镇").contains("未报送").contains("第 1 版，已接收");
        assertThat(browser.findElements(By.cssSelector("#unit-changes tr"))).hasSize(2); // header + T16
        WebElement newApplications = browser.findElement(By.cssSelector("#figure-changes tr[data-code='T3.NEW.TOTAL']"));
        assertThat(newApplications.getText()).contains("70").contains("75").contains("+5");
    }

    @Test
    void showsTheCountyFiguresAgainstLastYear() {
        Map<String, BigDecimal> lastYear = reports.latestCountyFigures(YEAR - 1).orElseThrow();
        WebElement licences = browser.findElement(By.cssSelector("#totals tr[data-code='T2.LICENSE.DECISIONS']"));
        assertThat(licences.findElement(By.cssSelector("td.county")).getText()).isEqualTo("6948");
        assertThat(licences.getText()).contains(lastYear.get("T2.LICENSE.DECISIONS").stripTrailingZeros().toPlainString());
        assertThat(lastYear.get("T2.LICENSE.DECISIONS")).isLessThan(BigDecimal.valueOf(6948));
        WebElement applications = browser.findElement(By.cssSelector("#totals tr[data-code='T3.NEW.TOTAL']"));
        assertThat(applications.findElement(By.cssSelector("td.county")).getText()).isEqualTo("75");
    }

    @Test
    void chartsTheSeasonTheApplicationsAndTheYear() {
        List<WebElement> accepted = browser.findElements(By.cssSelector("#status-chart rect.bar.accepted"));
        assertThat(accepted).extracting(e -> e.getAttribute("data-value")).containsExactly("39", "40");
        assertThat(browser.findElements(By.cssSelector("#status-chart rect.bar.missing")))
                .extracting(e -> e.getAttribute("data-value")).containsExactly("1", "0");
        // drawn, not just present: the taller night's bar is taller on screen
        assertThat(accepted.get(1).getSize().getHeight()).isGreaterThan(accepted.get(0).getSize().getHeight());
        // the legend's labels as drawn: each ends before the next begins
        List<WebElement> legend = browser.findElements(By.cssSelector("#status-chart text.legend"));
        assertThat(legend).extracting(WebElement::getText).containsExactly("已接收", "未通过（含审核退回）", "未报送");
        for (int i = 1; i < legend.size(); i++) {
            assertThat(legend.get(i).getRect().getX()).as(legend.get(i).getText())
                    .isGreaterThan(legend.get(i - 1).getRect().getX() + legend.get(i - 1).getRect().getWidth());
        }

        List<WebElement> bars = browser.findElements(By.cssSelector("#applications-chart rect.bar"));
        assertThat(bars.get(0).getAttribute("data-label")).isEqualTo("县应急管理局");
        assertThat(bars.get(0).getAttribute("data-value")).isEqualTo("18");
        assertThat(bars).anySatisfy(b -> {
            assertThat(b.getAttribute("data-label")).isEqualTo("犁川镇");
            assertThat(b.getAttribute("data-value")).isEqualTo("5");
        });
        assertThat(bars.stream().mapToInt(b -> Integer.parseInt(b.getAttribute("data-value"))).sum()).isEqualTo(75);

        assertThat(browser.findElements(By.cssSelector("#year-chart rect.bar.this-year"))).hasSize(10);
        assertThat(browser.findElements(By.cssSelector("#year-chart rect.bar.last-year"))).hasSize(10);
    }

    @Test
    void isOneFileThatFetchesNothing() throws Exception {
        Object resources = browser.executeScript("return performance.getEntriesByType('resource').length");
        assertThat(resources).isEqualTo(0L);
        assertThat(browser.findElements(By.cssSelector("script, link, img, iframe"))).isEmpty();
        String html = Files.readString(page);
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
        Files.write(Path.of("target", "status-page.png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
