package cn.gov.county.gkreport.form;

/**
 * One figure of the form: a cell a unit fills in (input) or a total the form defines (derived).
 *
 * @param code        stable code stored in the database, e.g. {@code T3.R4_1.NAT}
 * @param table       the table it belongs to
 * @param rowLabel    the row's label as printed (for 表四, the group label)
 * @param columnLabel the column's label as printed
 * @param type        count or amount
 * @param derived     a total defined by a {@link SumRelation}; recomputed, never trusted
 */
public record FormItem(String code, FormTable table, String rowLabel, String columnLabel,
                       ValueType type, boolean derived) {

    /** How a clerk recognises the cell: {@code 表三 "（一）予以公开" 行 / "自然人" 列}. */
    public String describe() {
        if (table == FormTable.INDICATORS) {
            return table.shortName() + " \"" + rowLabel + "\"";
        }
        return table.shortName() + " \"" + rowLabel + "\" 行 / \"" + columnLabel + "\" 列";
    }
}
