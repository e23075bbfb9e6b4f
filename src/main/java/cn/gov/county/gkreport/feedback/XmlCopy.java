package cn.gov.county.gkreport.feedback;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import com.fasterxml.aalto.stax.OutputFactoryImpl;

import org.codehaus.stax2.XMLOutputFactory2;
import org.codehaus.stax2.XMLStreamWriter2;

/**
 * One StAX pass over a part: every event copied from reader to writer as it was, except where a
 * patch of a part steps in. Aalto parses and writes (as the grid reader does); a DOCTYPE is refused,
 * so no entity of a unit's file is ever expanded.
 */
final class XmlCopy {

    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static final String PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static final XMLInputFactory IN = new InputFactoryImpl();
    private static final OutputFactoryImpl OUT = new OutputFactoryImpl();

    static {
        IN.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        IN.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        IN.setProperty(XMLInputFactory.IS_COALESCING, false);
        OUT.setProperty(XMLOutputFactory2.P_AUTOMATIC_EMPTY_ELEMENTS, true);
    }

    final XMLStreamReader in;
    final XMLStreamWriter2 out;
    private final ByteArrayOutputStream bytes;

    XmlCopy(byte[] part) throws XMLStreamException {
        this.in = IN.createXMLStreamReader(new ByteArrayInputStream(part));
        this.bytes = new ByteArrayOutputStream(part.length + 4096);
        this.out = (XMLStreamWriter2) OUT.createXMLStreamWriter(bytes, "UTF-8");
        out.writeStartDocument("1.0", "UTF-8", true);
    }

    /** A new part written from scratch. */
    static XmlCopy writing() throws XMLStreamException {
        return new XmlCopy();
    }

    private XmlCopy() throws XMLStreamException {
        this.in = null;
        this.bytes = new ByteArrayOutputStream(8192);
        this.out = (XMLStreamWriter2) OUT.createXMLStreamWriter(bytes, "UTF-8");
        out.writeStartDocument("1.0", "UTF-8", true);
    }

    /** The next event, or -1 at the end of the part. */
    int next() throws XMLStreamException {
        if (!in.hasNext()) {
            return -1;
        }
        int event = in.next();
        if (event == XMLStreamConstants.DTD) {
            throw new XMLStreamException("DOCTYPE in an OOXML part");
        }
        return event;
    }

    /** Copies the current event unchanged. */
    void copy() throws XMLStreamException {
        switch (in.getEventType()) {
            case XMLStreamConstants.START_ELEMENT -> copyStart(List.of());
            case XMLStreamConstants.END_ELEMENT -> out.writeEndElement();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE ->
                    out.writeCharacters(in.getTextCharacters(), in.getTextStart(), in.getTextLength());
            case XMLStreamConstants.CDATA -> out.writeCData(in.getText());
            case XMLStreamConstants.COMMENT -> out.writeComment(in.getText());
            case XMLStreamConstants.PROCESSING_INSTRUCTION -> out.writeProcessingInstruction(in.getPITarget(), in.getPIData());
            case XMLStreamConstants.END_DOCUMENT -> out.writeEndDocument();
            default -> {
                // START_DOCUMENT is written by the constructor; entity references are not reported by Aalto
            }
        }
    }

    /** Copies the current start tag with its namespaces, without the named attributes (replaced by the caller). */
    void copyStart(List<String> dropped) throws XMLStreamException {
        String prefix = in.getPrefix();
        out.writeStartElement(prefix == null ? "" : prefix, in.getLocalName(), nullToEmpty(in.getNamespaceURI()));
        for (int i = 0; i < in.getNamespaceCount(); i++) {
            String p = in.getNamespacePrefix(i);
            if (p == null || p.isEmpty()) {
                out.writeDefaultNamespace(in.getNamespaceURI(i));
            } else {
                out.writeNamespace(p, in.getNamespaceURI(i));
            }
        }
        for (int i = 0; i < in.getAttributeCount(); i++) {
            String ns = nullToEmpty(in.getAttributeNamespace(i));
            if (ns.isEmpty() && dropped.contains(in.getAttributeLocalName(i))) {
                continue;
            }
            if (ns.isEmpty()) {
                out.writeAttribute(in.getAttributeLocalName(i), in.getAttributeValue(i));
            } else {
                out.writeAttribute(nullToEmpty(in.getAttributePrefix(i)), ns, in.getAttributeLocalName(i), in.getAttributeValue(i));
            }
        }
    }

    /** An attribute of the current start tag without a namespace, or {@code null}. */
    String attribute(String name) {
        return in.getAttributeValue(null, name);
    }

    /** Whether the current event starts an element of that local name. */
    boolean starts(String localName) {
        return in.getEventType() == XMLStreamConstants.START_ELEMENT && localName.equals(in.getLocalName());
    }

    boolean ends(String localName) {
        return in.getEventType() == XMLStreamConstants.END_ELEMENT && localName.equals(in.getLocalName());
    }

    /** Starts a new element in the namespace and with the prefix of the element just read. */
    void startLike(String localName) throws XMLStreamException {
        String prefix = in.getPrefix();
        out.writeStartElement(prefix == null ? "" : prefix, localName, nullToEmpty(in.getNamespaceURI()));
    }

    /** Copies the whole element the reader is on (its start tag), to its end tag. */
    void copyElement() throws XMLStreamException {
        int depth = 0;
        do {
            if (in.getEventType() == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (in.getEventType() == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            copy();
        } while (depth > 0 && next() != -1);
    }

    /** Reads the element the reader is on into a tree, to be written again (once or several times) later. */
    Element capture() throws XMLStreamException {
        List<String[]> attributes = new ArrayList<>();
        for (int i = 0; i < in.getAttributeCount(); i++) {
            attributes.add(new String[] {nullToEmpty(in.getAttributePrefix(i)), nullToEmpty(in.getAttributeNamespace(i)),
                    in.getAttributeLocalName(i), in.getAttributeValue(i)});
        }
        Element element = new Element(nullToEmpty(in.getPrefix()), in.getLocalName(), nullToEmpty(in.getNamespaceURI()),
                attributes, new ArrayList<>());
        while (next() != -1) {
            if (in.getEventType() == XMLStreamConstants.START_ELEMENT) {
                element.children().add(capture());
            } else if (in.getEventType() == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        return element;
    }

    /** The part as written. */
    byte[] finish() throws XMLStreamException {
        out.writeEndDocument();
        out.close();
        if (in != null) {
            in.close();
        }
        return bytes.toByteArray();
    }

    /** An element without text (the children of an xf: alignment, protection, extLst). */
    record Element(String prefix, String localName, String namespace, List<String[]> attributes, List<Element> children) {

        String attribute(String name) {
            for (String[] a : attributes) {
                if (a[1].isEmpty() && a[2].equals(name)) {
                    return a[3];
                }
            }
            return null;
        }

        /** Writes the element with some unprefixed attributes replaced or added (in the order given). */
        void write(XMLStreamWriter out, String... replaced) throws XMLStreamException {
            out.writeStartElement(prefix, localName, namespace);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < replaced.length; i += 2) {
                names.add(replaced[i]);
            }
            for (String[] a : attributes) {
                if (a[1].isEmpty() && names.contains(a[2])) {
                    continue;
                }
                if (a[1].isEmpty()) {
                    out.writeAttribute(a[2], a[3]);
                } else {
                    out.writeAttribute(a[0], a[1], a[2], a[3]);
                }
            }
            for (int i = 0; i < replaced.length; i += 2) {
                out.writeAttribute(replaced[i], replaced[i + 1]);
            }
            for (Element child : children) {
                child.write(out);
            }
            out.writeEndElement();
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
