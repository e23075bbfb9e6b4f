package cn.gov.county.gkreport.report;

import java.util.ArrayList;
import java.util.List;

import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.form.FormTable;
import cn.gov.county.gkreport.form.Indicator;
import cn.gov.county.gkreport.form.Label;
import cn.gov.county.gkreport.form.Table2Block;
import cn.gov.county.gkreport.form.Table3Column;
import cn.gov.county.gkreport.form.Table3Layout;
import cn.gov.county.gkreport.form.Table3Row;
import cn.gov.county.gkreport.form.Table4Layout;

/**
 * The figure columns of 分单位明细 with the national form's hierarchy as four header levels
 * (table → row group → row → column), and the printed page each column is on. Derived from the
 * form's layouts; a level that the form does not have repeats its neighbour's text, so the header
 * cells merge into one. 表三 goes on pages of {@value #TABLE3_ROWS_PER_PAGE} rows (21 columns),
 * every other table on a page of its own.
 */
final class DetailColumns {

    static final int LEVELS = 4;
    static final int TABLE3_ROWS_PER_PAGE = 3;

    /** One figure column: its item, its four header texts (top first) and its printed page. */
    record Column(FormItem item, List<String> headers, int page) {
    }

    private DetailColumns() {
    }

    static List<Column> of(FormDefinition form) {
        List<Column> columns = new ArrayList<>();
        int page = 0;
        String t2 = FormTable.T2.shortName();
        for (Table2Block block : form.table2().blocks()) {
            for (Label row : block.rows()) {
                for (Label column : block.columns()) {
                    columns.add(new Column(form.item(Table2Block.itemCode(row, column)),
                            List.of(t2, block.title(), row.text(), column.text()), page));
                }
            }
        }
        String t3 = FormTable.T3.shortName();
        List<Table3Row> rows = form.table3().rows();
        int pages3 = (rows.size() + TABLE3_ROWS_PER_PAGE - 1) / TABLE3_ROWS_PER_PAGE;
        for (int r = 0; r < rows.size(); r++) {
            Table3Row row = rows.get(r);
            // rows spread evenly over the pages, so no page holds a lone row
            int rowPage = page + 1 + r * pages3 / rows.size();
            String group = row.groups().isEmpty() ? row.label() : String.join(" ", row.groups());
            for (Table3Column column : form.table3().columns()) {
                columns.add(new Column(form.item(Table3Layout.itemCode(row.code(), column.code())),
                        List.of(t3, group, row.label(), column.label()), rowPage));
            }
        }
        page += pages3 + 1;
        String t4 = FormTable.T4.shortName();
        for (Table4Layout.Group group : form.table4().groups()) {
            String outer = group.parent() == null ? group.label() : group.parent();
            for (Table4Layout.Column column : form.table4().columns()) {
                columns.add(new Column(form.item(Table4Layout.itemCode(group, column)),
                        List.of(t4, outer, group.label(), column.label()), page));
            }
        }
        page++;
        String indicators = FormTable.INDICATORS.shortName();
        for (Indicator indicator : form.indicators().indicators()) {
            columns.add(new Column(form.item(indicator.itemCode()),
                    List.of(indicators, indicator.label(), indicator.label(), "（" + indicator.unit() + "）"), page));
        }
        if (columns.size() != form.items().size()) {
            throw new IllegalStateException("the per-unit sheet lays out " + columns.size() + " of the form's "
                    + form.items().size() + " items");
        }
        return List.copyOf(columns);
    }
}
