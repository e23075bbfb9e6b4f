package cn.gov.county.gkreport.hostile;

import static cn.gov.county.gkreport.hostile.HostileFiles.escapeXml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.form.FormWorkbookWriter;
import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;

import org.apache.poi.hssf.record.FilePassRecord;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The hostile-input corpus: files a county office really receives, or that someone could send on
 * purpose, each meant to break the nightly job in its own way (empty, renamed, damaged, encrypted,
 * zip bombs, XXE, absurd numbers, formula tricks, identity confusion, file names that are paths,
 * not UTF-8 or formula text). Every case is deterministic: the same bytes on every run, so the
 * corpus is committed under {@code src/test/resources/hostile/files/} and the expectation of each
 * case lives beside it in {@code src/test/resources/hostile/<case>.expected}.
 *
 * <p>Every case written from the form carries a roster unit's demo figures
 * ({@link DemoSubmissions#acceptedFigures()}); only the cell or the cover field the case is about
 * differs, and that difference must get it rejected. So whatever is accepted leaves the county
 * totals exactly those of the demo input, and becomes that unit's newest version.
 *
 * <p>Run as a main class from the test class path (see {@code scripts/hostile/regenerate.sh}):
 * <pre>
 *   HostileCorpus &lt;dir&gt;            write the committed cases (stored names) into dir
 *   HostileCorpus --as-input &lt;dir&gt;  write every case under its hostile name, ready as input/2024
 * </pre>
 */
public final class HostileCorpus {

    public static final int YEAR = 2024;
    /** Where the committed corpus lives, relative to the project root. */
    public static final Path COMMITTED = Path.of("src/test/resources/hostile/files");
    /** Where the expectations live, relative to the project root. */
    public static final Path EXPECTATIONS = Path.of("src/test/resources/hostile");

    /** Whether a case's file is committed or made by the test into its temp folder. */
    public enum Storage {
        COMMITTED,
        /** Too big to commit, or a file name git and the JVM cannot carry, or a symlink. */
        GENERATED_AT_TEST_TIME
    }

    /** Writes a case's content to a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    /**
     * One hostile input.
     *
     * @param id       the case id (ASCII), also the name of its expectation file
     * @param fileName the name it is sent under (for a raw-byte name: a readable rendering)
     * @param rawName  the file name as raw bytes when it is not valid UTF-8, else null
     * @param symlinkTarget for a symbolic link: where it points, else null
     * @param storage  committed or generated at test time
     * @param content  writes the bytes (null for a symlink)
     */
    public record Case(String id, String fileName, byte[] rawName, Path symlinkTarget, Storage storage,
                       Content content) {

        /** The name under {@link HostileCorpus#COMMITTED}: the real name where it is portable, else the case id. */
        public String storedName() {
            return portable(fileName) && rawName == null ? fileName : id + ".bin";
        }

        public boolean committed() {
            return storage == Storage.COMMITTED;
        }
    }

    private final FormDefinition form;
    private final Roster roster;
    private final Map<String, Map<String, BigDecimal>> demo;
    private final FormFiles files;
    private Map<String, SheetCell> positions;

    public HostileCorpus(FormDefinition form, Roster roster) {
        this.form = form;
        this.roster = roster;
        this.demo = new DemoSubmissions(form, roster, YEAR).acceptedFigures();
        this.files = new FormFiles(form);
    }

    /** The corpus with the project's own form and roster (run from the project root). */
    public static HostileCorpus standard() {
        try {
            return new HostileCorpus(FormDefinitionLoader.loadCurrent(), Roster.read(Path.of("jobs/roster.csv"), "泽州县"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The cases, in arrival order (the test gives each a modification time in this order)

    public List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // --- not a workbook at all
        cases.add(bytes("01-empty", "空文件.xlsx", new byte[0]));
        cases.add(bytes("02-one-byte", "只有一个字节.xlsx", new byte[] {'P'}));
        cases.add(bytes("03-csv-renamed-xlsx", "CSV导出改名.xlsx", ("\uFEFF单位名称,行政许可,行政处罚\r\n"
                + "县统计局,12,3\r\n").getBytes(StandardCharsets.UTF_8)));
        cases.add(bytes("04-html-renamed-xls", "网页另存为.xls", ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
                + "xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><head><meta charset=\"utf-8\"></head><body>"
                + "<table><tr><td>行政许可</td><td>12</td></tr></table></body></html>").getBytes(StandardCharsets.UTF_8)));
        cases.add(bytes("05-pdf-renamed-xlsx", "扫描件PDF改名.xlsx", ("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n"
                + "<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1)));
        cases.add(lazy("06-truncated-zip", "传输中断只剩一半.xlsx", () -> {
            byte[] whole = formXlsx(unit("D09"), figures("D09"), Map.of(), Map.of());
            return Arrays.copyOf(whole, whole.length / 2);
        }));
        cases.add(lazy("07-zip-not-ooxml", "压缩包改名.xlsx", () -> HostileFiles.zipText(orderedMap(
                "说明.txt", "各单位年报见附件。", "年报/D09.csv", "行政许可,12\r\n"))));
        cases.add(lazy("08-word-docx", "年报正文Word版.docx", HostileCorpus::minimalDocx));
        cases.add(lazy("09-no-form-sheets", "只有Sheet1随机文字.xlsx", HostileCorpus::randomTextWorkbook));
        // --- resource exhaustion
        cases.add(streamed("10-zip-bomb", "压缩炸弹1GB空白.xlsx",
                file -> HostileFiles.writeZipBomb(file, 1_100_000_000L, false)));
        cases.add(streamed("11-zip-bomb-lying-sizes", "压缩炸弹谎报解压大小.xlsx",
                file -> HostileFiles.writeZipBomb(file, 1_100_000_000L, true)));
        cases.add(lazy("12-cell-at-last-row", "第1048576行有内容.xlsx", () -> editSheet(
                formXlsx(unit("D24"), figures("D24"), Map.of(), Map.of()), form.table3().sheet(),
                xml -> HostileFiles.appendRows(xml, "<row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>末行</t>"
                        + "</is></c></row>"))));
        cases.add(lazy("13-row-of-16000-columns", "一行16000列.xlsx", () -> editSheet(
                formXlsx(unit("T01"), figures("T01"), Map.of(), Map.of()), form.table3().sheet(),
                xml -> HostileFiles.appendRows(xml, wideRow(100, 16_000)))));
        // --- unsafe XML
        cases.add(lazy("14-xxe-in-sheet", "XXE工作表外部实体.xlsx", () -> {
            byte[] xlsx = formXlsx(unit("D25"), figures("D25"), Map.of(), Map.of());
            String contact = coverCell(CoverField.CONTACT);
            return editSheet(xlsx, form.cover().sheet(), xml -> HostileFiles.withDoctype(
                    HostileFiles.replaceCell(xml, contact, s -> "<c r=\"" + contact + "\"" + s
                            + " t=\"inlineStr\"><is><t>&xxe;</t></is></c>"),
                    "<!DOCTYPE worksheet [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>"));
        }));
        cases.add(lazy("15-xxe-in-shared-strings", "XXE共享字符串外部实体.xlsx", () -> {
            byte[] xlsx = formXlsx(unit("D25"), figures("D25"), Map.of(), Map.of(CoverField.CONTACT, "XXE联系人"));
            return HostileFiles.editParts(xlsx, Map.of("xl/sharedStrings.xml", xml -> HostileFiles.withDoctype(
                    xml.replace("<t>XXE联系人</t>", "<t>&xxe;</t>"),
                    "<!DOCTYPE sst SYSTEM \"http://127.0.0.1:9/evil.dtd\" [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>")));
        }));
        cases.add(lazy("16-billion-laughs", "实体膨胀十亿笑.xlsx", () -> {
            byte[] xlsx = formXlsx(unit("D25"), figures("D25"), Map.of(), Map.of());
            String at = a1("T2.LICENSE.DECISIONS");
            StringBuilder doctype = new StringBuilder("<!DOCTYPE worksheet [ <!ENTITY lol0 \"lol\">");
            for (int i = 1; i <= 9; i++) {
                doctype.append(" <!ENTITY lol").append(i).append(" \"")
                        .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
            }
            doctype.append(" ]>");
            return editSheet(xlsx, form.table2().sheet(), xml -> HostileFiles.withDoctype(
                    HostileFiles.replaceCell(xml, at, s -> "<c r=\"" + at + "\"" + s
                            + " t=\"inlineStr\"><is><t>&lol9;</t></is></c>"), doctype.toString()));
        }));
        // --- encrypted and legacy
        cases.add(lazy("17-encrypted-xlsx", "加密的xlsx.xlsx",
                () -> encryptAgile(formXlsx(unit("D09"), figures("D09"), Map.of(), Map.of()))));
        cases.add(lazy("18-encrypted-xls", "加密的xls.xls", () -> formXls(unit("D09"), figures("D09"), "pw-2024")));
        cases.add(lazy("19-biff5-excel95", "Excel95格式.xls",
                () -> HostileFiles.ole2(Map.of("Book", HostileFiles.biff5BookStream()))));
        // --- formula tricks
        cases.add(lazy("20-formula-error-values", "公式错误值REF_DIV0_VALUE.xlsx", () -> editCells(
                formXlsx(unit("D21"), figures("D21"), Map.of(), Map.of()), form.table2().sheet(), Map.of(
                        a1("T2.LICENSE.DECISIONS"), s -> "t=\"e\"><f>#REF!+1</f><v>#REF!</v>",
                        a1("T2.PENALTY.DECISIONS"), s -> "t=\"e\"><f>1/0</f><v>#DIV/0!</v>",
                        a1("T2.COERCION.DECISIONS"), s -> "t=\"e\"><f>\"件\"+1</f><v>#VALUE!</v>"))));
        cases.add(lazy("21-formula-without-cached-value", "公式没有缓存值.xlsx", () -> editCells(
                formXlsx(unit("D22"), figures("D22"), Map.of(), Map.of()), form.table2().sheet(), Map.of(
                        a1("T2.LICENSE.DECISIONS"), s -> "><f>" + a1("T2.PENALTY.DECISIONS") + "*2</f>"))));
        cases.add(lazy("22-circular-reference-no-value", "循环引用无缓存值.xlsx", () -> editCells(
                formXlsx(unit("D23"), figures("D23"), Map.of(), Map.of()), form.table2().sheet(), Map.of(
                        a1("T2.REG.ISSUED"), s -> "><f>" + a1("T2.REG.REPEALED") + "</f>",
                        a1("T2.REG.REPEALED"), s -> "><f>" + a1("T2.REG.ISSUED") + "</f>"))));
        cases.add(lazy("23-circular-reference-cached-zero", "循环引用缓存为0.xlsx", () -> editCells(
                formXlsx(unit("T03"), figures("T03"), Map.of(), Map.of()), form.table2().sheet(), Map.of(
                        a1("T2.REG.ISSUED"), s -> "><f>" + a1("T2.REG.REPEALED") + "</f><v>0</v>",
                        a1("T2.REG.REPEALED"), s -> "><f>" + a1("T2.REG.ISSUED") + "</f><v>0</v>"))));
        cases.add(lazy("24-external-workbook-link", "外部工作簿链接公式.xlsx", () -> {
            Map<String, BigDecimal> t02 = figures("T02");
            return editCells(formXlsx(unit("T02"), t02, Map.of(), Map.of()), form.table2().sheet(), Map.of(
                    a1("T2.LICENSE.DECISIONS"), s -> "><f>[other.xlsx]Sheet1!A1</f><v>"
                            + t02.get("T2.LICENSE.DECISIONS").toPlainString() + "</v>",
                    a1("T2.PENALTY.DECISIONS"), s -> "><f>'C:\\报表\\[other.xlsx]表二'!B8</f><v>"
                            + t02.get("T2.PENALTY.DECISIONS").toPlainString() + "</v>"));
        }));
        // --- numbers
        cases.add(lazy("25-negative-count", "负数件数.xlsx",
                () -> formXlsx(unit("D15"), figures("D15"), Map.of("T2.LICENSE.DECISIONS", -5), Map.of())));
        cases.add(lazy("26-fractional-count", "小数件数2.5.xlsx",
                () -> formXlsx(unit("D16"), figures("D16"), Map.of("T2.PENALTY.DECISIONS", 2.5), Map.of())));
        cases.add(lazy("27-exponent-text-1e9", "文本1e9.xlsx",
                () -> formXlsx(unit("D17"), figures("D17"), Map.of("T2.LICENSE.DECISIONS", "1e9"), Map.of())));
        cases.add(lazy("28-beyond-bigint", "超大数99999999999999999999.xlsx",
                () -> formXlsx(unit("D18"), figures("D18"), Map.of("T2.COERCION.DECISIONS", "99999999999999999999",
                        "T2.LICENSE.DECISIONS", 1e20), Map.of())));
        cases.add(lazy("29-nan-infinity-text", "文本NaN和Infinity.xlsx",
                () -> formXlsx(unit("D19"), figures("D19"), Map.of("T2.LICENSE.DECISIONS", "NaN",
                        "T2.PENALTY.DECISIONS", "Infinity"), Map.of())));
        cases.add(lazy("30-date-in-count-cell", "件数单元格是日期.xlsx", () -> {
            byte[] xlsx = formXlsx(unit("D20"), figures("D20"), Map.of(), Map.of());
            int[] index = new int[1];
            xlsx = HostileFiles.editParts(xlsx, Map.of("xl/styles.xml", xml -> {
                Map.Entry<String, Integer> added = HostileFiles.addCellFormat(xml, 14);
                index[0] = added.getValue();
                return added.getKey();
            }));
            String at = a1("T2.LICENSE.DECISIONS");
            return editSheet(xlsx, form.table2().sheet(), xml -> HostileFiles.replaceCell(xml, at,
                    s -> "<c r=\"" + at + "\" s=\"" + index[0] + "\"><v>45292</v></c>"));
        }));
        cases.add(lazy("31-numeric-nan-in-xml", "数值单元格存NaN.xlsx", () -> editCells(
                formXlsx(unit("D12"), figures("D12"), Map.of(), Map.of()), form.table2().sheet(), Map.of(
                        a1("T2.LICENSE.DECISIONS"), s -> "><v>NaN</v>"))));
        // --- identity
        cases.add(lazy("32-unknown-unit", "县气象局-2024年政府信息公开年报.xlsx", () -> formXlsx(unit("D08"),
                figures("D08"), Map.of(), Map.of(CoverField.UNIT_NAME, "县气象局", CoverField.UNIT_CODE, "D26"))));
        cases.add(lazy("33-code-of-one-unit-name-of-another", "封面代码与名称不符.xlsx", () -> formXlsx(unit("D10"),
                figures("D10"), Map.of(), Map.of(CoverField.UNIT_NAME, unit("D13").name()))));
        cases.add(lazy("34-wrong-year-2023", "D14-县退役军人事务局-2023年政府信息公开年报.xlsx", () -> formXlsx(unit("D14"),
                figures("D14"), Map.of(), Map.of(CoverField.YEAR, "2023"))));
        cases.add(lazy("35-cover-unit-differs-from-file-name", "D13-县水务局-2024年政府信息公开年报（借用）.xlsx",
                () -> formXlsx(unit("T04"), figures("T04"), Map.of(), Map.of())));
        // the form writer is deterministic: the same content twice gives the same bytes twice
        cases.add(lazy("36-duplicate-first-copy", "下村镇年报-重复报送.xlsx",
                () -> formXlsx(unit("T06"), figures("T06"), Map.of(), Map.of())));
        cases.add(lazy("37-duplicate-second-copy", "下村镇年报-重复报送-副本.xlsx",
                () -> formXlsx(unit("T06"), figures("T06"), Map.of(), Map.of())));
        cases.add(lazy("38-same-unit-older-file", "大箕镇年报-上午版.xlsx", () -> formXlsx(unit("T07"), figures("T07"),
                Map.of(), Map.of(CoverField.CONTACT, "上午版联系人", CoverField.FILL_DATE, "2025-02-01"))));
        cases.add(lazy("39-same-unit-newer-file", "大箕镇年报-下午版.xlsx", () -> formXlsx(unit("T07"), figures("T07"),
                Map.of(), Map.of(CoverField.CONTACT, "下午版联系人", CoverField.FILL_DATE, "2025-02-02"))));
        // --- file names
        cases.add(lazy("40-name-backslash-dotdot", "..\\..\\evil.xlsx",
                () -> formXlsx(unit("T11"), figures("T11"), Map.of(), Map.of())));
        cases.add(lazy("41-name-dotdot-semicolon", "..;evil.xlsx",
                () -> formXlsx(unit("T12"), figures("T12"), Map.of(), Map.of())));
        cases.add(lazy("42-name-percent-encoded-slashes", "..%2F..%2Fevil.xlsx",
                () -> formXlsx(unit("T13"), figures("T13"), Map.of(), Map.of())));
        cases.add(lazy("43-name-200-characters", longName(),
                () -> formXlsx(unit("T14"), figures("T14"), Map.of(), Map.of())));
        cases.add(rawNamed("44-name-not-utf8", "bad-\\xFF\\xFE-\\xC3\\x28.xlsx",
                concat(new byte[] {'b', 'a', 'd', '-', (byte) 0xFF, (byte) 0xFE, '-', (byte) 0xC3, 0x28},
                        ".xlsx".getBytes(StandardCharsets.US_ASCII)),
                () -> formXlsx(unit("T15"), figures("T15"), Map.of(), Map.of())));
        cases.add(rawNamed("45-name-gbk-encoded", "县教育局.xlsx (GBK bytes CFD8 BDCC D3FD BED6)",
                concat("县教育局".getBytes(Charset.forName("GBK")), ".xlsx".getBytes(StandardCharsets.US_ASCII)),
                () -> formXlsx(unit("D01"), figures("D01"), Map.of(), Map.of())));
        cases.add(lazy("46-name-80-chinese-characters-unreadable", longChineseName(),
                () -> "<html><body>报表见附件</body></html>".getBytes(StandardCharsets.UTF_8)));
        // --- formula injection in free text
        cases.add(lazy("47-contact-hyperlink-formula", "联系人HYPERLINK公式.xlsx", () -> formXlsx(unit("T08"),
                figures("T08"), Map.of(), Map.of(CoverField.CONTACT, "=HYPERLINK(\"http://x\",\"click\")"))));
        cases.add(lazy("48-contact-dde-command", "联系人DDE命令.xlsx", () -> formXlsx(unit("T09"),
                figures("T09"), Map.of(), Map.of(CoverField.CONTACT, "+cmd|' /C calc'!A0"))));
        cases.add(lazy("49-contact-at-sum", "联系人@SUM.xlsx", () -> formXlsx(unit("T10"),
                figures("T10"), Map.of(), Map.of(CoverField.CONTACT, "@SUM(1+1)", CoverField.PHONE, "=1+1"))));
        cases.add(lazy("50-unit-name-formula", "单位名称是公式.xlsx", () -> formXlsx(unit("D11"), figures("D11"),
                Map.of(), Map.of(CoverField.UNIT_NAME, "=HYPERLINK(\"http://x\",\"click\")", CoverField.UNIT_CODE, ""))));
        cases.add(lazy("51-file-name-formula", "=HYPERLINK(\"http:x\",\"click\")+cmd|' C calc'!A0.xlsx",
                () -> formXlsx(unit("D04"), figures("D04"), Map.of(), Map.of())));
        // --- the format is decided by content
        cases.add(lazy("52-real-xls-named-xlsx", "真xls改名为.xlsx", () -> formXls(unit("D02"), figures("D02"), null)));
        // --- files intake passes over
        cases.add(bytes("53-office-lock-file", "~$县教育局-2024年政府信息公开年报.xlsx", officeLockFile()));
        cases.add(bytes("54-libreoffice-lock-file", ".~lock.县教育局-2024年政府信息公开年报.xlsx#",
                "Administrator,PC-01/admin,PC-01,20.01.2025 09:00,file:///home/admin/.config/libreoffice/4;"
                        .getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("55-symlink-outside-input", "指向系统文件的链接.xlsx", null, Path.of("/etc/passwd"),
                Storage.GENERATED_AT_TEST_TIME, null));
        // --- many cells within the limits
        cases.add(streamed("56-many-text-cells-in-table3", "表三里十五万个文字单元格.xlsx", file -> HostileFiles.write(file,
                editSheet(formXlsx(unit("D05"), figures("D05"), Map.of(), Map.of()),
                        form.table3().sheet(), xml -> HostileFiles.appendRows(xml, manyTextRows(100, 150_000, 50))))));
        // --- path-like names that do not start with a dot (a leading dot makes a file hidden)
        cases.add(bytes("57-name-backslash-inside", "年报..\\..\\..\\evil.xlsx", ("单位名称,行政许可\r\n"
                + "县林业局,3\r\n").getBytes(StandardCharsets.UTF_8)));
        cases.add(lazy("58-name-semicolon-inside", "年报..;evil.xlsx",
                () -> formXlsx(unit("D06"), figures("D06"), Map.of(), Map.of())));
        cases.add(lazy("59-name-percent-inside", "年报..%2F..%2Fevil.xlsx",
                () -> formXlsx(unit("D08"), figures("D08"), Map.of(), Map.of(CoverField.CONTACT, "路径名联系人"))));
        return cases;
    }

    // ---------------------------------------------------------------------------------------------
    // Writing the corpus

    /** Writes the committed cases under their stored names into {@code dir}, removing stale files. */
    public void writeCommitted(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Case> all = cases();
        List<String> names = all.stream().filter(Case::committed).map(Case::storedName).toList();
        try (Stream<Path> existing = Files.list(dir)) {
            for (Path file : existing.toList()) {
                if (!names.contains(file.getFileName().toString())) {
                    Files.delete(file);
                }
            }
        }
        for (Case c : all) {
            if (c.committed()) {
                c.content().writeTo(dir.resolve(c.storedName()));
            }
        }
    }

    /**
     * Puts one case into an input folder under its hostile name with the given modification
     * time: copied from the committed corpus when there is one ({@code committedDir} not null),
     * otherwise written now. Returns why it was skipped, when the file system or the platform
     * cannot represent it.
     */
    public Optional<String> materialize(Case c, Path inputDir, Path committedDir, FileTime modified) throws IOException {
        Files.createDirectories(inputDir);
        if (c.symlinkTarget() != null) {
            try {
                Files.createSymbolicLink(inputDir.resolve(c.fileName()), c.symlinkTarget());
                return Optional.empty();
            } catch (UnsupportedOperationException | IOException e) {
                return Optional.of("symbolic links not supported here: " + e);
            }
        }
        Path placeholder = c.rawName() == null ? inputDir.resolve(c.fileName()) : inputDir.resolve(".placeholder-" + c.id());
        if (c.committed() && committedDir != null) {
            Files.copy(committedDir.resolve(c.storedName()), placeholder, StandardCopyOption.REPLACE_EXISTING);
        } else {
            c.content().writeTo(placeholder);
        }
        Files.setLastModifiedTime(placeholder, modified);
        if (c.rawName() == null) {
            return Optional.empty();
        }
        // The JVM maps file names through UTF-8 here, so it cannot create a name that is not
        // UTF-8: the shell renames the file to the raw bytes (mv keeps the modification time).
        return renameToRawBytes(placeholder, c.rawName());
    }

    private static Optional<String> renameToRawBytes(Path placeholder, byte[] rawName) {
        StringBuilder printf = new StringBuilder();
        for (byte b : rawName) {
            printf.append(String.format("\\%03o", b & 0xFF));
        }
        try {
            Process mv = new ProcessBuilder("/bin/sh", "-c", "cd \"$1\" && mv -- \"$2\" \"$(printf '" + printf + "')\"",
                    "sh", placeholder.getParent().toString(), placeholder.getFileName().toString())
                    .redirectErrorStream(true).start();
            String output = new String(mv.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!mv.waitFor(30, TimeUnit.SECONDS) || mv.exitValue() != 0) {
                Files.deleteIfExists(placeholder);
                return Optional.of("cannot create a file named with raw bytes: " + output.strip());
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("no shell to create a raw-byte file name: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    public static void main(String[] args) throws Exception {
        HostileCorpus corpus = standard();
        if (args.length == 2 && args[0].equals("--as-input")) {
            Path dir = Path.of(args[1]);
            Instant base = Instant.parse("2025-02-01T08:00:00Z");
            List<Case> cases = corpus.cases();
            for (int i = 0; i < cases.size(); i++) {
                Optional<String> skipped = corpus.materialize(cases.get(i), dir, null,
                        FileTime.from(base.plusSeconds(60L * i)));
                System.out.println(cases.get(i).id() + skipped.map(s -> "  SKIPPED: " + s).orElse(""));
            }
        } else if (args.length == 1) {
            corpus.writeCommitted(Path.of(args[0]));
            for (Case c : corpus.cases()) {
                System.out.println((c.committed() ? "committed  " : "test-time  ") + c.id()
                        + (c.committed() ? "  -> " + c.storedName() : ""));
            }
        } else {
            System.err.println("usage: HostileCorpus <dir> | HostileCorpus --as-input <dir>");
            System.exit(2);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Case builders

    private interface Bytes {
        byte[] get() throws IOException;
    }

    private static Case bytes(String id, String name, byte[] content) {
        return new Case(id, name, null, null, Storage.COMMITTED, file -> HostileFiles.write(file, content));
    }

    private static Case lazy(String id, String name, Bytes content) {
        return new Case(id, name, null, null, Storage.COMMITTED, file -> HostileFiles.write(file, content.get()));
    }

    private static Case streamed(String id, String name, Content content) {
        return new Case(id, name, null, null, Storage.GENERATED_AT_TEST_TIME, content);
    }

    private static Case rawNamed(String id, String readableName, byte[] rawName, Bytes content) {
        return new Case(id, readableName, rawName, null, Storage.GENERATED_AT_TEST_TIME,
                file -> HostileFiles.write(file, content.get()));
    }

    /** Portable in git and on every desktop: valid UTF-8, no path or reserved characters, short. */
    static boolean portable(String name) {
        return name.chars().noneMatch(ch -> "\\/:*?\"<>|".indexOf(ch) >= 0 || ch < 0x20)
                && name.getBytes(StandardCharsets.UTF_8).length <= 200;
    }

    // ---------------------------------------------------------------------------------------------
    // Form files

    private RosterUnit unit(String code) {
        return roster.byCode(code).orElseThrow(() -> new IllegalArgumentException("no unit " + code));
    }

    /** The unit's demo figures: accepted, they leave the county totals as they are. */
    private Map<String, BigDecimal> figures(String code) {
        Map<String, BigDecimal> f = demo.get(code);
        if (f == null) {
            throw new IllegalArgumentException(code + " has no accepted demo figures");
        }
        return f;
    }

    /** A unit's .xlsx as the product's form writer makes it (formulas with cached results). */
    byte[] formXlsx(RosterUnit unit, Map<String, BigDecimal> figures, Map<String, Object> overrides,
                    Map<String, String> coverChanges) throws IOException {
        Path tmp = Files.createTempFile("hostile-", ".xlsx");
        try {
            Map<String, SheetCell> written = files.write(tmp, new FormContent(cover(unit, coverChanges), figures, overrides));
            if (positions == null) {
                positions = written;
            }
            return HostileFiles.zip(HostileFiles.unzip(Files.readAllBytes(tmp)));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Map<String, String> cover(RosterUnit unit, Map<String, String> changes) {
        Map<String, String> cover = new LinkedHashMap<>();
        cover.put(CoverField.UNIT_NAME, unit.name());
        cover.put(CoverField.UNIT_CODE, unit.code());
        cover.put(CoverField.UNIT_TYPE, unit.type().label());
        cover.put(CoverField.YEAR, Integer.toString(YEAR));
        cover.put(CoverField.FORM_VERSION, form.id());
        cover.put(CoverField.CONTACT, "重报联系人" + unit.code());
        cover.put(CoverField.PHONE, "0356-3000000");
        cover.put(CoverField.FILL_DATE, "2025-02-01");
        cover.putAll(changes);
        cover.values().removeIf(String::isEmpty);
        return cover;
    }

    /** The A1 reference of a form item in every form file. */
    private String a1(String code) {
        if (positions == null) {
            try {
                formXlsx(unit("D01"), figures("D01"), Map.of(), Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return positions.get(code).cell().a1();
    }

    /** The value cell of a cover field: the writer puts field i in row 3 + i, column B. */
    private String coverCell(String key) {
        int index = 0;
        for (var field : form.cover().fields()) {
            if (field.key().equals(key)) {
                return new CellRef(2 + index, 1).a1();
            }
            index++;
        }
        throw new IllegalArgumentException("no cover field " + key);
    }

    private byte[] editSheet(byte[] xlsx, String sheetName, UnaryOperator<String> edit) throws IOException {
        return HostileFiles.editParts(xlsx, Map.of(HostileFiles.sheetPart(xlsx, sheetName), edit));
    }

    /** Replaces cells: each function gets the cell's style attribute and returns what follows {@code <c r="…"s="…" }. */
    private byte[] editCells(byte[] xlsx, String sheetName, Map<String, UnaryOperator<String>> cells) throws IOException {
        return editSheet(xlsx, sheetName, xml -> {
            String edited = xml;
            for (Map.Entry<String, UnaryOperator<String>> cell : cells.entrySet()) {
                String at = cell.getKey();
                edited = HostileFiles.replaceCell(edited, at, s -> {
                    String rest = cell.getValue().apply(s);
                    return "<c r=\"" + at + "\"" + s + (rest.startsWith(">") ? "" : " ") + rest + "</c>";
                });
            }
            return edited;
        });
    }

    /** A BIFF8 .xls of the form, optionally encrypted with a password (RC4 CryptoAPI). */
    private byte[] formXls(RosterUnit unit, Map<String, BigDecimal> figures, String password) throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            new FormWorkbookWriter(form).write(workbook, new FormContent(cover(unit, Map.of()), figures, Map.of()),
                    FormWorkbookWriter.Options.TEMPLATE);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (password != null) {
                // POI draws the salt and verifier at random: a FilePass record confirmed with fixed
                // ones first makes it reuse them, so the encrypted file is the same on every run.
                workbook.readProperties(); // now, unencrypted: else POI logs errors trying it while encrypting
                FilePassRecord filePass = new FilePassRecord(EncryptionMode.cryptoAPI);
                filePass.getEncryptionInfo().getEncryptor().confirmPassword(password, null, null, filled(16, 6),
                        filled(16, 7), null);
                workbook.getInternalWorkbook().getWorkbookRecordList().add(1, filePass);
                Biff8EncryptionKey.setCurrentUserPassword(password);
            }
            try {
                workbook.write(out);
            } finally {
                // a thread-local: never leave it set for whatever runs next on this thread
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
            return out.toByteArray();
        }
    }

    /** The package encrypted with Agile encryption (what Excel 2010+ writes), with fixed salts. */
    private static byte[] encryptAgile(byte[] xlsx) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            int keyBytes = info.getHeader().getKeySize() / 8;
            int block = info.getHeader().getBlockSize();
            int hash = info.getHeader().getHashAlgorithm().hashSize;
            encryptor.confirmPassword("pw-2024", filled(keyBytes, 1), filled(block, 2), filled(block, 3),
                    filled(block, 4), filled(hash, 5));
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(xlsx);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static byte[] filled(int length, int seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] minimalDocx() throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/word/document.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                </Types>""");
        parts.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                Target="word/document.xml"/></Relationships>""");
        parts.put("word/document.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
                <w:p><w:r><w:t>县教育局2024年政府信息公开工作年度报告</w:t></w:r></w:p>\
                <w:p><w:r><w:t>一、总体情况（略）</w:t></w:r></w:p></w:body></w:document>""");
        return HostileFiles.zipText(parts);
    }

    /** A workbook of the unit's own: one sheet "Sheet1" of random text, none of the form's sheets. */
    private static byte[] randomTextWorkbook() throws IOException {
        Random random = new Random(42);
        String chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Sheet1");
            for (int r = 0; r < 40; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 8; c++) {
                    StringBuilder text = new StringBuilder();
                    int length = 2 + random.nextInt(10);
                    for (int i = 0; i < length; i++) {
                        text.append(chars.charAt(random.nextInt(chars.length())));
                    }
                    row.createCell(c).setCellValue(text.toString());
                }
            }
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(new Date(HostileFiles.ENTRY_TIME)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return HostileFiles.zip(HostileFiles.unzip(out.toByteArray()));
        }
    }

    /** One row of {@code columns} text cells (A…), e.g. the 16 000-column row. */
    private static String wideRow(int row, int columns) {
        StringBuilder xml = new StringBuilder("<row r=\"" + row + "\">");
        for (int c = 0; c < columns; c++) {
            String ref = CellRef.columnName(c) + row;
            xml.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>填充").append(c + 1)
                    .append("</t></is></c>");
        }
        return xml.append("</row>").toString();
    }

    /** {@code cells} text cells from row {@code firstRow}, {@code perRow} to a row, all different. */
    private static String manyTextRows(int firstRow, int cells, int perRow) {
        StringBuilder xml = new StringBuilder();
        Random random = new Random(7);
        int row = firstRow;
        for (int n = 0; n < cells; row++) {
            xml.append("<row r=\"").append(row).append("\">");
            for (int c = 0; c < perRow && n < cells; c++, n++) {
                xml.append("<c r=\"").append(CellRef.columnName(c)).append(row).append("\" t=\"inlineStr\"><is><t>")
                        .append(escapeXml("备注" + Long.toString(random.nextLong() & 0xFFFFFFFFFFL, 36)))
                        .append("</t></is></c>");
            }
            xml.append("</row>");
        }
        return xml.toString();
    }

    /** 200 characters in 240 bytes (Linux allows 255 bytes per name). */
    private static String longName() {
        String head = "T14-山河镇-2024年政府信息公开工作年度报告-";
        String tail = ".xlsx";
        return head + "x".repeat(200 - head.length() - tail.length()) + tail;
    }

    /** 80 Chinese characters: 240 bytes of UTF-8 plus the extension, a legal Linux file name. */
    private static String longChineseName() {
        String sentence = "关于报送本单位二〇二四年度政府信息公开工作年度报告及相关统计表格的函附件";
        StringBuilder name = new StringBuilder();
        while (name.length() < 80) {
            name.append(sentence);
        }
        return name.substring(0, 80) + ".xls";
    }

    /** Excel's owner file: 1-byte length, the user name padded, then the name again in UTF-16. */
    private static byte[] officeLockFile() {
        byte[] lock = new byte[165];
        Arrays.fill(lock, (byte) 0x20);
        byte[] user = "Administrator".getBytes(StandardCharsets.US_ASCII);
        lock[0] = (byte) user.length;
        System.arraycopy(user, 0, lock, 1, user.length);
        byte[] wide = "Administrator".getBytes(StandardCharsets.UTF_16LE);
        lock[54] = (byte) user.length;
        lock[55] = 0;
        System.arraycopy(wide, 0, lock, 56, wide.length);
        return lock;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Case> byId(List<Case> cases) {
        Map<String, Case> map = new HashMap<>();
        cases.forEach(c -> map.put(c.id(), c));
        return map;
    }
}
