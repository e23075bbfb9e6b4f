package cn.gov.county.gkreport.read.grid;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import cn.gov.county.gkreport.form.CellRef;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * One worksheet part, read as a state machine over its SAX events: its non-empty cells (value,
 * kind, formula) and merged regions, each bounded by {@link ReadLimits}.
 */
final class SheetHandler extends SafeHandler {
    final List<GridCell> cells = new ArrayList<>();
    final List<CellRange> merged = new ArrayList<>();

    private final String sheet;
    private final List<String> sharedStrings;
    private final BitSet dateStyles;
    private final ReadLimits limits;
    private int cellCount;
    private int mergeCount;

    private boolean inSheetData;
    private int row = -1;
    private int col = -1;

    // the cell being read
    private boolean inCell;
    private int cellRow;
    private int cellCol;
    private String type;
    /** The s attribute as written; parsed only for a number, the one kind whose style matters. */
    private String styleText;
    private boolean hasValue;
    private boolean hasFormula;
    private boolean hasInline;
    private String formulaType;
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder formula = new StringBuilder();
    private final StringBuilder inline = new StringBuilder();
    /** Depth of elements open inside the cell (0: directly in {@code <c>}); {@code <is>}'s depth, or -1. */
    private int depth;
    private int inlineDepth;
    private StringBuilder capture;
    private int phoneticDepth;

    /**
     * @param cellsBefore  non-empty cells read from the workbook's earlier sheets (the cell limit is per workbook)
     * @param mergesBefore merged regions read from the workbook's earlier sheets
     */
    SheetHandler(String sheet, List<String> sharedStrings, BitSet dateStyles, ReadLimits limits, int cellsBefore,
                 int mergesBefore) {
        this.sheet = sheet;
        this.sharedStrings = sharedStrings;
        this.dateStyles = dateStyles;
        this.limits = limits;
        this.cellCount = cellsBefore;
        this.mergeCount = mergesBefore;
    }

    int cellCount() {
        return cellCount;
    }

    int mergeCount() {
        return mergeCount;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (inCell) {
            startInCell(localName, atts);
            return;
        }
        switch (localName) {
            case "sheetData" -> inSheetData = true;
            case "row" -> {
                if (inSheetData) {
                    String r = attribute(atts, "r");
                    // rows without r follow the previous row
                    row = r == null ? row + 1 : rowNumber(r) - 1;
                    col = -1;
                }
            }
            case "c" -> {
                if (inSheetData) {
                    startCell(atts);
                }
            }
            case "mergeCell" -> {
                String ref = attribute(atts, "ref");
                if (ref != null) {
                    if (++mergeCount > limits.maxCells()) {
                        throw new StopParsing(UnreadableWorkbookException.tooLarge("more than " + limits.maxCells() + " merged regions"));
                    }
                    merged.add(range(ref));
                }
            }
            default -> {
            }
        }
    }

    private void startCell(Attributes atts) throws StopParsing {
        // one pass over the attributes: this runs for every cell, styled empty ones included
        String r = null;
        String t = null;
        String s = null;
        for (int i = 0, n = atts.getLength(); i < n; i++) {
            if (!atts.getURI(i).isEmpty()) {
                continue;
            }
            switch (atts.getLocalName(i)) {
                case "r" -> r = atts.getValue(i);
                case "t" -> t = atts.getValue(i);
                case "s" -> s = atts.getValue(i);
                default -> {
                }
            }
        }
        if (r == null) {
            // cells without r follow the previous cell of the row
            cellRow = Math.max(row, 0);
            cellCol = col + 1;
        } else {
            CellRef at = cellPosition(r);
            cellRow = at.row();
            cellCol = at.col();
        }
        if (cellCol >= CellRef.MAX_COLUMNS) {
            throw new StopParsing(UnreadableWorkbookException.corrupt("column beyond XFD in sheet '" + sheet + "'"));
        }
        col = cellCol;
        inCell = true;
        type = t;
        styleText = s;
        hasValue = false;
        hasFormula = false;
        hasInline = false;
        formulaType = null;
        value.setLength(0);
        formula.setLength(0);
        inline.setLength(0);
        depth = 0;
        inlineDepth = -1;
        capture = null;
        phoneticDepth = 0;
    }

    private void startInCell(String localName, Attributes atts) {
        if (depth++ == 0) {
            switch (localName) {
                case "v" -> {
                    hasValue = true;
                    capture = value;
                }
                case "f" -> {
                    hasFormula = true;
                    formulaType = attribute(atts, "t");
                    capture = formula;
                }
                case "is" -> {
                    hasInline = true;
                    inlineDepth = 1;
                }
                default -> {
                }
            }
        } else if ("rPh".equals(localName)) {
            phoneticDepth++;
        } else if ("t".equals(localName) && inlineDepth > 0 && phoneticDepth == 0) {
            capture = inline;
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (inCell) {
            if (depth == 0) {
                // the </c> itself
                inCell = false;
                finishCell();
                return;
            }
            if (--depth < inlineDepth) {
                inlineDepth = -1;
            }
            if ("rPh".equals(localName)) {
                phoneticDepth--;
            }
            capture = null;
            return;
        }
        if ("sheetData".equals(localName)) {
            inSheetData = false;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (capture != null) {
            capture.append(ch, start, length);
        }
    }

    private void finishCell() throws StopParsing {
        GridCell cell = toCell();
        if (cell == null) {
            return;
        }
        // Checked per filled cell, so a million-row sheet stops at the first row past the limit.
        if (cellRow >= limits.maxRows()) {
            throw new StopParsing(UnreadableWorkbookException.tooLarge("sheet '" + sheet + "' has a cell in row " + (cellRow + 1)
                    + ", limit " + limits.maxRows()));
        }
        if (cell.col() >= limits.maxColumns()) {
            throw new StopParsing(UnreadableWorkbookException.tooLarge("sheet '" + sheet + "' has a cell in column " + (cell.col() + 1)
                    + ", limit " + limits.maxColumns()));
        }
        if (++cellCount > limits.maxCells()) {
            throw new StopParsing(UnreadableWorkbookException.tooLarge("more than " + limits.maxCells() + " cells"));
        }
        cells.add(cell);
    }

    /** The cell as read, or null when it is empty. */
    private GridCell toCell() throws StopParsing {
        String f = hasFormula ? formulaText() : null;
        String v = value.toString();
        String t = type == null ? "n" : type;
        switch (t) {
            case "s" -> {
                if (!hasValue || v.isBlank()) {
                    return withoutValue(f);
                }
                int index = parseIndex(v.trim());
                if (index < 0 || index >= sharedStrings.size()) {
                    throw new StopParsing(UnreadableWorkbookException.corrupt("shared string index " + v + " out of range in "
                            + where()));
                }
                return text(sharedStrings.get(index), f);
            }
            case "inlineStr" -> {
                if (hasInline) {
                    return text(OoxmlEscapes.decode(inline.toString()), f);
                }
                return hasValue ? text(OoxmlEscapes.decode(v), f) : withoutValue(f);
            }
            case "str" -> {
                // an empty cached string is still a value: the formula's result is ""
                return hasValue ? text(OoxmlEscapes.decode(v), f) : withoutValue(f);
            }
            case "b" -> {
                if (!hasValue || v.isBlank()) {
                    return withoutValue(f);
                }
                String b = v.trim();
                String bool = "1".equals(b) || "true".equalsIgnoreCase(b) ? "TRUE"
                        : "0".equals(b) || "false".equalsIgnoreCase(b) ? "FALSE" : null;
                if (bool == null) {
                    throw new StopParsing(UnreadableWorkbookException.corrupt("boolean value '" + b + "' in " + where()));
                }
                return new GridCell(cellRow, cellCol, CellKind.BOOLEAN, bool, f);
            }
            case "e" -> {
                if (!hasValue || v.isBlank()) {
                    return withoutValue(f);
                }
                return new GridCell(cellRow, cellCol, CellKind.ERROR, v.trim(), f);
            }
            case "d" -> {
                // ISO 8601 date (strict OOXML, some LibreOffice files): kept as written
                if (!hasValue || v.isBlank()) {
                    return withoutValue(f);
                }
                return new GridCell(cellRow, cellCol, CellKind.DATE, v.trim(), f);
            }
            default -> {
                if (!hasValue || v.isBlank()) {
                    return withoutValue(f);
                }
                int style = parseIndex(styleText); // none, or not a style number: the default style 0
                CellKind kind = dateStyles.get(Math.max(style, 0)) ? CellKind.DATE : CellKind.NUMBER;
                return new GridCell(cellRow, cellCol, kind, number(v.trim()), f);
            }
        }
    }

    private String formulaText() {
        String text = formula.toString();
        if (!text.isEmpty()) {
            return text;
        }
        // a shared-formula follower carries no text of its own
        return formulaType != null ? formulaType : "";
    }

    private GridCell withoutValue(String formula) {
        return formula == null ? null
                : new GridCell(cellRow, cellCol, CellKind.FORMULA_WITHOUT_VALUE, "", formula);
    }

    private GridCell text(String text, String formula) {
        if (text.isEmpty() && formula == null) {
            return null; // an empty string constant shows as a blank cell
        }
        return new GridCell(cellRow, cellCol, CellKind.TEXT, text, formula);
    }

    /** Exact decimal text of a stored number, e.g. 6360.31; 1E+3 becomes 1000. */
    private String number(String text) throws StopParsing {
        if (isCanonicalInteger(text)) {
            return text; // nine figures in ten: a whole count, already as StoredNumbers would write it
        }
        BigDecimal n;
        try {
            n = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new StopParsing(UnreadableWorkbookException.corrupt("number '" + text + "' in " + where()));
        }
        // Excel stores doubles; anything far outside their range is forged and would make
        // plain-text rendering (and later arithmetic) explode.
        long magnitude = (long) n.precision() - n.scale();
        if (n.precision() > 100 || magnitude > 400 || magnitude < -400) {
            throw new StopParsing(UnreadableWorkbookException.corrupt("number out of range in " + where()));
        }
        return StoredNumbers.canonical(n);
    }

    /** 0, or up to 15 digits without a leading zero: what {@link StoredNumbers#canonical} gives back unchanged. */
    private static boolean isCanonicalInteger(String text) {
        return StoredNumbers.isDigits(text, 15) && (text.length() == 1 || text.charAt(0) != '0');
    }

    private String where() {
        return "sheet '" + sheet + "' cell " + new CellRef(cellRow, cellCol).a1();
    }

    private int rowNumber(String r) throws StopParsing {
        int n = parseIndex(r.trim());
        if (n < 1 || n > CellRef.MAX_ROWS) {
            throw new StopParsing(UnreadableWorkbookException.corrupt("row number '" + r + "' in sheet '" + sheet + "'"));
        }
        return n;
    }

    /** The position of an A1 reference, or CORRUPT. */
    private CellRef cellPosition(String a1) throws StopParsing {
        String ref = a1.trim();
        // a stray $ anywhere was always overlooked; Excel writes none in a cell's r
        CellRef at = CellRef.parseOrNull(ref.indexOf('$') < 0 ? ref : ref.replace("$", ""));
        if (at == null) {
            throw new StopParsing(UnreadableWorkbookException.corrupt("cell reference '" + a1 + "' in sheet '" + sheet
                    + "' is not an A1 reference inside the grid"));
        }
        return at;
    }

    private CellRange range(String ref) throws StopParsing {
        int colon = ref.indexOf(':');
        CellRef from = cellPosition(colon < 0 ? ref : ref.substring(0, colon));
        CellRef to = colon < 0 ? from : cellPosition(ref.substring(colon + 1));
        return new CellRange(Math.min(from.row(), to.row()), Math.max(from.row(), to.row()),
                Math.min(from.col(), to.col()), Math.max(from.col(), to.col()));
    }
}
