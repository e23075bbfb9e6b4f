package cn.gov.county.gkreport.form;

import java.util.List;

/**
 * 表四: one row of figures, three groups of five columns (行政复议; 行政诉讼 split into
 * 未经复议直接起诉 and 复议后起诉), the last column of each group their 总计.
 */
public record Table4Layout(String sheet, String title, List<Group> groups, List<Column> columns) {

    /** A group of five columns; {@code parent} is the merged header above it, if any. */
    public record Group(String code, String label, String parent) {
    }

    /** A column within each group; the {@code derived} one is the group's 总计. */
    public record Column(String code, String label, boolean derived) {
    }

    public Table4Layout {
        groups = List.copyOf(groups);
        columns = List.copyOf(columns);
    }

    public static String itemCode(Group group, Column column) {
        return "T4." + group.code() + "." + column.code();
    }
}
