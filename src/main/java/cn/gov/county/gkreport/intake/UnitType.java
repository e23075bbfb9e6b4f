package cn.gov.county.gkreport.intake;

import java.util.List;

/**
 * The kinds of reporting unit. A county collects from towns and county departments (its totals
 * are split by them); a city or province office collects the consolidated reports of counties,
 * cities and districts, which is the same job one level up.
 */
public enum UnitType {
    TOWN("镇"),
    DEPARTMENT("县直单位"),
    /** A county, county-level city or district reporting to a city or province office. */
    DISTRICT("县（市、区）", "县", "市", "区", "县区", "县市区");

    private final String label;
    private final List<String> aliases;

    UnitType(String label, String... aliases) {
        this.label = label;
        this.aliases = List.of(aliases);
    }

    /** As written in the roster and on the cover. */
    public String label() {
        return label;
    }

    public static UnitType fromLabel(String label) {
        for (UnitType type : values()) {
            if (type.label.equals(label) || type.aliases.contains(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown unit type '" + label + "' (expected 镇, 县直单位 or 县（市、区）)");
    }
}
