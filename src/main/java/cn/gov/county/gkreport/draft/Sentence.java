package cn.gov.county.gkreport.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.ValueType;

/**
 * Builds a generated paragraph from wording and figures; every figure is taken from the draft's
 * data by item code and keeps the codes, so {@link DraftCheck} can hold it against the tables.
 */
final class Sentence {

    private final FormDefinition form;
    private final DraftData data;
    private final List<Span> spans = new ArrayList<>();

    Sentence(FormDefinition form, DraftData data) {
        this.form = form;
        this.data = data;
    }

    Sentence text(String text) {
        spans.add(new Span.Text(text));
        return this;
    }

    /** The total of the codes, then the unit word: {@code 70件}. */
    Sentence figure(String unit, String... codes) {
        return subtotal(TotalScope.COUNTY, unit, codes);
    }

    /** A subtotal of one kind of unit (镇, 县直单位), then the unit word. */
    Sentence subtotal(TotalScope scope, String unit, String... codes) {
        List<String> list = List.of(codes);
        BigDecimal value = data.sum(scope, list);
        spans.add(new Span.Figure(scope, list, value, Numbers.format(value, type(list))));
        return text(unit);
    }

    /** The total with the unit word and, when last year is in the database, the comparison with it. */
    Sentence compared(String unit, String... codes) {
        figure(unit, codes);
        List<String> list = List.of(codes);
        data.previousSum(list).ifPresent(previous -> {
            BigDecimal current = data.sum(TotalScope.COUNTY, list);
            spans.add(new Span.Change(list, current, previous, unit,
                    Numbers.change(current, previous, unit, type(list))));
        });
        return this;
    }

    Sentence placeholder(String what) {
        spans.add(new Span.Placeholder("【请补充：" + what + "】"));
        return this;
    }

    BigDecimal value(String... codes) {
        return data.sum(TotalScope.COUNTY, List.of(codes));
    }

    Block.Paragraph build() {
        return Block.Paragraph.of(spans);
    }

    private ValueType type(List<String> codes) {
        return form.item(codes.get(0)).type();
    }
}
