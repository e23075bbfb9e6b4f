package cn.gov.county.gkreport.form;

/** How a form item's value is typed and stored. */
public enum ValueType {
    /** A number of cases, documents or messages: a non-negative integer. */
    COUNT,
    /** A money amount (万元 or 元): non-negative, at most two decimals, kept exact. */
    AMOUNT
}
