package cn.gov.county.gkreport.form;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What to put into the form sheets: cover fields, figures by item code, and raw cell overrides.
 *
 * @param cover     cover values by {@link CoverField} key
 * @param values    figures by item code; missing inputs are left blank
 * @param overrides what a person typed over a cell, by item code: a {@link String} (text in a
 *                  figure cell) or a {@link Number} (a total typed over its formula)
 */
public record FormContent(Map<String, String> cover, Map<String, BigDecimal> values, Map<String, Object> overrides) {

    public FormContent {
        cover = Map.copyOf(cover);
        values = Map.copyOf(values);
        overrides = Map.copyOf(overrides);
    }

    public static FormContent blank(Map<String, String> cover) {
        return new FormContent(cover, Map.of(), Map.of());
    }
}
