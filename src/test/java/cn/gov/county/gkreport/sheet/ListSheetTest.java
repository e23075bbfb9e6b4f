package cn.gov.county.gkreport.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A list longer than a sheet holds goes on in continuation sheets, each with its header and filter;
 * a list under lines of text keeps them above its header.
 */
class ListSheetTest {

    @Test
    void continuesOnANewSheetWithTheHeaderWhenASheetIsFull() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            ListSheet list = new ListSheet(workbook, "数据溯源", new String[] {"项目代码", "数值"}, new int[] {10, 10},
                    workbook.createCellStyle(), "某县 — 数据溯源", 3);
            for (int i = 1; i <= 5; i++) {
                list.newRow().createCell(0).setCellValue("row " + i);
            }
            list.finish();

            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetName(1)).isEqualTo("数据溯源（续2）");
            assertThat(workbook.getSheetName(2)).isEqualTo("数据溯源（续3）");
            for (Sheet sheet : workbook) {
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("项目代码");
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                assertThat(sheet.getLastRowNum()).isLessThanOrEqualTo(2);
            }
            assertThat(workbook.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("row 2");
            assertThat(workbook.getSheetAt(1).getRow(1).getCell(0).getStringCellValue()).isEqualTo("row 3");
            assertThat(workbook.getSheetAt(2).getRow(1).getCell(0).getStringCellValue()).isEqualTo("row 5");
            assertThat(workbook.getSheetAt(2).getHeader().getCenter()).isEqualTo("某县 — 数据溯源（续3）");
        }
    }

    @Test
    void aListThatFitsStaysOnOneSheet() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            ListSheet list = new ListSheet(workbook, "校验问题", new String[] {"单位代码"}, new int[] {8},
                    workbook.createCellStyle(), "t");
            list.newRow();
            list.finish();
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            assertThat(ListSheet.EXCEL_ROWS).isEqualTo(1_048_576);
        }
    }

    @Test
    void linesAboveTheHeaderAreMergedOverTheTableAndFrozenWithIt() throws Exception {
        for (Workbook workbook : List.of(new XSSFWorkbook(), new HSSFWorkbook())) {
            try (workbook) {
                ListSheet list = ListSheet.underLines(workbook, "校验结果", List.of(
                                new ListSheet.Line("某单位 校验结果", workbook.createCellStyle(), 20f, 1.3),
                                new ListSheet.Line("说明".repeat(15), workbook.createCellStyle(), 15f, 1)),
                        new String[] {"序号", "说明"}, new int[] {6, 20}, workbook.createCellStyle());
                list.newRow().createCell(0).setCellValue(1);
                list.finish();

                Sheet sheet = workbook.getSheet("校验结果");
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("某单位 校验结果");
                assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("序号");
                assertThat(sheet.getRow(3).getCell(0).getNumericCellValue()).isEqualTo(1);
                assertThat(sheet.getMergedRegions()).containsExactly(CellRangeAddress.valueOf("A1:B1"),
                        CellRangeAddress.valueOf("A2:B2"));
                // 30 Chinese characters are 60 units, over 26 - 2 units a line: three lines of 15 pt
                assertThat(sheet.getRow(1).getHeightInPoints()).isEqualTo(3 * 15f + 2f);
                assertThat(sheet.getRow(0).getHeightInPoints()).isEqualTo(20f + 2f);
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
                assertThat(sheet.getRepeatingRows()).isEqualTo(new CellRangeAddress(2, 2, -1, -1));
                assertThat(sheet.getHeader().getCenter()).isEmpty();
                assertThat(sheet.getAutobreaks()).isTrue();
                assertThat(sheet.getFitToPage()).isTrue();
            }
        }
    }
}
