package cn.gov.county.gkreport.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.consolidate.CountySelfCheck;
import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.deadline.DeadlineSettings;
import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.support.FormFixtures;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The draft's self-check: a composed draft passes; a table breaking an in-year rule, a sentence
 * figure that differs from its table, a wrong comparison or sections out of order each fail it.
 */
class DraftCheckTest {

    private static final FormDefinition FORM = FormDefinitionLoader.loadCurrent();
    private static final int YEAR = 2024;

    private final Roster roster = FormFixtures.ROSTER;
    private final DraftComposer composer = new DraftComposer(FORM, "泽州县", DraftSettings.defaults(),
            DeadlineSettings.defaults());
    private final DraftCheck check = new DraftCheck(FORM, new CountySelfCheck(FORM, roster), composer.sectionHeadings());

    /** The demo's county total (the reference report's figures), optionally with last year's. */
    private DraftData demo(Map<String, BigDecimal> overrides, Optional<Map<String, BigDecimal>> previous) {
        Map<String, BigDecimal> inputs = new HashMap<>();
        new DemoSubmissions(FORM, roster, YEAR).acceptedFigures().values().forEach(unit -> unit.forEach((code, value) -> {
            if (!FORM.item(code).derived()) {
                inputs.merge(code, value, BigDecimal::add);
            }
        }));
        Map<String, BigDecimal> total = new HashMap<>(FORM.withDerivedTotals(inputs));
        total.putAll(overrides);
        Map<TotalScope, Map<String, BigDecimal>> figures = new EnumMap<>(TotalScope.class);
        figures.put(TotalScope.COUNTY, total);
        DraftScope scope = DraftScope.of(roster, List.of(), Map.of());
        return new DraftData(YEAR, scope, figures, previous);
    }

    private DraftDocument compose(DraftData data) {
        return composer.compose(data, LocalDateTime.of(2025, 1, 10, 9, 0));
    }

    @Test
    void passesTheComposedDraftWithAndWithoutLastYear() {
        DraftData thisYearOnly = demo(Map.of(), Optional.empty());
        assertThat(check.problems(compose(thisYearOnly), thisYearOnly)).isEmpty();
        DraftData twoYears = demo(Map.of(), Optional.of(Map.of("T2.LICENSE.DECISIONS", new BigDecimal("7000"))));
        assertThat(check.problems(compose(twoYears), twoYears)).isEmpty();
    }

    @Nested
    class Fails {

        @Test
        void whenATableBreaksAnInYearRule() {
            // the reference report's own error: 总计 0 where 自然人 has 18
            DraftData data = demo(Map.of("T3.R4_1.TOTAL", BigDecimal.ZERO), Optional.empty());
            DraftDocument draft = compose(data);
            assertThat(check.problems(draft, data)).anySatisfy(p -> assertThat(p).startsWith("T3-ROW"))
                    .anySatisfy(p -> assertThat(p).startsWith("T3-SUM"));
            assertThatThrownBy(() -> check.verify(draft, data)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("年度报告草稿未通过自检（程序错误，草稿未写出）");
        }

        @Test
        void whenASentenceFigureDiffersFromItsTable() {
            DraftData data = demo(Map.of(), Optional.empty());
            DraftDocument draft = replaceSpan(compose(data), span -> span instanceof Span.Figure f
                    && f.codes().equals(List.of("T2.LICENSE.DECISIONS"))
                    ? new Span.Figure(f.scope(), f.codes(), new BigDecimal("6949"), "6949") : span);
            assertThat(check.problems(draft, data))
                    .containsExactly("sentence figure 6949 for [T2.LICENSE.DECISIONS] but the source says 6948");
        }

        @Test
        void whenAComparisonDoesNotFollowFromTheFigures() {
            DraftData data = demo(Map.of(), Optional.of(Map.of("T2.LICENSE.DECISIONS", new BigDecimal("7000"))));
            DraftDocument draft = replaceSpan(compose(data), span -> span instanceof Span.Change c
                    && c.codes().equals(List.of("T2.LICENSE.DECISIONS"))
                    ? new Span.Change(c.codes(), c.current(), c.previous(), c.unit(), "，比上年增加52件、增长0.7%") : span);
            assertThat(check.problems(draft, data)).singleElement().asString()
                    .startsWith("comparison \"，比上年增加52件、增长0.7%\" for [T2.LICENSE.DECISIONS]");
        }

        @Test
        void whenSectionsAreOutOfOrder() {
            DraftData data = demo(Map.of(), Optional.empty());
            List<Block> blocks = new ArrayList<>(compose(data).blocks());
            int five = blocks.indexOf(new Block.Heading(1, DraftComposer.SECTION_FIVE));
            int six = blocks.indexOf(new Block.Heading(1, DraftComposer.SECTION_SIX));
            blocks.set(five, new Block.Heading(1, DraftComposer.SECTION_SIX));
            blocks.set(six, new Block.Heading(1, DraftComposer.SECTION_FIVE));
            assertThat(check.problems(new DraftDocument(List.of("标题"), blocks), data))
                    .singleElement().asString().startsWith("sections [一、总体情况");
        }
    }

    private static DraftDocument replaceSpan(DraftDocument draft, java.util.function.UnaryOperator<Span> change) {
        List<Block> blocks = draft.blocks().stream().map(block -> block instanceof Block.Paragraph p
                ? (Block) new Block.Paragraph(p.spans().stream().map(change).toList(), p.alignment()) : block).toList();
        return new DraftDocument(draft.titleLines(), blocks);
    }
}
