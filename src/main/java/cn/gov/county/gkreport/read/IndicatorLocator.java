package cn.gov.county.gkreport.read;

import java.util.Optional;

import cn.gov.county.gkreport.form.Indicator;
import cn.gov.county.gkreport.form.IndicatorSheet;
import cn.gov.county.gkreport.read.grid.GridCell;

/**
 * Finds the supplementary indicators: each row by its code (stable, and clerks leave it alone) or
 * else by its label, the value in the 数值 column. A workbook without the sheet at all is read
 * without indicators, with one N-ABSENT warning.
 */
final class IndicatorLocator {

    /** The warning for a workbook without the indicator sheet; 汇总表 counts the units it names. */
    static final String ABSENT_RULE_ID = "N-ABSENT";

    private final IndicatorSheet indicators;

    IndicatorLocator(IndicatorSheet indicators) {
        this.indicators = indicators;
    }

    void locate(SheetFinder workbook, ContentBuilder out) {
        String valueHeader = indicators.headers().get(indicators.headers().size() - 1);
        Indicator first = indicators.indicators().get(0);
        Optional<SheetSearch> found = workbook.find(indicators.sheet(), first.label());
        if (found.isEmpty()) {
            // Tables pasted into a fresh workbook, an older template: 表二 to 表四 still count.
            out.note(ReadNote.warning(ABSENT_RULE_ID, "", "", "工作簿中没有“" + indicators.sheet() + "”工作表（统计指标，"
                    + "如“" + first.label() + "”），本单位的统计指标本次按未填报处理，不计入全县指标；表二、表三、表四照常计入。"
                    + "请用现行标准模板的“" + indicators.sheet() + "”工作表补填后重新报送。"));
            return;
        }
        SheetSearch sheet = found.get();
        Optional<GridCell> header = sheet.find(valueHeader);
        if (header.isEmpty()) {
            out.problem(sheet.grid().name(), "“" + indicators.sheet() + "”缺少“" + valueHeader + "”列。");
            return;
        }
        int valueCol = header.get().col();
        for (Indicator indicator : indicators.indicators()) {
            Optional<GridCell> row = sheet.find(indicator.code(), c -> c.row() > header.get().row())
                    .or(() -> sheet.find(indicator.label(), c -> c.row() > header.get().row()));
            if (row.isEmpty()) {
                out.problem(sheet.grid().name(), "“" + indicators.sheet() + "”缺少指标“" + indicator.label() + "”。");
                continue;
            }
            out.figure(indicator.itemCode(), sheet, row.get().row(), valueCol);
        }
    }
}
