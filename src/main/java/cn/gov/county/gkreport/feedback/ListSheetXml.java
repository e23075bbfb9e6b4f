package cn.gov.county.gkreport.feedback;

import java.util.List;

import javax.xml.stream.XMLStreamException;

import cn.gov.county.gkreport.feedback.StylePatch.ListStyles;
import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.check.Severity;
import cn.gov.county.gkreport.sheet.ListSheet;

import org.codehaus.stax2.XMLStreamWriter2;

/**
 * The list sheet 校验结果 of a streamed copy, written as sheet XML: what {@link FeedbackListSheet}
 * writes with POI (the same {@link FeedbackList}, widths, heights, merged lines, frozen header,
 * links, A4 landscape fit to width), with the text in the cells themselves (inline strings).
 */
final class ListSheetXml {

    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private ListSheetXml() {
    }

    /** The sheet part. The header is repeated on every printed page by the workbook's Print_Titles name. */
    static byte[] write(FeedbackList list, ListStyles styles) throws XMLStreamException {
        int columns = FeedbackList.HEADERS.length;
        int header = list.lines().size();
        int last = header + list.entries().size();
        XmlCopy xml = XmlCopy.writing();
        XMLStreamWriter2 out = xml.out;
        out.writeStartElement("", "worksheet", XmlCopy.MAIN_NS);
        out.writeDefaultNamespace(XmlCopy.MAIN_NS);
        out.writeNamespace("r", XmlCopy.REL_NS);
        out.writeStartElement("sheetPr");
        empty(out, "pageSetUpPr", "fitToPage", "1");
        out.writeEndElement();
        empty(out, "dimension", "ref", "A1:" + new CellRef(last, columns - 1).a1());
        out.writeStartElement("sheetViews");
        out.writeStartElement("sheetView");
        out.writeAttribute("tabSelected", "1");
        out.writeAttribute("workbookViewId", "0");
        empty(out, "pane", "ySplit", Integer.toString(header + 1), "topLeftCell", new CellRef(header + 1, 0).a1(),
                "activePane", "bottomLeft", "state", "frozen");
        empty(out, "selection", "pane", "bottomLeft");
        out.writeEndElement();
        out.writeEndElement();
        empty(out, "sheetFormatPr", "defaultRowHeight", "15");
        out.writeStartElement("cols");
        for (int c = 0; c < columns; c++) {
            // as SheetRows.widths sets them: characters * 256 + 200, in 1/256 of a character
            empty(out, "col", "min", Integer.toString(c + 1), "max", Integer.toString(c + 1),
                    "width", Double.toString((FeedbackList.WIDTHS[c] * 256 + 200) / 256.0), "customWidth", "1");
        }
        out.writeEndElement();

        out.writeStartElement("sheetData");
        int r = 0;
        for (FeedbackList.Line line : list.lines()) {
            row(out, r, ListSheet.lineHeight(line.text(), FeedbackList.WIDTHS, line.pointsPerLine(), line.fontScale()));
            text(out, r, 0, line.text(), line.title() ? styles.title() : styles.note());
            out.writeEndElement();
            r++;
        }
        row(out, r, 0);
        for (int c = 0; c < columns; c++) {
            text(out, r, c, FeedbackList.HEADERS[c], styles.header());
        }
        out.writeEndElement();
        for (FeedbackList.Entry entry : list.entries()) {
            r++;
            row(out, r, entry.height());
            out.writeStartElement("c");
            out.writeAttribute("r", new CellRef(r, 0).a1());
            out.writeAttribute("s", Integer.toString(styles.text()));
            out.writeStartElement("v");
            out.writeCharacters(Integer.toString(entry.number()));
            out.writeEndElement();
            out.writeEndElement();
            text(out, r, 1, entry.severity().label(), entry.severity() == Severity.ERROR ? styles.error() : styles.warning());
            text(out, r, 2, entry.ruleId(), styles.text());
            text(out, r, 3, entry.sheet(), styles.text());
            text(out, r, 4, entry.cell(), entry.target() == null ? styles.text() : styles.link());
            text(out, r, FeedbackList.MESSAGE_COL, entry.message(), styles.wrapped());
            out.writeEndElement();
        }
        out.writeEndElement();

        out.writeStartElement("mergeCells");
        out.writeAttribute("count", Integer.toString(header));
        for (int line = 0; line < header; line++) {
            empty(out, "mergeCell", "ref", new CellRef(line, 0).a1() + ":" + new CellRef(line, columns - 1).a1());
        }
        out.writeEndElement();
        List<FeedbackList.Entry> linked = list.entries().stream().filter(e -> e.target() != null).toList();
        if (!linked.isEmpty()) {
            out.writeStartElement("hyperlinks");
            for (FeedbackList.Entry entry : linked) {
                empty(out, "hyperlink", "ref", new CellRef(header + entry.number(), 4).a1(), "location",
                        xmlSafe(entry.linkAddress()));
            }
            out.writeEndElement();
        }
        empty(out, "pageMargins", "left", "0.7", "right", "0.7", "top", "0.75", "bottom", "0.75", "header", "0.3",
                "footer", "0.3");
        empty(out, "pageSetup", "paperSize", "9", "orientation", "landscape", "fitToWidth", "1", "fitToHeight", "0");
        out.writeEndElement();
        return xml.finish();
    }

    /**
     * Text as XML can carry it: characters XML 1.0 forbids (control characters a unit may have typed)
     * in OOXML's {@code _xHHHH_} form, as POI writes them; a lone surrogate as U+FFFD.
     */
    static String xmlSafe(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean control = ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' || ch == 0xFFFE || ch == 0xFFFF;
            boolean lone = Character.isHighSurrogate(ch) ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(ch) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (control || lone) {
                if (safe == null) {
                    safe = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                safe.append(control ? String.format("_x%04X_", (int) ch) : "\uFFFD");
            } else if (safe != null) {
                safe.append(ch);
            }
        }
        return safe == null ? text : safe.toString();
    }

    private static void row(XMLStreamWriter2 out, int r, float height) throws XMLStreamException {
        out.writeStartElement("row");
        out.writeAttribute("r", Integer.toString(r + 1));
        if (height > 0) {
            out.writeAttribute("ht", Float.toString(height));
            out.writeAttribute("customHeight", "1");
        }
    }

    /** Always a string cell: nothing a unit wrote can become a formula. */
    private static void text(XMLStreamWriter2 out, int r, int c, String value, int style) throws XMLStreamException {
        out.writeStartElement("c");
        out.writeAttribute("r", new CellRef(r, c).a1());
        out.writeAttribute("s", Integer.toString(style));
        out.writeAttribute("t", "inlineStr");
        out.writeStartElement("is");
        out.writeStartElement("t");
        out.writeAttribute("xml", XML_NS, "space", "preserve");
        out.writeCharacters(xmlSafe(value == null ? "" : value));
        out.writeEndElement();
        out.writeEndElement();
        out.writeEndElement();
    }

    private static void empty(XMLStreamWriter2 out, String name, String... attributes) throws XMLStreamException {
        out.writeEmptyElement(name);
        for (int i = 0; i < attributes.length; i += 2) {
            out.writeAttribute(attributes[i], attributes[i + 1]);
        }
    }
}
