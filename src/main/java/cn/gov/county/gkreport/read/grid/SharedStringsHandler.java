package cn.gov.county.gkreport.read.grid;

import java.util.ArrayList;
import java.util.List;

import org.xml.sax.Attributes;

/** xl/sharedStrings.xml: each string item, rich runs joined, phonetic runs left out. */
final class SharedStringsHandler extends SafeHandler {

    final List<String> strings = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int phoneticDepth;
    private boolean inT;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        switch (localName) {
            case "si" -> text.setLength(0);
            case "rPh" -> phoneticDepth++;
            case "t" -> inT = phoneticDepth == 0;
            default -> {
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "si" -> strings.add(OoxmlEscapes.decode(text.toString()));
            case "rPh" -> phoneticDepth--;
            case "t" -> inT = false;
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inT) {
            text.append(ch, start, length);
        }
    }
}
