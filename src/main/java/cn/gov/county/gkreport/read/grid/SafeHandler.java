package cn.gov.county.gkreport.read.grid;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The base of every handler of an .xlsx part: refuses any entity resolution outright, as defence
 * behind the refused DOCTYPE, and reads attributes the way Aalto needs.
 */
abstract class SafeHandler extends DefaultHandler {

    @Override
    public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
        throw new StopParsing(new UnreadableWorkbookException(UnreadableReason.UNSAFE_CONTENT,
                "external entity " + systemId));
    }

    /**
     * An attribute without namespace, by name. Looked up by index rather than with
     * {@code getValue("", name)}: Aalto 1.3.3 answers that from the previous element's attributes
     * when the current element lacks the attribute (a {@code <c>} without {@code r} got the row's r).
     */
    static String attribute(Attributes atts, String name) {
        for (int i = 0; i < atts.getLength(); i++) {
            if (name.equals(atts.getLocalName(i)) && atts.getURI(i).isEmpty()) {
                return atts.getValue(i);
            }
        }
        return null;
    }

    /**
     * A non-negative int as {@link #parseIntOrNull} reads it, or -1 (none, or negative). Plain digits,
     * which every cell's style and shared-string index and every row number are, take no boxing or
     * trimming: this runs several times per cell.
     */
    static int parseIndex(String s) {
        if (s != null && StoredNumbers.isDigits(s, 9)) {
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                n = n * 10 + (s.charAt(i) - '0');
            }
            return n;
        }
        Integer n = parseIntOrNull(s);
        return n == null || n < 0 ? -1 : n;
    }

    static Integer parseIntOrNull(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
