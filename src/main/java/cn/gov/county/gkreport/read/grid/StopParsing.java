package cn.gov.county.gkreport.read.grid;

import org.xml.sax.SAXException;

/** Thrown from a SAX handler to stop parsing at once with a reason. */
final class StopParsing extends SAXException {

    private static final long serialVersionUID = 1L;
    private final transient UnreadableWorkbookException failure;

    StopParsing(UnreadableWorkbookException failure) {
        super(failure.getMessage());
        this.failure = failure;
    }

    /** The reason a handler stopped parsing, however the parser wrapped it; {@code null} when none did. */
    static UnreadableWorkbookException reason(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof StopParsing stop) {
                return stop.failure;
            }
        }
        return null;
    }
}
