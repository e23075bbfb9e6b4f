package cn.gov.county.gkreport.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import cn.gov.county.gkreport.demo.ToolCommands;
import cn.gov.county.gkreport.read.FigureCell;
import cn.gov.county.gkreport.read.SubmissionContent;
import cn.gov.county.gkreport.read.SubmissionReader;
import cn.gov.county.gkreport.read.grid.WorkbookLoader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blank standard template: generated from the definition, committed, and readable by the product. */
class TemplateTest {

    private final FormDefinition form = FormDefinitionLoader.loadCurrent();

    @Test
    void theCommittedTemplateIsTheFormWithNothingFilledIn() throws Exception {
        Path committed = Path.of("templates", ToolCommands.templateFileName(2024));
        SubmissionContent content = new SubmissionReader(form, new WorkbookLoader(), "模板").read(committed);
        assertThat(content.problems()).isEmpty();
        assertThat(content.figures()).hasSize(form.items().size());
        assertThat(content.coverValue(CoverField.FORM_VERSION)).isEqualTo("gb-2021");
        assertThat(content.coverValue(CoverField.YEAR)).isEqualTo("2024");
        assertThat(content.figures().values()).filteredOn(f -> !form.item(f.code()).derived())
                .allSatisfy(f -> assertThat(f.reading()).isEqualTo(FigureCell.Reading.IMPLICIT_ZERO));
    }

    @Test
    void locksLabelsUnlocksInputsValidatesThemAndComputesTotals(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("template.xlsx");
        Map<String, SheetCell> positions = new FormFiles(form).write(file, FormContent.blank(Map.of()));
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
            assertThat(workbook.getSheet("表三").getProtect()).isTrue();
            Cell input = cell(workbook, positions.get("T3.R4_1.NAT"));
            Cell total = cell(workbook, positions.get("T3.R4_1.TOTAL"));
            assertThat(input.getCellStyle().getLocked()).isFalse();
            assertThat(total.getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(total.getCellFormula()).isEqualTo("SUM(D17,E17,F17,G17,H17,I17)");
            assertThat(total.getCellStyle().getLocked()).isTrue();
            XSSFSheet t3 = workbook.getSheet("表三");
            assertThat(t3.getRow(1).getCell(0).getStringCellValue()).isEqualTo(form.table3().corner());
            assertThat(t3.getRow(1).getCell(0).getCellStyle().getLocked()).isTrue();
            assertThat(t3.getDataValidations()).isNotEmpty();
            assertThat(workbook.getSheet("表二").getDataValidations()).hasSize(2);
            assertThat(workbook.getSheet("封面").getRow(0).getCell(0).getStringCellValue()).isEqualTo("政府信息公开工作年度报告");
        }
        assertThat(Files.size(file)).isLessThan(100_000);
    }

    private static Cell cell(XSSFWorkbook workbook, SheetCell at) {
        return workbook.getSheet(at.sheet()).getRow(at.cell().row()).getCell(at.cell().col());
    }
}
