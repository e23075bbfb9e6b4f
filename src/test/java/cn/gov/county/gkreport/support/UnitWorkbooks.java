package cn.gov.county.gkreport.support;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.intake.RosterUnit;

/** A unit's filled workbook as a clerk saves it, written by the product's own form writer. */
public final class UnitWorkbooks {

    private UnitWorkbooks() {
    }

    /**
     * Writes the unit's file with the given figures (totals are the template's formulas unless
     * overridden) and modification time; {@code contact} makes otherwise equal files distinct.
     */
    public static Path write(Path file, FormDefinition form, RosterUnit unit, Map<String, BigDecimal> figures,
                             Map<String, Object> overrides, String contact, Instant savedAt) throws IOException {
        return write(file, form, unit, DemoInput.YEAR, figures, overrides, contact, savedAt);
    }

    /** The same for a report of another year (the cover names that year). */
    public static Path write(Path file, FormDefinition form, RosterUnit unit, int year, Map<String, BigDecimal> figures,
                             Map<String, Object> overrides, String contact, Instant savedAt) throws IOException {
        Map<String, String> cover = new LinkedHashMap<>();
        cover.put(CoverField.UNIT_NAME, unit.name());
        cover.put(CoverField.UNIT_CODE, unit.code());
        cover.put(CoverField.UNIT_TYPE, unit.type().label());
        cover.put(CoverField.YEAR, Integer.toString(year));
        cover.put(CoverField.FORM_VERSION, form.id());
        cover.put(CoverField.CONTACT, contact);
        new FormFiles(form).write(file, new FormContent(cover, figures, overrides));
        Files.setLastModifiedTime(file, FileTime.from(savedAt));
        return file;
    }
}
