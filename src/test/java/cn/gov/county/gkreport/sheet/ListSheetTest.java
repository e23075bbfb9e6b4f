package cn.gov.county.gkreport.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A list longer than a sheet holds goes on in continuation sheets, each with its header and filter. */
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
}
