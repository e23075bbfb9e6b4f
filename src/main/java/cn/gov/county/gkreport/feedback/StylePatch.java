package cn.gov.county.gkreport.feedback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import cn.gov.county.gkreport.check.Severity;
import cn.gov.county.gkreport.feedback.XmlCopy.Element;

/**
 * What the streamed copy adds to {@code xl/styles.xml}: for every (cell style, severity) of a marked
 * cell one new cell format, a copy of the cell's own with the red or yellow fill, and the list
 * sheet's formats. Nothing of the unit's styles changes; new fonts, fills, borders and formats are
 * appended, so every index the unit's cells use stays valid.
 */
final class StylePatch {

    /** The list sheet's cell formats, as indexes into cellXfs. */
    record ListStyles(int title, int note, int header, int text, int wrapped, int link, int error, int warning) {
    }

    private final byte[] original;
    private final List<Element> cellXfs = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, List<String>> added = new HashMap<>();
    private final Map<String, Integer> marked = new HashMap<>();
    private final Map<String, Integer> fillIds = new HashMap<>();
    private final List<NewXf> newXfs = new ArrayList<>();
    private ListStyles listStyles;

    /** Reads the part; refuses (throws) one without fonts, fills, borders or cell formats. */
    StylePatch(byte[] styles) throws XMLStreamException {
        this.original = styles;
        XmlCopy xml = new XmlCopy(styles);
        boolean inCellXfs = false;
        String list = null;
        for (int e = xml.next(); e != -1; e = xml.next()) {
            if (e == XMLStreamConstants.START_ELEMENT) {
                String name = xml.in.getLocalName();
                if (!XmlCopy.MAIN_NS.equals(xml.in.getNamespaceURI())) {
                    continue;
                }
                if ("styleSheet".equals(name) && xml.in.getPrefix() != null && !xml.in.getPrefix().isEmpty()) {
                    // the items we append are written in the default namespace
                    throw new XMLStreamException("styles part with a prefixed namespace");
                }
                if (List.of("fonts", "fills", "borders", "cellXfs").contains(name) && list == null) {
                    list = name;
                    counts.put(name, 0);
                    inCellXfs = "cellXfs".equals(name);
                } else if (list != null && isItem(list, name)) {
                    counts.merge(list, 1, Integer::sum);
                    if (inCellXfs) {
                        cellXfs.add(xml.capture());
                    } else {
                        skip(xml);
                    }
                }
            } else if (e == XMLStreamConstants.END_ELEMENT && xml.in.getLocalName().equals(list)) {
                list = null;
                inCellXfs = false;
            }
        }
        for (String name : List.of("fonts", "fills", "borders", "cellXfs")) {
            if (!counts.containsKey(name)) {
                throw new XMLStreamException("styles part without " + name);
            }
        }
        if (cellXfs.isEmpty()) {
            throw new XMLStreamException("styles part without a cell format");
        }
    }

    private static boolean isItem(String list, String name) {
        return switch (list) {
            case "fonts" -> "font".equals(name);
            case "fills" -> "fill".equals(name);
            case "borders" -> "border".equals(name);
            default -> "xf".equals(name);
        };
    }

    private static void skip(XmlCopy xml) throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int e = xml.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /**
     * The format of a marked cell whose own format is {@code base}: the same with the severity's
     * fill. One per (base, severity), never one per cell.
     */
    int marked(int base, Severity severity) {
        int from = base >= 0 && base < cellXfs.size() ? base : 0;
        return marked.computeIfAbsent(from + "/" + severity, k -> {
            Element xf = cellXfs.get(from);
            String fillId = Integer.toString(fill(severity));
            newXfs.add(xml -> xf.write(xml.out, "fillId", fillId, "applyFill", "1"));
            return counts.get("cellXfs") + newXfs.size() - 1;
        });
    }

    /** The list sheet's formats, added once. */
    ListStyles listStyles() {
        if (listStyles == null) {
            String bold = font("<b/><sz val=\"11\"/><name val=\"Calibri\"/>");
            String big = font("<b/><sz val=\"14\"/><name val=\"Calibri\"/>");
            String blue = font("<u/><sz val=\"11\"/><color indexed=\"12\"/><name val=\"Calibri\"/>");
            String thin = Integer.toString(add("borders", "<border><left style=\"thin\"/><right style=\"thin\"/>"
                    + "<top style=\"thin\"/><bottom style=\"thin\"/><diagonal/></border>"));
            String grey = Integer.toString(add("fills", fillXml("indexed=\"22\"")));
            listStyles = new ListStyles(
                    xf(big, "0", "0", "<alignment wrapText=\"1\"/>"),
                    xf("0", "0", "0", "<alignment wrapText=\"1\"/>"),
                    xf(bold, grey, thin, "<alignment horizontal=\"center\" vertical=\"center\"/>"),
                    xf("0", "0", thin, "<alignment vertical=\"top\"/>"),
                    xf("0", "0", thin, "<alignment vertical=\"top\" wrapText=\"1\"/>"),
                    xf(blue, "0", thin, "<alignment vertical=\"top\"/>"),
                    xf("0", Integer.toString(fill(Severity.ERROR)), thin, "<alignment vertical=\"top\"/>"),
                    xf("0", Integer.toString(fill(Severity.WARNING)), thin, "<alignment vertical=\"top\"/>"));
        }
        return listStyles;
    }

    /** The part with the additions. */
    byte[] patched() throws XMLStreamException {
        XmlCopy xml = new XmlCopy(original);
        for (int e = xml.next(); e != -1; e = xml.next()) {
            String name = e == XMLStreamConstants.START_ELEMENT || e == XMLStreamConstants.END_ELEMENT ? xml.in.getLocalName() : "";
            boolean ours = counts.containsKey(name) && XmlCopy.MAIN_NS.equals(xml.in.getNamespaceURI());
            if (ours && e == XMLStreamConstants.START_ELEMENT) {
                xml.copyStart(List.of("count"));
                xml.out.writeAttribute("count", Integer.toString(counts.get(name) + added(name).size()
                        + ("cellXfs".equals(name) ? newXfs.size() : 0)));
            } else if (ours && e == XMLStreamConstants.END_ELEMENT) {
                for (String item : added(name)) {
                    xml.out.writeRaw(item);
                }
                if ("cellXfs".equals(name)) {
                    for (NewXf xf : newXfs) {
                        xf.write(xml);
                    }
                }
                xml.copy();
            } else {
                xml.copy();
            }
        }
        return xml.finish();
    }

    // ------------------------------------------------------------------------------ additions

    private int fill(Severity severity) {
        String rgb = SeverityMark.argb(severity);
        return fillIds.computeIfAbsent(rgb, k -> add("fills", fillXml("rgb=\"" + rgb + "\"")));
    }

    private static String fillXml(String color) {
        return "<fill><patternFill patternType=\"solid\"><fgColor " + color + "/><bgColor indexed=\"64\"/></patternFill></fill>";
    }

    private String font(String inner) {
        return Integer.toString(add("fonts", "<font>" + inner + "</font>"));
    }

    /** Appends an item (unprefixed XML in the main namespace, the default one of every styles part we patch). */
    private int add(String list, String xml) {
        List<String> items = added.computeIfAbsent(list, k -> new ArrayList<>());
        items.add(xml);
        return counts.get(list) + items.size() - 1;
    }

    private List<String> added(String list) {
        return added.getOrDefault(list, List.of());
    }

    private int xf(String font, String fill, String border, String alignment) {
        String raw = "<xf numFmtId=\"0\" fontId=\"" + font + "\" fillId=\"" + fill + "\" borderId=\"" + border
                + "\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\">" + alignment + "</xf>";
        newXfs.add(xml -> xml.out.writeRaw(raw));
        return counts.get("cellXfs") + newXfs.size() - 1;
    }

    /** A cell format to append: a copy of one of the unit's, or one of the list's. */
    private interface NewXf {
        void write(XmlCopy xml) throws XMLStreamException;
    }
}
