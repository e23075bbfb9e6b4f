package cn.gov.county.gkreport.intake;

/** The two kinds of reporting unit a county collects from; the county totals are split by them. */
public enum UnitType {
    TOWN("镇"),
    DEPARTMENT("县直单位");

    private final String label;

    UnitType(String label) {
        this.label = label;
    }

    /** As written in the roster and on the cover: 镇 or 县直单位. */
    public String label() {
        return label;
    }

    public static UnitType fromLabel(String label) {
        for (UnitType type : values()) {
            if (type.label.equals(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown unit type '" + label + "' (expected 镇 or 县直单位)");
    }
}
