package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Where the cross-year rules find a unit's accepted figures of an earlier year. */
@FunctionalInterface
public interface PreviousReports {

    /** The unit's accepted figures of that year; an item missing from the map is 0. */
    Optional<Map<String, BigDecimal>> accepted(String unitCode, int year);
}
