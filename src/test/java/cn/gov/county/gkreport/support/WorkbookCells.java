package cn.gov.county.gkreport.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * run's own time) and 汇总表's 本次变化 line (what this run says against the one before) left out.
     */
    public static Map<String, List<String>> texts(Path file) throws Exception {
        return texts(file, List.of());
    }

    /**
     * The same without the columns headed (in a sheet's first row) by one of {@code ignoredColumns},
     * e.g. 接收时间 when two runs received the same files at different times.
     */
    public static Map<String, List<String>> texts(Path file, List<String> ignoredColumns) throws Exception {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        DataFormatter formatter = new DataFormatter();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
            for (Sheet sheet : workbook) {
                List<String> cells = new ArrayList<>();
                Set<Integer> ignored = new HashSet<>();
                Row header = sheet.getRow(0);
                if (header != null) {
                    header.forEach(c -> {
                        if (ignoredColumns.contains(formatter.formatCellValue(c))) {
                            ignored.add(c.getColumnIndex());
                        }
                    });
                }
                for (Row row : sheet) {
                    String label = formatter.formatCellValue(row.getCell(0));
                    if (label.equals("汇总时间") || label.equals("填报日期") || label.equals("本次变化")) {
                        continue;
                    }
                    row.forEach(cell -> {
                        if (!ignored.contains(cell.getColumnIndex())) {
                            cells.add(cell.getAddress() + "=" + formatter.formatCellValue(cell));
                        }
                    });
                }
                texts.put(sheet.getSheetName(), cells);
            }
        }
        return texts;
    }
}
