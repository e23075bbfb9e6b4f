package cn.gov.county.gkreport.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The national form as data (forms/gb-2021.yaml), checked against the spec's description. */
class FormDefinitionTest {

    private final FormDefinition form = FormDefinitionLoader.loadCurrent();

    @Test
    void describesTheTablesOfThe2021Format() {
        assertThat(form.id()).isEqualTo("gb-2021");
        assertThat(form.items().stream().filter(i -> i.table() == FormTable.T2)).hasSize(10)
                .noneMatch(FormItem::derived);
        assertThat(form.table3().rows()).hasSize(25);
        assertThat(form.table3().columns()).extracting(Table3Column::label)
                .containsExactly("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计");
        assertThat(form.items().stream().filter(i -> i.table() == FormTable.T3)).hasSize(25 * 7);
        assertThat(form.items().stream().filter(i -> i.table() == FormTable.T4)).hasSize(15);
        assertThat(form.item("T2.FEE.AMOUNT").type()).isEqualTo(ValueType.AMOUNT);
        assertThat(form.item("T3.R4_1.NAT").describe()).isEqualTo("表三 \"（四）无法提供 1.本机关不掌握相关政府信息\" 行 / \"自然人\" 列");
    }

    @Test
    void marksThe总计ColumnAndThe七总计RowOf表三AsDerived() {
        assertThat(form.item("T3.NEW.TOTAL").derived()).isTrue();
        assertThat(form.item("T3.R7_TOTAL.NAT").derived()).isTrue();
        assertThat(form.item("T3.R7_TOTAL.TOTAL").derived()).isTrue();
        assertThat(form.item("T3.NEW.NAT").derived()).isFalse();
        assertThat(form.item("T3.CARRY_OUT.OTH").derived()).isFalse();
        assertThat(form.items().stream().filter(i -> i.table() == FormTable.T3 && !i.derived())).hasSize(24 * 6);
    }

    @Test
    void definesTheSumsTheRulesCheck() {
        assertThat(form.relations("T3-ROW")).hasSize(25);
        assertThat(form.relations("T3-SUM")).hasSize(7)
                .allSatisfy(r -> assertThat(r.partCodes()).hasSize(21));
        assertThat(form.relations("T4-SUM")).hasSize(3);
        assertThat(form.relations("N-SUM")).extracting(SumRelation::totalCode)
                .containsExactly("N.WEB_TOTAL", "N.CLEANUP_TOTAL");
    }

    @Test
    void recomputesEveryDerivedTotalFromTheInputs() {
        Map<String, BigDecimal> inputs = new HashMap<>();
        inputs.put("T3.R4_1.NAT", BigDecimal.valueOf(18));
        inputs.put("T3.R4_1.BIZ", BigDecimal.valueOf(2));
        inputs.put("T3.R1.NAT", BigDecimal.valueOf(37));
        inputs.put("T4.REVIEW.UPHELD", BigDecimal.valueOf(22));
        inputs.put("T4.REVIEW.CORRECTED", BigDecimal.valueOf(6));
        inputs.put("N.CLEANUP_NOTICE", BigDecimal.valueOf(651));
        inputs.put("N.CLEANUP_DOCS", BigDecimal.valueOf(154));
        // a submitted total is ignored: totals are recomputed
        inputs.put("T3.R4_1.TOTAL", BigDecimal.ZERO);

        Map<String, BigDecimal> all = form.withDerivedTotals(inputs);

        assertThat(all).hasSize(form.items().size());
        assertThat(all.get("T3.R4_1.TOTAL")).isEqualByComparingTo("20");
        assertThat(all.get("T3.R7_TOTAL.NAT")).isEqualByComparingTo("55");
        assertThat(all.get("T3.R7_TOTAL.TOTAL")).isEqualByComparingTo("57");
        assertThat(all.get("T4.REVIEW.TOTAL")).isEqualByComparingTo("28");
        assertThat(all.get("N.CLEANUP_TOTAL")).isEqualByComparingTo("805");
        assertThat(all.get("T2.LICENSE.DECISIONS")).isEqualByComparingTo("0");
    }

    @Test
    void computesOneItemAsTheWholeRecomputationDoes() {
        // every item filled (submitted totals too, which must be ignored), so a wrong part list shows
        Map<String, BigDecimal> inputs = new HashMap<>();
        java.util.Random random = new java.util.Random(7);
        for (FormItem item : form.items()) {
            inputs.put(item.code(), BigDecimal.valueOf(random.nextInt(1000)));
        }
        Map<String, BigDecimal> all = form.withDerivedTotals(inputs);

        for (FormItem item : form.items()) {
            assertThat(form.derivedValue(item.code(), inputs::get)).as(item.code()).isEqualByComparingTo(all.get(item.code()));
        }
        assertThat(form.derivedValue("T3.R7_TOTAL.TOTAL", inputs::get))
                .isNotEqualByComparingTo(inputs.get("T3.R7_TOTAL.TOTAL"));
    }
}
