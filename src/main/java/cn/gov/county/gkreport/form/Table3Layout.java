package cn.gov.county.gkreport.form;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 表三 as printed: a merged corner with the balance note, the applicant columns under 申请人情况
 * (five of them under 法人或其他组织), and the figure rows with their stub groups.
 *
 * @param legacySingleRows for a group that the 2019 format printed as one row (（六）其他处理),
 *                         the 2021 row its figures are mapped to
 */
public record Table3Layout(String sheet, String title, String corner, String applicantHeader,
                           String organisationHeader, List<Table3Column> columns, List<Table3Row> rows,
                           Map<String, String> legacySingleRows) {

    public Table3Layout {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        legacySingleRows = Map.copyOf(legacySingleRows);
    }

    public static String itemCode(String rowCode, String columnCode) {
        return "T3." + rowCode + "." + columnCode;
    }

    public Table3Column totalColumn() {
        return columns.stream().filter(Table3Column::derived).findFirst().orElseThrow();
    }

    public List<Table3Column> applicantColumns() {
        return columns.stream().filter(c -> !c.derived()).toList();
    }

    public List<Table3Row> rowsWithRole(Table3Row.Role role) {
        return rows.stream().filter(r -> r.role() == role).toList();
    }

    public Optional<Table3Row> row(String code) {
        return rows.stream().filter(r -> r.code().equals(code)).findFirst();
    }
}
