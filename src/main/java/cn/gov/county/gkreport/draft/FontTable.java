package cn.gov.county.gkreport.draft;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRelation;

/**
 * The document's font table with a fallback for each official-document font: most office PCs
 * have 方正小标宋简体 and 仿宋_GB2312, but one without them shows 宋体 and 仿宋 instead of a
 * Latin default (Word and WPS read {@code w:altName}).
 */
final class FontTable {

    /** Font → the font shown where it is missing. */
    static final Map<String, String> FALLBACKS = Map.of(
            DraftDocxWriter.TITLE_FONT, "宋体",
            DraftDocxWriter.BODY_FONT, "仿宋",
            DraftDocxWriter.SUBHEADING_FONT, "楷体",
            DraftDocxWriter.HEADING_FONT, "SimHei",
            DraftDocxWriter.PAGE_NUMBER_FONT, "SimSun");

    private static final String PART = "/word/fontTable.xml";

    private FontTable() {
    }

    static void addTo(XWPFDocument doc) {
        try {
            if (!doc.getPackage().getPartsByName(Pattern.compile(Pattern.quote(PART))).isEmpty()) {
                return;
            }
            PackagePartName name = PackagingURIHelper.createPartName(PART);
            PackagePart part = doc.getPackage().createPart(name, XWPFRelation.FONT_TABLE.getContentType());
            doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
            try (OutputStream out = part.getOutputStream()) {
                out.write(xml().getBytes(StandardCharsets.UTF_8));
            }
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        FALLBACKS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(font -> xml
                .append("<w:font w:name=\"").append(font.getKey()).append("\">")
                .append("<w:altName w:val=\"").append(font.getValue()).append("\"/>")
                .append("<w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"));
        xml.append("<w:font w:name=\"Times New Roman\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/>"
                + "<w:pitch w:val=\"variable\"/></w:font></w:fonts>");
        return xml.toString();
    }
}
