package cn.gov.county.gkreport.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A written workbook as a reader sees it, cell by cell: to compare two runs' outputs. */
public final class WorkbookCells {

    private WorkbookCells() {
    }

    /**
     * Every cell's shown text by sheet, as {@code A1=text}; the rows of 汇总时间 and 填报日期 (the
     * run's own time) left out.
     */
    public static Map<String, List<String>> texts(Path file) throws Exception {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        DataFormatter formatter = new DataFormatter();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
            for (Sheet sheet : workbook) {
                List<String> cells = new ArrayList<>();
                for (Row row : sheet) {
                    String label = formatter.formatCellValue(row.getCell(0));
                    if (label.equals("汇总时间") || label.equals("填报日期")) {
                        continue;
                    }
                    row.forEach(cell -> cells.add(cell.getAddress() + "=" + formatter.formatCellValue(cell)));
                }
                texts.put(sheet.getSheetName(), cells);
            }
        }
        return texts;
    }
}
