package cn.gov.county.gkreport.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** The full contents of the product's tables, to compare the database before and after a run. */
public final class TableSnapshot {

    /** Every table except the run records (county_total and consolidation_run are per execution). */
    public static final List<String> DATA_TABLES = List.of("reporting_unit", "form_item", "rule_definition", "submission",
            "submission_value", "finding", "submission_explanation");

    private TableSnapshot() {
    }

    public static Map<String, List<Map<String, Object>>> of(JdbcTemplate jdbc, List<String> tables) {
        Map<String, List<Map<String, Object>>> snapshot = new LinkedHashMap<>();
        for (String table : tables) {
            String order = switch (table) {
                case "submission_value" -> "submission_id, item_code";
                case "finding", "submission_explanation" -> "submission_id, seq";
                case "reporting_unit", "form_item" -> "code";
                case "rule_definition" -> "rule_id";
                default -> "id";
            };
            snapshot.put(table, jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + order));
        }
        return snapshot;
    }
}
