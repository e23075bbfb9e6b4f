package cn.gov.county.gkreport.read.grid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/** The parts that say where the sheets are: xl/workbook.xml and its relationships. */
final class WorkbookParts {

    static final String WORKBOOK = "xl/workbook.xml";
    static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
    private static final String PART_BASE = "xl/";

    private WorkbookParts() {
    }

    record Relationship(String type, String target, boolean external) {
    }

    record SheetEntry(String name, String relId, boolean hidden) {
    }

    /** xl/workbook.xml: sheet names and relationship ids, in tab order. */
    static final class WorkbookHandler extends SafeHandler {
        final List<SheetEntry> sheets = new ArrayList<>();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("sheet".equals(localName)) {
                String name = attribute(atts, "name");
                String id = relationshipId(atts);
                if (name == null || id == null) {
                    throw new StopParsing(UnreadableWorkbookException.corrupt("sheet element without name or r:id"));
                }
                // state="hidden" or "veryHidden": the clerk does not see the sheet
                String state = attribute(atts, "state");
                sheets.add(new SheetEntry(name, id, state != null && !"visible".equals(state)));
            }
        }

        /** The r:id attribute, whatever its prefix (transitional and strict OOXML differ). */
        private static String relationshipId(Attributes atts) {
            for (int i = 0; i < atts.getLength(); i++) {
                if ("id".equals(atts.getLocalName(i)) && !atts.getURI(i).isEmpty()) {
                    return atts.getValue(i);
                }
            }
            return null;
        }
    }

    /** A .rels part: relationship id to type and target. */
    static final class RelsHandler extends SafeHandler {
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

    /** A relationship target of the workbook as a zip entry name: relative to xl/, or absolute from the package root. */
    static String resolve(String target) {
        return PartNames.resolve(PART_BASE, target);
    }
}
