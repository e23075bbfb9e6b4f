package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Where the cross-year rules find a unit's accepted figures of an earlier year. */
@FunctionalInterface
public interface PreviousReports {

    Optional<Map<String, BigDecimal>> accepted(String unitCode, int year);
}
