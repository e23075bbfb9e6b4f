package cn.gov.county.gkreport.read;

import java.util.Optional;

import cn.gov.county.gkreport.form.Indicator;
import cn.gov.county.gkreport.form.IndicatorSheet;

/**
 * Finds the supplementary indicators: each row by its code (stable, and clerks leave it alone) or
 * else by its label, the value in the 数值 column.
 */
final class IndicatorLocator {

    private final IndicatorSheet indicators;

    IndicatorLocator(IndicatorSheet indicators) {
        this.indicators = indicators;
    }

    void locate(SheetFinder workbook, ContentBuilder out) {
        String valueHeader = indicators.headers().get(indicators.headers().size() - 1);
        Indicator first = indicators.indicators().get(0);
        Optional<SheetSearch> found = workbook.find(indicators.sheet(), first.label());
        if (found.isEmpty()) {
            out.problem(indicators.sheet(), "找不到“" + indicators.sheet() + "”工作表（统计指标）。请使用标准模板填写。");
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
