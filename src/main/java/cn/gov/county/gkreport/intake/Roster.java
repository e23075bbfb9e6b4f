package cn.gov.county.gkreport.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.read.LabelText;

/**
 * The units a county expects a report from, as the operator keeps them in {@code jobs/roster.csv}
 * ({@code code,name,type}). Also knows the county's own name for titles and the one-level-up cover.
 */
public final class Roster {

    private final String countyName;
    private final Map<String, RosterUnit> byCode;
    private final List<RosterUnit> units;
    /** Units by their name as {@link LabelText#normalize} writes it; built once because every workbook looks up. */
    private final Map<String, RosterUnit> byNormalizedName;

    public Roster(String countyName, List<RosterUnit> units) {
        this.countyName = countyName;
        Map<String, RosterUnit> map = new LinkedHashMap<>();
        for (RosterUnit unit : units) {
            if (map.put(unit.code(), unit) != null) {
                throw new IllegalArgumentException("roster lists unit code " + unit.code() + " twice");
            }
        }
        this.byCode = map;
        this.units = List.copyOf(map.values());
        Map<String, RosterUnit> names = new LinkedHashMap<>();
        for (RosterUnit unit : units) {
            names.putIfAbsent(LabelText.normalize(unit.name()), unit);
        }
        this.byNormalizedName = names;
    }

    /**
     * Reads the roster CSV; a malformed line stops the job before anything is imported. Codes are read
     * as {@link UnitCode#normalize} reads a cover's, so two lines whose codes read the same ({@code t01}
     * and {@code Ｔ０１}) are refused, naming both lines.
     */
    public static Roster read(Path csv, String countyName) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").strip().equals("code,name,type")) {
            throw new IllegalArgumentException("第一行必须是表头 code,name,type");
        }
        List<RosterUnit> units = new ArrayList<>();
        Map<String, Integer> lineOfCode = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int lineNumber = i + 1;
            String[] parts = line.split(",", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("第 " + lineNumber + " 行应为 code,name,type 三项，实为“" + line + "”");
            }
            String code = UnitCode.normalize(parts[0]);
            if (code.isEmpty()) {
                throw new IllegalArgumentException("第 " + lineNumber + " 行没有单位代码：“" + line + "”");
            }
            Integer earlier = lineOfCode.putIfAbsent(code, lineNumber);
            if (earlier != null) {
                throw new IllegalArgumentException("第 " + earlier + " 行和第 " + lineNumber + " 行的单位代码“"
                        + lines.get(earlier - 1).strip().split(",", -1)[0].strip() + "”和“" + parts[0].strip()
                        + "”都读作 " + code + "（单位代码不分大小写和全角半角，空格不计），一个代码只能对应一个单位，请删去或改正其中一行");
            }
            UnitType type;
            try {
                type = UnitType.fromLabel(parts[2].strip());
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("第 " + lineNumber + " 行的单位类型“" + parts[2].strip()
                        + "”无法识别，应为 镇、县直单位 或 县（市、区）");
            }
            units.add(new RosterUnit(code, parts[1].strip(), type));
        }
        return new Roster(countyName, units);
    }

    public String countyName() {
        return countyName;
    }

    public List<RosterUnit> units() {
        return units;
    }

    public List<RosterUnit> units(UnitType type) {
        return byCode.values().stream().filter(u -> u.type() == type).toList();
    }

    public Optional<RosterUnit> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Optional<RosterUnit> byName(String name) {
        return byCode.values().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /** The unit whose name reads the same once both are normalised (full-width, spaces, brackets). */
    public Optional<RosterUnit> byNormalizedName(String normalizedName) {
        return Optional.ofNullable(byNormalizedName.get(normalizedName));
    }

    /** The first unit, in roster order, whose normalised name (two characters or more) occurs in the text. */
    public Optional<RosterUnit> namedIn(String normalizedText) {
        return byNormalizedName.entrySet().stream()
                .filter(e -> e.getKey().length() >= 2 && normalizedText.contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }
}
