package cn.gov.county.gkreport.feedback;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.apache.poi.ss.formula.SheetNameFormatter;

/**
 * The package-level parts the streamed copy changes: the list sheet goes into {@code xl/workbook.xml}
 * as the first tab, active and shown first, with its header repeated on printed pages; every
 * sheet-local defined name (print areas, filters) moves one tab to the right with its sheet, as POI
 * moves them when the usermodel path puts the list first. New parts get relationships and content
 * types.
 */
final class WorkbookPatch {

    static final String WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    /** Workbook children that come after {@code definedNames} in the schema. */
    private static final Set<String> AFTER_DEFINED_NAMES = Set.of("calcPr", "oleSize", "customWorkbookViews",
            "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst");

    private WorkbookPatch() {
    }

    /**
     * {@code xl/workbook.xml} with the list sheet {@code listName} (relationship {@code relId}) first.
     *
     * @param sheetId a {@code sheetId} no sheet has
     */
    static byte[] workbook(byte[] workbook, String listName, int sheetId, String relId) throws XMLStreamException {
        XmlCopy xml = new XmlCopy(workbook);
        boolean bookViews = false;
        boolean viewPatched = false;
        boolean sheetsSeen = false;
        boolean namesWritten = false;
        int depth = 0;
        for (int e = xml.next(); e != -1; e = xml.next()) {
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.in.getLocalName();
                if (depth == 2 && "sheets".equals(name) && !bookViews) {
                    xml.startLike("bookViews");
                    xml.startLike("workbookView");
                    xml.out.writeAttribute("activeTab", "0");
                    xml.out.writeAttribute("firstSheet", "0");
                    xml.out.writeEndElement();
                    xml.out.writeEndElement();
                }
                if (depth == 2 && sheetsSeen && !namesWritten && AFTER_DEFINED_NAMES.contains(name)) {
                    definedNames(xml, listName);
                    namesWritten = true;
                }
                if (depth == 2) {
                    bookViews |= "bookViews".equals(name);
                }
                if (depth == 3 && "workbookView".equals(name) && !viewPatched) {
                    // the first view is the one Excel opens with
                    xml.copyStart(List.of("activeTab", "firstSheet"));
                    xml.out.writeAttribute("activeTab", "0");
                    xml.out.writeAttribute("firstSheet", "0");
                    viewPatched = true;
                } else if (depth == 2 && "sheets".equals(name)) {
                    xml.copy();
                    sheetsSeen = true;
                    xml.startLike("sheet");
                    xml.out.writeAttribute("name", listName);
                    xml.out.writeAttribute("sheetId", Integer.toString(sheetId));
                    relId(xml, relId);
                    xml.out.writeEndElement();
                } else if (depth == 3 && "definedName".equals(name) && xml.attribute("localSheetId") != null) {
                    xml.copyStart(List.of("localSheetId"));
                    xml.out.writeAttribute("localSheetId",
                            Integer.toString(Integer.parseInt(xml.attribute("localSheetId").trim()) + 1));
                } else {
                    xml.copy();
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                if (depth == 2 && "definedNames".equals(xml.in.getLocalName())) {
                    printTitles(xml, listName);
                    namesWritten = true;
                } else if (depth == 1 && !namesWritten) {
                    definedNames(xml, listName);
                }
                xml.copy();
                depth--;
            } else {
                xml.copy();
            }
        }
        return xml.finish();
    }

    private static void definedNames(XmlCopy xml, String listName) throws XMLStreamException {
        xml.startLike("definedNames");
        printTitles(xml, listName);
        xml.out.writeEndElement();
    }

    /** The list's header row on every printed page, as {@code ListSheet} sets it with POI. */
    private static void printTitles(XmlCopy xml, String listName) throws XMLStreamException {
        xml.startLike("definedName");
        xml.out.writeAttribute("name", "_xlnm.Print_Titles");
        xml.out.writeAttribute("localSheetId", "0");
        int header = FeedbackWorkbook.HEADER_ROW + 1;
        // quoted only where a formula needs it, as POI writes it
        xml.out.writeCharacters(SheetNameFormatter.format(listName) + "!$" + header + ":$" + header);
        xml.out.writeEndElement();
    }

    private static void relId(XmlCopy xml, String relId) throws XMLStreamException {
        if (!XmlCopy.REL_NS.equals(xml.in.getNamespaceContext().getNamespaceURI("r"))) {
            xml.out.writeNamespace("r", XmlCopy.REL_NS);
        }
        xml.out.writeAttribute("r", XmlCopy.REL_NS, "id", relId);
    }

    /** A .rels part with relationships added (a new part when {@code rels} is {@code null}); each added is {id, type, target}. */
    static byte[] relationships(byte[] rels, List<String[]> added) throws XMLStreamException {
        XmlCopy xml = rels == null ? XmlCopy.writing() : new XmlCopy(rels);
        if (rels == null) {
            xml.out.writeStartElement("", "Relationships", XmlCopy.PKG_REL_NS);
            xml.out.writeDefaultNamespace(XmlCopy.PKG_REL_NS);
            writeRelationships(xml, added);
            xml.out.writeEndElement();
            return xml.finish();
        }
        for (int e = xml.next(); e != -1; e = xml.next()) {
            if (e == XMLStreamConstants.END_ELEMENT && "Relationships".equals(xml.in.getLocalName())) {
                writeRelationships(xml, added);
            }
            xml.copy();
        }
        return xml.finish();
    }

    private static void writeRelationships(XmlCopy xml, List<String[]> added) throws XMLStreamException {
        String prefix = xml.in == null ? "" : xml.in.getPrefix();
        for (String[] rel : added) {
            xml.out.writeEmptyElement(prefix == null ? "" : prefix, "Relationship", XmlCopy.PKG_REL_NS);
            xml.out.writeAttribute("Id", rel[0]);
            xml.out.writeAttribute("Type", rel[1]);
            xml.out.writeAttribute("Target", rel[2]);
        }
    }

    /** {@code [Content_Types].xml} with an override for every new part (part name → content type) and the vml default. */
    static byte[] contentTypes(byte[] types, Map<String, String> overrides) throws XMLStreamException {
        XmlCopy xml = new XmlCopy(types);
        boolean vml = false;
        for (int e = xml.next(); e != -1; e = xml.next()) {
            if (xml.starts("Default") && "vml".equals(String.valueOf(xml.attribute("Extension")).toLowerCase(Locale.ROOT))) {
                vml = true;
            }
            if (e == XMLStreamConstants.END_ELEMENT && "Types".equals(xml.in.getLocalName())) {
                String prefix = xml.in.getPrefix() == null ? "" : xml.in.getPrefix();
                String ns = xml.in.getNamespaceURI();
                if (!vml && overrides.values().contains(CommentParts.VML_TYPE)) {
                    xml.out.writeEmptyElement(prefix, "Default", ns);
                    xml.out.writeAttribute("Extension", "vml");
                    xml.out.writeAttribute("ContentType", CommentParts.VML_TYPE);
                }
                for (Map.Entry<String, String> part : overrides.entrySet()) {
                    if (part.getKey().endsWith(".vml")) {
                        continue; // by the default above (or the package's own for .vml)
                    }
                    xml.out.writeEmptyElement(prefix, "Override", ns);
                    xml.out.writeAttribute("PartName", "/" + part.getKey());
                    xml.out.writeAttribute("ContentType", part.getValue());
                }
            }
            xml.copy();
        }
        return xml.finish();
    }
}
