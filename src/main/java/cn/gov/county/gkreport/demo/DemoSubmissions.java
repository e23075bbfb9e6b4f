package cn.gov.county.gkreport.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.gov.county.gkreport.CountyClock;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.form.Table3Row;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.intake.UnitType;

/**
 * Generates the demo submissions in {@code input/<year>/} from the template, reproducibly (fixed
 * seed). The accepted files add up to the consistent figures of the reference county report
 * (泽州县 2024); on top of that:
 * <ul>
 *   <li>one unit repeats the reference report's own 表三 error (总计 0 where 自然人 has 18, 2, 2)
 *       and is rejected;</li>
 *   <li>one unit resubmitted: a first version with wrong figures, then a corrected one (the
 *       second wins);</li>
 *   <li>one unit is accepted with warnings (a cell left blank; 门户网站发布信息总数 typed over its
 *       formula with a wrong total, which the county recomputes from the parts);</li>
 *   <li>one roster unit sends nothing.</li>
 * </ul>
 */
public final class DemoSubmissions {

    /** The unit whose file repeats the reference report's error in the 总计 column. */
    public static final String REJECTED_UNIT = "D07";
    /** The unit that sent a first version and then a corrected one. */
    public static final String RESUBMITTING_UNIT = "D03";
    /** The unit that sent nothing. */
    public static final String MISSING_UNIT = "T16";
    /** The unit accepted with warnings: a blank cell, and a typed total that disagrees with its parts. */
    public static final String WARNED_UNIT = "T05";

    private final FormDefinition form;
    private final Roster roster;
    private final int year;

    public DemoSubmissions(FormDefinition form, Roster roster, int year) {
        this.form = form;
        this.roster = roster;
        this.year = year;
    }

    /** The figures of every unit whose file is accepted, by unit code (the demo's ground truth). */
    public Map<String, Map<String, BigDecimal>> acceptedFigures() {
        List<RosterUnit> units = roster.units().stream()
                .filter(u -> !u.code().equals(REJECTED_UNIT) && !u.code().equals(MISSING_UNIT)).toList();
        List<RosterUnit> towns = units.stream().filter(u -> u.type() == UnitType.TOWN).toList();
        List<RosterUnit> departments = units.stream().filter(u -> u.type() == UnitType.DEPARTMENT).toList();
        Map<String, Map<String, BigDecimal>> figures = new LinkedHashMap<>();
        units.forEach(u -> figures.put(u.code(), new HashMap<>()));
        Random random = new Random(20240101L);
        Spreader spread = new Spreader(random, figures);

        // 表二: the reference report's figures; licences and penalties are mostly departments' business.
        spread.over(departments.subList(0, 6), "T2.NORM.VALID", 18);
        spread.over(departments.subList(1, 3), "T2.NORM.ISSUED", 2);
        spread.over(departments.subList(3, 5), "T2.NORM.REPEALED", 2);
        spread.over(departments, "T2.LICENSE.DECISIONS", 6_400);
        spread.over(towns, "T2.LICENSE.DECISIONS", 548);
        spread.over(departments.subList(4, 20), "T2.PENALTY.DECISIONS", 700);
        spread.over(towns, "T2.PENALTY.DECISIONS", 80);
        spread.over(departments.subList(8, 14), "T2.COERCION.DECISIONS", 23);
        spread.cents(departments.subList(0, 12), "T2.FEE.AMOUNT", 636_031);
        zero(figures, "T2.REG.ISSUED", "T2.REG.REPEALED", "T2.REG.VALID");

        // 表三: all applicants are natural persons, as in the reference report; each unit's
        // 一、本年新收 is the sum of its results, so every unit balances.
        spread.over(units, "T3.R1.NAT", 37);
        spread.over(departments, "T3.R2.NAT", 11);
        spread.over(units, "T3.R4_1.NAT", 18);
        spread.over(departments.subList(0, 8), "T3.R4_3.NAT", 2);
        spread.over(departments.subList(10, 20), "T3.R6_3.NAT", 2);
        for (Map<String, BigDecimal> unit : figures.values()) {
            BigDecimal received = form.table3().rowsWithRole(Table3Row.Role.RESULT).stream()
                    .map(r -> unit.getOrDefault("T3." + r.code() + ".NAT", BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            unit.put("T3.NEW.NAT", received);
        }

        // 表四: 22/6/5/0 (33), 20/9/0/6 (35), 10/0/1/0 (11).
        int[][] table4 = {{22, 6, 5, 0}, {20, 9, 0, 6}, {10, 0, 1, 0}};
        String[] groups = {"REVIEW", "SUIT_DIRECT", "SUIT_AFTER"};
        String[] columns = {"UPHELD", "CORRECTED", "OTHER", "PENDING"};
        for (int g = 0; g < groups.length; g++) {
            for (int c = 0; c < columns.length; c++) {
                spread.over(departments.subList(0, 15), "T4." + groups[g] + "." + columns[c], table4[g][c]);
            }
        }

        // 总体情况: portal, documents, messages and new media; clean-up split as the report splits it.
        spread.over(units, "N.WEB_OVERVIEW", 15);
        spread.over(units, "N.WEB_NEWS", 2551);
        spread.over(units, "N.WEB_DISCLOSURE", 3113);
        spread.over(departments, "N.DOCS", 27);
        spread.over(departments, "N.INTERPRETATIONS", 16);
        spread.over(departments.subList(0, 10), "N.MSG_RECEIVED", 101);
        for (Map<String, BigDecimal> unit : figures.values()) {
            unit.put("N.MSG_REPLIED", unit.getOrDefault("N.MSG_RECEIVED", BigDecimal.ZERO));
        }
        spread.over(departments.subList(0, 8), "N.NEWMEDIA_ACCOUNTS", 8);
        spread.over(departments.subList(0, 8), "N.NEWMEDIA_POSTS", 4877);
        spread.over(towns, "N.CLEANUP_NOTICE", 651);
        spread.over(towns, "N.CLEANUP_DISCLOSURE", 101);
        spread.over(towns, "N.CLEANUP_POLITICS", 3);
        spread.over(towns, "N.CLEANUP_DOCS", 154);
        spread.over(departments, "N.CLEANUP_NOTICE", 1239);
        spread.over(departments, "N.CLEANUP_DISCLOSURE", 324);
        spread.over(departments, "N.CLEANUP_POLITICS", 13);
        spread.over(departments, "N.CLEANUP_DOCS", 126);
        zero(figures, "N.PROCESSING_FEE");

        // Every other input a clerk fills with 0, and the totals are the form's own sums.
        Map<String, Map<String, BigDecimal>> complete = new LinkedHashMap<>();
        figures.forEach((code, values) -> complete.put(code, form.withDerivedTotals(values)));
        return complete;
    }

    /** Writes every demo file into {@code dir} and returns their paths in arrival order. */
    public List<Path> writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        FormFiles files = new FormFiles(form);
        Map<String, Map<String, BigDecimal>> accepted = acceptedFigures();
        List<Path> written = new ArrayList<>();
        LocalDateTime base = LocalDateTime.of(year + 1, 1, 20, 9, 0);
        int minute = 0;
        for (RosterUnit unit : roster.units()) {
            if (unit.code().equals(MISSING_UNIT)) {
                continue;
            }
            Map<String, Object> overrides = new HashMap<>();
            Map<String, BigDecimal> values;
            if (unit.code().equals(REJECTED_UNIT)) {
                values = rejectedUnitFigures();
                // The reference report's own error: 总计 typed as 0 over the formulas of three rows,
                // while the （七）总计 cell was typed with the right total.
                overrides.put("T3.R4_1.TOTAL", 0);
                overrides.put("T3.R4_3.TOTAL", 0);
                overrides.put("T3.R6_3.TOTAL", 0);
                overrides.put("T3.R7_TOTAL.TOTAL", values.get("T3.R7_TOTAL.TOTAL").intValue());
            } else {
                values = accepted.get(unit.code());
            }
            if (unit.code().equals(WARNED_UNIT)) {
                values = new HashMap<>(values);
                values.remove("T2.REG.ISSUED");
                overrides.put("N.WEB_TOTAL", values.get("N.WEB_TOTAL").intValue() + 10);
            }
            if (unit.code().equals(RESUBMITTING_UNIT)) {
                Map<String, BigDecimal> firstVersion = new HashMap<>(values);
                firstVersion.put("T2.LICENSE.DECISIONS", values.get("T2.LICENSE.DECISIONS").add(BigDecimal.valueOf(1000)));
                written.add(write(files, dir, unit, "第1版", firstVersion, Map.of(), base.plusMinutes(minute++)));
                written.add(write(files, dir, unit, "第2版（更正）", values, overrides, base.plusDays(3)));
            } else {
                written.add(write(files, dir, unit, null, values, overrides, base.plusMinutes(minute++)));
            }
        }
        return written;
    }

    /** The rejected unit's own figures: a 表三 like the reference report's, 总计 typed over. */
    private Map<String, BigDecimal> rejectedUnitFigures() {
        Map<String, BigDecimal> values = new HashMap<>();
        values.put("T3.R1.NAT", BigDecimal.valueOf(5));
        values.put("T3.R4_1.NAT", BigDecimal.valueOf(18));
        values.put("T3.R4_3.NAT", BigDecimal.valueOf(2));
        values.put("T3.R6_3.NAT", BigDecimal.valueOf(2));
        values.put("T3.NEW.NAT", BigDecimal.valueOf(27));
        values.put("T2.PENALTY.DECISIONS", BigDecimal.valueOf(41));
        return form.withDerivedTotals(values);
    }

    private Path write(FormFiles files, Path dir, RosterUnit unit, String edition, Map<String, BigDecimal> values,
                       Map<String, Object> overrides, LocalDateTime savedAt) throws IOException {
        Map<String, String> cover = new LinkedHashMap<>();
        cover.put(CoverField.UNIT_NAME, unit.name());
        cover.put(CoverField.UNIT_CODE, unit.code());
        cover.put(CoverField.UNIT_TYPE, unit.type().label());
        cover.put(CoverField.YEAR, Integer.toString(year));
        cover.put(CoverField.FORM_VERSION, form.id());
        cover.put(CoverField.CONTACT, "联系人" + unit.code());
        cover.put(CoverField.PHONE, "0356-30" + String.format("%05d", Math.abs(unit.code().hashCode()) % 100000));
        cover.put(CoverField.FILL_DATE, savedAt.toLocalDate().toString());
        String name = unit.code() + "-" + unit.name() + "-" + year + "年政府信息公开年报"
                + (edition == null ? "" : "-" + edition) + ".xlsx";
        Path file = dir.resolve(name);
        files.write(file, new FormContent(cover, values, overrides));
        Files.setLastModifiedTime(file, FileTime.from(savedAt.atZone(CountyClock.ZONE).toInstant()));
        return file;
    }

    private static void zero(Map<String, Map<String, BigDecimal>> figures, String... codes) {
        for (Map<String, BigDecimal> unit : figures.values()) {
            for (String code : codes) {
                unit.put(code, BigDecimal.ZERO);
            }
        }
    }

    /** Splits a county figure over units at random, so that the parts add up exactly. */
    private record Spreader(Random random, Map<String, Map<String, BigDecimal>> figures) {

        void over(List<RosterUnit> units, String code, long total) {
            long[] parts = split(units.size(), total);
            for (int i = 0; i < units.size(); i++) {
                figures.get(units.get(i).code()).merge(code, BigDecimal.valueOf(parts[i]), BigDecimal::add);
            }
        }

        void cents(List<RosterUnit> units, String code, long totalCents) {
            long[] parts = split(units.size(), totalCents);
            for (int i = 0; i < units.size(); i++) {
                figures.get(units.get(i).code()).merge(code, BigDecimal.valueOf(parts[i], 2), BigDecimal::add);
            }
        }

        private long[] split(int n, long total) {
            double[] weights = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                weights[i] = random.nextDouble() < 0.25 ? 0 : random.nextDouble();
                sum += weights[i];
            }
            long[] parts = new long[n];
            long assigned = 0;
            for (int i = 0; i < n; i++) {
                parts[i] = sum == 0 ? 0 : (long) Math.floor(total * weights[i] / sum);
                assigned += parts[i];
            }
            parts[random.nextInt(n)] += total - assigned;
            return parts;
        }
    }
}
