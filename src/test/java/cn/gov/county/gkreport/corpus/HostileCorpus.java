package cn.gov.county.gkreport.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.read.CellRef;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The hostile and broken input corpus (src/test/resources/corpus/hostile/): each case a file
 * written here, its expected outcome in {@code cases.tsv} beside the files. Run {@link #main} (see
 * scripts/corpus/regenerate-hostile.sh) to rewrite the committed files.
 *
 * <p>Cases that are accepted carry exactly the demo figures of their unit, so they become that
 * unit's newest version without changing any county total.
 */
public final class HostileCorpus {

    /** Where the committed corpus lives, relative to the project. */
    public static final Path COMMITTED = Path.of("src/test/resources/corpus/hostile");

    /** One case: a file and what must become of it. */
    public record Case(String file, String status, String rules, String reason, String fragment, String description) {

        String tsv() {
            return String.join("\t", file, status, rules, reason, fragment, description);
        }

        static Case parse(String line) {
            String[] f = line.split("\t", -1);
            return new Case(f[0], f[1], f[2], f[3], f[4], f[5]);
        }
    }

    private final FormDefinition form;
    private final Roster roster;
    private final Map<String, Map<String, BigDecimal>> demo;
    private final List<Case> cases = new ArrayList<>();
    private final Path dir;

    private HostileCorpus(Path dir) throws IOException {
        this.dir = dir;
        this.form = FormDefinitionLoader.loadCurrent();
        this.roster = Roster.read(Path.of("jobs/roster.csv"), "泽州县");
        this.demo = new DemoSubmissions(form, roster, 2024).acceptedFigures();
    }

    public static void main(String[] args) throws Exception {
        Path target = args.length > 0 ? Path.of(args[0]) : COMMITTED;
        List<Case> cases = write(target);
        System.out.println(cases.size() + " cases written to " + target);
    }

    /** Writes every case into {@code dir} (with cases.tsv) and returns them. */
    public static List<Case> write(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("files"));
        HostileCorpus corpus = new HostileCorpus(dir.resolve("files"));
        corpus.notWorkbooks();
        corpus.oversized();
        corpus.unsafeXml();
        corpus.encryptedAndLegacy();
        corpus.formulas();
        corpus.numbers();
        corpus.identities();
        corpus.names();
        corpus.injections();
        List<String> lines = new ArrayList<>();
        lines.add("file\tstatus\trules\treason\tmessage contains\tdescription");
        corpus.cases.forEach(c -> lines.add(c.tsv()));
        Files.write(dir.resolve("cases.tsv"), lines, StandardCharsets.UTF_8);
        return corpus.cases;
    }

    /** The cases listed in the committed cases.tsv. */
    public static List<Case> committedCases() {
        try {
            return Files.readAllLines(COMMITTED.resolve("cases.tsv"), StandardCharsets.UTF_8).stream().skip(1)
                    .filter(l -> !l.isBlank()).map(Case::parse).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void add(String file, byte[] bytes, String status, String rules, String reason, String fragment,
                     String description) throws IOException {
        Files.write(dir.resolve(file), bytes);
        cases.add(new Case(file, status, rules, reason, fragment, description));
    }

    private void notWorkbooks() throws IOException {
        add("empty.xlsx", new byte[0], "REJECTED", "FILE", "EMPTY", "文件为空", "empty file");
        add("one-byte.xlsx", new byte[] {'P'}, "REJECTED", "FILE", "NOT_EXCEL", "不是 Excel 文件", "a 1-byte file");
        add("csv-renamed.xlsx", "单位,行政许可\n县教育局,12\n".getBytes(StandardCharsets.UTF_8), "REJECTED", "FILE",
                "NOT_EXCEL", "不是 Excel 文件", "a CSV file renamed .xlsx");
        add("html-renamed.xls", "<html><body><table><tr><td>行政许可</td><td>12</td></tr></table></body></html>"
                .getBytes(StandardCharsets.UTF_8), "REJECTED", "FILE", "NOT_EXCEL", "不是 Excel 文件",
                "an HTML table saved as .xls (what some web systems export)");
        add("pdf-renamed.xlsx", "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1),
                "REJECTED", "FILE", "NOT_EXCEL", "不是 Excel 文件", "a PDF renamed .xlsx");
        add("text-renamed.xls", "这是年报的文字稿，不是表格。".getBytes(StandardCharsets.UTF_8), "REJECTED", "FILE",
                "NOT_EXCEL", "不是 Excel 文件", "plain text renamed .xls");
        byte[] valid = valid("T02", Map.of(), "联系人T02");
        add("truncated.xlsx", Arrays.copyOf(valid, valid.length / 2), "REJECTED", "FILE", "CORRUPT", "文件已损坏",
                "the first half of a real workbook (an interrupted download)");
        add("plain-zip.xlsx", zip(Map.of("年报.txt", "文字".getBytes(StandardCharsets.UTF_8))), "REJECTED", "FILE",
                "NOT_EXCEL", "不是 Excel 文件", "a zip archive that is not OOXML");
        add("word-document.xlsx", zip(Map.of("[Content_Types].xml", ("<?xml version=\"1.0\"?><Types xmlns=\"http://"
                + "schemas.openxmlformats.org/package/2006/content-types\"/>").getBytes(StandardCharsets.UTF_8),
                "word/document.xml", "<w:document xmlns:w=\"x\"/>".getBytes(StandardCharsets.UTF_8))),
                "REJECTED", "FILE", "NOT_A_WORKBOOK", "不是电子表格", "a Word document (OOXML) renamed .xlsx");
        try (XSSFWorkbook other = new XSSFWorkbook()) {
            other.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("会议签到表");
            add("no-form-sheets.xlsx", bytes(other), "REJECTED", "SHAPE,ID", "", "找不到表三",
                    "a real workbook with none of the form's sheets");
        }
    }

    private void oversized() throws IOException {
        add("zip-bomb.xlsx", zipBomb(), "REJECTED", "FILE", "TOO_LARGE", "超出安全限制",
                "200 KB that inflate to 300 MB of sheet XML");
        String lastRow = "<row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row>";
        add("million-rows.xlsx", editSheet(valid("T03", Map.of(), "联系人T03"), "xl/worksheets/sheet5.xml",
                xml -> xml.replace("</sheetData>", lastRow + "</sheetData>")), "REJECTED", "FILE", "TOO_LARGE",
                "超出安全限制", "a cell in the last row Excel allows (1 048 576)");
        StringBuilder wide = new StringBuilder("<row r=\"900\">");
        for (int c = 0; c < 16_000; c++) {
            wide.append("<c r=\"").append(CellRef.columnName(c)).append("900\"><v>1</v></c>");
        }
        wide.append("</row>");
        add("sixteen-thousand-columns.xlsx", editSheet(valid("T04", Map.of(), "联系人T04"), "xl/worksheets/sheet5.xml",
                xml -> xml.replace("</sheetData>", wide + "</sheetData>")), "REJECTED", "FILE", "TOO_LARGE",
                "超出安全限制", "a row of 16 000 filled columns");
    }

    private void unsafeXml() throws IOException {
        String doctype = "<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>";
        add("xxe-in-sheet.xlsx", editSheet(valid("T06", Map.of(), "联系人T06"), "xl/worksheets/sheet2.xml",
                xml -> xml.replaceFirst("\\?>", "?>" + doctype).replaceFirst("<sheetData>",
                        "<sheetData><row r=\"99\"><c r=\"A99\" t=\"inlineStr\"><is><t>&secret;</t></is></c></row>")),
                "REJECTED", "FILE", "UNSAFE_CONTENT", "不安全的 XML", "an external entity reading /etc/passwd in sheet XML");
        add("xxe-in-shared-strings.xlsx", editSheet(valid("T07", Map.of(), "联系人T07"), "xl/sharedStrings.xml",
                xml -> xml.replaceFirst("\\?>", "?>" + doctype.replace("worksheet", "sst"))),
                "REJECTED", "FILE", "UNSAFE_CONTENT", "不安全的 XML", "an external entity declared in sharedStrings.xml");
    }

    private void encryptedAndLegacy() throws Exception {
        byte[] valid = valid("T08", Map.of(), "联系人T08");
        POIFSFileSystem fs = new POIFSFileSystem();
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("123456");
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(valid)); OutputStream os = encryptor.getDataStream(fs)) {
            pkg.save(os);
        }
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        fs.writeFilesystem(encrypted);
        fs.close();
        add("encrypted.xlsx", encrypted.toByteArray(), "REJECTED", "FILE", "ENCRYPTED", "设置了打开密码",
                "a workbook saved with an open password (agile encryption)");
        Biff8EncryptionKey.setCurrentUserPassword("123456");
        try (HSSFWorkbook xls = new HSSFWorkbook()) {
            xls.createSheet("表二").createRow(0).createCell(0).setCellValue("规章");
            add("encrypted.xls", bytes(xls), "REJECTED", "FILE", "ENCRYPTED", "设置了打开密码",
                    "an Excel 97-2003 workbook with an open password");
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        try (POIFSFileSystem biff5 = new POIFSFileSystem()) {
            biff5.createDocument(new ByteArrayInputStream(new byte[] {9, 8, 8, 0, 0, 5, 5, 0}), "Book");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            biff5.writeFilesystem(out);
            add("excel95-biff5.xls", out.toByteArray(), "REJECTED", "FILE", "LEGACY_FORMAT", "Excel 5.0/95",
                    "an OLE2 file with a BIFF5 'Book' stream (Excel 5.0/95)");
        }
    }

    private void formulas() throws IOException {
        // 表二 B14 is 行政处罚 (T2.PENALTY.DECISIONS) in the template.
        add("formula-ref-error.xlsx", cell(valid("T09", Map.of(), "联系人T09"), "xl/worksheets/sheet2.xml", "B14",
                "<c r=\"B14\" t=\"e\"><f>#REF!*2</f><v>#REF!</v></c>"), "REJECTED", "TYPE", "", "#REF!",
                "a formula whose cached result is #REF!");
        add("formula-div0.xlsx", cell(valid("T10", Map.of(), "联系人T10"), "xl/worksheets/sheet2.xml", "B14",
                "<c r=\"B14\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"), "REJECTED", "TYPE", "", "#DIV/0!",
                "a formula whose cached result is #DIV/0!");
        add("formula-value-error.xlsx", cell(valid("T11", Map.of(), "联系人T11"), "xl/worksheets/sheet2.xml", "B14",
                "<c r=\"B14\" t=\"e\"><f>\"a\"+1</f><v>#VALUE!</v></c>"), "REJECTED", "TYPE", "", "#VALUE!",
                "a formula whose cached result is #VALUE!");
        add("formula-without-cached-value.xlsx", cell(valid("T12", Map.of(), "联系人T12"), "xl/worksheets/sheet2.xml",
                "B14", "<c r=\"B14\"><f>10+31</f></c>"), "REJECTED", "TYPE", "", "没有保存计算结果",
                "a formula saved without its result (never recalculated)");
        byte[] circular = cell(valid("T13", Map.of(), "联系人T13"), "xl/worksheets/sheet2.xml", "B10",
                "<c r=\"B10\"><f>B14</f></c>");
        add("circular-reference.xlsx", cell(circular, "xl/worksheets/sheet2.xml", "B14", "<c r=\"B14\"><f>B10</f></c>"),
                "REJECTED", "TYPE", "", "没有保存计算结果", "two cells referring to each other, no results saved");
        BigDecimal penalty = demo.get("D05").get("T2.PENALTY.DECISIONS");
        add("external-link.xlsx", cell(valid("D05", Map.of(), "联系人D05-外部链接"), "xl/worksheets/sheet2.xml", "B14",
                "<c r=\"B14\"><f>[1]Sheet1!A1</f><v>" + penalty.toPlainString() + "</v></c>"), "ACCEPTED", "", "", "",
                "a link to another workbook: its cached value (the unit's own figure) is read, the link is never followed");
    }

    private void numbers() throws IOException {
        add("negative-count.xlsx", valid("T14", Map.of("T2.LICENSE.DECISIONS", -5), "联系人T14"), "REJECTED", "TYPE", "",
                "不能为负数", "a negative count");
        add("fractional-count.xlsx", valid("T15", Map.of("T2.LICENSE.DECISIONS", 2.5), "联系人T15"), "REJECTED",
                "TYPE", "", "必须是整数", "a fractional count");
        add("text-1e9.xlsx", valid("T01", Map.of("T2.REG.ISSUED", "1e9"), "联系人T01"), "REJECTED", "T2-REG", "",
                "1000000000", "'1e9' typed as text: read as the number 1 000 000 000 (in the 规章 row of a town)");
        add("beyond-bigint.xlsx", valid("D12", Map.of("T2.LICENSE.DECISIONS", "99999999999999999999"), "联系人D12"),
                "REJECTED", "TYPE", "", "大得不合理", "a count beyond a BIGINT");
        add("nan-text.xlsx", valid("D13", Map.of("T2.LICENSE.DECISIONS", "NaN"), "联系人D13"), "REJECTED", "TYPE", "",
                "“NaN”，不是数字", "NaN typed in a count");
        add("infinity-text.xlsx", valid("D14", Map.of("T2.LICENSE.DECISIONS", "Infinity"), "联系人D14"), "REJECTED",
                "TYPE", "", "“Infinity”，不是数字", "Infinity typed in a count");
        add("date-in-count.xlsx", dateInCount(valid("D15", Map.of(), "联系人D15")), "REJECTED", "TYPE", "", "日期格式",
                "a date typed where a count belongs");
    }

    private void identities() throws IOException {
        add("unknown-unit.xlsx", withCover("D16", Map.of(CoverField.UNIT_NAME, "县外事办公室", CoverField.UNIT_CODE, "X99")),
                "REJECTED", "ID", "", "不在本县报送名册中", "a unit that is not on the roster");
        add("code-and-name-disagree.xlsx", withCover("D17", Map.of(CoverField.UNIT_NAME, "县教育局",
                CoverField.UNIT_CODE, "D01")), "REJECTED", "ID", "", "是“县人民政府办公室”的代码",
                "two units claimed at once: the code of one, the name of another");
        add("wrong-year.xlsx", withCover("D18", Map.of(CoverField.YEAR, "2023")), "REJECTED", "ID", "", "报告年度为“2023”",
                "last year's report sent again");
        add("D05-县公安局-年报.xlsx", valid("D06", Map.of(), "联系人D06-文件名不符"), "ACCEPTED", "ID-HINT", "",
                "看起来是“县公安局”", "the file name names 县公安局, the cover 县民政局: identified by the cover, reported");
        Path demoFile;
        try (var files = Files.list(Path.of("input/2024"))) {
            demoFile = files.filter(f -> f.getFileName().toString().startsWith("T02-")).findFirst().orElseThrow();
        }
        add("T02-again-under-another-name.xlsx", Files.readAllBytes(demoFile), "NOT-REGISTERED", "", "", "",
                "the same file sent twice under two names: recognised by its SHA-256, not imported twice");
        add("D08-first-of-two-tonight.xlsx", valid("D08", Map.of(), "联系人D08-上午"), "SUPERSEDED", "", "", "",
                "two different files from one unit in one night: the older one is superseded");
        add("D08-second-of-two-tonight.xlsx", valid("D08", Map.of(), "联系人D08-下午"), "ACCEPTED", "", "", "",
                "…and the newer one counts");
    }

    private void names() throws IOException {
        add("报表..\\..\\..\\windows\\evil.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), "REJECTED",
                "FILE", "NOT_EXCEL", "不是 Excel 文件",
                "Windows path traversal in a file name: stored as a name, never used as a path");
        add("..;evil.xls", "not a workbook".getBytes(StandardCharsets.UTF_8), "NOT-REGISTERED", "", "", "",
                "a hidden file (name starts with a dot): the folder intake passes over hidden files and ~$ lock files");
        add("县林业局".repeat(12) + "年报（最终版）（修改）.xlsx", valid("D25", Map.of(), "联系人D25-长文件名"), "ACCEPTED",
                "", "", "", "a very long Chinese file name (about 200 bytes)");
    }

    private void injections() throws IOException {
        add("formula-injection-contact.xlsx", withCover("D09", Map.of(CoverField.CONTACT,
                "=HYPERLINK(\"http://example.invalid/steal\",\"点这里\")", CoverField.PHONE, "@SUM(1+1)")),
                "ACCEPTED", "", "", "", "formula text in free-text cover fields: kept as text everywhere we write it");
        add("formula-injection-unit-name.xlsx", withCover("D10", Map.of(CoverField.UNIT_NAME, "+cmd|' /C calc'!A0",
                CoverField.UNIT_CODE, "")), "REJECTED", "ID", "", "+cmd|' /C calc'!A0",
                "a DDE payload as the unit name: unknown unit, shown as text in the findings");
    }

    // ---- building blocks ----

    /** A valid workbook of the unit with its demo figures; {@code typed} overrides cells (numbers or text). */
    private byte[] valid(String unit, Map<String, Object> typed, String contact) throws IOException {
        return write(unit, typed, Map.of(CoverField.CONTACT, contact));
    }

    private byte[] withCover(String unit, Map<String, String> cover) throws IOException {
        return write(unit, Map.of(), cover);
    }

    private byte[] write(String code, Map<String, Object> typed, Map<String, String> coverChanges) throws IOException {
        RosterUnit unit = roster.byCode(code).orElseThrow();
        Map<String, String> cover = new LinkedHashMap<>();
        cover.put(CoverField.UNIT_NAME, unit.name());
        cover.put(CoverField.UNIT_CODE, unit.code());
        cover.put(CoverField.UNIT_TYPE, unit.type().label());
        cover.put(CoverField.YEAR, "2024");
        cover.put(CoverField.FORM_VERSION, form.id());
        cover.put(CoverField.FILL_DATE, "2025-01-25");
        cover.putAll(coverChanges);
        Path tmp = Files.createTempFile("hostile", ".xlsx");
        try {
            new FormFiles(form).write(tmp, new FormContent(cover, demo.get(code), new HashMap<>(typed)));
            return Files.readAllBytes(tmp);
        } finally {
            Files.delete(tmp);
        }
    }

    private static byte[] cell(byte[] xlsx, String part, String ref, String replacement) throws IOException {
        return editSheet(xlsx, part, xml -> xml.replaceFirst("<c r=\"" + ref + "\"[^>]*?(/>|>.*?</c>)",
                java.util.regex.Matcher.quoteReplacement(replacement)));
    }

    private static byte[] editSheet(byte[] xlsx, String part, UnaryOperator<String> edit) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(part)) {
                    content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                entries.put(e.getName(), content);
            }
        }
        return zip(entries);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                ZipEntry e = new ZipEntry(entry.getKey());
                e.setTime(0);
                zip.putNextEntry(e);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A minimal workbook whose one sheet is 300 MB of white space: about 300 KB compressed. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
            put(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + "<sheet name=\"表三\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
                    + "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            ZipEntry sheet = new ZipEntry("xl/worksheets/sheet1.xml");
            sheet.setTime(0);
            zip.putNextEntry(sheet);
            zip.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1 << 20];
            Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 300; i++) {
                zip.write(blanks);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0);
        zip.putNextEntry(e);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** 行政许可 (表二 B10) shown with a date format, as when a clerk types 2024/3/1 into it. */
    private static byte[] dateInCount(byte[] xlsx) throws IOException {
        try (InputStream in = new ByteArrayInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            var cell = workbook.getSheet("表二").getRow(9).getCell(1);
            cell.setCellValue(45352);
            cell.setCellStyle(date);
            return bytes(workbook);
        }
    }

    private static byte[] bytes(org.apache.poi.ss.usermodel.Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
