package cn.gov.county.gkreport.form;

import java.util.List;

/**
 * A figure row of 表三 with the stub groups printed to its left (outermost first), e.g. the
 * row {@code 1.属于国家秘密} sits under {@code 三、本年度办理结果} and {@code （三）不予公开}.
 *
 * @param code   row code, e.g. {@code R3_1}
 * @param label  the row's own label
 * @param role   what the row means for the balance rules
 * @param groups the stub groups above it, outermost first
 */
public record Table3Row(String code, String label, Role role, List<String> groups) {

    /** How a row takes part in the printed balance 一 + 二 = （七）总计 + 四. */
    public enum Role { RECEIVED, RESULT, RESULT_TOTAL, CARRIED_OUT }

    public Table3Row {
        groups = List.copyOf(groups);
    }

    /** The row's label as a clerk reads it, with its group: {@code （四）无法提供 1.本机关不掌握相关政府信息}. */
    public String fullLabel() {
        if (groups.size() > 1) {
            return groups.get(groups.size() - 1) + " " + label;
        }
        return label;
    }
}
