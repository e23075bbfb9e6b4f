package cn.gov.county.gkreport.feedback;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import cn.gov.county.gkreport.check.Severity;
import cn.gov.county.gkreport.form.CellRef;

/**
 * One StAX pass over a unit's sheet that marks cells: each marked cell gets a format derived from
 * its own ({@link StylePatch#marked}); a marked cell or row the file does not have is created; the
 * sheet gets a {@code <legacyDrawing>} for the comments' shapes in its place in the schema's order;
 * and the tab is no longer selected (the list sheet is). Everything else is copied as it was.
 * Rows or cells out of order cannot be patched in one pass: the marker throws, and the copy is
 * then written with POI.
 */
final class SheetMarker {

    /** Worksheet children that come after {@code legacyDrawing} in the schema. */
    private static final Set<String> AFTER_LEGACY_DRAWING = Set.of("legacyDrawingHF", "drawingHF", "picture",
            "oleObjects", "controls", "webPublishItems", "tableParts", "extLst");
    private static final Pattern MERGE_CELL = Pattern.compile("<(?:[\\w.-]+:)?mergeCell\\b[^>]*?\\bref=\"([^\"]+)\"");
    private static final Pattern LEGACY_DRAWING = Pattern.compile("<(?:[\\w.-]+:)?legacyDrawing[\\s/>]");
    private static final Pattern TAB_SELECTED = Pattern.compile("\\btabSelected=\"(?:1|true)\"");

    private final byte[] sheet;
    private final StylePatch styles;
    /** Marks by row, then column (zero-based). */
    private final TreeMap<Integer, TreeMap<Integer, Severity>> marks = new TreeMap<>();
    private final String legacyDrawingId;
    private final List<int[]> columnStyles = new ArrayList<>();

    private XmlCopy xml;
    private TreeMap<Integer, Severity> rowMarks;
    private int rowStyle;

    /**
     * @param legacyDrawingId the sheet's relationship to the comments' VML drawing, {@code null} when nothing is marked
     */
    SheetMarker(byte[] sheet, Map<CellRef, Severity> cells, StylePatch styles, String legacyDrawingId) {
        this.sheet = sheet;
        this.styles = styles;
        this.legacyDrawingId = legacyDrawingId;
        cells.forEach((at, severity) -> marks.computeIfAbsent(at.row(), r -> new TreeMap<>()).put(at.col(), severity));
    }

    /** The merged areas of a sheet as {first row, first column, last row, last column}. */
    static List<int[]> mergedRegions(byte[] sheet) {
        List<int[]> regions = new ArrayList<>();
        // mergeCells comes after sheetData in a worksheet: only that tail is decoded and searched
        int tail = tailStart(sheet);
        Matcher m = MERGE_CELL.matcher(new String(sheet, tail, sheet.length - tail, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            String[] ends = m.group(1).split(":");
            CellRef first = CellRef.parseOrNull(ends[0]);
            CellRef last = ends.length == 2 ? CellRef.parseOrNull(ends[1]) : first;
            if (first != null && last != null) {
                regions.add(new int[] {first.row(), first.col(), last.row(), last.col()});
            }
        }
        return regions;
    }

    /** Whether the sheet already draws shapes for comments (then POI, which merges them, writes the copy). */
    static boolean hasLegacyDrawing(byte[] sheet) {
        int tail = tailStart(sheet);
        return LEGACY_DRAWING.matcher(new String(sheet, tail, sheet.length - tail, StandardCharsets.ISO_8859_1)).find();
    }

    /** Whether the sheet's tab is selected (then it must be unselected: only the list sheet is). */
    static boolean isTabSelected(byte[] sheet) {
        // sheetViews comes before sheetData in a worksheet: only that head is decoded and searched
        return TAB_SELECTED.matcher(new String(sheet, 0, headLength(sheet), StandardCharsets.ISO_8859_1)).find();
    }

    private static final byte[] SHEET_DATA = "sheetData".getBytes(StandardCharsets.ISO_8859_1);

    /** The length of the part before the first sheetData tag (the whole sheet when it has none). */
    private static int headLength(byte[] sheet) {
        for (int i = 1; i <= sheet.length - SHEET_DATA.length; i++) {
            if (isSheetDataTag(sheet, i)) {
                return i;
            }
        }
        return sheet.length;
    }

    /** Where the last sheetData tag's name starts (0 when the sheet has none): what follows the cells. */
    private static int tailStart(byte[] sheet) {
        for (int i = sheet.length - SHEET_DATA.length; i >= 1; i--) {
            if (isSheetDataTag(sheet, i)) {
                return i;
            }
        }
        return 0;
    }

    /**
     * Whether the name at {@code i} is a sheetData tag, not text or a value of that name: right after
     * {@code <} or {@code </}, or after a prefix that follows one ({@code </x:sheetData>}). A code name
     * {@code "sheetData"} before the views, or a footer after the merges saying "x:sheetData", is not.
     */
    private static boolean isSheetDataTag(byte[] sheet, int i) {
        for (int j = 0; j < SHEET_DATA.length; j++) {
            if (sheet[i + j] != SHEET_DATA[j]) {
                return false;
            }
        }
        int k = i - 1;
        if (sheet[k] == ':') {
            while (k > 0 && isNameByte(sheet[k - 1])) {
                k--;
            }
            k--; // the byte before the prefix
            if (k < 0) {
                return false;
            }
        }
        return sheet[k] == '<' || sheet[k] == '/' && k > 0 && sheet[k - 1] == '<';
    }

    private static boolean isNameByte(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-' || b == '.';
    }

    /** The sheet with its marks. */
    byte[] marked() throws XMLStreamException {
        xml = new XmlCopy(sheet);
        boolean legacyWritten = legacyDrawingId == null;
        boolean inSheetData = false;
        boolean inCols = false;
        int depth = 0;
        int row = -1;
        int col = -1;
        for (int e = xml.next(); e != -1; e = xml.next()) {
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.in.getLocalName();
                if (depth == 2 && !legacyWritten && AFTER_LEGACY_DRAWING.contains(name)) {
                    writeLegacyDrawing();
                    legacyWritten = true;
                }
                if (depth == 2) {
                    inSheetData = "sheetData".equals(name);
                    inCols = "cols".equals(name);
                } else if (depth == 3 && inCols && "col".equals(name)) {
                    columnStyle();
                } else if (depth == 3 && "sheetView".equals(name)) {
                    xml.copyStart(List.of("tabSelected"));
                    continue;
                } else if (depth == 3 && inSheetData && "row".equals(name)) {
                    String r = xml.attribute("r");
                    int index = r == null ? row + 1 : Integer.parseInt(r.trim()) - 1;
                    if (index <= row) {
                        throw new XMLStreamException("rows out of order at row " + (index + 1));
                    }
                    createRowsBefore(index);
                    row = index;
                    col = -1;
                    startRow(index);
                    continue;
                } else if (depth == 4 && inSheetData && "c".equals(name)) {
                    String r = xml.attribute("r");
                    CellRef at = r == null ? null : CellRef.parseOrNull(r.trim());
                    int index = r == null ? col + 1 : at == null ? -1 : at.col();
                    if (index <= col) {
                        throw new XMLStreamException("cells out of order in row " + (row + 1));
                    }
                    createCellsBefore(row, index);
                    col = index;
                    Severity severity = rowMarks == null ? null : rowMarks.remove(index);
                    if (severity != null) {
                        xml.copyStart(List.of("s"));
                        xml.out.writeAttribute("s", Integer.toString(styles.marked(intOr(xml.attribute("s"), 0), severity)));
                        continue;
                    }
                }
                xml.copy();
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                if (depth == 3 && inSheetData && "row".equals(xml.in.getLocalName())) {
                    createCellsBefore(row, Integer.MAX_VALUE);
                    rowMarks = null;
                } else if (depth == 2 && inSheetData) {
                    createRowsBefore(Integer.MAX_VALUE);
                } else if (depth == 1 && !legacyWritten) {
                    writeLegacyDrawing();
                    legacyWritten = true;
                }
                xml.copy();
                depth--;
            } else {
                xml.copy();
            }
        }
        return xml.finish();
    }

    /** A row of the file: marks on it are applied as its cells pass; {@code spans} is dropped if cells may be added. */
    private void startRow(int index) throws XMLStreamException {
        rowMarks = marks.remove(index);
        boolean formatted = "1".equals(xml.attribute("customFormat")) || "true".equals(xml.attribute("customFormat"));
        rowStyle = formatted ? intOr(xml.attribute("s"), -1) : -1;
        if (rowMarks == null) {
            xml.copy();
        } else {
            xml.copyStart(List.of("spans"));
        }
    }

    /** Marked rows the file does not have, before row {@code index}. */
    private void createRowsBefore(int index) throws XMLStreamException {
        while (!marks.isEmpty() && marks.firstKey() < index) {
            Map.Entry<Integer, TreeMap<Integer, Severity>> next = marks.pollFirstEntry();
            xml.startLike("row");
            xml.out.writeAttribute("r", Integer.toString(next.getKey() + 1));
            rowMarks = next.getValue();
            rowStyle = -1;
            createCellsBefore(next.getKey(), Integer.MAX_VALUE);
            xml.out.writeEndElement();
            rowMarks = null;
        }
    }

    /**
     * Marked cells the row does not have, before column {@code index}: a cell absent from the file
     * shows its row's format, else its column's; the mark keeps that one.
     */
    private void createCellsBefore(int row, int index) throws XMLStreamException {
        while (rowMarks != null && !rowMarks.isEmpty() && rowMarks.firstKey() < index) {
            Map.Entry<Integer, Severity> cell = rowMarks.pollFirstEntry();
            int base = rowStyle >= 0 ? rowStyle : styleOfColumn(cell.getKey());
            xml.out.writeEmptyElement(prefix(), "c", XmlCopy.MAIN_NS);
            xml.out.writeAttribute("r", new CellRef(row, cell.getKey()).a1());
            xml.out.writeAttribute("s", Integer.toString(styles.marked(base, cell.getValue())));
        }
    }

    private void columnStyle() {
        String style = xml.attribute("style");
        if (style != null) {
            columnStyles.add(new int[] {intOr(xml.attribute("min"), 0) - 1, intOr(xml.attribute("max"), 0) - 1, intOr(style, 0)});
        }
    }

    private int styleOfColumn(int col) {
        for (int[] c : columnStyles) {
            if (col >= c[0] && col <= c[1]) {
                return c[2];
            }
        }
        return 0;
    }

    private void writeLegacyDrawing() throws XMLStreamException {
        xml.out.writeEmptyElement(prefix(), "legacyDrawing", XmlCopy.MAIN_NS);
        if (!XmlCopy.REL_NS.equals(xml.in.getNamespaceContext().getNamespaceURI("r"))) {
            xml.out.writeNamespace("r", XmlCopy.REL_NS);
        }
        xml.out.writeAttribute("r", XmlCopy.REL_NS, "id", legacyDrawingId);
    }

    /** The prefix of the main namespace where the reader is (empty when it is the default namespace). */
    private String prefix() {
        String p = xml.in.getNamespaceContext().getPrefix(XmlCopy.MAIN_NS);
        return p == null ? "" : p;
    }

    private static int intOr(String value, int otherwise) {
        try {
            return value == null ? otherwise : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
