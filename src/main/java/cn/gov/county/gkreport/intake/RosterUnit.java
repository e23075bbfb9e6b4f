package cn.gov.county.gkreport.intake;

/** A unit the county expects a report from. */
public record RosterUnit(String code, String name, UnitType type) {
}
