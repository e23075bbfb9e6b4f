package cn.gov.county.gkreport.report;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import cn.gov.county.gkreport.form.FormDefinition;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.jdbc.core.JdbcTemplate;

/** What tests compare 分单位明细 with: the database's accepted figures, and the sheet's item columns. */
final class UnitDetailCheck {

    private UnitDetailCheck() {
    }

    /** Each accepted unit's stored figures by item code; a unit accepted with nothing but zeros has none. */
    static Map<String, Map<String, BigDecimal>> storedAcceptedFigures(JdbcTemplate jdbc, int year) {
        Map<String, Map<String, BigDecimal>> figures = new HashMap<>();
        jdbc.query("SELECT s.unit_code, v.item_code, v.figure FROM submission s JOIN submission_value v "
                + "ON v.submission_id = s.id WHERE s.report_year = ? AND s.status = 'ACCEPTED' AND v.figure IS NOT NULL",
                rs -> {
                    figures.computeIfAbsent(rs.getString(1), u -> new HashMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
                }, year);
        // units accepted with nothing but zeros have no stored rows
        jdbc.queryForList("SELECT unit_code FROM submission WHERE report_year = ? AND status = 'ACCEPTED'", String.class,
                year).forEach(unit -> figures.putIfAbsent(unit, new HashMap<>()));
        return figures;
    }

    /** The item code of each figure column, by column index, from the sheet's hidden code row. */
    static Map<Integer, String> itemColumns(Sheet detail, FormDefinition form) {
        DataFormatter text = new DataFormatter();
        Map<Integer, String> items = new TreeMap<>();
        for (Cell cell : detail.getRow(0)) {
            String code = text.formatCellValue(cell);
            if (form.hasItem(code)) {
                items.put(cell.getColumnIndex(), code);
            }
        }
        return items;
    }
}
