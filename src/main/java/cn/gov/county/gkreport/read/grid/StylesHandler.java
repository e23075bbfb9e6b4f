package cn.gov.county.gkreport.read.grid;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.xml.sax.Attributes;

/** xl/styles.xml: which cell style indexes carry a date or time number format. */
final class StylesHandler extends SafeHandler {

    private final Map<Integer, String> customFormats = new HashMap<>();
    private final List<Integer> cellXfFormats = new ArrayList<>();
    private boolean inCellXfs;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        switch (localName) {
            case "numFmt" -> {
                Integer id = parseIntOrNull(attribute(atts, "numFmtId"));
                String code = attribute(atts, "formatCode");
                if (id != null && code != null) {
                    customFormats.put(id, code);
                }
            }
            case "cellXfs" -> inCellXfs = true;
            case "xf" -> {
                if (inCellXfs) {
                    Integer id = parseIntOrNull(attribute(atts, "numFmtId"));
                    cellXfFormats.add(id == null ? 0 : id);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if ("cellXfs".equals(localName)) {
            inCellXfs = false;
        }
    }

    BitSet dateStyles() {
        BitSet dates = new BitSet(cellXfFormats.size());
        for (int i = 0; i < cellXfFormats.size(); i++) {
            int id = cellXfFormats.get(i);
            if (DateFormats.isDateFormat(id, customFormats.get(id))) {
                dates.set(i);
            }
        }
        return dates;
    }
}
