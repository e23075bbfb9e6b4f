package cn.gov.county.gkreport.feedback;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.Severity;

import org.apache.poi.hssf.usermodel.HSSFPalette;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hssf.util.HSSFColor;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * How the feedback copy shows a finding's severity, on the list and on the unit's cells alike: a
 * warning in yellow, anything else as an error in red.
 */
final class SeverityMark {

    /** ROSE and LIGHT_YELLOW of the standard palette: light enough that black text stays readable. */
    private static final byte[] ERROR_RGB = {(byte) 0xFF, (byte) 0x99, (byte) 0xCC};
    private static final byte[] WARNING_RGB = {(byte) 0xFF, (byte) 0xFF, (byte) 0x99};

    private SeverityMark() {
    }

    /** {@link Severity#WARNING} for a warning, {@link Severity#ERROR} for anything else. */
    static Severity of(Finding finding) {
        return finding.severity() == Severity.WARNING ? Severity.WARNING : Severity.ERROR;
    }

    /** The severity's colour as OOXML writes it: opaque ARGB in hex, e.g. {@code FFFF99CC}. */
    static String argb(Severity severity) {
        return "FF" + java.util.HexFormat.of().withUpperCase().formatHex(severity == Severity.ERROR ? ERROR_RGB : WARNING_RGB);
    }

    /**
     * A solid fill in the severity's colour. In an .xlsx the colour is given as RGB, so a custom
     * palette cannot change it; an .xls can only name a palette entry, so take the entry nearest to
     * it rather than redefine one the unit's own cells may use.
     */
    static void fill(Workbook workbook, CellStyle style, Severity severity) {
        byte[] rgb = severity == Severity.ERROR ? ERROR_RGB : WARNING_RGB;
        if (style instanceof XSSFCellStyle xssf) {
            xssf.setFillForegroundColor(new XSSFColor(rgb, null));
        } else {
            HSSFPalette palette = ((HSSFWorkbook) workbook).getCustomPalette();
            HSSFColor color = palette.findColor(rgb[0], rgb[1], rgb[2]);
            if (color == null) {
                color = palette.findSimilarColor(rgb[0], rgb[1], rgb[2]);
            }
            style.setFillForegroundColor(color.getIndex());
        }
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
}
