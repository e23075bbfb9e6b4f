package cn.gov.county.gkreport.form;

import java.util.List;

/**
 * A total the national form defines as the sum of other figures. {@code defining} relations are
 * the ones used to recompute the total; the others are only checked (the （七）总计 row's 总计
 * cell is both a row sum and a column sum).
 *
 * @param ruleId    the rule that checks it (T3-ROW, T3-SUM, T4-SUM, N-SUM)
 * @param totalCode the item holding the total
 * @param partCodes the items that add up to it
 * @param defining  whether this relation recomputes the total
 */
public record SumRelation(String ruleId, String totalCode, List<String> partCodes, boolean defining) {

    public SumRelation {
        partCodes = List.copyOf(partCodes);
    }
}
