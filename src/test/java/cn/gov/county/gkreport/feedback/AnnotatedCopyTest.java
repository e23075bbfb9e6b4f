package cn.gov.county.gkreport.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.read.WorkbookFormat;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.FormFixtures;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotated copy a clerk gets back: every finding listed on a first sheet, the offending cells
 * red or yellow with the message as a comment, and everything the unit wrote left as it was.
 */
class AnnotatedCopyTest {

    private static final List<Finding> FINDINGS = List.of(
            Finding.warning("IMPLICIT-0", "表二", "B5", "表二 \"规章\" 行为空白，已按 0 汇总。"),
            Finding.error("T3-ROW", "表三", "J17", "表三 \"（四）无法提供 1.本机关不掌握相关政府信息\" 行: 总计 填报 0，各类申请人之和为 18（自然人 18）。"),
            Finding.warning("N-SUM", "表三", "J17", "a warning on the same cell as the error"),
            Finding.error("SHAPE", "表四", "", "表四缺少“行政复议”一组。"));

    @Nested
    class OfAnXlsxSubmission {

        @Test
        void listsEveryFindingFirstMarksTheCellsAndLeavesTheUnitsContentAlone(@TempDir Path dir) throws Exception {
            Path original = FormFixtures.submission("D07").override("T3.R4_1.TOTAL", 0).write(dir).file();
            String before = DemoInput.fingerprints(dir).get(original.getFileName().toString());

            Path copy = new AnnotatedCopy().write(new AnnotatedCopy.Request(original, WorkbookFormat.XLSX, "县司法局", 2024,
                    1, original.getFileName().toString(), FINDINGS), dir.resolve("feedback"));

            assertThat(copy.getFileName().toString()).isEqualTo("县司法局-2024年-第1版-校验反馈.xlsx");
            assertThat(DemoInput.fingerprints(dir).get(original.getFileName().toString())).isEqualTo(before);
            try (Workbook annotated = open(copy); Workbook unit = open(original)) {
                assertAnnotated(annotated);
                assertSameContent(unit, annotated);
            }
        }
    }

    @Nested
    class OfAnXlsSubmission {

        @Test
        void annotatesALegacyWorkbookInItsOwnFormat(@TempDir Path dir) throws Exception {
            Path original = dir.resolve("unit.xls");
            try (Workbook xls = new HSSFWorkbook()) {
                for (String name : List.of("表二", "表三", "表四")) {
                    Sheet sheet = xls.createSheet(name);
                    for (int r = 0; r < 30; r++) {
                        Row row = sheet.createRow(r);
                        for (int c = 0; c < 11; c++) {
                            row.createCell(c).setCellValue(r * 100 + c);
                        }
                    }
                }
                try (var out = Files.newOutputStream(original)) {
                    xls.write(out);
                }
            }
            Path copy = new AnnotatedCopy().write(new AnnotatedCopy.Request(original, WorkbookFormat.XLS, "县司法局", 2024,
                    2, "unit.xls", FINDINGS), dir.resolve("feedback"));
            assertThat(copy.getFileName().toString()).isEqualTo("县司法局-2024年-第2版-校验反馈.xls");
            try (Workbook annotated = open(copy); Workbook unit = open(original)) {
                assertAnnotated(annotated);
                assertSameContent(unit, annotated);
            }
        }
    }

    @Test
    void writesTheListAloneWhenTheFileCouldNotBeRead(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("报表.xlsx"), "not a workbook");
        Path copy = new AnnotatedCopy().write(new AnnotatedCopy.Request(broken, null, null, 2024, null, "../../报表.xlsx",
                List.of(Finding.aboutFile("FILE", "文件不是 Excel 文件。"))), dir);
        assertThat(copy.getFileName().toString()).isEqualTo("未识别单位-_/_/报表-校验反馈.xlsx".replace("/", "_"));
        assertThat(copy.getParent()).isEqualTo(dir);
        try (Workbook list = open(copy)) {
            assertThat(list.getNumberOfSheets()).isEqualTo(1);
            assertThat(text(list.getSheetAt(0), 5, 5)).isEqualTo("文件不是 Excel 文件。");
        }
    }

    @Test
    void makesFileNamesSafe() {
        var request = new AnnotatedCopy.Request(Path.of("x"), WorkbookFormat.XLSX, "a:b*c?<d>|\"e", 2024, 3, "x", List.of());
        assertThat(FeedbackFileName.of(request)).isEqualTo("a_b_c__d___e-2024年-第3版-校验反馈.xlsx");
        var traversal = new AnnotatedCopy.Request(Path.of("x"), WorkbookFormat.XLSX, null, 2024, null,
                "..\\..\\etc\\passwd.xlsx", List.of());
        assertThat(FeedbackFileName.of(traversal)).doesNotContain("..").doesNotContain("\\").doesNotContain("/");
        var longName = new AnnotatedCopy.Request(Path.of("x"), WorkbookFormat.XLSX, "县".repeat(300), 2024, 1, "x", List.of());
        assertThat(FeedbackFileName.of(longName).length()).isLessThanOrEqualTo(125);
    }

    private static void assertAnnotated(Workbook annotated) {
        Sheet list = annotated.getSheetAt(0);
        assertThat(list.getSheetName()).isEqualTo("校验结果");
        assertThat(annotated.getActiveSheetIndex()).isZero();
        assertThat(text(list, 1, 0)).contains("错误 2 处，警告 2 处");
        // errors first, then warnings, each in the order found
        assertThat(List.of(text(list, 5, 2), text(list, 6, 2), text(list, 7, 2), text(list, 8, 2)))
                .containsExactly("T3-ROW", "SHAPE", "IMPLICIT-0", "N-SUM");
        assertThat(list.getRow(5).getCell(4).getHyperlink().getAddress()).isEqualTo("'表三'!J17");
        assertThat(list.getRow(6).getCell(4).getHyperlink()).isNull();

        Cell error = cell(annotated, "表三", 16, 9);
        assertThat(error.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
        assertThat(error.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.ROSE.getIndex());
        assertThat(error.getCellComment().getString().getString())
                .contains("[错误 T3-ROW]").contains("[警告 N-SUM] a warning on the same cell as the error");
        Cell warning = cell(annotated, "表二", 4, 1);
        assertThat(warning.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.LIGHT_YELLOW.getIndex());
        assertThat(warning.getCellComment().getAuthor()).isEqualTo("年报汇总");
    }

    /** Every cell of every sheet of the unit's file reads the same in the copy (values and formulas). */
    private static void assertSameContent(Workbook unit, Workbook annotated) {
        DataFormatter formatter = new DataFormatter();
        for (Sheet sheet : unit) {
            Sheet copy = annotated.getSheet(sheet.getSheetName());
            assertThat(copy).isNotNull();
            assertThat(copy.getNumMergedRegions()).isEqualTo(sheet.getNumMergedRegions());
            for (Row row : sheet) {
                for (Cell cell : row) {
                    Cell other = copy.getRow(row.getRowNum()).getCell(cell.getColumnIndex());
                    assertThat(formatter.formatCellValue(other)).as(sheet.getSheetName() + cell.getAddress())
                            .isEqualTo(formatter.formatCellValue(cell));
                    assertThat(other.getCellStyle().getDataFormatString()).isEqualTo(cell.getCellStyle().getDataFormatString());
                }
            }
        }
    }

    private static Cell cell(Workbook workbook, String sheet, int row, int col) {
        return workbook.getSheet(sheet).getRow(row).getCell(col);
    }

    private static String text(Sheet sheet, int row, int col) {
        return new DataFormatter().formatCellValue(sheet.getRow(row).getCell(col));
    }

    private static Workbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return WorkbookFactory.create(in);
        }
    }
}
