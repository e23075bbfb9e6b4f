package cn.gov.county.gkreport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link ConsolidatedWorkbook} relies on when it writes the per-unit sheet on another thread:
 * SXSSF streams each sheet to its own file, so rows of one sheet can be added (and flushed past the
 * row window) while this thread adds rows to other sheets and creates new ones. Written well past
 * the window on both threads, then every cell is read back.
 */
class ConcurrentSheetWritingTest {

    private static final int ROWS = 5_000;

    @Test
    void rowsOfOneSheetCanBeWrittenWhileAnotherThreadWritesAndCreatesOtherSheets(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("concurrent.xlsx");
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, false, false)) {
            CellStyle style = workbook.createCellStyle();
            Sheet background = workbook.createSheet("分单位明细");
            CompletableFuture<Void> rows = CompletableFuture.runAsync(() -> fill(background, "bg", style), other);
            for (int s = 1; s <= 3; s++) {
                fill(workbook.createSheet("列表" + s), "fg" + s, style);
            }
            rows.join();
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        } finally {
            other.shutdownNow();
        }

        try (InputStream in = Files.newInputStream(file); XSSFWorkbook read = new XSSFWorkbook(in)) {
            assertThat(read.getNumberOfSheets()).isEqualTo(4);
            check(read.getSheet("分单位明细"), "bg");
            for (int s = 1; s <= 3; s++) {
                check(read.getSheet("列表" + s), "fg" + s);
            }
        }
    }

    private static void fill(Sheet sheet, String tag, CellStyle style) {
        for (int r = 0; r < ROWS; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < 8; c++) {
                if (c % 2 == 0) {
                    row.createCell(c).setCellValue(tag + "-" + r + "-" + c);
                } else {
                    row.createCell(c).setCellValue(r * 10 + c);
                }
                row.getCell(c).setCellStyle(style);
            }
        }
    }

    private static void check(Sheet sheet, String tag) {
        assertThat(sheet.getLastRowNum()).isEqualTo(ROWS - 1);
        for (int r = 0; r < ROWS; r++) {
            Row row = sheet.getRow(r);
            for (int c = 0; c < 8; c++) {
                if (c % 2 == 0) {
                    assertThat(row.getCell(c).getStringCellValue()).isEqualTo(tag + "-" + r + "-" + c);
                } else {
                    assertThat(row.getCell(c).getNumericCellValue()).isEqualTo(r * 10 + c);
                }
            }
        }
    }
}
