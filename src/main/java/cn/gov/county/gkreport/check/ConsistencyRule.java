package cn.gov.county.gkreport.check;

import java.util.List;

/**
 * A rule of the national format, checked on one workbook (or on the county's own totals). Each
 * rule is a separate class with the id and severity of the rules table in the form spec; adding
 * a rule means adding a class, not editing a long method.
 */
public interface ConsistencyRule {

    String id();

    Severity severity();

    /** Every finding of this rule in the workbook, all in one pass. */
    List<Finding> check(CheckContext context);
}
