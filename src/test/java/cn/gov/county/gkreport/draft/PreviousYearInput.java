package cn.gov.county.gkreport.draft;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.support.FormFixtures;

/**
 * The year before the demo year: the demo's accepted units with the demo's figures, except that
 * last year the county decided 52 more licences (7000), 30 fewer penalties (750) and received 10
 * more applications (80), all of them disclosed. Every unit's file balances.
 */
final class PreviousYearInput {

    static final int YEAR = 2023;

    private PreviousYearInput() {
    }

    static void write(Path inputRoot, FormDefinition form, Roster roster) throws IOException {
        Path dir = Files.createDirectories(inputRoot.resolve(Integer.toString(YEAR)));
        Map<String, Map<String, BigDecimal>> figures = new DemoSubmissions(form, roster, YEAR).acceptedFigures();
        String withPenalties = figures.entrySet().stream()
                .filter(e -> e.getValue().getOrDefault("T2.PENALTY.DECISIONS", BigDecimal.ZERO).intValue() >= 30)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        FormFiles files = new FormFiles(form);
        for (RosterUnit unit : roster.units()) {
            Map<String, BigDecimal> values = figures.get(unit.code());
            if (values == null) {
                continue;
            }
            Map<String, BigDecimal> inputs = new HashMap<>(values);
            if (unit.code().equals("D01")) {
                inputs.merge("T2.LICENSE.DECISIONS", BigDecimal.valueOf(52), BigDecimal::add);
                inputs.merge("T3.R1.NAT", BigDecimal.TEN, BigDecimal::add);
                inputs.merge("T3.NEW.NAT", BigDecimal.TEN, BigDecimal::add);
            }
            if (unit.code().equals(withPenalties)) {
                inputs.merge("T2.PENALTY.DECISIONS", BigDecimal.valueOf(-30), BigDecimal::add);
            }
            Map<String, String> cover = new LinkedHashMap<>(FormFixtures.cover(unit));
            cover.put(CoverField.YEAR, Integer.toString(YEAR));
            files.write(dir.resolve(unit.code() + "-" + YEAR + ".xlsx"),
                    new FormContent(cover, form.withDerivedTotals(inputs), Map.of()));
        }
    }
}
