package cn.gov.county.gkreport.consolidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.intake.Roster;

import org.junit.jupiter.api.Test;

/** The county totals: derived totals recomputed from the inputs, then checked by the in-year rules. */
class CountyTotalsCalculatorTest {

    private final FormDefinition form = FormDefinitionLoader.loadCurrent();

    /** Stands in for the SQL aggregation, so the calculator's own logic is tested alone. */
    private static final class GivenSums extends CountyTotalsRepository {
        private final Map<TotalScope, Map<String, BigDecimal>> sums;
        CountyTotals saved;

        GivenSums(Map<TotalScope, Map<String, BigDecimal>> sums) {
            super(null);
            this.sums = sums;
        }

        @Override
        public Map<TotalScope, Map<String, BigDecimal>> sumAcceptedInputs(int year) {
            return sums;
        }

        @Override
        public Map<TotalScope, Integer> acceptedUnitCounts(int year) {
            Map<TotalScope, Integer> counts = new EnumMap<>(TotalScope.class);
            sums.keySet().forEach(scope -> counts.put(scope, 1));
            counts.put(TotalScope.COUNTY, sums.size());
            return counts;
        }

        @Override
        public void save(CountyTotals totals) {
            saved = totals;
        }
    }

    private Roster roster() throws Exception {
        return Roster.read(Path.of("jobs/roster.csv"), "泽州县");
    }

    @Test
    void recomputesEveryTotalFromTheInputsOfTownsAndDepartments() throws Exception {
        Map<String, BigDecimal> towns = new HashMap<>(Map.of("T3.R1.NAT", BigDecimal.valueOf(30), "T3.NEW.NAT",
                BigDecimal.valueOf(30), "T4.REVIEW.UPHELD", BigDecimal.valueOf(2)));
        Map<String, BigDecimal> departments = new HashMap<>(Map.of("T3.R4_1.NAT", BigDecimal.valueOf(18), "T3.NEW.NAT",
                BigDecimal.valueOf(18), "T2.FEE.AMOUNT", new BigDecimal("6360.31")));
        GivenSums repository = new GivenSums(new EnumMap<>(Map.of(TotalScope.TOWN, towns, TotalScope.DEPARTMENT, departments)));

        CountyTotals totals = new CountyTotalsCalculator(form, roster(), repository).compute(2024, 7L);

        assertThat(repository.saved).isSameAs(totals);
        assertThat(totals.figure(TotalScope.COUNTY, "T3.NEW.TOTAL")).isEqualByComparingTo("48");
        assertThat(totals.figure(TotalScope.COUNTY, "T3.R7_TOTAL.TOTAL")).isEqualByComparingTo("48");
        assertThat(totals.figure(TotalScope.TOWN, "T4.REVIEW.TOTAL")).isEqualByComparingTo("2");
        assertThat(totals.figure(TotalScope.DEPARTMENT, "T3.R4_1.TOTAL")).isEqualByComparingTo("18");
        assertThat(totals.figure(TotalScope.COUNTY, "T2.FEE.AMOUNT")).isEqualByComparingTo("6360.31");
        assertThat(totals.of(TotalScope.COUNTY)).hasSize(form.items().size());
    }

    @Test
    void failsLoudlyWhenTheCountysOwnTablesBreakAnInYearRule() throws Exception {
        // 一、本年新收 30 with no result at all: the county's 表三 would not balance (T3-BAL).
        Map<String, BigDecimal> towns = new HashMap<>(Map.of("T3.NEW.NAT", BigDecimal.valueOf(30)));
        GivenSums repository = new GivenSums(new EnumMap<>(Map.of(TotalScope.TOWN, towns)));

        assertThatThrownBy(() -> new CountyTotalsCalculator(form, roster(), repository).compute(2024, 7L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fail the in-year rules")
                .hasMessageContaining("T3-BAL");
        assertThat(repository.saved).isNull();
    }
}
