package cn.gov.county.gkreport.form;

import java.util.List;

/** The cover sheet: who reports, for which year, on which form version; plus 填报说明. */
public record CoverSheet(String sheet, String title, List<CoverField> fields, List<String> instructions) {

    public CoverSheet {
        fields = List.copyOf(fields);
        instructions = List.copyOf(instructions);
    }

    public CoverField field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cover field " + key));
    }
}
