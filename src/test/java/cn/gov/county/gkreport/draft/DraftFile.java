package cn.gov.county.gkreport.draft;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;

/** A written draft read back with XWPF, as Word would see it. */
final class DraftFile implements AutoCloseable {

    final XWPFDocument doc;

    private DraftFile(XWPFDocument doc) {
        this.doc = doc;
    }

    static DraftFile open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new DraftFile(new XWPFDocument(in));
        }
    }

    /** The texts of the paragraphs marked as headings of a level (outline level 0 = 一、…). */
    List<String> headings(int level) {
        List<String> headings = new ArrayList<>();
        for (XWPFParagraph p : doc.getParagraphs()) {
            if (p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetOutlineLvl()
                    && p.getCTP().getPPr().getOutlineLvl().getVal().intValue() == level - 1) {
                headings.add(p.getText());
            }
        }
        return headings;
    }

    /** The body paragraphs' text, in order. */
    List<String> paragraphs() {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    }

    String text() {
        return String.join("\n", paragraphs());
    }

    List<XWPFRun> runs() {
        return doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).toList();
    }

    List<XWPFTable> tables() {
        return doc.getTables();
    }

    static int span(org.apache.poi.xwpf.usermodel.XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        return pr != null && pr.isSetGridSpan() ? pr.getGridSpan().getVal().intValue() : 1;
    }

    static String merge(org.apache.poi.xwpf.usermodel.XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        return pr != null && pr.isSetVMerge() ? String.valueOf(pr.getVMerge().getVal()) : "";
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }
}
