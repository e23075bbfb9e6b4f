package cn.gov.county.gkreport.read;

import static cn.gov.county.gkreport.support.FormFixtures.FORM;
import static cn.gov.county.gkreport.support.FormFixtures.allZeroInputs;
import static cn.gov.county.gkreport.support.FormFixtures.read;
import static cn.gov.county.gkreport.support.FormFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.support.FormFixtures.Written;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template's 说明 sheet: written from the form definition, read back as the unit's explanations. */
class ExplanationReadingTest {

    @TempDir
    Path dir;

    @Test
    void theBlankTemplateHasTheExplanationSheetWithItsHeadersAndNothingInIt() throws Exception {
        Path template = dir.resolve("模板.xlsx");
        new FormFiles(FORM).writeTemplate(template, FormContent.blank(Map.of()));

        try (XSSFWorkbook workbook = new XSSFWorkbook(template.toFile())) {
            Sheet sheet = workbook.getSheet("说明");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getProtect()).isTrue();
            DataFormatter text = new DataFormatter();
            int header = sheet.getLastRowNum() - FORM.explanations().rows();
            assertThat(text.formatCellValue(sheet.getRow(header).getCell(0))).isEqualTo("校验代码");
            assertThat(text.formatCellValue(sheet.getRow(header).getCell(1))).isEqualTo("单元格");
            assertThat(text.formatCellValue(sheet.getRow(header).getCell(2))).isEqualTo("说明");
            assertThat(sheet.getRow(header + 1).getCell(2).getCellStyle().getLocked()).isFalse();
            assertThat(text.formatCellValue(sheet.getRow(1).getCell(0))).contains("不必修改数字");
        }
        assertThat(read(template).explanations()).isEmpty();
    }

    @Test
    void readsEachFilledRowWithItsCodeAndCell() {
        Written file = submission("T09").inputs(allZeroInputs())
                .explain("zero-all", "", "本镇 2024 年确实没有收到政府信息公开申请。")
                .explain("X-YOY", "$j$5", "今年新设了便民窗口，申请明显增多。")
                .explain("X-SAME", "", "")                     // no text: nothing to store
                .explain("", "", "没有代码的说明")                // no code: cannot be matched
                .write(dir);

        assertThat(file.content().explanations()).containsExactly(
                new Explanation("ZERO-ALL", "", "本镇 2024 年确实没有收到政府信息公开申请。"),
                new Explanation("X-YOY", "J5", "今年新设了便民窗口，申请明显增多。"));
    }

    @Test
    void cutsAnOverlongExplanation() {
        Written file = submission("T09").inputs(allZeroInputs()).explain("ZERO-ALL", "", "无".repeat(1500)).write(dir);

        assertThat(file.content().explanations()).singleElement()
                .satisfies(e -> assertThat(e.text()).hasSize(Explanation.MAX_TEXT));
    }

    @Test
    void readsAWorkbookWithoutTheSheetAsBefore() {
        // filled copies made like an older template's: no 说明 sheet
        Written file = submission("D01").write(dir);

        SubmissionContent content = file.content();

        assertThat(content.explanations()).isEmpty();
        assertThat(content.problems()).isEmpty();
        assertThat(content.figures().get("T2.LICENSE.DECISIONS").value()).isEqualByComparingTo("412");
    }
}
