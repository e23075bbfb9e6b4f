package cn.gov.county.gkreport.consolidate;

import java.util.ArrayList;
import java.util.List;

import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.UnitType;

/**
 * The sums reported: a subtotal per kind of unit on the roster (镇, 县直单位; or 县（市、区） one
 * level up) and the total of the whole area ({@code COUNTY}: the consolidating office's total).
 */
public enum TotalScope {
    TOWN("镇小计"),
    DEPARTMENT("县直单位小计"),
    DISTRICT("县（市、区）小计"),
    COUNTY("合计");

    private final String label;

    TotalScope(String label) {
        this.label = label;
    }

    /** The subtotal's name; the total is named after the area: 全县合计, 全市合计 … */
    public String label(String areaName) {
        if (this != COUNTY) {
            return label;
        }
        return areaName == null || areaName.isEmpty() ? label : "全" + areaName.charAt(areaName.length() - 1) + label;
    }

    public static TotalScope of(UnitType type) {
        return switch (type) {
            case TOWN -> TOWN;
            case DEPARTMENT -> DEPARTMENT;
            case DISTRICT -> DISTRICT;
        };
    }

    /** The subtotals a roster has (one per kind of unit on it), then the total. */
    public static List<TotalScope> of(Roster roster) {
        List<TotalScope> scopes = new ArrayList<>();
        for (UnitType type : UnitType.values()) {
            if (!roster.units(type).isEmpty()) {
                scopes.add(of(type));
            }
        }
        scopes.add(COUNTY);
        return scopes;
    }
}
