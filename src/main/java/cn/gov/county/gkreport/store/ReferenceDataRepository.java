package cn.gov.county.gkreport.store;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the reference tables in step with their sources of truth: {@code reporting_unit} with the
 * roster CSV, {@code form_item} with the form definition. Rows are inserted or updated, never
 * deleted (a unit taken off the roster is marked so), and nothing is written when nothing changed
 * (a rerun leaves the tables untouched).
 */
@Repository
public class ReferenceDataRepository {

    private final JdbcTemplate jdbc;

    public ReferenceDataRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the roster's units, and marks which are on it ({@code on_roster}): a unit taken off the
     * roster keeps its row, because its stored submissions refer to it, but no longer counts.
     */
    @Transactional
    public void syncRoster(Roster roster) {
        Map<String, List<Object>> stored = jdbc.query("SELECT code, name, unit_type, on_roster FROM reporting_unit",
                (rs, i) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .stream().collect(Collectors.toMap(r -> (String) r.get(0), r -> r));
        for (RosterUnit unit : roster.units()) {
            List<Object> wanted = List.of(unit.code(), unit.name(), unit.type().name(), true);
            List<Object> have = stored.remove(unit.code());
            if (have == null) {
                jdbc.update("INSERT INTO reporting_unit (code, name, unit_type, on_roster) VALUES (?, ?, ?, ?)",
                        wanted.toArray());
            } else if (!have.equals(wanted)) {
                jdbc.update("UPDATE reporting_unit SET name = ?, unit_type = ?, on_roster = TRUE WHERE code = ?",
                        unit.name(), unit.type().name(), unit.code());
            }
        }
        List<Object[]> taken = stored.values().stream().filter(r -> (Boolean) r.get(3))
                .map(r -> new Object[] {r.get(0)}).toList();
        if (!taken.isEmpty()) {
            jdbc.batchUpdate("UPDATE reporting_unit SET on_roster = FALSE WHERE code = ?", taken);
        }
    }

    @Transactional
    public void syncForm(FormDefinition form) {
        Map<String, List<Object>> stored = jdbc.query("SELECT code, form_id, table_code, row_label, column_label, "
                        + "value_type, derived, position FROM form_item",
                (rs, i) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getInt(8)))
                .stream().collect(Collectors.toMap(r -> (String) r.get(0), r -> r));
        int position = 0;
        for (FormItem item : form.items()) {
            List<Object> wanted = List.of(item.code(), form.id(), item.table().name(), item.rowLabel(),
                    item.columnLabel(), item.type().name(), item.derived(), position++);
            List<Object> have = stored.get(item.code());
            if (have == null) {
                jdbc.update("INSERT INTO form_item (code, form_id, table_code, row_label, column_label, value_type, "
                        + "derived, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", wanted.toArray());
            } else if (!have.equals(wanted)) {
                jdbc.update("UPDATE form_item SET form_id = ?, table_code = ?, row_label = ?, column_label = ?, "
                                + "value_type = ?, derived = ?, position = ? WHERE code = ?",
                        wanted.get(1), wanted.get(2), wanted.get(3), wanted.get(4), wanted.get(5), wanted.get(6),
                        wanted.get(7), item.code());
            }
        }
    }
}
