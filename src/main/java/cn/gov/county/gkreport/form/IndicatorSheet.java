package cn.gov.county.gkreport.form;

import java.util.List;

/** The indicator sheet: a long list {@code 代码 | 指标 | 单位 | 数值}. */
public record IndicatorSheet(String sheet, String title, List<String> headers, List<Indicator> indicators) {

    public IndicatorSheet {
        headers = List.copyOf(headers);
        indicators = List.copyOf(indicators);
    }
}
