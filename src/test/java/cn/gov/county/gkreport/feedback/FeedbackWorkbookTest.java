package cn.gov.county.gkreport.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.feedback.FeedbackWorkbook.FeedbackRequest;
import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.read.grid.WorkbookFormat;
import cn.gov.county.gkreport.support.FormFixtures.Written;
import cn.gov.county.gkreport.support.FormFixtures;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hssf.util.HSSFColor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Color;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feedback copy a clerk gets back: every finding listed on a first sheet (errors first), the
 * offending cells red or yellow with the messages as comments, and everything the unit wrote left as
 * it was, in a new file; the original is never touched.
 */
class FeedbackWorkbookTest {

    private static final String ROSE = "FF99CC";
    private static final String LIGHT_YELLOW = "FFFF99";
    /** Styles the list sheet itself creates (title, note, header, text, wrapped, link, error, warning). */
    private static final int LIST_STYLES = 8;

    private final FeedbackWorkbook feedback = new FeedbackWorkbook();

    // ------------------------------------------------------------------------------------- .xlsx

    @Nested
    class OfAnXlsxSubmission {

        @Test
        void listsEveryFindingFirstMarksTheCellsAndLeavesTheUnitsContentAlone(@TempDir Path dir) throws Exception {
            Written written = FormFixtures.submission("D07")
                    .override("T3.R4_1.TOTAL", 0)          // a total typed over its formula, disagreeing
                    .blank("T2.REG.ISSUED")
                    .write(dir);
            Written unit = written.modify(workbook -> note(written.cell(workbook, "T3.R1.NAT"), "张三", "已与办公室核对"));
            String t3 = unit.sheet("T3.R4_1.TOTAL");
            String t2 = unit.sheet("T2.FEE.AMOUNT");
            String rowTotal = unit.a1("T3.R4_1.TOTAL");
            String grandTotal = unit.a1("T3.R7_TOTAL.TOTAL");
            String leftOfGrandTotal = unit.a1("T3.R7_TOTAL.OTH");
            List<Finding> findings = List.of(
                    Finding.warning("IMPLICIT-0", t2, unit.a1("T2.REG.ISSUED"), "w1 表二 规章 本年制发件数 为空白，已按 0 汇总。"),
                    Finding.error("T3-ROW", t3, rowTotal, "e1 总计 填报 0，各类申请人之和为 2。"),
                    Finding.warning("N-SUM", t3, rowTotal, "w2 同一单元格上的提醒"),
                    Finding.warning("X-CARRY", t3, unit.a1("T3.R1.NAT"), "w3 有批注的单元格"),
                    Finding.error("T3-SUM", t3, grandTotal, "e2 （七）总计 与各项之和不符。"),
                    Finding.error("T3-SUM", t3, leftOfGrandTotal, "e3 右边一格已有批注"),
                    Finding.error("SHAPE", unit.sheet("T4.REVIEW.UPHELD"), "", "e4 表四缺少“行政复议”一组。"),
                    Finding.warning("TYPE", t2, unit.a1("T2.FEE.AMOUNT"), "w4 =HYPERLINK(\"http://x.example\",\"点我\")"),
                    Finding.aboutFile("ID", "e5 封面的单位代码不在名册中。"),
                    Finding.warning("N-SUM", t3, "P3", "w5 文件中没有的单元格"),
                    Finding.error("T3-BAL", t3, "B2", "e6 合并单元格中被遮住的一格"),
                    Finding.error("T3-BAL", "表五", "A1", "e7 不存在的工作表"));
            String before = sha256(unit.file());
            FileTime modified = Files.getLastModifiedTime(unit.file());
            Path feedbackDir = dir.resolve("output").resolve("2024").resolve("feedback");

            Path copy = feedback.write(new FeedbackRequest(unit.file(), WorkbookFormat.XLSX, "县司法局", "D07", 2024, 1,
                    "D07-县司法局-2024年政府信息公开年报.xlsx", findings), feedbackDir);

            assertThat(copy).isEqualTo(feedbackDir.resolve("县司法局-2024年-第1版-校验反馈.xlsx"));
            assertThat(sha256(unit.file())).isEqualTo(before);
            assertThat(Files.getLastModifiedTime(unit.file())).isEqualTo(modified);
            assertThat(listing(feedbackDir)).containsExactly(copy.getFileName().toString());

            try (Workbook original = openReadOnly(unit.file()); Workbook annotated = openReadOnly(copy)) {
                assertThat(annotated).isInstanceOf(XSSFWorkbook.class);
                Sheet list = assertListSheet(annotated, "县司法局 2024年政府信息公开年报 校验结果（第1版）", 7, 5,
                        List.of("e1", "e2", "e3", "e4", "e5", "e6", "e7", "w1", "w2", "w3", "w4", "w5"));
                assertThat(text(list, 3, 0)).contains("D07-县司法局-2024年政府信息公开年报.xlsx").contains("D07");
                assertThat(link(list, "e1")).isEqualTo("'" + t3 + "'!" + rowTotal);
                assertThat(link(list, "w1")).isEqualTo("'" + t2 + "'!" + unit.a1("T2.REG.ISSUED"));
                assertThat(link(list, "e6")).isEqualTo("'" + t3 + "'!B2");
                assertThat(link(list, "w5")).isEqualTo("'" + t3 + "'!P3");
                assertThat(link(list, "e4")).isNull();
                assertThat(link(list, "e5")).isNull();
                assertThat(link(list, "e7")).isNull();
                // text a unit or a rule wrote is a string, never a formula
                Cell injected = list.getRow(rowOf(list, "w4")).getCell(5);
                assertThat(injected.getCellType()).isEqualTo(CellType.STRING);

                // error wins over a warning on the same cell; both messages in one comment
                Cell both = cell(annotated, t3, rowTotal);
                assertThat(fill(both)).isEqualTo(ROSE);
                assertThat(both.getCellComment().getAuthor()).isEqualTo("年报汇总");
                assertThat(both.getCellComment().getString().getString())
                        .isEqualTo("[错误 T3-ROW] e1 总计 填报 0，各类申请人之和为 2。\n[警告 N-SUM] w2 同一单元格上的提醒");
                assertThat(fill(cell(annotated, t3, grandTotal))).isEqualTo(ROSE);
                assertThat(fill(cell(annotated, t3, leftOfGrandTotal))).isEqualTo(ROSE);
                assertThat(cell(annotated, t3, leftOfGrandTotal).getCellComment().getString().getString())
                        .isEqualTo("[错误 T3-SUM] e3 右边一格已有批注");
                assertThat(fill(cell(annotated, t2, unit.a1("T2.REG.ISSUED")))).isEqualTo(LIGHT_YELLOW);
                Cell amount = cell(annotated, t2, unit.a1("T2.FEE.AMOUNT"));
                assertThat(fill(amount)).isEqualTo(LIGHT_YELLOW);
                assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
                assertThat(amount.getCellComment().getString().getString())
                        .isEqualTo("[警告 TYPE] w4 =HYPERLINK(\"http://x.example\",\"点我\")");
                // the clerk's own note stays, ours is appended
                Cell noted = cell(annotated, t3, unit.a1("T3.R1.NAT"));
                assertThat(fill(noted)).isEqualTo(LIGHT_YELLOW);
                assertThat(noted.getCellComment().getString().getString())
                        .isEqualTo("已与办公室核对\n[警告 X-CARRY] w3 有批注的单元格");
                assertThat(noted.getCellComment().getAuthor()).isEqualTo("张三");
                // a cell the file did not have is created, empty
                Cell created = cell(annotated, t3, "P3");
                assertThat(created.getCellType()).isEqualTo(CellType.BLANK);
                assertThat(fill(created)).isEqualTo(LIGHT_YELLOW);
                // a hidden cell of a merged area: shown on the area's top-left cell
                CellRangeAddress corner = mergedAt(annotated.getSheet(t3), "B2");
                Cell shown = annotated.getSheet(t3).getRow(corner.getFirstRow()).getCell(corner.getFirstColumn());
                assertThat(fill(shown)).isEqualTo(ROSE);
                assertThat(shown.getCellComment().getString().getString()).isEqualTo("[错误 T3-BAL] e6 合并单元格中被遮住的一格");
                assertThat(annotated.getSheet(t3).getCellComment(new CellAddress("B2"))).isNull();

                Set<String> marked = Set.of(t2 + "!" + unit.a1("T2.REG.ISSUED"), t2 + "!" + unit.a1("T2.FEE.AMOUNT"),
                        t3 + "!" + rowTotal, t3 + "!" + grandTotal, t3 + "!" + leftOfGrandTotal,
                        t3 + "!" + unit.a1("T3.R1.NAT"), t3 + "!P3",
                        t3 + "!" + new CellAddress(corner.getFirstRow(), corner.getFirstColumn()).formatAsString());
                assertSameContent(original, annotated, marked);
            }
        }

        @Test
        void reusesOneStyleForEveryCellOfTheSameStyleAndSeverity(@TempDir Path dir) throws Exception {
            Written unit = FormFixtures.submission("D01").write(dir);
            List<Finding> findings = new ArrayList<>();
            List<Map.Entry<String, SheetCell>> cells = new ArrayList<>(unit.positions().entrySet());
            for (int i = 0; i < 500; i++) {
                SheetCell at = cells.get(i % cells.size()).getValue();
                findings.add(i % 3 == 0 ? Finding.error("T3-ROW", at.sheet(), at.cell().a1(), "错误 " + i)
                        : Finding.warning("N-SUM", at.sheet(), at.cell().a1(), "提醒 " + i));
            }

            Path copy = feedback.write(new FeedbackRequest(unit.file(), WorkbookFormat.XLSX, "县人民政府办公室", "D01", 2024,
                    3, "x.xlsx", findings), dir.resolve("feedback"));

            try (Workbook original = openReadOnly(unit.file()); Workbook annotated = openReadOnly(copy)) {
                Set<Short> stylesHit = new HashSet<>();
                for (Map.Entry<String, SheetCell> entry : cells) {
                    stylesHit.add(cell(original, entry.getValue().sheet(), entry.getValue().cell().a1()).getCellStyle().getIndex());
                }
                int added = annotated.getNumCellStyles() - original.getNumCellStyles();
                assertThat(added).isLessThanOrEqualTo(LIST_STYLES + 2 * stylesHit.size()).isLessThan(20);
                assertThat(list(annotated).getLastRowNum()).isEqualTo(FeedbackWorkbook.HEADER_ROW + 500);
                assertSameContent(original, annotated, cells.stream()
                        .map(e -> e.getValue().sheet() + "!" + e.getValue().cell().a1()).collect(Collectors.toSet()));
            }
        }
    }

    // --------------------------------------------------------------------------------------- .xls

    @Nested
    class OfAnXlsSubmission {

        @Test
        void annotatesALegacyWorkbookInItsOwnFormat(@TempDir Path dir) throws Exception {
            Path original = legacyWorkbook(dir.resolve("司法局年报.xls"), false);
            String before = sha256(original);
            List<Finding> findings = List.of(
                    Finding.warning("X-CARRY", "表三", "D5", "w1 有批注的单元格"),
                    Finding.error("T3-ROW", "表三", "J5", "e1 公式单元格"),
                    Finding.warning("N-SUM", "表三", "E6", "w2 与 e2 同一格"),
                    Finding.error("T3-BAL", "表三", "E6", "e2 与 w2 同一格"),
                    Finding.error("T3-BAL", "表三", "B2", "e3 合并区域内"),
                    Finding.warning("IMPLICIT-0", "表三", "L30", "w3 文件中没有的单元格"),
                    Finding.error("SHAPE", "表四", "", "e4 缺少表四"));

            Path copy = feedback.write(new FeedbackRequest(original, WorkbookFormat.XLS, "县司法局", "D07", 2024, 2,
                    "司法局年报.xls", findings), dir.resolve("feedback"));

            assertThat(copy.getFileName().toString()).isEqualTo("县司法局-2024年-第2版-校验反馈.xls");
            assertThat(sha256(original)).isEqualTo(before);
            try (Workbook unit = openReadOnly(original); Workbook annotated = openReadOnly(copy)) {
                assertThat(annotated).isInstanceOf(HSSFWorkbook.class);
                // the unit's own old 校验结果 (a resubmitted feedback copy) keeps its name and place
                assertThat(annotated.getSheetName(0)).isEqualTo("校验结果(2)");
                assertThat(annotated.getSheetName(1)).isEqualTo("校验结果");
                Sheet list = assertListSheet(annotated, "县司法局 2024年政府信息公开年报 校验结果（第2版）", 4, 3,
                        List.of("e1", "e2", "e3", "e4", "w1", "w2", "w3"));
                assertThat(link(list, "e1")).isEqualTo("'表三'!J5");
                assertThat(link(list, "e4")).isNull();

                Cell formula = cell(annotated, "表三", "J5");
                assertThat(formula.getCellFormula()).isEqualTo("SUM(D5:I5)");
                assertThat(fill(formula)).isEqualTo(ROSE);
                assertThat(formula.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
                assertThat(fill(cell(annotated, "表三", "E6"))).isEqualTo(ROSE);
                assertThat(cell(annotated, "表三", "E6").getCellComment().getString().getString())
                        .isEqualTo("[错误 T3-BAL] e2 与 w2 同一格\n[警告 N-SUM] w2 与 e2 同一格");
                Cell noted = cell(annotated, "表三", "D5");
                assertThat(fill(noted)).isEqualTo(LIGHT_YELLOW);
                assertThat(noted.getCellComment().getString().getString()).isEqualTo("请核对\n[警告 X-CARRY] w1 有批注的单元格");
                assertThat(fill(cell(annotated, "表三", "A1"))).isEqualTo(ROSE);
                assertThat(fill(cell(annotated, "表三", "L30"))).isEqualTo(LIGHT_YELLOW);
                Font font = annotated.getFontAt(cell(annotated, "表三", "E6").getCellStyle().getFontIndex());
                assertThat(font.getBold()).isTrue();

                assertSameContent(unit, annotated, Set.of("表三!D5", "表三!J5", "表三!E6", "表三!A1", "表三!L30"));
                assertThat(annotated.getNumCellStyles() - unit.getNumCellStyles()).isLessThanOrEqualTo(LIST_STYLES + 2 * 4);
            }
        }

        @Test
        void takesTheNearestColourWhenTheUnitsPaletteRedefinedRose(@TempDir Path dir) throws Exception {
            Path original = legacyWorkbook(dir.resolve("custom.xls"), true);

            Path copy = feedback.write(new FeedbackRequest(original, WorkbookFormat.XLS, "县司法局", "D07", 2024, 1,
                    "custom.xls", List.of(Finding.error("T3-ROW", "表三", "J5", "e1"))), dir.resolve("feedback"));

            try (Workbook unit = openReadOnly(original); Workbook annotated = openReadOnly(copy)) {
                Cell marked = cell(annotated, "表三", "J5");
                assertThat(marked.getCellStyle().getFillForegroundColor()).isNotEqualTo(IndexedColors.ROSE.getIndex());
                short[] rgb = ((HSSFColor) marked.getCellStyle().getFillForegroundColorColor()).getTriplet();
                assertThat(rgb[0]).isGreaterThanOrEqualTo((short) 200);
                // the unit's own colour at that index is what it was
                assertThat(fill(cell(annotated, "表三", "A4"))).isEqualTo(fill(cell(unit, "表三", "A4"))).isEqualTo("000080");
            }
        }
    }

    // --------------------------------------------------------------------------- findings only

    @Nested
    class WhenTheOriginalCannotBeOpened {

        private final List<Finding> findings = List.of(
                Finding.aboutFile("FILE", "e1 文件不是 Excel 文件，请用模板重新填报。"),
                Finding.warning("N-SUM", "表三", "J17", "w1 有工作表和单元格，但文件打不开"));

        @Test
        void writesTheListAloneForAFileOfUnknownFormat(@TempDir Path dir) throws Exception {
            Path broken = Files.writeString(dir.resolve("报表.xlsx"), "not a workbook");

            Path copy = feedback.write(new FeedbackRequest(broken, null, null, null, 2024, null, "报表.xlsx", findings),
                    dir.resolve("feedback"));

            assertThat(copy.getFileName().toString()).isEqualTo("未识别单位-报表-校验反馈.xlsx");
            assertFindingsOnly(copy, "未识别单位 2024年政府信息公开年报 校验结果");
            assertThat(Files.readString(broken)).isEqualTo("not a workbook");
        }

        @Test
        void writesAnXlsxListWhenAnXlsCannotBeOpened(@TempDir Path dir) throws Exception {
            Path broken = Files.write(dir.resolve("old.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3});

            Path copy = feedback.write(new FeedbackRequest(broken, WorkbookFormat.XLS, "巴公镇", "T03", 2024, 1,
                    "old.xls", findings), dir.resolve("feedback"));

            assertThat(copy.getFileName().toString()).isEqualTo("巴公镇-2024年-第1版-校验反馈.xlsx");
            assertFindingsOnly(copy, "巴公镇 2024年政府信息公开年报 校验结果（第1版）");
        }

        @Test
        void writesTheListAloneForAZipThatIsNoWorkbookOrAFileThatIsGone(@TempDir Path dir) throws Exception {
            Path zip = dir.resolve("notes.xlsx");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry("readme.txt"));
                out.write("hello".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            Path copy = feedback.write(new FeedbackRequest(zip, WorkbookFormat.XLSX, "巴公镇", "T03", 2024, 1,
                    "notes.xlsx", findings), dir.resolve("a"));
            assertFindingsOnly(copy, "巴公镇 2024年政府信息公开年报 校验结果（第1版）");

            Path gone = feedback.write(new FeedbackRequest(dir.resolve("missing.xlsx"), WorkbookFormat.XLSX, "巴公镇",
                    "T03", 2024, 1, "missing.xlsx", findings), dir.resolve("b"));
            assertFindingsOnly(gone, "巴公镇 2024年政府信息公开年报 校验结果（第1版）");
        }

        private void assertFindingsOnly(Path copy, String title) throws Exception {
            assertThat(listing(copy.getParent())).containsExactly(copy.getFileName().toString());
            try (Workbook workbook = openReadOnly(copy)) {
                assertThat(workbook).isInstanceOf(XSSFWorkbook.class);
                assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
                Sheet list = assertListSheet(workbook, title, 1, 1, List.of("e1", "w1"));
                assertThat(link(list, "w1")).isNull();
            }
        }
    }

    // ------------------------------------------------------------------------------- file names

    @Nested
    class FileNames {

        @Test
        void nameTheUnitTheYearAndTheVersion() {
            assertThat(name("县司法局", WorkbookFormat.XLSX, 1, "x.xlsx")).isEqualTo("县司法局-2024年-第1版-校验反馈.xlsx");
            assertThat(name("县司法局", WorkbookFormat.XLS, 2, "x.xls")).isEqualTo("县司法局-2024年-第2版-校验反馈.xls");
            assertThat(name("县司法局", WorkbookFormat.XLSX, null, "x.xlsx")).isEqualTo("县司法局-2024年-校验反馈.xlsx");
        }

        @Test
        void nameAnUnidentifiedFileAfterItsOriginalName() {
            assertThat(name(null, WorkbookFormat.XLSX, 1, "司法局年报.xlsx")).isEqualTo("未识别单位-司法局年报-校验反馈.xlsx");
            assertThat(name(" ", null, null, "司法局 年报.v2.xlsx")).isEqualTo("未识别单位-司法局 年报.v2-校验反馈.xlsx");
            assertThat(name(null, null, null, null)).isEqualTo("未识别单位-校验反馈.xlsx");
        }

        @Test
        void makeWhatUnitsTypedSafeForEveryFileSystem(@TempDir Path dir) {
            assertThat(name(null, WorkbookFormat.XLSX, null, "a:b*c?.xlsx")).isEqualTo("未识别单位-a_b_c_-校验反馈.xlsx");
            assertThat(name("a:b*c?<d>|\"e", WorkbookFormat.XLSX, 3, "x")).isEqualTo("a_b_c__d___e-2024年-第3版-校验反馈.xlsx");
            String traversal = name(null, WorkbookFormat.XLSX, null, "../../etc/passwd");
            assertThat(traversal).isEqualTo("未识别单位-etc_passwd-校验反馈.xlsx");
            assertThat(name(null, WorkbookFormat.XLSX, null, "..\\..\\windows\\win.ini")).isEqualTo("未识别单位-windows_win-校验反馈.xlsx");
            assertThat(name("../县司法局", WorkbookFormat.XLSX, 1, "x")).isEqualTo("县司法局-2024年-第1版-校验反馈.xlsx");
            assertThat(name("...隐藏", WorkbookFormat.XLSX, 1, "x")).isEqualTo("隐藏-2024年-第1版-校验反馈.xlsx");
            // line breaks, a bell, a right-to-left override that would show "xslx.exe" backwards
            assertThat(name("县\n司法\u0007局\u202Eexe.xlsx", WorkbookFormat.XLSX, 1, "x"))
                    .isEqualTo("县司法局exe.xlsx-2024年-第1版-校验反馈.xlsx");
            for (String hostile : List.of("../../etc/passwd", "a:b*c?.xlsx", "/abs/path.xlsx", "C:\\x\\y.xls", "..", ".",
                    "\u0000.xlsx")) {
                String safe = name(null, WorkbookFormat.XLSX, null, hostile);
                assertThat(safe).doesNotContain("/", "\\", ":", "*", "?", "\"", "<", ">", "|", "..", "\u0000")
                        .doesNotStartWith(".").endsWith("-校验反馈.xlsx");
                assertThat(dir.resolve(safe).getParent()).isEqualTo(dir);
            }
        }

        @Test
        void capTheLengthInCharactersAndInBytesAndKeepTheEnding() {
            String longName = name("县".repeat(300), WorkbookFormat.XLSX, 12, "x");
            assertThat(longName).endsWith("县-2024年-第12版-校验反馈.xlsx");
            assertThat(longName.length()).isLessThanOrEqualTo(120);
            assertThat(longName.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(240);
            String longAscii = name(null, WorkbookFormat.XLS, null, "a".repeat(500) + ".xls");
            assertThat(longAscii.length()).isLessThanOrEqualTo(120);
            assertThat(longAscii).startsWith("未识别单位-aaa").endsWith("-校验反馈.xls");
            // never half a surrogate pair
            String emoji = name("😀".repeat(200), WorkbookFormat.XLSX, 1, "x");
            assertThat(emoji.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF)).isEmpty();
            assertThat(new String(emoji.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(emoji);
        }

        private String name(String unit, WorkbookFormat format, Integer version, String original) {
            return FeedbackNames.fileName(new FeedbackRequest(Path.of("x"), format, unit, null, 2024, version, original,
                    List.of()));
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    /**
     * Checks the list sheet: first, active, alone selected; title, counts; one row per finding in
     * the expected order (messages start with their tag); header frozen. Returns it.
     */
    private static Sheet assertListSheet(Workbook workbook, String title, int errors, int warnings, List<String> order) {
        Sheet list = list(workbook);
        assertThat(workbook.getActiveSheetIndex()).isZero();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            assertThat(workbook.getSheetAt(i).isSelected()).as("sheet %d selected", i).isEqualTo(i == 0);
        }
        assertThat(text(list, 0, 0)).isEqualTo(title);
        assertThat(text(list, 1, 0)).startsWith("错误 " + errors + " 处，警告 " + warnings + " 处");
        assertThat(text(list, 2, 0)).contains("红色为必须改正的错误，黄色为提醒").contains("重新报送整个文件");
        int header = FeedbackWorkbook.HEADER_ROW;
        assertThat(List.of(text(list, header, 0), text(list, header, 1), text(list, header, 2), text(list, header, 3),
                text(list, header, 4), text(list, header, 5))).containsExactly("序号", "级别", "规则", "工作表", "单元格", "说明");
        assertThat(list.getPaneInformation().isFreezePane()).isTrue();
        assertThat(list.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (header + 1));
        assertThat(list.getLastRowNum()).isEqualTo(header + order.size());
        // prints on one page width (LibreOffice ignores "fit to width" in an .xls sheet without automatic breaks)
        assertThat(list.getFitToPage()).isTrue();
        assertThat(list.getAutobreaks()).isTrue();
        assertThat(list.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        for (int i = 0; i < order.size(); i++) {
            int row = header + 1 + i;
            assertThat(text(list, row, 0)).isEqualTo(Integer.toString(i + 1));
            assertThat(text(list, row, 5)).startsWith(order.get(i) + " ");
            assertThat(text(list, row, 1)).isEqualTo(order.get(i).startsWith("e") ? "错误" : "警告");
            assertThat(list.getRow(row).getCell(5).getCellStyle().getWrapText()).isTrue();
        }
        return list;
    }

    private static Sheet list(Workbook workbook) {
        Sheet list = workbook.getSheetAt(0);
        assertThat(list.getSheetName()).startsWith("校验结果");
        return list;
    }

    private static int rowOf(Sheet list, String tag) {
        for (Row row : list) {
            if (row.getRowNum() > FeedbackWorkbook.HEADER_ROW && text(list, row.getRowNum(), 5).startsWith(tag + " ")) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no finding " + tag);
    }

    private static String link(Sheet list, String tag) {
        Hyperlink link = list.getRow(rowOf(list, tag)).getCell(4).getHyperlink();
        return link == null ? null : link.getAddress();
    }

    /**
     * Every cell of every sheet of the unit's file is in the copy with the same value or formula and
     * the same look; cells not in {@code marked} keep their very style. The copy adds no cell
     * anywhere except empty marked ones, and merged areas, protection and the unit's comments stay.
     */
    private static void assertSameContent(Workbook unit, Workbook annotated, Set<String> marked) {
        assertThat(annotated.getNumberOfSheets()).isEqualTo(unit.getNumberOfSheets() + 1);
        for (int i = 0; i < unit.getNumberOfSheets(); i++) {
            assertThat(annotated.getSheetName(i + 1)).isEqualTo(unit.getSheetName(i));
        }
        for (Sheet sheet : unit) {
            Sheet copy = annotated.getSheet(sheet.getSheetName());
            String name = sheet.getSheetName();
            assertThat(Set.copyOf(copy.getMergedRegions())).as(name).isEqualTo(Set.copyOf(sheet.getMergedRegions()));
            assertThat(copy.getProtect()).as(name + " protection").isEqualTo(sheet.getProtect());
            Set<String> seen = new HashSet<>();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String at = name + "!" + cell.getAddress().formatAsString();
                    seen.add(at);
                    Cell other = copy.getRow(row.getRowNum()).getCell(cell.getColumnIndex());
                    assertThat(other).as(at).isNotNull();
                    assertThat(other.getCellType()).as(at).isEqualTo(cell.getCellType());
                    switch (cell.getCellType()) {
                        case FORMULA -> {
                            assertThat(other.getCellFormula()).as(at).isEqualTo(cell.getCellFormula());
                            assertThat(cachedValue(other)).as(at).isEqualTo(cachedValue(cell));
                        }
                        case NUMERIC -> assertThat(other.getNumericCellValue()).as(at).isEqualTo(cell.getNumericCellValue());
                        case STRING -> assertThat(other.getStringCellValue()).as(at).isEqualTo(cell.getStringCellValue());
                        case BOOLEAN -> assertThat(other.getBooleanCellValue()).as(at).isEqualTo(cell.getBooleanCellValue());
                        case ERROR -> assertThat(other.getErrorCellValue()).as(at).isEqualTo(cell.getErrorCellValue());
                        default -> { }
                    }
                    assertSameLook(unit, annotated, cell.getCellStyle(), other.getCellStyle(), at);
                    if (!marked.contains(at)) {
                        assertThat(other.getCellStyle().getIndex()).as(at + " style").isEqualTo(cell.getCellStyle().getIndex());
                    }
                    if (cell.getCellComment() != null) {
                        assertThat(other.getCellComment().getString().getString()).as(at)
                                .startsWith(cell.getCellComment().getString().getString());
                        assertThat(other.getCellComment().getAuthor()).isEqualTo(cell.getCellComment().getAuthor());
                    } else if (!marked.contains(at)) {
                        assertThat(other.getCellComment()).as(at).isNull();
                    }
                }
            }
            for (Row row : copy) {
                for (Cell cell : row) {
                    String at = name + "!" + cell.getAddress().formatAsString();
                    if (!seen.contains(at)) {
                        assertThat(marked).as("cell added at " + at).contains(at);
                        assertThat(cell.getCellType()).as(at).isEqualTo(CellType.BLANK);
                    }
                }
            }
        }
    }

    private static void assertSameLook(Workbook unit, Workbook annotated, CellStyle a, CellStyle b, String at) {
        assertThat(b.getDataFormatString()).as(at + " number format").isEqualTo(a.getDataFormatString());
        Font fa = unit.getFontAt(a.getFontIndex());
        Font fb = annotated.getFontAt(b.getFontIndex());
        assertThat(List.<Object>of(fb.getFontName(), fb.getFontHeight(), fb.getBold(), fb.getColor()))
                .as(at + " font").isEqualTo(List.<Object>of(fa.getFontName(), fa.getFontHeight(), fa.getBold(), fa.getColor()));
        assertThat(List.<Object>of(b.getBorderTop(), b.getBorderBottom(), b.getBorderLeft(), b.getBorderRight()))
                .as(at + " borders").isEqualTo(List.<Object>of(a.getBorderTop(), a.getBorderBottom(), a.getBorderLeft(), a.getBorderRight()));
        assertThat(List.<Object>of(b.getAlignment(), b.getVerticalAlignment(), b.getWrapText(), b.getLocked()))
                .as(at + " alignment, lock")
                .isEqualTo(List.<Object>of(a.getAlignment(), a.getVerticalAlignment(), a.getWrapText(), a.getLocked()));
    }

    private static Object cachedValue(Cell cell) {
        return switch (cell.getCachedFormulaResultType()) {
            case NUMERIC -> cell.getNumericCellValue();
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            case ERROR -> cell.getErrorCellValue();
            default -> null;
        };
    }

    /** The solid fill of a cell as RRGGBB, whatever the format. */
    private static String fill(Cell cell) {
        CellStyle style = cell.getCellStyle();
        assertThat(style.getFillPattern()).as(cell.getAddress().toString()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
        Color color = style.getFillForegroundColorColor();
        if (color instanceof XSSFColor xssf) {
            return HexFormat.of().withUpperCase().formatHex(xssf.getRGB());
        }
        short[] rgb = ((HSSFColor) color).getTriplet();
        return String.format("%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
    }

    private static Cell cell(Workbook workbook, String sheet, String a1) {
        CellAddress at = new CellAddress(a1);
        Row row = workbook.getSheet(sheet).getRow(at.getRow());
        assertThat(row).as(sheet + "!" + a1).isNotNull();
        Cell cell = row.getCell(at.getColumn());
        assertThat(cell).as(sheet + "!" + a1).isNotNull();
        return cell;
    }

    private static CellRangeAddress mergedAt(Sheet sheet, String a1) {
        CellAddress at = new CellAddress(a1);
        return sheet.getMergedRegions().stream().filter(r -> r.isInRange(at.getRow(), at.getColumn())).findFirst()
                .orElseThrow(() -> new AssertionError(a1 + " is not merged"));
    }

    private static String text(Sheet sheet, int row, int col) {
        return new DataFormatter().formatCellValue(sheet.getRow(row).getCell(col));
    }

    private static void note(Cell cell, String author, String text) {
        CreationHelper helper = cell.getSheet().getWorkbook().getCreationHelper();
        Drawing<?> drawing = cell.getSheet().createDrawingPatriarch();
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 3);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 3);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(helper.createRichTextString(text));
        comment.setAuthor(author);
        cell.setCellComment(comment);
    }

    /**
     * A small .xls as a clerk might keep one: a cover, a 表三 with a merged corner, numbers in
     * #,##0, totals as formulas, a bold cell, a note, a protected sheet, a formula on another sheet
     * pointing into 表三, and the unit's own old 校验结果 sheet. With {@code customPalette} the palette
     * entry of ROSE is redefined to navy and used by a cell, as LibreOffice does when it saves .xls.
     */
    private static Path legacyWorkbook(Path file, boolean customPalette) throws Exception {
        try (HSSFWorkbook xls = new HSSFWorkbook()) {
            xls.createSheet("校验结果").createRow(0).createCell(0).setCellValue("上次的校验结果");
            Sheet cover = xls.createSheet("封面");
            cover.createRow(0).createCell(0).setCellValue("单位名称");
            cover.getRow(0).createCell(1).setCellValue("县司法局");
            Sheet t3 = xls.createSheet("表三");
            CellStyle number = xls.createCellStyle();
            number.setDataFormat(xls.createDataFormat().getFormat("#,##0"));
            number.setLocked(false);
            CellStyle boldNumber = xls.createCellStyle();
            boldNumber.cloneStyleFrom(number);
            Font bold = xls.createFont();
            bold.setBold(true);
            boldNumber.setFont(bold);
            t3.createRow(0).createCell(0).setCellValue("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
            t3.addMergedRegion(new CellRangeAddress(0, 2, 0, 2));
            for (int r = 3; r < 25; r++) {
                Row row = t3.getRow(r) == null ? t3.createRow(r) : t3.getRow(r);
                row.createCell(0).setCellValue("第" + r + "行");
                for (int c = 3; c < 9; c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(r * 10 + c);
                    cell.setCellStyle(r == 5 && c == 4 ? boldNumber : number);
                }
                Cell total = row.createCell(9);
                total.setCellFormula("SUM(D" + (r + 1) + ":I" + (r + 1) + ")");
                total.setCellStyle(number);
            }
            note(t3.getRow(4).getCell(3), "李四", "请核对");
            if (customPalette) {
                xls.getCustomPalette().setColorAtIndex(IndexedColors.ROSE.getIndex(), (byte) 0, (byte) 0, (byte) 0x80);
                CellStyle navy = xls.createCellStyle();
                navy.setFillForegroundColor(IndexedColors.ROSE.getIndex());
                navy.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                t3.getRow(3).getCell(0).setCellStyle(navy);
            }
            t3.protectSheet("");
            Sheet indicators = xls.createSheet("总体情况");
            indicators.createRow(0).createCell(0).setCellFormula("'表三'!J5*2");
            indicators.getRow(0).createCell(1).setCellValue(true);
            xls.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                xls.write(out);
            }
        }
        return file;
    }

    private static Workbook openReadOnly(Path file) throws Exception {
        return WorkbookFactory.create(file.toFile(), null, true);
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            sha.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
