package cn.gov.county.gkreport.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import cn.gov.county.gkreport.read.grid.PartNames;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A unit's .xlsx/.xlsm as the streamed copy sees it: its zip entries, the workbook part with its
 * sheets in tab order, and the relationships that say where each part is. Only read.
 */
final class WorkbookPackage implements AutoCloseable {

    static final String CONTENT_TYPES = "[Content_Types].xml";
    static final String WORKBOOK = "xl/workbook.xml";
    static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
    static final String REL_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    /** A sheet of the workbook: its tab name, {@code sheetId}, relationship and part (zip entry name). */
    record SheetPart(String name, int sheetId, String relId, String relType, String part) {

        boolean isWorksheet() {
            return (REL_TYPES + "worksheet").equals(relType);
        }
    }

    /** A relationship of a .rels part. */
    record Relationship(String id, String type, String target, boolean external) {
    }

    /** How much of a part's start is read to find its root element. */
    private static final int PROLOG_BYTES = 2048;

    private final ZipFile zip;
    private final Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
    private final List<SheetPart> sheets = new ArrayList<>();
    private final Map<String, Relationship> workbookRels = new LinkedHashMap<>();
    private String workbookNamespace;

    private WorkbookPackage(ZipFile zip) {
        this.zip = zip;
    }

    /** Opens {@code file}; the caller closes it. */
    static WorkbookPackage open(Path file) throws IOException, XMLStreamException {
        WorkbookPackage pkg = new WorkbookPackage(ZipFile.builder().setFile(file.toFile()).get());
        try {
            pkg.load();
            return pkg;
        } catch (IOException | XMLStreamException | RuntimeException e) {
            pkg.close();
            throw e;
        }
    }

    private void load() throws IOException, XMLStreamException {
        for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
            if (entries.putIfAbsent(entry.getName(), entry) != null) {
                entries.put(entry.getName(), null); // marks a duplicate name: refused below
            }
        }
        if (!has(WORKBOOK) || !has(WORKBOOK_RELS) || !has(CONTENT_TYPES)) {
            return;
        }
        for (Relationship rel : relationships(read(WORKBOOK_RELS))) {
            workbookRels.put(rel.id(), rel);
        }
        XmlCopy xml = new XmlCopy(read(WORKBOOK));
        for (int e = xml.next(); e != -1; e = xml.next()) {
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (workbookNamespace == null) {
                workbookNamespace = xml.in.getNamespaceURI();
            }
            if (xml.starts("sheet")) {
                String relId = xml.in.getAttributeValue(XmlCopy.REL_NS, "id");
                Relationship rel = relId == null ? null : workbookRels.get(relId);
                String sheetId = xml.attribute("sheetId");
                sheets.add(new SheetPart(xml.attribute("name"), sheetId == null ? 0 : Integer.parseInt(sheetId.trim()), relId,
                        rel == null ? null : rel.type(), rel == null || rel.external() ? null : resolve("xl/", rel.target())));
            }
        }
    }

    /** Why the streamed copy cannot be made of this package, or {@code null} when it can. */
    String refusal() {
        if (entries.containsValue(null)) {
            return "duplicate zip entry names";
        }
        if (!has(WORKBOOK) || !has(WORKBOOK_RELS) || !has(CONTENT_TYPES)) {
            return "no " + WORKBOOK + ", its relationships or content types";
        }
        if (!XmlCopy.MAIN_NS.equals(workbookNamespace)) {
            return "workbook namespace " + workbookNamespace + " (strict OOXML or not a workbook)";
        }
        if (styles() == null) {
            return "no styles part";
        }
        try {
            for (String name : entries.keySet()) {
                if (name.matches("(?i).*\\.(xml|rels|vml)$") && !plainProlog(name)) {
                    return name + " has a DOCTYPE or an unusual prolog";
                }
            }
        } catch (IOException e) {
            return "a part cannot be read: " + e;
        }
        for (SheetPart sheet : sheets) {
            if (sheet.name() == null || sheet.relId() == null) {
                return "a sheet without name or relationship";
            }
        }
        return null;
    }

    /**
     * Whether the part starts with nothing but an XML declaration, comments and its root element.
     * A DOCTYPE (an entity attack) is never copied into a feedback copy: POI refuses such a file,
     * and so does the streamed path, which copies most parts unread.
     */
    private boolean plainProlog(String name) throws IOException {
        byte[] head;
        try (InputStream in = zip.getInputStream(entries.get(name))) {
            head = in.readNBytes(PROLOG_BYTES);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int at = text.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                at++;
            } else if (text.startsWith("<?", at)) {
                int end = text.indexOf("?>", at);
                if (end < 0) {
                    return false;
                }
                at = end + 2;
            } else if (text.startsWith("<!--", at)) {
                int end = text.indexOf("-->", at);
                if (end < 0) {
                    return false;
                }
                at = end + 3;
            } else {
                return c == '<' && !text.startsWith("<!", at);
            }
        }
        return head.length == 0;
    }

    List<SheetPart> sheets() {
        return sheets;
    }

    /** The sheet of that name, compared ignoring case as Excel does, or {@code null}. */
    SheetPart sheet(String name) {
        for (SheetPart sheet : sheets) {
            if (sheet.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return sheet;
            }
        }
        return null;
    }

    /** The styles part's entry name, or {@code null} when the workbook has none. */
    String styles() {
        for (Relationship rel : workbookRels.values()) {
            if ((REL_TYPES + "styles").equals(rel.type()) && !rel.external()) {
                String part = resolve("xl/", rel.target());
                return has(part) ? part : null;
            }
        }
        return null;
    }

    Map<String, Relationship> workbookRels() {
        return workbookRels;
    }

    boolean has(String name) {
        return entries.get(name) != null;
    }

    /** The entries in the order they are stored. */
    Iterable<ZipArchiveEntry> entries() {
        return entries.values();
    }

    byte[] read(String name) throws IOException {
        try (InputStream in = zip.getInputStream(entries.get(name))) {
            return in.readAllBytes();
        }
    }

    /** The entry's bytes as stored (compressed), to copy them without inflating and deflating again. */
    InputStream raw(ZipArchiveEntry entry) throws IOException {
        return zip.getRawInputStream(entry);
    }

    /** The relationships of a .rels part. */
    static List<Relationship> relationships(byte[] rels) throws XMLStreamException {
        List<Relationship> found = new ArrayList<>();
        XmlCopy xml = new XmlCopy(rels);
        for (int e = xml.next(); e != -1; e = xml.next()) {
            if (xml.starts("Relationship")) {
                found.add(new Relationship(xml.attribute("Id"), xml.attribute("Type"), xml.attribute("Target"),
                        "External".equalsIgnoreCase(xml.attribute("TargetMode"))));
            }
        }
        return found;
    }

    /** The .rels part of a part: {@code xl/worksheets/sheet1.xml} → {@code xl/worksheets/_rels/sheet1.xml.rels}. */
    static String relsOf(String part) {
        int slash = part.lastIndexOf('/');
        return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
    }

    /** A relationship target as an entry name: relative to the folder {@code base} (ending in /), or from the root. */
    static String resolve(String base, String target) {
        return PartNames.resolve(base, target);
    }

    /** A relationship id not used in {@code used}: rId1, rId2, … */
    static String freeId(Collection<String> used) {
        for (int n = used.size() + 1; ; n++) {
            if (!used.contains("rId" + n)) {
                return "rId" + n;
            }
        }
    }

    /** A part name not in the package: {@code prefix + n + suffix}, n from 1. */
    String freePart(String prefix, String suffix, Set<String> taken) {
        for (int n = 1; ; n++) {
            String name = prefix + n + suffix;
            if (!has(name) && !taken.contains(name)) {
                return name;
            }
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
