package cn.gov.county.gkreport.draft;

import java.math.BigDecimal;
import java.util.List;

import cn.gov.county.gkreport.form.FormTable;

/** A block of the draft report, in reading order. */
public sealed interface Block {

    /**
     * A heading: level 1 {@code 一、总体情况} (黑体), level 2 {@code （一）主动公开} (楷体).
     */
    record Heading(int level, String text) implements Block {
    }

    /** A body paragraph; {@code alignment} RIGHT for the signature, CENTER for table titles. */
    record Paragraph(List<Span> spans, Alignment alignment) implements Block {

        public Paragraph {
            spans = List.copyOf(spans);
        }

        public static Paragraph of(List<Span> spans) {
            return new Paragraph(spans, Alignment.BODY);
        }

        public String text() {
            StringBuilder text = new StringBuilder();
            spans.forEach(s -> text.append(s.text()));
            return text.toString();
        }
    }

    /** How a paragraph sits on the line. */
    enum Alignment { BODY, RIGHT, CENTER }

    /**
     * A table of the national form as printed: a grid of cells, some merged across columns
     * ({@link Cell#columnSpan}) or down rows ({@link Cell#merge}).
     *
     * @param headerRows   how many rows repeat on each page
     * @param columnWidths in millimetres, one per grid column
     */
    record Table(FormTable table, List<List<Cell>> rows, int headerRows, List<Double> columnWidths) implements Block {

        public Table {
            rows = rows.stream().map(List::copyOf).toList();
            columnWidths = List.copyOf(columnWidths);
        }
    }

    /** How a cell takes part in a vertical merge. */
    enum VerticalMerge { NONE, START, CONTINUE }

    /**
     * A cell of a form table.
     *
     * @param itemCode the form item it shows, or {@code null} for a label
     * @param value    the figure shown, or {@code null} for a label
     * @param leading  a label read from the left (a row's own label, the corner note); others are centred
     */
    record Cell(String text, String itemCode, BigDecimal value, int columnSpan, VerticalMerge merge, boolean header,
                boolean leading) {

        static Cell label(String text, int columnSpan, VerticalMerge merge) {
            return new Cell(text, null, null, columnSpan, merge, true, false);
        }

        static Cell leading(String text, int columnSpan, VerticalMerge merge) {
            return new Cell(text, null, null, columnSpan, merge, true, true);
        }

        static Cell label(String text) {
            return label(text, 1, VerticalMerge.NONE);
        }

        /** The lower part of a vertically merged label. */
        static Cell below(int columnSpan) {
            return label("", columnSpan, VerticalMerge.CONTINUE);
        }
    }
}
