package cn.gov.county.gkreport.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.feedback.FeedbackWorkbook.FeedbackRequest;
import cn.gov.county.gkreport.read.grid.ReadLimits;
import cn.gov.county.gkreport.read.grid.WorkbookFormat;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Color;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streamed feedback copy of an .xlsx/.xlsm reads back in POI exactly as the usermodel copy
 * does — every sheet's cells, merged areas, marks, comments, and the list sheet with its links — on
 * every original of the fixture corpus, the committed hostile corpus and the demo input; and it is
 * a sound package (every part typed, every relationship's target present).
 */
class StreamedFeedbackCopyTest {

    private static final DataFormatter TEXT = new DataFormatter();

    static Stream<Path> originals() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(Path.of("src/test/resources/fixtures"), Path.of("src/test/resources/hostile/files"),
                Path.of("input/2024"))) {
            try (Stream<Path> listed = Files.list(dir)) {
                listed.filter(p -> p.toString().matches(".*\\.(xlsx|xlsm|bin)$")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(80);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("originals")
    void streamedCopyReadsBackAsTheUsermodelCopy(Path original, @TempDir Path dir) throws Exception {
        WorkbookFormat format = original.toString().endsWith(".xlsm") ? WorkbookFormat.XLSM : WorkbookFormat.XLSX;
        FeedbackRequest request = new FeedbackRequest(original, format, "县司法局", "D07", 2024, 2,
                original.getFileName().toString(), findingsFor(original));

        Path viaPoi = new FeedbackWorkbook(ReadLimits.defaults(), false).write(request, dir.resolve("poi"));
        Path streamed = new FeedbackWorkbook(ReadLimits.defaults(), true).write(request, dir.resolve("streamed"));

        assertThat(streamed.getFileName()).isEqualTo(viaPoi.getFileName());
        PackageIntegrity.assertSound(streamed);
        try (Workbook expected = open(viaPoi); Workbook actual = open(streamed)) {
            assertSameWorkbook(expected, actual);
        }
        try (Workbook unit = isWorkbook(original) ? open(original) : null; Workbook actual = open(streamed)) {
            if (unit != null && actual.getNumberOfSheets() > 1) {
                assertUnitContentKept(unit, actual);
            }
        }
    }

    @Test
    void everyCleanOriginalOfTheCorporaIsStreamedNotHandedToPoi(@TempDir Path dir) throws Exception {
        Map<String, String> refused = new TreeMap<>();
        for (Path original : originals().toList()) {
            if (!isWorkbook(original) || !isZip(original)) {
                continue;
            }
            List<Finding> findings = findingsFor(original);
            FeedbackRequest request = new FeedbackRequest(original, WorkbookFormat.XLSX, "县司法局", "D07", 2024, 1,
                    original.getFileName().toString(), findings);
            String refusal = StreamedFeedbackCopy.write(request, findings, dir.resolve(original.getFileName() + ".xlsx"));
            if (refusal != null) {
                refused.put(original.getFileName().toString(), refusal);
            }
        }
        // left to POI: originals whose marked sheets already carry comments, and entity attacks
        assertThat(refused.values()).as(refused.toString())
                .allMatch(reason -> reason.contains("already has comments") || reason.contains("DOCTYPE"));
        assertThat(refused).hasSizeLessThan(4);
    }

    @Test
    void keepsSheetLocalNamesOnTheirSheetsWhenTheListGoesFirst(@TempDir Path dir) throws Exception {
        Path original = dir.resolve("names.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            for (String name : List.of("封面", "表二", "表三")) {
                Sheet sheet = workbook.createSheet(name);
                for (int r = 0; r < 20; r++) {
                    sheet.createRow(r).createCell(0).setCellValue(name + r);
                }
            }
            workbook.setPrintArea(0, "$A$1:$C$10");
            workbook.setPrintArea(2, "$A$1:$F$20");
            workbook.getSheetAt(1).setRepeatingRows(CellRangeAddress.valueOf("1:2"));
            Name total = workbook.createName();
            total.setNameName("合计");
            total.setRefersToFormula("'表三'!$A$1:$A$20");
            workbook.setActiveSheet(2);
            workbook.getSheetAt(2).setSelected(true);
            try (var out = Files.newOutputStream(original)) {
                workbook.write(out);
            }
        }
        List<Finding> findings = List.of(Finding.error("T3-ROW", "表三", "A5", "e1"));
        FeedbackRequest request = new FeedbackRequest(original, WorkbookFormat.XLSX, "县司法局", "D07", 2024, 1,
                "names.xlsx", findings);
        assertThat(StreamedFeedbackCopy.write(request, findings, dir.resolve("copy.xlsx"))).isNull();

        try (Workbook unit = open(original); Workbook copy = open(dir.resolve("copy.xlsx"))) {
            assertThat(copy.getSheetName(0)).isEqualTo("校验结果");
            assertThat(copy.getActiveSheetIndex()).isZero();
            assertThat(copy.getPrintArea(1)).isEqualTo(unit.getPrintArea(0)).endsWith("封面!$A$1:$C$10");
            assertThat(copy.getPrintArea(3)).isEqualTo(unit.getPrintArea(2)).endsWith("表三!$A$1:$F$20");
            assertThat(copy.getPrintArea(2)).isNull();
            assertThat(copy.getSheetAt(2).getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:2"));
            assertThat(copy.getSheetAt(0).getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("5:5"));
            assertThat(copy.getName("合计").getRefersToFormula()).isEqualTo("'表三'!$A$1:$A$20");
            for (int i = 0; i < copy.getNumberOfSheets(); i++) {
                assertThat(copy.getSheetAt(i).isSelected()).as("sheet %d selected", i).isEqualTo(i == 0);
            }
        }
        try (Workbook viaPoi = open(new FeedbackWorkbook(ReadLimits.defaults(), false).write(request, dir.resolve("poi")));
             Workbook copy = open(dir.resolve("copy.xlsx"))) {
            assertSameWorkbook(viaPoi, copy);
        }
    }

    @Test
    void keepsTheMacroEnabledTypeOfAnXlsm(@TempDir Path dir) throws Exception {
        Path original = Path.of("src/test/resources/fixtures/d15-macro-enabled.xlsm");
        FeedbackRequest request = new FeedbackRequest(original, WorkbookFormat.XLSM, "县司法局", "D07", 2024, 1,
                "d15.xlsm", findingsFor(original));

        Path copy = new FeedbackWorkbook().write(request, dir);

        assertThat(copy.getFileName().toString()).endsWith(".xlsm");
        assertThat(PackageIntegrity.contentType(copy, "xl/workbook.xml"))
                .isEqualTo("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
        assertThat(PackageIntegrity.entries(copy)).containsAll(PackageIntegrity.entries(original));
    }

    // ------------------------------------------------------------------------------- findings

    /**
     * Findings on every sheet: cells with content, a cell the file lacks, a hidden cell of a merged
     * area, an error and a warning on one cell; plus one on the file and one on a missing sheet.
     */
    static List<Finding> findingsFor(Path original) {
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.aboutFile("ID", "e 封面的单位代码不在名册中。"));
        findings.add(Finding.error("T3-BAL", "表五", "A1", "e 不存在的工作表"));
        if (!isWorkbook(original)) {
            return findings;
        }
        try (Workbook workbook = open(original)) {
            int n = 0;
            for (Sheet sheet : workbook) {
                List<Cell> cells = new ArrayList<>();
                sheet.forEach(row -> row.forEach(cells::add));
                for (int i = 0; i < cells.size() && i < 60; i += 7) {
                    Cell cell = cells.get(i);
                    String at = cell.getAddress().formatAsString();
                    findings.add(n++ % 2 == 0 ? Finding.error("T3-ROW", sheet.getSheetName(), at, "错误 " + n + " 于 " + at)
                            : Finding.warning("N-SUM", sheet.getSheetName(), at, "提醒 " + n + " 于 " + at));
                }
                if (!cells.isEmpty()) {
                    String first = cells.get(0).getAddress().formatAsString();
                    findings.add(Finding.warning("X-CARRY", sheet.getSheetName(), first, "同一格的提醒\n第二行"));
                }
                findings.add(Finding.warning("IMPLICIT-0", sheet.getSheetName(),
                        new CellAddress(sheet.getLastRowNum() + 3, 7).formatAsString(), "文件中没有的单元格"));
                for (CellRangeAddress merged : sheet.getMergedRegions()) {
                    if (merged.getNumberOfCells() > 1) {
                        findings.add(Finding.error("T3-SUM", sheet.getSheetName(),
                                new CellAddress(merged.getLastRow(), merged.getLastColumn()).formatAsString(), "合并区域内"));
                        break;
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError(original + " cannot be read back", e);
        }
        return findings;
    }

    /** Whether POI opens the file (the hostile corpus has many that are none). */
    static boolean isWorkbook(Path file) {
        try (Workbook ignored = open(file)) {
            return true;
        } catch (Exception | OutOfMemoryError e) {
            return false;
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == 'P' && head[1] == 'K';
        }
    }

    static Workbook open(Path file) throws IOException {
        return WorkbookFactory.create(file.toFile(), null, true);
    }

    // ----------------------------------------------------------------------------- comparison

    /** Everything a clerk sees, as POI reads it back, is the same in both copies. */
    static void assertSameWorkbook(Workbook expected, Workbook actual) {
        assertThat(actual.getNumberOfSheets()).isEqualTo(expected.getNumberOfSheets());
        assertThat(actual.getActiveSheetIndex()).isEqualTo(expected.getActiveSheetIndex());
        assertThat(actual.getFirstVisibleTab()).isEqualTo(expected.getFirstVisibleTab());
        for (int i = 0; i < expected.getNumberOfSheets(); i++) {
            Sheet e = expected.getSheetAt(i);
            Sheet a = actual.getSheetAt(i);
            String name = e.getSheetName();
            assertThat(a.getSheetName()).isEqualTo(name);
            assertThat(a.isSelected()).as(name + " selected").isEqualTo(e.isSelected());
            assertThat(expected.isSheetHidden(i)).isEqualTo(actual.isSheetHidden(i));
            assertThat(Set.copyOf(a.getMergedRegions())).as(name + " merged").isEqualTo(Set.copyOf(e.getMergedRegions()));
            assertThat(a.getRepeatingRows()).as(name + " print titles").isEqualTo(e.getRepeatingRows());
            assertThat(a.getProtect()).as(name + " protection").isEqualTo(e.getProtect());
            for (String at : addresses(e, a)) {
                assertSameCell(cell(e, at), cell(a, at), name + "!" + at);
            }
        }
        assertThat(names(actual)).isEqualTo(names(expected));
        Sheet list = actual.getSheetAt(0);
        Sheet listExpected = expected.getSheetAt(0);
        for (int c = 0; c < FeedbackList.HEADERS.length; c++) {
            assertThat(list.getColumnWidth(c)).as("list width %d", c).isEqualTo(listExpected.getColumnWidth(c));
        }
        for (int r = 0; r <= listExpected.getLastRowNum(); r++) {
            assertThat(list.getRow(r).getHeightInPoints()).as("list row %d", r)
                    .isEqualTo(listExpected.getRow(r).getHeightInPoints());
        }
        assertThat(list.getPaneInformation().isFreezePane()).isTrue();
        assertThat(list.getPaneInformation().getHorizontalSplitPosition())
                .isEqualTo(listExpected.getPaneInformation().getHorizontalSplitPosition());
        assertThat(list.getFitToPage()).isEqualTo(listExpected.getFitToPage());
        assertThat(list.getPrintSetup().getLandscape()).isEqualTo(listExpected.getPrintSetup().getLandscape());
        assertThat(list.getPrintSetup().getFitWidth()).isEqualTo(listExpected.getPrintSetup().getFitWidth());
        assertThat(list.getPrintSetup().getPaperSize()).isEqualTo(listExpected.getPrintSetup().getPaperSize());
    }

    /** Every cell the unit wrote is in the copy with its value or formula, on a sheet one tab to the right. */
    static void assertUnitContentKept(Workbook unit, Workbook copy) {
        for (int i = 0; i < unit.getNumberOfSheets(); i++) {
            Sheet sheet = unit.getSheetAt(i);
            Sheet other = copy.getSheetAt(i + 1);
            assertThat(other.getSheetName()).isEqualTo(sheet.getSheetName());
            assertThat(Set.copyOf(other.getMergedRegions())).isEqualTo(Set.copyOf(sheet.getMergedRegions()));
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String at = sheet.getSheetName() + "!" + cell.getAddress().formatAsString();
                    Cell kept = cell(other, cell.getAddress().formatAsString());
                    assertThat(kept).as(at).isNotNull();
                    assertThat(content(kept)).as(at).isEqualTo(content(cell));
                }
            }
        }
    }

    private static void assertSameCell(Cell e, Cell a, String at) {
        if (e == null || a == null) {
            assertThat(content(a)).as(at + " present in one copy only").isEqualTo(content(e));
            return;
        }
        assertThat(content(a)).as(at).isEqualTo(content(e));
        assertThat(look(a)).as(at + " look").isEqualTo(look(e));
        Comment ce = e.getCellComment();
        Comment ca = a.getCellComment();
        assertThat(ca == null ? null : List.of(ca.getString().getString(), String.valueOf(ca.getAuthor())))
                .as(at + " comment")
                .isEqualTo(ce == null ? null : List.of(ce.getString().getString(), String.valueOf(ce.getAuthor())));
        Hyperlink he = e.getHyperlink();
        Hyperlink ha = a.getHyperlink();
        assertThat(ha == null ? null : ha.getAddress()).as(at + " link").isEqualTo(he == null ? null : he.getAddress());
    }

    /** Type and value, or the formula and its cached value. */
    private static String content(Cell cell) {
        if (cell == null) {
            return "<no cell>";
        }
        return switch (cell.getCellType()) {
            case FORMULA -> "=" + cell.getCellFormula() + " → " + cell.getCachedFormulaResultType() + " " + TEXT.formatCellValue(cell);
            case NUMERIC -> "N " + cell.getNumericCellValue();
            case BOOLEAN -> "B " + cell.getBooleanCellValue();
            case ERROR -> "E " + cell.getErrorCellValue();
            case STRING -> "S " + cell.getStringCellValue();
            default -> String.valueOf(cell.getCellType());
        };
    }

    /** What the cell looks like: number format, font, borders, alignment, protection, fill. */
    private static List<Object> look(Cell cell) {
        CellStyle s = cell.getCellStyle();
        Font f = cell.getSheet().getWorkbook().getFontAt(s.getFontIndex());
        return List.of(s.getDataFormatString(), f.getFontName(), f.getFontHeight(), f.getBold(), f.getItalic(),
                f.getUnderline(), f.getColor(), s.getBorderTop(), s.getBorderBottom(), s.getBorderLeft(), s.getBorderRight(),
                s.getAlignment(), s.getVerticalAlignment(), s.getWrapText(), s.getLocked(), s.getHidden(),
                s.getFillPattern(), rgb(s.getFillForegroundColorColor()));
    }

    private static String rgb(Color color) {
        if (color instanceof XSSFColor xssf && xssf.getRGB() != null) {
            return HexFormat.of().withUpperCase().formatHex(xssf.getRGB());
        }
        return color == null ? "-" : color.toString();
    }

    private static Set<String> addresses(Sheet... sheets) {
        Set<String> all = new TreeSet<>();
        for (Sheet sheet : sheets) {
            sheet.forEach(row -> row.forEach(c -> all.add(c.getAddress().formatAsString())));
        }
        return all;
    }

    private static Cell cell(Sheet sheet, String a1) {
        CellAddress at = new CellAddress(a1);
        Row row = sheet.getRow(at.getRow());
        return row == null ? null : row.getCell(at.getColumn());
    }

    private static Map<String, String> names(Workbook workbook) {
        Map<String, String> names = new TreeMap<>();
        for (Name name : workbook.getAllNames()) {
            names.put(name.getNameName() + "@" + name.getSheetIndex(), name.getRefersToFormula());
        }
        return names;
    }
}
