package cn.gov.county.gkreport.consolidate;

/**
 * The submissions the county counts, written once for every query that sums or lists counted figures
 * (totals, 分单位明细, 数据溯源, charts): the accepted version of a unit that is on the roster. A unit
 * taken off the roster keeps its stored reports, but they count nowhere; see {@code reporting_unit.on_roster}.
 * Used as {@code FROM submission s JOIN_UNIT … WHERE WHERE}.
 */
public final class Counted {

    /** Joins the submission {@code s} to its unit {@code u}. */
    public static final String JOIN_UNIT = "JOIN reporting_unit u ON u.code = s.unit_code";
    /** The condition on {@code s} and {@code u}. */
    public static final String WHERE = "s.status = 'ACCEPTED' AND u.on_roster = TRUE";

    private Counted() {
    }
}
