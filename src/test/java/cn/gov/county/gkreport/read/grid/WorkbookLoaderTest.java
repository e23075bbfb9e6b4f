package cn.gov.county.gkreport.read.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.gov.county.gkreport.form.CellRef;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

class WorkbookLoaderTest {

    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    @TempDir
    Path dir;

    private final WorkbookLoader loader = new WorkbookLoader();

    // ---------------------------------------------------------------------------------------------

    @Nested
    class Xlsx {

        @Test
        void readsPoiWrittenWorkbookWithAllCellKinds() throws Exception {
            WorkbookGrid grid = loader.load(write(new XSSFWorkbook(), "filled.xlsx"));

            assertThat(grid.format()).isEqualTo(WorkbookFormat.XLSX);
            assertStandardContent(grid);
        }

        @Test
        void readsHandWrittenCellsInlineStringsFormulasAndStyles() throws Exception {
            String styles = """
                    <styleSheet xmlns="%s">
                      <numFmts count="3">
                        <numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>
                        <numFmt numFmtId="165" formatCode="#,##0&quot; 件&quot;"/>
                        <numFmt numFmtId="166" formatCode="[Red]0.00;[$-804]0.00"/>
                      </numFmts>
                      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
                      <cellXfs count="5">
                        <xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="31"/><xf numFmtId="166"/>
                      </cellXfs>
                    </styleSheet>""".formatted(MAIN_NS);
            String strings = """
                    <sst xmlns="%s" count="2" uniqueCount="2">
                      <si><r><t>政府</t></r><r><rPr><b/></rPr><t xml:space="preserve">信息 </t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>
                      <si><t>第一行_x000D_第二行</t></si>
                    </sst>""".formatted(MAIN_NS);
            String sheet = """
                    <row r="1">
                      <c r="A1" t="inlineStr"><is><t>内联文本</t></is></c>
                      <c r="B1" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r><rPh><t>フ</t></rPh></is></c>
                      <c r="C1" t="s"><v>0</v></c>
                      <c r="D1" t="s"><v>1</v></c>
                    </row>
                    <row r="2">
                      <c r="A2"><f>SUM(B2:C2)</f></c>
                      <c r="B2" t="e"><f>#REF!+1</f><v>#REF!</v></c>
                      <c r="C2" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>
                      <c r="D2"><f t="shared" si="0"/><v>5</v></c>
                      <c r="E2" t="e"><v>#N/A</v></c>
                      <c r="F2" t="str"><f>""</f><v></v></c>
                    </row>
                    <row r="3">
                      <c r="A3"><v>6360.31</v></c>
                      <c r="B3"><v>1E+3</v></c>
                      <c r="C3" t="n"><v>0.1</v></c>
                      <c r="D3" t="b"><v>1</v></c>
                      <c r="E3" t="b"><v>0</v></c>
                      <c r="F3" s="1"/>
                      <c r="G3" t="inlineStr"><is><t></t></is></c>
                      <c r="H3"><v>-12.50</v></c>
                    </row>
                    <row r="5">
                      <c r="A5" s="1"><v>44197</v></c>
                      <c r="B5" s="2"><v>18</v></c>
                      <c r="C5" s="3"><v>44197</v></c>
                      <c r="D5" s="4"><v>3.5</v></c>
                    </row>""";
            Path file = new HandXlsx()
                    .part("xl/styles.xml", styles)
                    .part("xl/sharedStrings.xml", strings)
                    .sheet("表三", sheet, "<mergeCells count=\"2\"><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"D2:D4\"/></mergeCells>")
                    .write(dir.resolve("hand.xlsx"));

            SheetGrid s = loader.load(file).sheets().get(0);

            assertThat(s.name()).isEqualTo("表三");
            assertThat(cellsByRef(s)).containsOnlyKeys("A1", "B1", "C1", "D1", "A2", "B2", "C2", "D2", "E2", "F2",
                    "A3", "B3", "C3", "D3", "E3", "H3", "A5", "B5", "C5", "D5");
            assertCell(s, "A1", CellKind.TEXT, "内联文本", null);
            assertCell(s, "B1", CellKind.TEXT, "富文本", null);
            assertCell(s, "C1", CellKind.TEXT, "政府信息 ", null);
            assertCell(s, "D1", CellKind.TEXT, "第一行\r第二行", null);
            assertCell(s, "A2", CellKind.FORMULA_WITHOUT_VALUE, "", "SUM(B2:C2)");
            assertCell(s, "B2", CellKind.ERROR, "#REF!", "#REF!+1");
            assertCell(s, "C2", CellKind.TEXT, "xy", "\"x\"&\"y\"");
            assertCell(s, "D2", CellKind.NUMBER, "5", "shared");
            assertCell(s, "E2", CellKind.ERROR, "#N/A", null);
            assertCell(s, "F2", CellKind.TEXT, "", "\"\"");
            assertCell(s, "A3", CellKind.NUMBER, "6360.31", null);
            assertCell(s, "B3", CellKind.NUMBER, "1000", null);
            assertCell(s, "C3", CellKind.NUMBER, "0.1", null);
            assertCell(s, "D3", CellKind.BOOLEAN, "TRUE", null);
            assertCell(s, "E3", CellKind.BOOLEAN, "FALSE", null);
            assertCell(s, "H3", CellKind.NUMBER, "-12.5", null);
            assertCell(s, "A5", CellKind.DATE, "44197", null);
            assertCell(s, "B5", CellKind.NUMBER, "18", null);
            assertCell(s, "C5", CellKind.DATE, "44197", null);
            assertCell(s, "D5", CellKind.NUMBER, "3.5", null);
            assertThat(s.mergedRegions()).containsExactly(new CellRange(0, 0, 0, 2), new CellRange(1, 3, 3, 3));
        }

        @Test
        void positionsCellsAndRowsWithoutReferences() throws Exception {
            String sheet = """
                    <row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row>
                    <row r="4"><c><v>3</v></c><c r="D4"><v>4</v></c><c><v>5</v></c></row>
                    <row><c><v>6</v></c><c r="C5"/><c><v>7</v></c></row>""";
            SheetGrid s = loader.load(new HandXlsx().sheet("Sheet1", sheet).write(dir.resolve("nor.xlsx")))
                    .sheets().get(0);

            assertThat(cellsByRef(s)).containsOnlyKeys("A1", "B1", "A4", "D4", "E4", "A5", "D5");
            assertCell(s, "A1", CellKind.TEXT, "a", null);
            assertCell(s, "B1", CellKind.NUMBER, "2", null);
            assertCell(s, "A4", CellKind.NUMBER, "3", null);
            assertCell(s, "E4", CellKind.NUMBER, "5", null);
            assertCell(s, "A5", CellKind.NUMBER, "6", null);
            assertCell(s, "D5", CellKind.NUMBER, "7", null);
        }

        @Test
        void keepsWorkbookSheetOrderAndResolvesRelativeAndAbsoluteTargets() throws Exception {
            String workbook = """
                    <workbook xmlns="%s" xmlns:r="%s"><sheets>
                      <sheet name="封面" sheetId="7" r:id="rId9"/>
                      <sheet name="表二" sheetId="1" r:id="rId1"/>
                      <sheet name="表三" sheetId="2" r:id="rId2"/>
                    </sheets></workbook>""".formatted(MAIN_NS, REL_NS);
            String rels = """
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                      <Relationship Id="rId1" Type="%1$s/worksheet" Target="worksheets/sheet1.xml"/>
                      <Relationship Id="rId2" Type="%1$s/worksheet" Target="/xl/worksheets/sheet2.xml"/>
                      <Relationship Id="rId9" Type="%1$s/worksheet" Target="./worksheets/../worksheets/cover.xml"/>
                    </Relationships>""".formatted(REL_NS);
            Map<String, String> parts = new LinkedHashMap<>();
            parts.put("[Content_Types].xml", CONTENT_TYPES);
            parts.put("xl/workbook.xml", workbook);
            parts.put("xl/_rels/workbook.xml.rels", rels);
            parts.put("xl/worksheets/sheet1.xml", worksheet("<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>", ""));
            parts.put("xl/worksheets/sheet2.xml", worksheet("<row r=\"1\"><c r=\"A1\"><v>3</v></c></row>", ""));
            parts.put("xl/worksheets/cover.xml", worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", ""));

            WorkbookGrid grid = loader.load(writeZip(dir.resolve("order.xlsx"), parts));

            assertThat(grid.sheets()).extracting(SheetGrid::name).containsExactly("封面", "表二", "表三");
            assertThat(grid.sheets()).extracting(g -> g.cell(0, 0).value()).containsExactly("1", "2", "3");
            assertThat(grid.sheet("表三")).isPresent();
        }

        @Test
        void missingSheetPartMalformedXmlAndMissingRelsAreCorrupt() throws Exception {
            Path malformed = new HandXlsx().sheet("S", "<row><c><v>1</v></row>").write(dir.resolve("bad.xlsx"));
            assertReason(malformed, UnreadableReason.CORRUPT);

            Map<String, String> parts = new HandXlsx().sheet("S", "").parts();
            parts.remove("xl/worksheets/sheet1.xml");
            assertReason(writeZip(dir.resolve("nosheet.xlsx"), parts), UnreadableReason.CORRUPT);

            Map<String, String> noRels = new HandXlsx().sheet("S", "").parts();
            noRels.remove("xl/_rels/workbook.xml.rels");
            assertReason(writeZip(dir.resolve("norels.xlsx"), noRels), UnreadableReason.CORRUPT);

            Path badIndex = new HandXlsx().sheet("S", "<row><c t=\"s\"><v>3</v></c></row>").write(dir.resolve("sst.xlsx"));
            assertReason(badIndex, UnreadableReason.CORRUPT);

            Path hugeNumber = new HandXlsx().sheet("S", "<row><c><v>1E+999999999</v></c></row>")
                    .write(dir.resolve("huge.xlsx"));
            assertReason(hugeNumber, UnreadableReason.CORRUPT);
        }

        @Test
        void isSafeForConcurrentUse() throws Exception {
            Path xlsx = write(new XSSFWorkbook(), "concurrent.xlsx");
            Path xls = write(new HSSFWorkbook(), "concurrent.xls");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<WorkbookGrid>> results = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    Path file = i % 2 == 0 ? xlsx : xls;
                    results.add(pool.submit(() -> loader.load(file)));
                }
                for (Future<WorkbookGrid> result : results) {
                    assertStandardContent(result.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class Xls {

        @Test
        void readsTheSameContentAsXlsx() throws Exception {
            WorkbookGrid xls = loader.load(write(new HSSFWorkbook(), "filled.xls"));
            WorkbookGrid xlsx = loader.load(write(new XSSFWorkbook(), "filled.xlsx"));

            assertThat(xls.format()).isEqualTo(WorkbookFormat.XLS);
            assertStandardContent(xls);
            assertThat(xls.sheets()).hasSameSizeAs(xlsx.sheets());
            for (int i = 0; i < xls.sheets().size(); i++) {
                SheetGrid a = xls.sheets().get(i);
                SheetGrid b = xlsx.sheets().get(i);
                assertThat(a.name()).isEqualTo(b.name());
                assertThat(cellsByRef(a)).isEqualTo(cellsByRef(b));
                assertThat(a.mergedRegions()).containsExactlyInAnyOrderElementsOf(b.mergedRegions());
            }
        }

        @Test
        void appliesRowAndCellLimits() throws Exception {
            ReadLimits small = new ReadLimits(1 << 20, 1 << 20, 200, 20, 5);
            WorkbookLoader limited = new WorkbookLoader(small);

            Path sixCells = writeCells(new HSSFWorkbook(), "six.xls", 6, 0);
            assertThat(catchUnreadable(limited, sixCells).reason()).isEqualTo(UnreadableReason.TOO_LARGE);
            Path fiveCells = writeCells(new HSSFWorkbook(), "five.xls", 5, 0);
            assertThat(limited.load(fiveCells).sheets().get(0).cells()).hasSize(5);

            Path farRow = writeCells(new HSSFWorkbook(), "far.xls", 1, 20);
            assertThat(catchUnreadable(limited, farRow).reason()).isEqualTo(UnreadableReason.TOO_LARGE);
            Path lastRow = writeCells(new HSSFWorkbook(), "last.xls", 1, 19);
            assertThat(limited.load(lastRow).sheets().get(0).cell(19, 0)).isNotNull();
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class Sniffing {

        @Test
        void emptyFile() throws Exception {
            assertReason(Files.write(dir.resolve("empty.xlsx"), new byte[0]), UnreadableReason.EMPTY);
        }

        @Test
        void oneByteFile() throws Exception {
            assertReason(Files.write(dir.resolve("one.xlsx"), new byte[] {'P'}), UnreadableReason.NOT_EXCEL);
        }

        @Test
        void textCsvHtmlAndPdfAreNotExcel() throws Exception {
            assertReason(Files.writeString(dir.resolve("table.xlsx"), "单位,数量\n县政府,12\n"), UnreadableReason.NOT_EXCEL);
            assertReason(Files.writeString(dir.resolve("export.xls"),
                    "<html><body><table><tr><td>1</td></tr></table></body></html>"), UnreadableReason.NOT_EXCEL);
            assertReason(Files.write(dir.resolve("report.xlsx"), "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)),
                    UnreadableReason.NOT_EXCEL);
        }

        @Test
        void truncatedZipIsCorrupt() throws Exception {
            byte[] whole = Files.readAllBytes(write(new XSSFWorkbook(), "whole.xlsx"));
            Path half = Files.write(dir.resolve("half.xlsx"), Arrays.copyOf(whole, whole.length / 2));
            assertReason(half, UnreadableReason.CORRUPT);
        }

        @Test
        void zipWithoutOoxmlIsNotExcel() throws Exception {
            Path zip = writeZip(dir.resolve("archive.xlsx"), Map.of("readme.txt", "hello", "data/a.csv", "1,2"));
            assertReason(zip, UnreadableReason.NOT_EXCEL);
        }

        @Test
        void anExcelBinaryWorkbookIsNamedWithTheStepsToSaveItAsXlsx() throws Exception {
            // the parts Excel writes for .xlsb (LibreOffice cannot write one; the sniffer needs only the names)
            Map<String, String> xlsb = new LinkedHashMap<>();
            xlsb.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            xlsb.put("xl/workbook.bin", "\u0083\u0001\u0000");
            xlsb.put("xl/worksheets/sheet1.bin", "\u0081\u0001\u0000");
            assertReason(writeZip(dir.resolve("年报.xlsb"), xlsb), UnreadableReason.XLSB);
            assertThat(UnreadableReason.XLSB.advice()).contains("另存为").contains("Excel 工作簿(*.xlsx)");
        }

        @Test
        void anOdsAndAnXmlSpreadsheet2003AreNamedWithTheStepsToSaveThemAsXlsx() throws Exception {
            Map<String, String> ods = new LinkedHashMap<>();
            ods.put("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
            ods.put("content.xml", "<office:document-content/>");
            assertReason(writeZip(dir.resolve("年报.ods"), ods), UnreadableReason.ODS);
            Path xml = Files.writeString(dir.resolve("年报.xml"), "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n"
                    + "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"></Workbook>");
            assertReason(xml, UnreadableReason.SPREADSHEET_XML);
            assertThat(UnreadableReason.ODS.advice()).contains("另存为").contains("Excel 2007-365");
        }

        @Test
        void wordDocumentIsNotAWorkbook() throws Exception {
            Map<String, String> docx = new LinkedHashMap<>();
            docx.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            docx.put("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
            assertReason(writeZip(dir.resolve("report.xlsx"), docx), UnreadableReason.NOT_A_WORKBOOK);

            Path ole2Word = writeOle2(dir.resolve("old.xls"), "WordDocument");
            assertReason(ole2Word, UnreadableReason.NOT_A_WORKBOOK);
        }

        @Test
        void ole2Variants() throws Exception {
            assertReason(writeOle2(dir.resolve("excel95.xls"), "Book"), UnreadableReason.LEGACY_FORMAT);
            assertReason(writeOle2(dir.resolve("other.xls"), "Contents"), UnreadableReason.NOT_EXCEL);
            byte[] header = Arrays.copyOf(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
                    (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 600);
            Arrays.fill(header, 8, 600, (byte) 0x7F);
            assertReason(Files.write(dir.resolve("broken.xls"), header), UnreadableReason.CORRUPT);
        }

        @Test
        void contentDecidesNotTheExtension() throws Exception {
            Path xlsxNamedXls = Files.move(write(new XSSFWorkbook(), "a.xlsx"), dir.resolve("renamed.xls"));
            Path xlsNamedXlsx = Files.move(write(new HSSFWorkbook(), "b.xls"), dir.resolve("renamed.xlsx"));

            WorkbookGrid fromXls = loader.load(xlsxNamedXls);
            WorkbookGrid fromXlsx = loader.load(xlsNamedXlsx);

            assertThat(fromXls.format()).isEqualTo(WorkbookFormat.XLSX);
            assertThat(fromXlsx.format()).isEqualTo(WorkbookFormat.XLS);
            assertStandardContent(fromXls);
            assertStandardContent(fromXlsx);
        }

        @Test
        void fileLargerThanTheLimitIsRejectedBeforeReading() throws Exception {
            Path file = write(new XSSFWorkbook(), "big.xlsx");
            WorkbookLoader limited = new WorkbookLoader(new ReadLimits(1000, 1 << 20, 200, 100, 100));
            assertThat(catchUnreadable(limited, file).reason()).isEqualTo(UnreadableReason.TOO_LARGE);
        }

        @Test
        void missingFileIsReportedNotThrownRaw() {
            assertReason(dir.resolve("nowhere.xlsx"), UnreadableReason.CORRUPT);
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class Encrypted {

        @Test
        void encryptedXlsx() throws Exception {
            Path file = dir.resolve("secret.xlsx");
            try (POIFSFileSystem fs = new POIFSFileSystem(); XSSFWorkbook wb = new XSSFWorkbook()) {
                wb.createSheet("表三").createRow(0).createCell(0).setCellValue(1);
                EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
                Encryptor encryptor = info.getEncryptor();
                encryptor.confirmPassword("pw");
                try (OutputStream out = encryptor.getDataStream(fs)) {
                    wb.write(out);
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    fs.writeFilesystem(out);
                }
            }
            assertReason(file, UnreadableReason.ENCRYPTED);
        }

        @Test
        void encryptedXls() throws Exception {
            Path file = dir.resolve("secret.xls");
            Biff8EncryptionKey.setCurrentUserPassword("pw");
            try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
                wb.createSheet("表三").createRow(0).createCell(0).setCellValue(1);
                wb.write(out);
            } finally {
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
            assertReason(file, UnreadableReason.ENCRYPTED);
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class Hostile {

        @Test
        void externalEntityInSheetIsRefusedWithoutReadingTheFile() throws Exception {
            String secret = "SECRET-" + System.nanoTime();
            Path target = Files.writeString(dir.resolve("secret.txt"), secret);
            String sheet = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE worksheet [ <!ENTITY xxe SYSTEM "%s"> ]>
                    <worksheet xmlns="%s"><sheetData>
                      <row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>
                    </sheetData></worksheet>""".formatted(target.toUri(), MAIN_NS);
            Path file = new HandXlsx().sheetXml("S", sheet).write(dir.resolve("xxe.xlsx"));

            UnreadableWorkbookException e = catchUnreadable(loader, file);

            assertThat(e.reason()).isEqualTo(UnreadableReason.UNSAFE_CONTENT);
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
            }
        }

        @Test
        void externalDtdIsNeverFetched() throws Exception {
            AtomicInteger requests = new AtomicInteger();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                exchange.sendResponseHeaders(200, 0);
                exchange.close();
            });
            server.start();
            try {
                String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
                String strings = "<?xml version=\"1.0\"?><!DOCTYPE sst SYSTEM \"" + url + "\"><sst xmlns=\"" + MAIN_NS
                        + "\"><si><t>a</t></si></sst>";
                Path file = new HandXlsx().part("xl/sharedStrings.xml", strings)
                        .sheet("S", "<row><c t=\"s\"><v>0</v></c></row>").write(dir.resolve("dtd.xlsx"));

                assertReason(file, UnreadableReason.UNSAFE_CONTENT);
                assertThat(requests).hasValue(0);
            } finally {
                server.stop(0);
            }
        }

        @Test
        void zipBombIsRejectedFromDeclaredSizesBeforeInflating() throws Exception {
            Path file = dir.resolve("bomb.xlsx");
            writeBomb(file, 200L << 20, false);

            // Not one byte is inflated: with the sheet's deflate data broken from its first byte, a reader
            // that started inflating would call the file corrupt (the generous reader shows it would).
            poisonDeflateData(file, "xl/worksheets/sheet1.xml");
            UnreadableWorkbookException e = catchUnreadable(loader, file);

            assertThat(e.reason()).isEqualTo(UnreadableReason.TOO_LARGE);
            // without the ratio check, the declared total alone rejects it
            assertThat(catchUnreadable(withoutRatioCheck(), file).getMessage()).contains("declare");
            assertThat(catchUnreadable(generous(), file).reason()).isEqualTo(UnreadableReason.CORRUPT);
        }

        @Test
        void inflatingStopsAtTheLimitNotAtTheEndOfThePart() throws Exception {
            // 30 MB of blanks declared as 1000 bytes, then broken XML: a reader that inflated past the
            // 10 MB limit would reach the break and call the file corrupt (the generous reader shows it would)
            Path file = dir.resolve("liar-poisoned.xlsx");
            writeBomb(file, 30L << 20, true, "<<not xml");
            WorkbookLoader limited = new WorkbookLoader(new ReadLimits(20L << 20, 10L << 20, 1e9, 10_000, 200_000));

            UnreadableWorkbookException e = catchUnreadable(limited, file);

            assertThat(e.reason()).isEqualTo(UnreadableReason.TOO_LARGE);
            assertThat(e.getMessage()).contains("inflated bytes passed " + (10L << 20));
            assertThat(catchUnreadable(generous(), file).reason()).isEqualTo(UnreadableReason.CORRUPT);
        }

        @Test
        void parsingStopsAtTheRowLimitNotAtTheEndOfTheSheet() throws Exception {
            // row 10 001 is one too many; after it the XML is broken, which a reader that parsed on would see
            Path file = dir.resolve("rows-poisoned.xlsx");
            writeStreamedSheet(file, 10_001, 1, "<<not xml");

            UnreadableWorkbookException e = catchUnreadable(withoutRatioCheck(), file);

            assertThat(e.reason()).isEqualTo(UnreadableReason.TOO_LARGE);
            assertThat(e.getMessage()).contains("row 10001");
            assertThat(catchUnreadable(generous(), file).reason()).isEqualTo(UnreadableReason.CORRUPT);
        }

        @Test
        void highCompressionRatioIsRejected() throws Exception {
            Path file = dir.resolve("ratio.xlsx");
            writeBomb(file, 5L << 20, false);
            WorkbookLoader generous = new WorkbookLoader(new ReadLimits(20L << 20, 1L << 30, 200, 10_000, 200_000));

            UnreadableWorkbookException e = catchUnreadable(generous, file);

            assertThat(e.reason()).isEqualTo(UnreadableReason.TOO_LARGE);
            assertThat(e.getMessage()).contains("ratio");
        }

        @Test
        void lyingDeclaredSizesAreCaughtWhileInflating() throws Exception {
            Path file = dir.resolve("liar.xlsx");
            writeBomb(file, 30L << 20, true);
            WorkbookLoader limited = new WorkbookLoader(new ReadLimits(20L << 20, 10L << 20, 1e9, 10_000, 200_000));

            UnreadableWorkbookException e = catchUnreadable(limited, file);

            assertThat(e.reason()).isEqualTo(UnreadableReason.TOO_LARGE);
            assertThat(e.getMessage()).contains("inflated bytes passed");
        }

        @Test
        void cellBeyondTheRowLimit() throws Exception {
            Path last = new HandXlsx().sheet("S", "<row r=\"10000\"><c r=\"A10000\"><v>1</v></c></row>")
                    .write(dir.resolve("row10000.xlsx"));
            assertThat(loader.load(last).sheets().get(0).cell(9_999, 0)).isNotNull();

            Path far = new HandXlsx().sheet("S", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                    + "<row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row>").write(dir.resolve("far.xlsx"));
            assertReason(far, UnreadableReason.TOO_LARGE);
        }

        @Test
        void millionRowSheetStopsAtTheRowLimit() throws Exception {
            Path file = dir.resolve("million.xlsx");
            writeStreamedSheet(file, 1_000_000, 1);

            UnreadableWorkbookException e = catchUnreadable(withoutRatioCheck(), file);

            assertThat(e.reason()).isEqualTo(UnreadableReason.TOO_LARGE);
            assertThat(e.getMessage()).contains("row 10001");
        }

        @Test
        void tooManyCells() throws Exception {
            Path file = dir.resolve("cells.xlsx");
            writeStreamedSheet(file, 2_000, 100, "<row><c><v>1</v></c></row>"); // 200 001 cells

            UnreadableWorkbookException e = catchUnreadable(withoutRatioCheck(), file);

            assertThat(e.reason()).isEqualTo(UnreadableReason.TOO_LARGE);
            assertThat(e.getMessage()).contains("more than 200000 cells");
        }

        @Test
        void cellLimitCountsAcrossSheets() throws Exception {
            WorkbookLoader small = new WorkbookLoader(new ReadLimits(1 << 20, 1 << 20, 200, 100, 5));
            Path five = new HandXlsx().sheet("S", "<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>")
                    .sheet("T", "<row><c><v>1</v></c><c><v>2</v></c></row>").write(dir.resolve("five.xlsx"));
            assertThat(small.load(five).sheets()).hasSize(2);
            Path six = new HandXlsx().sheet("S", "<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>")
                    .sheet("T", "<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>").write(dir.resolve("six.xlsx"));
            assertThat(catchUnreadable(small, six).reason()).isEqualTo(UnreadableReason.TOO_LARGE);
        }

        /**
         * Default limits without the ratio check: the generated sheets repeat one row exactly and so
         * compress far better than any real sheet; these tests are about the row and cell counts.
         */
        private WorkbookLoader withoutRatioCheck() {
            ReadLimits d = ReadLimits.defaults();
            return new WorkbookLoader(new ReadLimits(d.maxFileBytes(), d.maxInflatedBytes(), Double.MAX_VALUE,
                    d.maxRows(), d.maxCells()));
        }

        /** A reader with limits far beyond any test file: it reads whatever a file holds, to the end. */
        private WorkbookLoader generous() {
            return new WorkbookLoader(new ReadLimits(1L << 30, 1L << 40, Double.MAX_VALUE, 1_048_576, Integer.MAX_VALUE));
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class ReadOnly {

        @Test
        void inputFilesAreUnchanged() throws Exception {
            Path xlsx = write(new XSSFWorkbook(), "keep.xlsx");
            Path xls = write(new HSSFWorkbook(), "keep.xls");
            for (Path file : List.of(xlsx, xls)) {
                String before = sha256(file);
                long modified = Files.getLastModifiedTime(file).toMillis();

                loader.load(file);

                assertThat(sha256(file)).isEqualTo(before);
                assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The standard content, written by POI in either format

    private Path write(Workbook wb, String name) throws IOException {
        try (wb) {
            Sheet cover = wb.createSheet("封面");
            cover.createRow(0).createCell(0).setCellValue("单位名称");
            cover.getRow(0).createCell(1).setCellValue("  县人民政府办公室 ");
            cover.addMergedRegion(new CellRangeAddress(0, 0, 1, 3));

            Sheet t3 = wb.createSheet("表三");
            Row r0 = t3.createRow(0);
            r0.createCell(0).setCellValue(6360.31);
            r0.createCell(1).setCellValue(42);
            r0.createCell(2).setCellValue(0.1);
            r0.createCell(3).setCellValue(1e20);
            r0.createCell(4).setCellValue(1e-7);
            r0.createCell(5).setCellValue(-3.5);
            Row r1 = t3.createRow(1);
            r1.createCell(0).setCellValue("自然人");
            r1.createCell(1).setCellValue(true);
            r1.createCell(2).setCellFormula("B1*2");
            r1.createCell(3).setCellFormula("1/0");
            r1.createCell(4).setCellFormula("A2&\"申请\"");
            Row r2 = t3.createRow(4);
            CellStyle custom = wb.createCellStyle();
            custom.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Cell date = r2.createCell(0);
            date.setCellValue(44197);
            date.setCellStyle(custom);
            CellStyle builtin = wb.createCellStyle();
            builtin.setDataFormat((short) 14);
            Cell date2 = r2.createCell(1);
            date2.setCellValue(44198);
            date2.setCellStyle(builtin);
            t3.addMergedRegion(new CellRangeAddress(2, 3, 0, 1));

            wb.createSheet("表二");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            Path file = dir.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return file;
        }
    }

    private static void assertStandardContent(WorkbookGrid grid) {
        assertThat(grid.sheets()).extracting(SheetGrid::name).containsExactly("封面", "表三", "表二");
        SheetGrid cover = grid.sheets().get(0);
        assertCell(cover, "A1", CellKind.TEXT, "单位名称", null);
        assertCell(cover, "B1", CellKind.TEXT, "  县人民政府办公室 ", null);
        assertThat(cover.mergedRegions()).containsExactly(new CellRange(0, 0, 1, 3));

        SheetGrid t3 = grid.sheets().get(1);
        assertCell(t3, "A1", CellKind.NUMBER, "6360.31", null);
        assertCell(t3, "B1", CellKind.NUMBER, "42", null);
        assertCell(t3, "C1", CellKind.NUMBER, "0.1", null);
        assertCell(t3, "D1", CellKind.NUMBER, "100000000000000000000", null);
        assertCell(t3, "E1", CellKind.NUMBER, "0.0000001", null);
        assertCell(t3, "F1", CellKind.NUMBER, "-3.5", null);
        assertCell(t3, "A2", CellKind.TEXT, "自然人", null);
        assertCell(t3, "B2", CellKind.BOOLEAN, "TRUE", null);
        assertCell(t3, "C2", CellKind.NUMBER, "84", "B1*2");
        assertCell(t3, "D2", CellKind.ERROR, "#DIV/0!", "1/0");
        assertCell(t3, "E2", CellKind.TEXT, "自然人申请", "A2&\"申请\"");
        assertCell(t3, "A5", CellKind.DATE, "44197", null);
        assertCell(t3, "B5", CellKind.DATE, "44198", null);
        assertThat(t3.cells()).hasSize(13);
        assertThat(t3.mergedRegions()).containsExactly(new CellRange(2, 3, 0, 1));

        assertThat(grid.sheets().get(2).cells()).isEmpty();
    }

    private Path writeCells(Workbook wb, String name, int cells, int row) throws IOException {
        try (wb) {
            Row r = wb.createSheet("S").createRow(row);
            for (int c = 0; c < cells; c++) {
                r.createCell(c).setCellValue(c + 1);
            }
            Path file = dir.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return file;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Hand-written packages

    private static final String CONTENT_TYPES = """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
              <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
              <Default Extension="xml" ContentType="application/xml"/>
              <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            </Types>""";

    private static String worksheet(String sheetData, String afterSheetData) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN_NS
                + "\"><sheetData>" + sheetData + "</sheetData>" + afterSheetData + "</worksheet>";
    }

    /** A minimal .xlsx written by hand, for content POI would not write. */
    private static final class HandXlsx {
        private final Map<String, String> sheets = new LinkedHashMap<>();
        private final Map<String, String> extra = new LinkedHashMap<>();

        HandXlsx sheet(String name, String sheetData) {
            return sheetXml(name, worksheet(sheetData, ""));
        }

        HandXlsx sheet(String name, String sheetData, String afterSheetData) {
            return sheetXml(name, worksheet(sheetData, afterSheetData));
        }

        HandXlsx sheetXml(String name, String xml) {
            sheets.put(name, xml);
            return this;
        }

        HandXlsx part(String name, String content) {
            extra.put(name, content);
            return this;
        }

        Map<String, String> parts() {
            Map<String, String> parts = new LinkedHashMap<>();
            parts.put("[Content_Types].xml", CONTENT_TYPES);
            StringBuilder workbook = new StringBuilder("<workbook xmlns=\"" + MAIN_NS + "\" xmlns:r=\"" + REL_NS + "\"><sheets>");
            StringBuilder rels = new StringBuilder(
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            int i = 0;
            for (Map.Entry<String, String> sheet : sheets.entrySet()) {
                i++;
                workbook.append("<sheet name=\"").append(sheet.getKey()).append("\" sheetId=\"").append(i)
                        .append("\" r:id=\"rId").append(i).append("\"/>");
                rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(REL_NS)
                        .append("/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
                parts.put("xl/worksheets/sheet" + i + ".xml", sheet.getValue());
            }
            if (extra.containsKey("xl/styles.xml")) {
                rels.append("<Relationship Id=\"rIdS\" Type=\"").append(REL_NS).append("/styles\" Target=\"styles.xml\"/>");
            }
            if (extra.containsKey("xl/sharedStrings.xml")) {
                rels.append("<Relationship Id=\"rIdT\" Type=\"").append(REL_NS)
                        .append("/sharedStrings\" Target=\"sharedStrings.xml\"/>");
            }
            parts.put("xl/workbook.xml", workbook.append("</sheets></workbook>").toString());
            parts.put("xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
            parts.putAll(extra);
            return parts;
        }

        Path write(Path file) throws IOException {
            return writeZip(file, parts());
        }
    }

    private static Path writeZip(Path file, Map<String, String> parts) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    private static Path writeOle2(Path file, String entry) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new ByteArrayInputStream(new byte[600]), entry);
            fs.writeFilesystem(out);
        }
        return file;
    }

    /**
     * An .xlsx whose sheet is {@code whitespace} bytes of blanks, streamed so the test never holds it;
     * optionally with the central directory claiming the sheet inflates to 1000 bytes.
     */
    private static void writeBomb(Path file, long whitespace, boolean lieAboutSize) throws IOException {
        writeBomb(file, whitespace, lieAboutSize, "");
    }

    /** The same, with {@code tail} written after the blanks (e.g. broken XML a reader must never reach). */
    private static void writeBomb(Path file, long whitespace, boolean lieAboutSize, String tail) throws IOException {
        Map<String, String> parts = new HandXlsx().sheet("S", "").parts();
        parts.remove("xl/worksheets/sheet1.xml");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<worksheet xmlns=\"" + MAIN_NS + "\">").getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1 << 20];
            Arrays.fill(blanks, (byte) ' ');
            for (long written = 0; written < whitespace; written += blanks.length) {
                zip.write(blanks);
            }
            zip.write((tail + "<sheetData/></worksheet>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        if (lieAboutSize) {
            patchDeclaredSize(file, "xl/worksheets/sheet1.xml", 1000);
        }
    }

    /** Breaks an entry's deflate data at its first byte (block type 11, which no deflate stream uses). */
    private static void poisonDeflateData(Path file, String entry) throws IOException {
        byte[] zip = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        boolean patched = false;
        for (int i = 0; i + 30 < zip.length; i++) {
            if (buf.getInt(i) == 0x04034b50) {
                int nameLength = buf.getShort(i + 26) & 0xFFFF;
                int extraLength = buf.getShort(i + 28) & 0xFFFF;
                if (nameLength == name.length && Arrays.equals(zip, i + 30, i + 30 + nameLength, name, 0, name.length)) {
                    zip[i + 30 + nameLength + extraLength] = 0x07;
                    patched = true;
                }
            }
        }
        assertThat(patched).isTrue();
        Files.write(file, zip);
    }

    /** Rewrites the uncompressed size of one entry in the zip's central directory. */
    private static void patchDeclaredSize(Path file, String entry, int size) throws IOException {
        byte[] zip = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        boolean patched = false;
        for (int i = 0; i + 46 < zip.length; i++) {
            if (buf.getInt(i) == 0x02014b50) {
                int nameLength = buf.getShort(i + 28) & 0xFFFF;
                if (nameLength == name.length && Arrays.equals(zip, i + 46, i + 46 + nameLength, name, 0, name.length)) {
                    buf.putInt(i + 24, size);
                    patched = true;
                }
            }
        }
        assertThat(patched).isTrue();
        Files.write(file, zip);
    }

    /** A sheet of {@code rows} rows of {@code cols} cells without references, streamed. */
    private static void writeStreamedSheet(Path file, int rows, int cols, String... extraRows) throws IOException {
        Map<String, String> parts = new HandXlsx().sheet("S", "").parts();
        parts.remove("xl/worksheets/sheet1.xml");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer out = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
            out.write("<worksheet xmlns=\"" + MAIN_NS + "\"><sheetData>");
            String row = "<row>" + "<c><v>1</v></c>".repeat(cols) + "</row>";
            for (int r = 0; r < rows; r++) {
                out.write(row);
            }
            for (String extraRow : extraRows) {
                out.write(extraRow);
            }
            out.write("</sheetData></worksheet>");
            out.flush();
            zip.closeEntry();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Assertions

    private static Map<String, GridCell> cellsByRef(SheetGrid sheet) {
        return sheet.cells().stream().collect(Collectors.toMap(c -> c.ref().a1(), Function.identity()));
    }

    private static void assertCell(SheetGrid sheet, String a1, CellKind kind, String value, String formula) {
        CellRef at = CellRef.parse(a1);
        assertThat(sheet.cell(at.row(), at.col())).as("%s!%s", sheet.name(), a1)
                .isEqualTo(new GridCell(at.row(), at.col(), kind, value, formula));
    }

    private void assertReason(Path file, UnreadableReason reason) {
        assertThat(catchUnreadable(loader, file).reason()).as(file.getFileName().toString()).isEqualTo(reason);
    }

    private static UnreadableWorkbookException catchUnreadable(WorkbookLoader loader, Path file) {
        UnreadableWorkbookException e = catchThrowableOfType(UnreadableWorkbookException.class, () -> loader.load(file));
        assertThat(e).as("expected %s to be unreadable", file.getFileName()).isNotNull();
        return e;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
