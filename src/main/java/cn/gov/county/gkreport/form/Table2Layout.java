package cn.gov.county.gkreport.form;

import java.util.List;

/** 表二: four blocks, one per 第二十条 item. */
public record Table2Layout(String sheet, String title, List<Table2Block> blocks) {

    public Table2Layout {
        blocks = List.copyOf(blocks);
    }
}
