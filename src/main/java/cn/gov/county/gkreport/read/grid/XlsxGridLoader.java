package cn.gov.county.gkreport.read.grid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import cn.gov.county.gkreport.read.grid.WorkbookParts.Relationship;
import cn.gov.county.gkreport.read.grid.WorkbookParts.RelsHandler;
import cn.gov.county.gkreport.read.grid.WorkbookParts.SheetEntry;
import cn.gov.county.gkreport.read.grid.WorkbookParts.WorkbookHandler;

import com.fasterxml.aalto.sax.SAXParserFactoryImpl;

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
 * The parts are read by {@link WorkbookParts}, {@link StylesHandler}, {@link SharedStringsHandler}
 * and, sheet by sheet, {@link SheetHandler}.
 *
 * <p>A unit's file is untrusted input: DTDs and entities are refused, the inflated size of the parts
 * read is bounded by {@link ZipLimits}, and rows and cells by {@link ReadLimits}. The file is opened
 * read-only.
 *
 * <p>Safe for concurrent use: all per-file state lives in one call.
 */
final class XlsxGridLoader {

    private final ReadLimits limits;
    private final SAXParserFactory factory;
    /** One parser per thread, reused file after file: creating one costs as much as parsing a sheet. */
    private final ThreadLocal<XMLReader> readers;

    XlsxGridLoader(ReadLimits limits) {
        this.limits = limits;
        this.factory = secureFactory();
        this.readers = ThreadLocal.withInitial(this::newReader);
    }

    /** Reads every sheet of an .xlsx file; the file is never modified. */
    WorkbookGrid load(Path file) throws UnreadableWorkbookException {
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

    private XMLReader newReader() {
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

    /** All state of reading one file. */
    private final class Load {

        private final ZipFile zip;
        private final XMLReader reader;
        private final ZipLimits zipLimits = new ZipLimits(limits.maxInflatedBytes(), limits.maxCompressionRatio());

        Load(ZipFile zip, XMLReader reader) {
            this.zip = zip;
            this.reader = reader;
        }

        WorkbookGrid run() throws UnreadableWorkbookException {
            ZipEntry workbookEntry = require(WorkbookParts.WORKBOOK);
            ZipEntry relsEntry = require(WorkbookParts.WORKBOOK_RELS);
            zipLimits.checkDeclaredSizes(List.of(workbookEntry, relsEntry));

            WorkbookHandler workbook = new WorkbookHandler();
            parse(workbookEntry, workbook);
            RelsHandler rels = new RelsHandler();
            parse(relsEntry, rels);
            if (workbook.sheets.isEmpty()) {
                throw UnreadableWorkbookException.corrupt("workbook lists no sheets");
            }

            List<String> sheetParts = new ArrayList<>();
            for (SheetEntry sheet : workbook.sheets) {
                Relationship rel = rels.byId.get(sheet.relId());
                if (rel == null || rel.external()) {
                    throw UnreadableWorkbookException.corrupt("sheet '" + sheet.name() + "' has no part (relationship "
                            + sheet.relId() + ")");
                }
                sheetParts.add(WorkbookParts.resolve(rel.target()));
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
            zipLimits.checkDeclaredSizes(plan.values());

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
            int cells = 0;
            int merges = 0;
            for (int i = 0; i < workbook.sheets.size(); i++) {
                String name = workbook.sheets.get(i).name();
                SheetHandler handler = new SheetHandler(name, sharedStrings, dateStyles, limits, cells, merges);
                parse(require(sheetParts.get(i)), handler);
                cells = handler.cellCount();
                merges = handler.mergeCount();
                sheets.add(new SheetGrid(name, handler.cells, handler.merged, workbook.sheets.get(i).hidden()));
            }
            return new WorkbookGrid(WorkbookFormat.XLSX, sheets);
        }

        private ZipEntry require(String name) throws UnreadableWorkbookException {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null || entry.isDirectory()) {
                throw UnreadableWorkbookException.corrupt("missing part " + name);
            }
            return entry;
        }

        /** A part found by its relationship type, else by its usual name; absent is fine. */
        private ZipEntry optionalPart(RelsHandler rels, String typeSuffix, String usualName) {
            for (Relationship rel : rels.byId.values()) {
                if (!rel.external() && rel.type().endsWith(typeSuffix)) {
                    ZipEntry entry = zip.getEntry(WorkbookParts.resolve(rel.target()));
                    if (entry != null) {
                        return entry;
                    }
                }
            }
            return zip.getEntry(usualName);
        }

        private void parse(ZipEntry entry, DefaultHandler handler) throws UnreadableWorkbookException {
            String part = entry.getName();
            try (InputStream in = zipLimits.count(zip.getInputStream(entry))) {
                reader.setContentHandler(handler);
                reader.setErrorHandler(handler);
                reader.setEntityResolver(handler);
                reader.setDTDHandler(handler);
                reader.parse(new InputSource(in));
            } catch (SAXException e) {
                UnreadableWorkbookException stop = StopParsing.reason(e);
                if (stop != null) {
                    throw stop;
                }
                if (zipLimits.exceeded()) {
                    throw inflateLimit(part);
                }
                throw new UnreadableWorkbookException(UnreadableReason.CORRUPT,
                        "malformed XML in " + part + ": " + e.getMessage(), e);
            } catch (IOException e) {
                if (zipLimits.exceeded()) {
                    throw inflateLimit(part);
                }
                throw new UnreadableWorkbookException(UnreadableReason.CORRUPT, "cannot inflate " + part + ": " + e, e);
            } catch (RuntimeException e) {
                throw new UnreadableWorkbookException(UnreadableReason.CORRUPT, "cannot parse " + part + ": " + e, e);
            }
        }

        private UnreadableWorkbookException inflateLimit(String part) {
            return UnreadableWorkbookException.tooLarge("inflated bytes passed " + zipLimits.maxInflatedBytes()
                    + " in " + part);
        }
    }
}
