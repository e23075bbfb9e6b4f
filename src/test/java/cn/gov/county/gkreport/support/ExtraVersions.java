package cn.gov.county.gkreport.support;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormFiles;
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
        FormFiles files = new FormFiles(form);
        Instant base = Instant.parse("2025-02-01T08:00:00Z");
        int written = 0;
        for (int copy = 1; copy <= copies; copy++) {
            for (var unit : roster.units()) {
                Map<String, BigDecimal> figures = accepted.get(unit.code());
                if (figures == null) {
                    continue;
                }
                Map<String, String> cover = new LinkedHashMap<>();
                cover.put(CoverField.UNIT_NAME, unit.name());
                cover.put(CoverField.UNIT_CODE, unit.code());
                cover.put(CoverField.UNIT_TYPE, unit.type().label());
                cover.put(CoverField.YEAR, Integer.toString(DemoInput.YEAR));
                cover.put(CoverField.FORM_VERSION, form.id());
                cover.put(CoverField.CONTACT, "重报" + copy + "-" + unit.code());
                Path file = dir.resolve(unit.code() + "-重报" + copy + ".xlsx");
                files.write(file, new FormContent(cover, figures, Map.of()));
                Files.setLastModifiedTime(file, FileTime.from(base.plusSeconds(60L * written)));
                written++;
            }
        }
        return written;
    }
}
