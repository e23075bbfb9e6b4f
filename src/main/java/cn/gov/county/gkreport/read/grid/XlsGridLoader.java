package cn.gov.county.gkreport.read.grid;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads an .xls (BIFF8, Excel 97–2003) into a {@link WorkbookGrid} with POI's HSSF, mapping cells
 * exactly as {@link XlsxGridLoader} does so a figure reads the same whichever format a unit saved.
 * The file is opened read-only. Safe for concurrent use.
 */
final class XlsGridLoader {

    private final ReadLimits limits;

    XlsGridLoader(ReadLimits limits) {
        this.limits = limits;
    }

    /** Reads every sheet of an .xls file; the file is never modified. */
    WorkbookGrid load(Path file) throws UnreadableWorkbookException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
             HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), true)) {
            return read(workbook);
        } catch (EncryptedDocumentException e) {
            // a BIFF8 FilePass record with a password other than Excel's built-in default
            throw new UnreadableWorkbookException(UnreadableReason.ENCRYPTED, "password-protected xls: " + e, e);
        } catch (OldExcelFormatException e) {
            throw new UnreadableWorkbookException(UnreadableReason.LEGACY_FORMAT, "pre-BIFF8 xls: " + e, e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableWorkbookException(UnreadableReason.CORRUPT, "xls cannot be read: " + e, e);
        }
    }

    private WorkbookGrid read(HSSFWorkbook workbook) throws UnreadableWorkbookException {
        int cellCount = 0;
        List<SheetGrid> sheets = new ArrayList<>();
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            Sheet sheet = workbook.getSheetAt(s);
            String name = workbook.getSheetName(s);
            List<GridCell> cells = new ArrayList<>();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    GridCell read = toCell(cell);
                    if (read == null) {
                        continue;
                    }
                    if (read.row() >= limits.maxRows()) {
                        throw new UnreadableWorkbookException(UnreadableReason.TOO_LARGE, "sheet '" + name
                                + "' has a cell in row " + (read.row() + 1) + ", limit " + limits.maxRows());
                    }
                    if (read.col() >= limits.maxColumns()) {
                        throw new UnreadableWorkbookException(UnreadableReason.TOO_LARGE, "sheet '" + name
                                + "' has a cell in column " + (read.col() + 1) + ", limit " + limits.maxColumns());
                    }
                    if (++cellCount > limits.maxCells()) {
                        throw new UnreadableWorkbookException(UnreadableReason.TOO_LARGE,
                                "more than " + limits.maxCells() + " cells");
                    }
                    cells.add(read);
                }
            }
            List<CellRange> merged = new ArrayList<>();
            for (CellRangeAddress region : sheet.getMergedRegions()) {
                merged.add(new CellRange(region.getFirstRow(), region.getLastRow(),
                        region.getFirstColumn(), region.getLastColumn()));
            }
            sheets.add(new SheetGrid(name, cells, merged, workbook.isSheetHidden(s) || workbook.isSheetVeryHidden(s)));
        }
        return new WorkbookGrid(WorkbookFormat.XLS, sheets);
    }

    /** The cell as read, or null when it is empty. */
    private static GridCell toCell(Cell cell) {
        int row = cell.getRowIndex();
        int col = cell.getColumnIndex();
        CellType type = cell.getCellType();
        String formula = null;
        if (type == CellType.FORMULA) {
            formula = formulaText(cell);
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case NUMERIC -> new GridCell(row, col, isDate(cell) ? CellKind.DATE : CellKind.NUMBER,
                    number(cell.getNumericCellValue()), formula);
            case STRING -> {
                String text = cell.getStringCellValue();
                // an empty string constant shows as a blank cell, as in the .xlsx path
                yield text.isEmpty() && formula == null ? null : new GridCell(row, col, CellKind.TEXT, text, formula);
            }
            case BOOLEAN -> new GridCell(row, col, CellKind.BOOLEAN, cell.getBooleanCellValue() ? "TRUE" : "FALSE",
                    formula);
            case ERROR -> new GridCell(row, col, CellKind.ERROR, errorText(cell.getErrorCellValue()), formula);
            default -> null;
        };
    }

    private static String formulaText(Cell cell) {
        try {
            return cell.getCellFormula();
        } catch (RuntimeException e) {
            // unrenderable formula tokens (e.g. references to missing external books): keep the value
            return "?";
        }
    }

    /**
     * Date if POI says so, or for the East Asian built-in date formats (ids 27–36, 50–58) that
     * HSSF only knows as "reserved" and that Chinese Excel and WPS use for 年月日 dates.
     */
    private static boolean isDate(Cell cell) {
        if (DateUtil.isCellDateFormatted(cell)) {
            return true;
        }
        CellStyle style = cell.getCellStyle();
        if (style == null) {
            return false;
        }
        String format = style.getDataFormatString();
        return (format == null || format.startsWith("reserved"))
                && DateFormats.isDateFormat(style.getDataFormat() & 0xFFFF, null);
    }

    /** The double's shortest exact decimal text: 6360.31 stays 6360.31, 100.0 becomes 100. */
    private static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalStateException("non-finite number " + value);
        }
        return StoredNumbers.canonical(BigDecimal.valueOf(value));
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR(" + code + ")";
        }
    }
}
