package cn.gov.county.gkreport.form;

import java.util.List;

/**
 * A block of 表二 (one 第二十条 item): a merged title row, a header row starting with 信息内容,
 * then one row per kind of information.
 */
public record Table2Block(String title, List<Label> columns, List<ValueType> columnTypes, List<Label> rows) {

    public static final String FIRST_HEADER = "信息内容";

    public Table2Block {
        columns = List.copyOf(columns);
        columnTypes = List.copyOf(columnTypes);
        rows = List.copyOf(rows);
    }

    public static String itemCode(Label row, Label column) {
        return "T2." + row.code() + "." + column.code();
    }
}
