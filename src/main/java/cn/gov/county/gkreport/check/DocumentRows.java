package cn.gov.county.gkreport.check;

import java.util.List;

import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.Label;
import cn.gov.county.gkreport.form.Table2Block;

/**
 * A row of 表二（一） (规章, 行政规范性文件) with the item codes of its three columns, in the form's
 * order: 本年制发, 本年废止, 现行有效. The document rules (X-VALID, T2-VALID-MIN) read them here.
 */
record DocumentRows(Label row, Label issuedColumn, Label repealedColumn, Label validColumn) {

    static List<DocumentRows> of(FormDefinition form) {
        Table2Block block = form.table2().blocks().get(0);
        return block.rows().stream().map(row -> new DocumentRows(row, block.columns().get(0), block.columns().get(1),
                block.columns().get(2))).toList();
    }

    String issued() {
        return Table2Block.itemCode(row, issuedColumn);
    }

    String repealed() {
        return Table2Block.itemCode(row, repealedColumn);
    }

    String valid() {
        return Table2Block.itemCode(row, validColumn);
    }
}
