package cn.gov.county.gkreport.consolidate;

import cn.gov.county.gkreport.intake.UnitType;

/** The three sums the county reports: towns, county departments, and the whole county. */
public enum TotalScope {
    TOWN("镇小计"),
    DEPARTMENT("县直单位小计"),
    COUNTY("全县合计");

    private final String label;

    TotalScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static TotalScope of(UnitType type) {
        return type == UnitType.TOWN ? TOWN : DEPARTMENT;
    }
}
