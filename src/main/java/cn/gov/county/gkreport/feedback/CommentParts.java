package cn.gov.county.gkreport.feedback;

import java.util.Map;

import javax.xml.stream.XMLStreamException;

import cn.gov.county.gkreport.feedback.CellMarks.CommentBox;
import cn.gov.county.gkreport.form.CellRef;

import org.apache.poi.ss.SpreadsheetVersion;
import org.codehaus.stax2.XMLStreamWriter2;

/**
 * The two parts that carry a sheet's comments in the streamed copy: the comments themselves
 * ({@code xl/commentsN.xml}, author {@link CellMarks#AUTHOR}) and the VML drawing of their boxes,
 * hidden until the mouse is over the cell, placed as {@link CellMarks} places them.
 */
final class CommentParts {

    static final String COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
    static final String VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";

    private static final String VML = "urn:schemas-microsoft-com:vml";
    private static final String OFFICE = "urn:schemas-microsoft-com:office:office";
    private static final String EXCEL = "urn:schemas-microsoft-com:office:excel";

    private CommentParts() {
    }

    /** The comments part: one comment per cell, its text as given (already capped). */
    static byte[] comments(Map<CellRef, String> notes) throws XMLStreamException {
        XmlCopy xml = XmlCopy.writing();
        XMLStreamWriter2 out = xml.out;
        out.writeStartElement("", "comments", XmlCopy.MAIN_NS);
        out.writeDefaultNamespace(XmlCopy.MAIN_NS);
        out.writeStartElement("authors");
        element(out, "author", CellMarks.AUTHOR);
        out.writeEndElement();
        out.writeStartElement("commentList");
        for (Map.Entry<CellRef, String> note : notes.entrySet()) {
            out.writeStartElement("comment");
            out.writeAttribute("ref", note.getKey().a1());
            out.writeAttribute("authorId", "0");
            out.writeStartElement("text");
            out.writeStartElement("t");
            out.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "space", "preserve");
            out.writeCharacters(ListSheetXml.xmlSafe(note.getValue()));
            out.writeEndElement();
            out.writeEndElement();
            out.writeEndElement();
        }
        out.writeEndElement();
        out.writeEndElement();
        return xml.finish();
    }

    /**
     * The VML drawing of the comment boxes. {@code drawingNumber} makes the shape ids unique in the
     * workbook (Excel numbers a drawing's shapes from 1024 times its id block).
     */
    static byte[] vml(Map<CellRef, String> notes, int drawingNumber) throws XMLStreamException {
        XmlCopy xml = XmlCopy.writing();
        XMLStreamWriter2 out = xml.out;
        out.writeStartElement("", "xml", "");
        out.writeNamespace("v", VML);
        out.writeNamespace("o", OFFICE);
        out.writeNamespace("x", EXCEL);
        out.writeStartElement("o", "shapelayout", OFFICE);
        out.writeAttribute("v", VML, "ext", "edit");
        out.writeEmptyElement("o", "idmap", OFFICE);
        out.writeAttribute("v", VML, "ext", "edit");
        out.writeAttribute("data", Integer.toString(drawingNumber));
        out.writeEndElement();
        out.writeStartElement("v", "shapetype", VML);
        out.writeAttribute("id", "_x0000_t202");
        out.writeAttribute("coordsize", "21600,21600");
        out.writeAttribute("o", OFFICE, "spt", "202");
        out.writeAttribute("path", "m,l,21600r21600,l21600,xe");
        out.writeEmptyElement("v", "stroke", VML);
        out.writeAttribute("joinstyle", "miter");
        out.writeEmptyElement("v", "path", VML);
        out.writeAttribute("gradientshapeok", "t");
        out.writeAttribute("o", OFFICE, "connecttype", "rect");
        out.writeEndElement();
        int shape = 1024 * drawingNumber;
        for (CellRef cell : notes.keySet()) {
            CommentBox box = CommentBox.beside(cell.row(), cell.col(), SpreadsheetVersion.EXCEL2007);
            out.writeStartElement("v", "shape", VML);
            out.writeAttribute("id", "_x0000_s" + (++shape));
            out.writeAttribute("type", "#_x0000_t202");
            out.writeAttribute("style", "position:absolute; visibility:hidden");
            out.writeAttribute("fillcolor", "#ffffe1");
            out.writeAttribute("o", OFFICE, "insetmode", "auto");
            out.writeEmptyElement("v", "fill", VML);
            out.writeAttribute("color", "#ffffe1");
            out.writeEmptyElement("v", "shadow", VML);
            out.writeAttribute("on", "t");
            out.writeAttribute("color", "black");
            out.writeAttribute("obscured", "t");
            out.writeEmptyElement("v", "path", VML);
            out.writeAttribute("o", OFFICE, "connecttype", "none");
            out.writeEmptyElement("v", "textbox", VML);
            out.writeAttribute("style", "mso-direction-alt:auto");
            out.writeStartElement("x", "ClientData", EXCEL);
            out.writeAttribute("ObjectType", "Note");
            out.writeEmptyElement("x", "MoveWithCells", EXCEL);
            out.writeEmptyElement("x", "SizeWithCells", EXCEL);
            element(out, "x", "Anchor", box.col1() + ", 0, " + box.row1() + ", 0, " + box.col2() + ", 0, " + box.row2() + ", 0");
            element(out, "x", "AutoFill", "False");
            element(out, "x", "Row", Integer.toString(cell.row()));
            element(out, "x", "Column", Integer.toString(cell.col()));
            out.writeEndElement();
            out.writeEndElement();
        }
        out.writeEndElement();
        return xml.finish();
    }

    private static void element(XMLStreamWriter2 out, String name, String text) throws XMLStreamException {
        out.writeStartElement(name);
        out.writeCharacters(text);
        out.writeEndElement();
    }

    private static void element(XMLStreamWriter2 out, String prefix, String name, String text) throws XMLStreamException {
        out.writeStartElement(prefix, name, EXCEL);
        out.writeCharacters(text);
        out.writeEndElement();
    }
}
