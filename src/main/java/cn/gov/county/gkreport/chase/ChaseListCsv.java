package cn.gov.county.gkreport.chase;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.gov.county.gkreport.chase.ChaseList.Entry;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.report.UnitStanding.Standing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The chase list as a CSV file the office opens in Excel, WPS or LibreOffice: UTF-8 with a BOM (so
 * they read the Chinese), RFC 4180 quoting by commons-csv, and nothing a clerk typed on a cover ever
 * taken for a formula or a number.
 */
final class ChaseListCsv {

    static final String[] HEADER = {"单位代码", "单位名称", "单位类型", "状态", "催报原因", "首次报送", "首个通过版本",
        "最近报送文件", "最近报送时间", "错误数", "联系人", "联系电话", "电子邮箱", "上次催报", "催报内容", "邮件情况"};
    /** Leading characters that make Excel, WPS or LibreOffice read a cell as a formula (or a DDE command). */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    /**
     * Digits a spreadsheet would turn into a number and show wrongly: a leading 0 dropped (a
     * landline typed without its dash), 12 digits and more in scientific notation.
     */
    private static final Pattern MANGLED_AS_NUMBER = Pattern.compile("0\\d+|\\d{12,}");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private ChaseListCsv() {
    }

    /** Writes the list next to {@code file} and moves it into place (replacing last night's). */
    static void write(Path file, List<Entry> entries) throws IOException {
        FormFiles.writeAtomically(file, stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            out.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(out, FORMAT);
            for (Entry e : entries) {
                csv.printRecord(Stream.of(e.unit().code(), e.unit().name(), e.unit().type().label(),
                        e.standing().label(), e.reason().label(), e.timeliness().firstFile(),
                        e.timeliness().firstAccepted(), e.lastFile(), e.lastReceivedAt(),
                        e.standing() == Standing.REJECTED ? Integer.toString(e.errors()) : null,
                        e.contactPerson(), e.contactPhone(), e.email(), e.lastReminder(), e.reminderText(),
                        e.mailNote())
                        .map(ChaseListCsv::cell));
            }
            csv.flush(); // not closed: the stream belongs to writeAtomically
        });
    }

    /**
     * The text of one cell as a spreadsheet must see it. Text starting like a formula
     * ({@code =HYPERLINK(…)}, {@code +cmd|…}, {@code -}, {@code @SUM}) gets a leading {@code '}, the
     * usual neutraliser (OWASP's advice for CSV injection); digits a spreadsheet would mangle become
     * {@code ="…"}, the one formula written, with nothing but the clerk's digits in it. Line breaks
     * become spaces, so each unit stays one line in any viewer.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        if (MANGLED_AS_NUMBER.matcher(v).matches()) {
            return "=\"" + v + "\"";
        }
        if (!v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0) {
            return "'" + v;
        }
        return v;
    }
}
