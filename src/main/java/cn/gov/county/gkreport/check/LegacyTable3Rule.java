package cn.gov.county.gkreport.check;

import java.util.List;

/** V-2019: 表三 uses the 2019 layout; its single （六）其他处理 row was read as （六）3.其他. */
public final class LegacyTable3Rule extends RuleDefinition {

    public LegacyTable3Rule() {
        super("V-2019", Severity.WARNING);
    }

    @Override
    public List<Finding> check(CheckContext context) {
        return context.content().legacyTable3Cell().map(at -> List.of(Finding.warning(id(), at.sheet(), at.cell().a1(),
                "表三使用的是2019年试行格式：“（六）其他处理”只有一行（单元格 " + at.cell().a1() + "）。已将该行数字计入"
                        + "“（六）其他处理 3.其他”。现行格式把（六）分为三项，请下次使用现行标准模板分项填写。")))
                .orElse(List.of());
    }
}
