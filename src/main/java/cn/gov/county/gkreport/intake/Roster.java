package cn.gov.county.gkreport.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** Reads the roster CSV; a malformed line stops the job before anything is imported. */
    public static Roster read(Path csv, String countyName) throws IOException {
        List<RosterUnit> units = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(",", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + ": expected code,name,type but got: " + line);
            }
            units.add(new RosterUnit(parts[0].strip(), parts[1].strip(), UnitType.fromLabel(parts[2].strip())));
        }
        if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").strip().equals("code,name,type")) {
            throw new IllegalArgumentException(csv + ": the first line must be the header code,name,type");
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
