package cn.gov.county.gkreport.draft;

import java.math.BigDecimal;
import java.util.List;

import cn.gov.county.gkreport.consolidate.TotalScope;

/**
 * A piece of a generated paragraph. Figures and comparisons keep the item codes they were taken
 * from, so the draft can be checked against its own tables before it is written.
 */
public sealed interface Span {

    /** What the reader sees. */
    String text();

    /** Plain wording. */
    record Text(String text) implements Span {
    }

    /**
     * A figure: the sum of {@code codes} in {@code scope} (one code for most), printed as {@code text}.
     */
    record Figure(TotalScope scope, List<String> codes, BigDecimal value, String text) implements Span {

        public Figure {
            codes = List.copyOf(codes);
        }
    }

    /**
     * The comparison with last year of the county figure that is the sum of {@code codes}:
     * {@code ，比上年增加 12 件、增长 8.5%}.
     */
    record Change(List<String> codes, BigDecimal current, BigDecimal previous, String unit, String text)
            implements Span {

        public Change {
            codes = List.copyOf(codes);
        }
    }

    /** What only a person can write, highlighted: {@code 【请补充：…】}. */
    record Placeholder(String text) implements Span {
    }

    /** A note to the office, highlighted, to be deleted before publishing. */
    record Note(String text) implements Span {
    }
}
