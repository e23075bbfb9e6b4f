package cn.gov.county.gkreport.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import cn.gov.county.gkreport.form.CellRef;

import com.fasterxml.aalto.sax.SAXParserFactoryImpl;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an .xlsx into a {@link WorkbookGrid} by streaming its XML parts with a SAX parser straight
 * out of the zip, without POI's usermodel (about four times slower and memory hungry). The parser
 * is Aalto's (non-blocking, byte-level UTF-8 scanning): on template-shaped sheets it reads about
 * 1.5 times as many workbooks per second as the JDK's Xerces, which matters at province scale.
 *
 * <p>A unit's file is untrusted input: DTDs and entities are refused, the inflated size of the parts
 * read is bounded both by what the zip declares and by what actually comes out of the inflater,
 * and rows and cells are bounded by {@link ReadLimits}. The file is opened read-only.
 *
 * <p>Safe for concurrent use: all per-file state lives in one call.
 */
public final class XlsxGridLoader {

    /** Ratios are only checked above this size: small XML legitimately compresses very well. */
    private static final long RATIO_CHECK_MIN_BYTES = 1L << 20;

    private static final String WORKBOOK_PART = "xl/workbook.xml";
    private static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
    private static final String PART_BASE = "xl/";

    /** OOXML escapes characters XML cannot carry as {@code _xHHHH_}. */
    private static final Pattern OOXML_ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private final ReadLimits limits;
    private final SAXParserFactory factory;
    /** One parser per thread, reused file after file: creating one costs as much as parsing a sheet. */
    private final ThreadLocal<XMLReader> readers;

    public XlsxGridLoader(ReadLimits limits) {
        this.limits = limits;
        this.factory = secureFactory();
        this.readers = ThreadLocal.withInitial(this::newReaderUnchecked);
    }

    private XMLReader newReaderUnchecked() {
        try {
            return newReader();
        } catch (UnreadableWorkbookException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads every sheet of an .xlsx file; the file is never modified. */
    public WorkbookGrid load(Path file) throws UnreadableWorkbookException {
        // ZipFile reads entries on demand from the file; the archive is never buffered whole.
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return new Load(zip, readers.get()).run();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableWorkbookException(UnreadableReason.CORRUPT, "xlsx cannot be read: " + e, e);
        }
    }

    private static SAXParserFactory secureFactory() {
        // Aalto has no feature switches for DTDs: it never loads external ones, and every DOCTYPE is
        // refused below (the lexical handler) before any declaration in it could be used.
        SAXParserFactory f = new SAXParserFactoryImpl();
        f.setNamespaceAware(true);
        f.setValidating(false);
        return f;
    }

    private XMLReader newReader() throws UnreadableWorkbookException {
        try {
            SAXParser parser;
            // SAXParserFactory is not specified as thread-safe; creating a parser is cheap to serialise.
            synchronized (factory) {
                parser = factory.newSAXParser();
            }
            XMLReader reader = parser.getXMLReader();
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", new DoctypeRefusal());
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot create a SAX parser", e);
        }
    }

    /** No part of a workbook has a DOCTYPE; one is an entity attack (XXE, billion laughs), never read on. */
    private static final class DoctypeRefusal extends DefaultHandler2 {
        @Override
        public void startDTD(String name, String publicId, String systemId) throws SAXException {
            throw new StopParsing(new UnreadableWorkbookException(UnreadableReason.UNSAFE_CONTENT,
                    "DOCTYPE " + name + (systemId == null ? "" : " " + systemId)));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Number formats

    /**
     * Whether a number format shows a date or time. With a format code (a custom format) the code
     * decides; without one the built-in id does: 14–22 and 45–47 everywhere, 27–36 and 50–58 being the
     * East Asian built-in date formats (年月日) that Chinese Excel and WPS use without writing a code.
     */
    static boolean isDateFormat(int numFmtId, String formatCode) {
        if (formatCode != null) {
            return isDateFormatCode(formatCode);
        }
        return numFmtId >= 14 && numFmtId <= 22 || numFmtId >= 27 && numFmtId <= 36
                || numFmtId >= 45 && numFmtId <= 47 || numFmtId >= 50 && numFmtId <= 58;
    }

    /** A format code is a date when d, m, y, h or s appears outside quotes, escapes and brackets. */
    static boolean isDateFormatCode(String code) {
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            switch (ch) {
                case '"' -> {
                    int end = code.indexOf('"', i + 1);
                    i = end < 0 ? code.length() : end;
                }
                case '\\', '_', '*' -> i++; // escaped literal, padding or fill character
                case '[' -> {
                    int end = code.indexOf(']', i + 1);
                    String inside = end < 0 ? "" : code.substring(i + 1, end);
                    // [h], [mm], [ss] are elapsed time; [Red], [$-804], [>100], [DBNum1] are not.
                    if (inside.matches("(?i)h+|m+|s+")) {
                        return true;
                    }
                    i = end < 0 ? code.length() : end;
                }
                default -> {
                    if ("dmyhsDMYHS".indexOf(ch) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Excel keeps and shows 15 significant digits; the rest of a stored double is binary noise. */
    private static final java.math.MathContext EXCEL_DIGITS = new java.math.MathContext(15, java.math.RoundingMode.HALF_EVEN);

    /**
     * The canonical text of a stored number, shared with the .xls path so both read alike. A stored
     * double's binary noise is not a digit anybody typed: {@code =1234.56+5125.75} is cached as
     * 6360.3099999999995 and shown as 6360.31, so it reads 6360.31 (rounded to Excel's 15 significant digits).
     */
    static String canonicalNumber(BigDecimal number) {
        BigDecimal n = (number.precision() > EXCEL_DIGITS.getPrecision() ? number.round(EXCEL_DIGITS) : number)
                .stripTrailingZeros();
        return n.signum() == 0 ? "0" : n.toPlainString();
    }

    private static String decodeEscapes(String s) {
        if (s.indexOf("_x") < 0) {
            return s;
        }
        Matcher m = OOXML_ESCAPE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // One load

    /** Thrown from a SAX handler to stop parsing at once with a reason. */
    private static final class StopParsing extends SAXException {
        private static final long serialVersionUID = 1L;
        private final transient UnreadableWorkbookException failure;

        StopParsing(UnreadableWorkbookException failure) {
            super(failure.getMessage());
            this.failure = failure;
        }
    }

    /** Thrown by the counting stream when the inflated bytes pass the limit. */
    private static final class InflateLimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        InflateLimitExceeded(String message) {
            super(message);
        }
    }

    private record Relationship(String type, String target, boolean external) {
    }

    private record SheetEntry(String name, String relId, boolean hidden) {
    }

    /** All state of reading one file. */
    private final class Load {

        private final ZipFile zip;
        private final XMLReader reader;
        private long inflated;
        private boolean inflateLimitHit;
        private int cellCount;
        private int mergeCount;

        Load(ZipFile zip, XMLReader reader) {
            this.zip = zip;
            this.reader = reader;
        }

        WorkbookGrid run() throws UnreadableWorkbookException {
            ZipEntry workbookEntry = require(WORKBOOK_PART);
            ZipEntry relsEntry = require(WORKBOOK_RELS);
            checkDeclaredSizes(List.of(workbookEntry, relsEntry));

            WorkbookHandler workbook = new WorkbookHandler();
            parse(workbookEntry, workbook);
            RelsHandler rels = new RelsHandler();
            parse(relsEntry, rels);
            if (workbook.sheets.isEmpty()) {
                throw corrupt("workbook lists no sheets");
            }

            List<String> sheetParts = new ArrayList<>();
            for (SheetEntry sheet : workbook.sheets) {
                Relationship rel = rels.byId.get(sheet.relId());
                if (rel == null || rel.external()) {
                    throw corrupt("sheet '" + sheet.name() + "' has no part (relationship " + sheet.relId() + ")");
                }
                sheetParts.add(resolve(rel.target()));
            }
            ZipEntry stylesEntry = optionalPart(rels, "/styles", "xl/styles.xml");
            ZipEntry stringsEntry = optionalPart(rels, "/sharedStrings", "xl/sharedStrings.xml");

            // Everything we will inflate is known now: check declared sizes before inflating any of it.
            Map<String, ZipEntry> plan = new LinkedHashMap<>();
            for (ZipEntry entry : List.of(workbookEntry, relsEntry)) {
                plan.put(entry.getName(), entry);
            }
            for (String part : sheetParts) {
                plan.put(part, require(part));
            }
            if (stylesEntry != null) {
                plan.put(stylesEntry.getName(), stylesEntry);
            }
            if (stringsEntry != null) {
                plan.put(stringsEntry.getName(), stringsEntry);
            }
            checkDeclaredSizes(plan.values());

            BitSet dateStyles = new BitSet();
            if (stylesEntry != null) {
                StylesHandler styles = new StylesHandler();
                parse(stylesEntry, styles);
                dateStyles = styles.dateStyles();
            }
            List<String> sharedStrings = List.of();
            if (stringsEntry != null) {
                SharedStringsHandler strings = new SharedStringsHandler();
                parse(stringsEntry, strings);
                sharedStrings = strings.strings;
            }

            List<SheetGrid> sheets = new ArrayList<>();
            for (int i = 0; i < workbook.sheets.size(); i++) {
                String name = workbook.sheets.get(i).name();
                SheetHandler handler = new SheetHandler(name, sharedStrings, dateStyles);
                parse(require(sheetParts.get(i)), handler);
                sheets.add(new SheetGrid(name, handler.cells, handler.merged, workbook.sheets.get(i).hidden()));
            }
            return new WorkbookGrid(WorkbookFormat.XLSX, sheets);
        }

        private ZipEntry require(String name) throws UnreadableWorkbookException {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null || entry.isDirectory()) {
                throw corrupt("missing part " + name);
            }
            return entry;
        }

        /** A part found by its relationship type, else by its usual name; absent is fine. */
        private ZipEntry optionalPart(RelsHandler rels, String typeSuffix, String usualName) {
            for (Relationship rel : rels.byId.values()) {
                if (!rel.external() && rel.type().endsWith(typeSuffix)) {
                    ZipEntry entry = zip.getEntry(resolve(rel.target()));
                    if (entry != null) {
                        return entry;
                    }
                }
            }
            return zip.getEntry(usualName);
        }

        private void checkDeclaredSizes(Iterable<ZipEntry> entries) throws UnreadableWorkbookException {
            long total = 0;
            for (ZipEntry entry : entries) {
                long size = entry.getSize();
                if (size < 0) {
                    continue; // unknown: the counting stream still bounds it
                }
                total += size;
                long compressed = entry.getCompressedSize();
                if (size > RATIO_CHECK_MIN_BYTES
                        && (compressed <= 0 || (double) size / compressed > limits.maxCompressionRatio())) {
                    throw tooLarge("part " + entry.getName() + " inflates " + compressed + " -> " + size
                            + " bytes, ratio limit " + limits.maxCompressionRatio());
                }
            }
            if (total > limits.maxInflatedBytes()) {
                throw tooLarge("parts declare " + total + " inflated bytes, limit " + limits.maxInflatedBytes());
            }
        }

        private void parse(ZipEntry entry, DefaultHandler handler) throws UnreadableWorkbookException {
            String part = entry.getName();
            try (InputStream in = new CountingStream(zip.getInputStream(entry))) {
                reader.setContentHandler(handler);
                reader.setErrorHandler(handler);
                reader.setEntityResolver(handler);
                reader.setDTDHandler(handler);
                reader.parse(new InputSource(in));
            } catch (SAXException e) {
                UnreadableWorkbookException stop = stopReason(e);
                if (stop != null) {
                    throw stop;
                }
                if (inflateLimitHit) {
                    throw tooLarge("inflated bytes passed " + limits.maxInflatedBytes() + " in " + part);
                }
                throw new UnreadableWorkbookException(UnreadableReason.CORRUPT,
                        "malformed XML in " + part + ": " + e.getMessage(), e);
            } catch (IOException e) {
                if (inflateLimitHit) {
                    throw tooLarge("inflated bytes passed " + limits.maxInflatedBytes() + " in " + part);
                }
                throw new UnreadableWorkbookException(UnreadableReason.CORRUPT, "cannot inflate " + part + ": " + e, e);
            } catch (RuntimeException e) {
                throw new UnreadableWorkbookException(UnreadableReason.CORRUPT, "cannot parse " + part + ": " + e, e);
            }
        }

        private UnreadableWorkbookException corrupt(String detail) {
            return new UnreadableWorkbookException(UnreadableReason.CORRUPT, detail);
        }

        private UnreadableWorkbookException tooLarge(String detail) {
            return new UnreadableWorkbookException(UnreadableReason.TOO_LARGE, detail);
        }

        /** Counts inflated bytes across all parts, since a zip's declared sizes can lie. */
        private final class CountingStream extends FilterInputStream {

            CountingStream(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                count(skipped);
                return skipped;
            }

            private void count(long n) throws InflateLimitExceeded {
                inflated += n;
                if (inflated > limits.maxInflatedBytes()) {
                    inflateLimitHit = true;
                    throw new InflateLimitExceeded("inflated more than " + limits.maxInflatedBytes() + " bytes");
                }
            }
        }

        // -----------------------------------------------------------------------------------------
        // Handlers

        /** Refuses any entity resolution outright, as defence behind the disallowed DOCTYPE. */
        private class SafeHandler extends DefaultHandler {
            @Override
            public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
                throw new StopParsing(new UnreadableWorkbookException(UnreadableReason.UNSAFE_CONTENT,
                        "external entity " + systemId));
            }
        }

        /** xl/workbook.xml: sheet names and relationship ids, in tab order. */
        private final class WorkbookHandler extends SafeHandler {
            final List<SheetEntry> sheets = new ArrayList<>();

            @Override
            public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
                if ("sheet".equals(localName)) {
                    String name = attribute(atts, "name");
                    String id = relationshipId(atts);
                    if (name == null || id == null) {
                        throw new StopParsing(corrupt("sheet element without name or r:id"));
                    }
                    // state="hidden" or "veryHidden": the clerk does not see the sheet
                    String state = attribute(atts, "state");
                    sheets.add(new SheetEntry(name, id, state != null && !"visible".equals(state)));
                }
            }

            /** The r:id attribute, whatever its prefix (transitional and strict OOXML differ). */
            private String relationshipId(Attributes atts) {
                for (int i = 0; i < atts.getLength(); i++) {
                    if ("id".equals(atts.getLocalName(i)) && !atts.getURI(i).isEmpty()) {
                        return atts.getValue(i);
                    }
                }
                return null;
            }
        }

        /** A .rels part: relationship id to type and target. */
        private final class RelsHandler extends SafeHandler {
            final Map<String, Relationship> byId = new HashMap<>();

            @Override
            public void startElement(String uri, String localName, String qName, Attributes atts) {
                if ("Relationship".equals(localName)) {
                    String id = attribute(atts, "Id");
                    String target = attribute(atts, "Target");
                    if (id != null && target != null) {
                        String type = attribute(atts, "Type");
                        byId.put(id, new Relationship(type == null ? "" : type, target,
                                "External".equalsIgnoreCase(attribute(atts, "TargetMode"))));
                    }
                }
            }
        }

        /** xl/styles.xml: which cell style indexes carry a date or time number format. */
        private final class StylesHandler extends SafeHandler {
            private final Map<Integer, String> customFormats = new HashMap<>();
            private final List<Integer> cellXfFormats = new ArrayList<>();
            private boolean inCellXfs;

            @Override
            public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
                switch (localName) {
                    case "numFmt" -> {
                        Integer id = parseIntOrNull(attribute(atts, "numFmtId"));
                        String code = attribute(atts, "formatCode");
                        if (id != null && code != null) {
                            customFormats.put(id, code);
                        }
                    }
                    case "cellXfs" -> inCellXfs = true;
                    case "xf" -> {
                        if (inCellXfs) {
                            Integer id = parseIntOrNull(attribute(atts, "numFmtId"));
                            cellXfFormats.add(id == null ? 0 : id);
                        }
                    }
                    default -> {
                    }
                }
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                if ("cellXfs".equals(localName)) {
                    inCellXfs = false;
                }
            }

            BitSet dateStyles() {
                BitSet dates = new BitSet(cellXfFormats.size());
                for (int i = 0; i < cellXfFormats.size(); i++) {
                    int id = cellXfFormats.get(i);
                    if (isDateFormat(id, customFormats.get(id))) {
                        dates.set(i);
                    }
                }
                return dates;
            }
        }

        /** xl/sharedStrings.xml: each string item, rich runs joined, phonetic runs left out. */
        private final class SharedStringsHandler extends SafeHandler {
            final List<String> strings = new ArrayList<>();
            private final StringBuilder text = new StringBuilder();
            private int phoneticDepth;
            private boolean inT;

            @Override
            public void startElement(String uri, String localName, String qName, Attributes atts) {
                switch (localName) {
                    case "si" -> text.setLength(0);
                    case "rPh" -> phoneticDepth++;
                    case "t" -> inT = phoneticDepth == 0;
                    default -> {
                    }
                }
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                switch (localName) {
                    case "si" -> strings.add(decodeEscapes(text.toString()));
                    case "rPh" -> phoneticDepth--;
                    case "t" -> inT = false;
                    default -> {
                    }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (inT) {
                    text.append(ch, start, length);
                }
            }
        }

        /** One worksheet part: its non-empty cells and merged regions. */
        private final class SheetHandler extends SafeHandler {
            final List<GridCell> cells = new ArrayList<>();
            final List<CellRange> merged = new ArrayList<>();

            private final String sheet;
            private final List<String> sharedStrings;
            private final BitSet dateStyles;

            private boolean inSheetData;
            private int row = -1;
            private int col = -1;

            // the cell being read
            private boolean inCell;
            private int cellRow;
            private int cellCol;
            private String type;
            private int style;
            private boolean hasValue;
            private boolean hasFormula;
            private boolean hasInline;
            private String formulaType;
            private final StringBuilder value = new StringBuilder();
            private final StringBuilder formula = new StringBuilder();
            private final StringBuilder inline = new StringBuilder();
            private final Deque<String> path = new ArrayDeque<>();
            private StringBuilder capture;
            private int phoneticDepth;

            SheetHandler(String sheet, List<String> sharedStrings, BitSet dateStyles) {
                this.sheet = sheet;
                this.sharedStrings = sharedStrings;
                this.dateStyles = dateStyles;
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
                                throw new StopParsing(tooLarge("more than " + limits.maxCells() + " merged regions"));
                            }
                            merged.add(range(ref));
                        }
                    }
                    default -> {
                    }
                }
            }

            private void startCell(Attributes atts) throws StopParsing {
                String r = attribute(atts, "r");
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
                    throw new StopParsing(corrupt("column beyond XFD in sheet '" + sheet + "'"));
                }
                col = cellCol;
                inCell = true;
                type = attribute(atts, "t");
                Integer s = parseIntOrNull(attribute(atts, "s"));
                style = s == null ? 0 : s;
                hasValue = false;
                hasFormula = false;
                hasInline = false;
                formulaType = null;
                value.setLength(0);
                formula.setLength(0);
                inline.setLength(0);
                path.clear();
                capture = null;
                phoneticDepth = 0;
            }

            private void startInCell(String localName, Attributes atts) {
                String parent = path.peek();
                path.push(localName);
                if (parent == null) {
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
                        case "is" -> hasInline = true;
                        default -> {
                        }
                    }
                } else if ("rPh".equals(localName)) {
                    phoneticDepth++;
                } else if ("t".equals(localName) && path.contains("is") && phoneticDepth == 0) {
                    capture = inline;
                }
            }

            @Override
            public void endElement(String uri, String localName, String qName) throws SAXException {
                if (inCell) {
                    if (path.isEmpty()) {
                        // the </c> itself
                        inCell = false;
                        finishCell();
                        return;
                    }
                    path.pop();
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
                    throw new StopParsing(tooLarge("sheet '" + sheet + "' has a cell in row " + (cellRow + 1)
                            + ", limit " + limits.maxRows()));
                }
                if (cell.col() >= limits.maxColumns()) {
                    throw new StopParsing(tooLarge("sheet '" + sheet + "' has a cell in column " + (cell.col() + 1)
                            + ", limit " + limits.maxColumns()));
                }
                if (++cellCount > limits.maxCells()) {
                    throw new StopParsing(tooLarge("more than " + limits.maxCells() + " cells"));
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
                        Integer index = parseIntOrNull(v.trim());
                        if (index == null || index < 0 || index >= sharedStrings.size()) {
                            throw new StopParsing(corrupt("shared string index " + v + " out of range in "
                                    + where()));
                        }
                        return text(sharedStrings.get(index), f);
                    }
                    case "inlineStr" -> {
                        if (hasInline) {
                            return text(decodeEscapes(inline.toString()), f);
                        }
                        return hasValue ? text(decodeEscapes(v), f) : withoutValue(f);
                    }
                    case "str" -> {
                        // an empty cached string is still a value: the formula's result is ""
                        return hasValue ? text(decodeEscapes(v), f) : withoutValue(f);
                    }
                    case "b" -> {
                        if (!hasValue || v.isBlank()) {
                            return withoutValue(f);
                        }
                        String b = v.trim();
                        String bool = "1".equals(b) || "true".equalsIgnoreCase(b) ? "TRUE"
                                : "0".equals(b) || "false".equalsIgnoreCase(b) ? "FALSE" : null;
                        if (bool == null) {
                            throw new StopParsing(corrupt("boolean value '" + b + "' in " + where()));
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
                        CellKind kind = dateStyles.get(style) ? CellKind.DATE : CellKind.NUMBER;
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
                BigDecimal n;
                try {
                    n = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new StopParsing(corrupt("number '" + text + "' in " + where()));
                }
                // Excel stores doubles; anything far outside their range is forged and would make
                // plain-text rendering (and later arithmetic) explode.
                long magnitude = (long) n.precision() - n.scale();
                if (n.precision() > 100 || magnitude > 400 || magnitude < -400) {
                    throw new StopParsing(corrupt("number out of range in " + where()));
                }
                return canonicalNumber(n);
            }

            private String where() {
                return "sheet '" + sheet + "' cell " + new CellRef(cellRow, cellCol).a1();
            }

            private int rowNumber(String r) throws StopParsing {
                Integer n = parseIntOrNull(r.trim());
                if (n == null || n < 1 || n > CellRef.MAX_ROWS) {
                    throw new StopParsing(corrupt("row number '" + r + "' in sheet '" + sheet + "'"));
                }
                return n;
            }

            /** The position of an A1 reference, or CORRUPT. */
            private CellRef cellPosition(String a1) throws StopParsing {
                String ref = a1.trim();
                // a stray $ anywhere was always overlooked; Excel writes none in a cell's r
                CellRef at = CellRef.parseOrNull(ref.indexOf('$') < 0 ? ref : ref.replace("$", ""));
                if (at == null) {
                    throw new StopParsing(corrupt("cell reference '" + a1 + "' in sheet '" + sheet
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
    }

    /**
     * An attribute without namespace, by name. Looked up by index rather than with
     * {@code getValue("", name)}: Aalto 1.3.3 answers that from the previous element's attributes
     * when the current element lacks the attribute (a {@code <c>} without {@code r} got the row's r).
     */
    private static String attribute(Attributes atts, String name) {
        for (int i = 0; i < atts.getLength(); i++) {
            if (name.equals(atts.getLocalName(i)) && atts.getURI(i).isEmpty()) {
                return atts.getValue(i);
            }
        }
        return null;
    }

    /** The reason a handler stopped parsing, however the parser wrapped it. */
    private static UnreadableWorkbookException stopReason(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof StopParsing stop) {
                return stop.failure;
            }
        }
        return null;
    }

    private static Integer parseIntOrNull(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A relationship target as a zip entry name: relative to xl/, or absolute from the package root. */
    private static String resolve(String target) {
        String t = target.replace('\\', '/');
        String path = t.startsWith("/") ? t.substring(1) : PART_BASE + t;
        Deque<String> parts = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || ".".equals(segment)) {
                continue;
            }
            if ("..".equals(segment)) {
                parts.pollLast();
            } else {
                parts.addLast(segment);
            }
        }
        return String.join("/", parts);
    }
}
