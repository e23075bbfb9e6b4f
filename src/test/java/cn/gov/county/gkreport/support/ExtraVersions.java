package cn.gov.county.gkreport.support;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;

/**
 * More submissions for a longer import: every accepted demo unit re-sends its figures a few times
 * (a different contact on the cover makes each file distinct), so county totals do not change.
 */
public final class ExtraVersions {

    private ExtraVersions() {
    }

    public static int write(Path dir, FormDefinition form, Roster roster, int copies) throws IOException {
        Map<String, Map<String, BigDecimal>> accepted = new DemoSubmissions(form, roster, DemoInput.YEAR).acceptedFigures();
        Instant base = Instant.parse("2025-02-01T08:00:00Z");
        int written = 0;
        for (int copy = 1; copy <= copies; copy++) {
            for (var unit : roster.units()) {
                Map<String, BigDecimal> figures = accepted.get(unit.code());
                if (figures == null) {
                    continue;
                }
                UnitWorkbooks.write(dir.resolve(unit.code() + "-重报" + copy + ".xlsx"), form, unit, figures, Map.of(),
                        "重报" + copy + "-" + unit.code(), base.plusSeconds(60L * written));
                written++;
            }
        }
        return written;
    }
}
