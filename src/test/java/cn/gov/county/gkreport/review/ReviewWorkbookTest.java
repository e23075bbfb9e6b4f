package cn.gov.county.gkreport.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.review.ReviewWorkbook.Column;
import cn.gov.county.gkreport.review.ReviewWorkbook.Line;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/** The review workbook as the file grows over the nights: the 审核决定 drop-downs, the 系统处理结果 cells. */
class ReviewWorkbookTest {

    @TempDir
    Path dir;

    @Test
    void rowsAppendedBeyondTheDropDownsGetTheirOwnWithoutOverlappingThem() throws Exception {
        Path file = dir.resolve("review-2024.xlsx");
        ReviewWorkbook.write(file, "审核表", List.of(line("T01", 1)));
        assertThat(decisionLists(file)).containsExactly("1-1000");

        // the reviewer's rows reach past row 1 000 (zero-based 1 000 and beyond)
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(ReviewWorkbook.VERSIONS);
            for (int r = 2; r <= 1003; r++) {
                sheet.createRow(r).createCell(0).setCellValue("备忘" + r);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        ReviewWorkbook.write(file, "审核表", List.of(line("T02", 1)));
        assertThat(decisionLists(file)).containsExactly("1-1000", "1004-1505");

        // a night that appends within the lists adds none
        ReviewWorkbook.write(file, "审核表", List.of(line("T03", 1)));
        assertThat(decisionLists(file)).containsExactly("1-1000", "1004-1505");
    }

    @Test
    void anOutcomeCellAnotherProgramSavedAsAnInlineStringGetsTheNightsOutcome() throws Exception {
        Path file = dir.resolve("review-2024.xlsx");
        ReviewWorkbook.write(file, "审核表", List.of(line("T01", 1)));
        int outcome = ReviewWorkbook.VERSION_COLUMNS.indexOf(Column.OUTCOME);
        // as a script or another spreadsheet program may save it: the text inline in the cell, not shared
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFCell cell = workbook.getSheet(ReviewWorkbook.VERSIONS).getRow(1).getCell(outcome);
            CTCell ct = cell.getCTCell();
            ct.unsetV();
            ct.setT(STCellType.INLINE_STR);
            ct.addNewIs().setT("待审核");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        List<Line> read = ReviewWorkbook.read(file);
        assertThat(read).hasSize(1);
        Map<Column, String> cells = new EnumMap<>(read.get(0).cells());
        cells.put(Column.OUTCOME, "已生效：通过");
        ReviewWorkbook.write(file, "审核表", List.of(new Line(Decision.Target.VERSION, read.get(0).rowNumber(), cells)));

        assertThat(ReviewWorkbook.read(file)).singleElement()
                .satisfies(line -> assertThat(line.get(Column.OUTCOME)).isEqualTo("已生效：通过"));
    }

    private static Line line(String unit, int version) {
        Map<Column, String> cells = new EnumMap<>(Column.class);
        cells.put(Column.UNIT_CODE, unit);
        cells.put(Column.VERSION, Integer.toString(version));
        cells.put(Column.OUTCOME, "待审核");
        return new Line(Decision.Target.VERSION, 0, cells);
    }

    /** The row ranges (zero-based) of the lists on 单位审核's 审核决定 column. */
    private static List<String> decisionLists(Path file) throws Exception {
        List<String> ranges = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(ReviewWorkbook.VERSIONS);
            int column = ReviewWorkbook.VERSION_COLUMNS.indexOf(Column.DECISION);
            for (DataValidation validation : sheet.getDataValidations()) {
                for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
                    if (range.getFirstColumn() == column) {
                        ranges.add(range.getFirstRow() + "-" + range.getLastRow());
                    }
                }
            }
        }
        ranges.sort(null);
        return ranges;
    }
}
