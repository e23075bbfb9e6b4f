package cn.gov.county.gkreport.draft;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHighlightColor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

/**
 * Writes a {@link DraftDocument} as a Word document laid out as GB/T 9704 lays out official
 * documents: A4, margins 37 mm (top), 35 mm (bottom), 28 mm (left, binding side), 26 mm (right),
 * a text block of 156 × 225 mm; title 2号 方正小标宋简体, body 3号 仿宋_GB2312 on a 28 pt line,
 * headings 黑体 (一、) and 楷体_GB2312 (（一）), page numbers 4号 "— 1 —" at the outer edge.
 * A machine without those fonts shows the fonts named in the document's font table instead
 * ({@link FontTable}: 宋体, 仿宋, 楷体).
 */
public final class DraftDocxWriter {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";
    static final String SUBHEADING_FONT = "楷体_GB2312";
    static final String PAGE_NUMBER_FONT = "宋体";
    private static final String LATIN_FONT = "Times New Roman";

    private static final double TITLE_PT = 22;       // 2号
    private static final double BODY_PT = 16;        // 3号
    private static final double PAGE_NUMBER_PT = 14; // 4号
    private static final double TABLE_PT = 10.5;     // 五号
    private static final double WIDE_TABLE_PT = 9;   // 小五, for 表四's fifteen columns
    private static final int LINE_TWIPS = 560;       // 28 pt: 22 lines on the 225 mm text block
    private static final int TITLE_LINE_TWIPS = 700;
    private static final int INDENT_TWIPS = 640;     // two characters of 3号

    public void write(DraftDocument draft, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            pageSetup(doc);
            title(doc, draft.titleLines());
            List<Block> blocks = draft.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                Block block = blocks.get(i);
                if (block instanceof Block.Heading heading) {
                    heading(doc, heading);
                } else if (block instanceof Block.Paragraph paragraph) {
                    XWPFParagraph written = paragraph(doc, paragraph);
                    // GB/T 9704: the signature never stands alone on a page; it keeps the last paragraph with it.
                    if (i + 1 < blocks.size() && blocks.get(i + 1) instanceof Block.Paragraph next
                            && next.alignment() == Block.Alignment.RIGHT) {
                        pPr(written).addNewKeepNext();
                    }
                } else if (block instanceof Block.Table table) {
                    table(doc, table);
                }
            }
            pageNumbers(doc);
            FontTable.addTo(doc);
            doc.write(out);
        }
    }

    private static void pageSetup(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(twips(37)));
        margins.setBottom(BigInteger.valueOf(twips(35)));
        margins.setLeft(BigInteger.valueOf(twips(28)));
        margins.setRight(BigInteger.valueOf(twips(26)));
        margins.setHeader(BigInteger.valueOf(twips(15)));
        // The page number sits about 7 mm below the text block.
        margins.setFooter(BigInteger.valueOf(twips(22)));
        margins.setGutter(BigInteger.ZERO);
    }

    private static void title(XWPFDocument doc, List<String> lines) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        spacing(p, TITLE_LINE_TWIPS);
        for (int i = 0; i < lines.size(); i++) {
            XWPFRun line = run(p, lines.get(i), TITLE_FONT, TITLE_PT, false);
            if (i < lines.size() - 1) {
                line.addBreak();
            }
        }
        // GB/T 9704: one empty line between title and body.
        XWPFParagraph gap = doc.createParagraph();
        spacing(gap, LINE_TWIPS);
    }

    private static void heading(XWPFDocument doc, Block.Heading heading) {
        XWPFParagraph p = doc.createParagraph();
        body(p);
        run(p, heading.text(), heading.level() == 1 ? HEADING_FONT : SUBHEADING_FONT, BODY_PT);
        p.getCTP().getPPr().addNewKeepNext();
        p.getCTP().getPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(heading.level() - 1L));
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, Block.Paragraph paragraph) {
        XWPFParagraph p = doc.createParagraph();
        body(p);
        if (paragraph.alignment() == Block.Alignment.RIGHT) {
            p.setAlignment(ParagraphAlignment.RIGHT);
            p.setIndentationFirstLine(0);
            p.setIndentationRight(INDENT_TWIPS * 2);
        } else if (paragraph.alignment() == Block.Alignment.CENTER) {
            p.setAlignment(ParagraphAlignment.CENTER);
            p.setIndentationFirstLine(0);
        }
        for (Span span : paragraph.spans()) {
            run(p, span.text(), BODY_FONT, BODY_PT, span instanceof Span.Placeholder || span instanceof Span.Note);
        }
        return p;
    }

    /** Body text: justified, first line indented two characters, exact 28 pt lines. */
    private static void body(XWPFParagraph p) {
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(INDENT_TWIPS);
        spacing(p, LINE_TWIPS);
    }

    private static void table(XWPFDocument doc, Block.Table block) {
        double fontSize = block.columnWidths().size() > 10 ? WIDE_TABLE_PT : TABLE_PT;
        XWPFTable table = doc.createTable();
        table.setTableAlignment(TableRowAlign.CENTER);
        CTTblPr properties = table.getCTTbl().getTblPr();
        properties.addNewTblLayout().setType(STTblLayoutType.FIXED);
        table.setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.DXA);
        table.setWidth(Integer.toString(twips(FormTables.TEXT_WIDTH_MM)));
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid()
                : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        List<Double> widths = block.columnWidths();
        widths.forEach(w -> grid.addNewGridCol().setW(BigInteger.valueOf(twips(w))));
        for (int r = 0; r < block.rows().size(); r++) {
            List<Block.Cell> cells = block.rows().get(r);
            XWPFTableRow row = r == 0 ? table.getRow(0) : table.createRow();
            while (row.getTableCells().size() > cells.size()) {
                row.removeCell(row.getTableCells().size() - 1);
            }
            while (row.getTableCells().size() < cells.size()) {
                row.addNewTableCell();
            }
            row.setCantSplitRow(true);
            if (r < block.headerRows()) {
                row.setRepeatHeader(true);
            }
            int column = 0;
            for (int c = 0; c < cells.size(); c++) {
                Block.Cell cell = cells.get(c);
                double width = widths.subList(column, column + cell.columnSpan()).stream()
                        .mapToDouble(Double::doubleValue).sum();
                cell(row.getCell(c), cell, width, fontSize);
                column += cell.columnSpan();
            }
        }
        // An empty line after the table, so the next heading does not touch it.
        spacing(doc.createParagraph(), LINE_TWIPS);
    }

    private static void cell(XWPFTableCell target, Block.Cell cell, double widthMm, double fontSize) {
        CTTcPr properties = target.getCTTc().isSetTcPr() ? target.getCTTc().getTcPr() : target.getCTTc().addNewTcPr();
        properties.addNewTcW().setW(BigInteger.valueOf(twips(widthMm)));
        properties.getTcW().setType(STTblWidth.DXA);
        if (cell.columnSpan() > 1) {
            properties.addNewGridSpan().setVal(BigInteger.valueOf(cell.columnSpan()));
        }
        if (cell.merge() == Block.VerticalMerge.START) {
            properties.addNewVMerge().setVal(STMerge.RESTART);
        } else if (cell.merge() == Block.VerticalMerge.CONTINUE) {
            properties.addNewVMerge().setVal(STMerge.CONTINUE);
        }
        properties.addNewVAlign().setVal(STVerticalJc.CENTER);
        XWPFParagraph p = target.getParagraphs().get(0);
        p.setAlignment(cell.leading() ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
        CTSpacing spacing = pPr(p).addNewSpacing();
        spacing.setLine(BigInteger.valueOf(240));
        spacing.setLineRule(STLineSpacingRule.AUTO);
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        if (!cell.text().isEmpty()) {
            run(p, cell.text(), BODY_FONT, fontSize);
        }
    }

    /** "— 1 —" in 4号 宋体: odd pages at the right, even pages at the left, one character in from the edge. */
    private static void pageNumbers(XWPFDocument doc) {
        doc.setEvenAndOddHeadings(true);
        pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    private static void pageNumber(XWPFFooter footer, ParagraphAlignment alignment) {
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setAlignment(alignment);
        int indent = (int) Math.round(PAGE_NUMBER_PT * 20);
        if (alignment == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(indent);
        } else {
            p.setIndentationLeft(indent);
        }
        run(p, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_PT);
        CTSimpleField field = p.getCTP().addNewFldSimple();
        field.setInstr(" PAGE ");
        CTR number = field.addNewR();
        fonts(number.addNewRPr(), PAGE_NUMBER_FONT, PAGE_NUMBER_PT);
        number.addNewT().setStringValue("1");
        // A run after the field: added to the paragraph's XML after the field element.
        CTR dash = p.getCTP().addNewR();
        fonts(dash.addNewRPr(), PAGE_NUMBER_FONT, PAGE_NUMBER_PT);
        dash.addNewT().setStringValue(" —");
        dash.getTArray(0).setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
    }

    private static void run(XWPFParagraph p, String text, String font, double size) {
        run(p, text, font, size, false);
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, double size, boolean highlighted) {
        XWPFRun run = p.createRun();
        run.setText(text);
        fonts(run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr(), font, size, highlighted);
        return run;
    }

    /** Chinese text in {@code font}, Latin letters and digits in Times New Roman, as official documents set them. */
    private static void fonts(CTRPr properties, String font, double size) {
        fonts(properties, font, size, false);
    }

    /** The run properties in the order of the schema's sequence (rFonts, sz, szCs, highlight, lang), which Word expects. */
    private static void fonts(CTRPr properties, String font, double size, boolean highlighted) {
        CTFonts fonts = properties.sizeOfRFontsArray() > 0 ? properties.getRFontsArray(0) : properties.addNewRFonts();
        fonts.setEastAsia(font);
        fonts.setAscii(LATIN_FONT);
        fonts.setHAnsi(LATIN_FONT);
        fonts.setCs(LATIN_FONT);
        BigInteger halfPoints = BigInteger.valueOf(Math.round(size * 2));
        properties.addNewSz().setVal(halfPoints);
        properties.addNewSzCs().setVal(halfPoints);
        if (highlighted) {
            properties.addNewHighlight().setVal(STHighlightColor.YELLOW);
        }
        properties.addNewLang().setEastAsia("zh-CN");
    }

    private static void spacing(XWPFParagraph p, int lineTwips) {
        CTSpacing spacing = pPr(p).isSetSpacing() ? pPr(p).getSpacing() : pPr(p).addNewSpacing();
        spacing.setLine(BigInteger.valueOf(lineTwips));
        spacing.setLineRule(STLineSpacingRule.EXACT);
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
    }

    private static CTPPr pPr(XWPFParagraph p) {
        return p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
    }

    static int twips(double millimetres) {
        return (int) Math.round(millimetres * 1440 / 25.4);
    }
}
