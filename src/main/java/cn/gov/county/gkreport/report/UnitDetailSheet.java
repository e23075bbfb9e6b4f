package cn.gov.county.gkreport.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.form.ValueType;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.intake.UnitType;
import cn.gov.county.gkreport.report.ReportRepository.SubmissionRow;
import cn.gov.county.gkreport.report.UnitStanding.Standing;
import cn.gov.county.gkreport.sheet.SheetRows;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * 分单位明细: one row per roster unit (towns, then departments, each kind with its subtotal, then
 * the county total), one column per item under the form's four header levels ({@link DetailColumns}),
 * printed page by page (a page per table, 表三 four rows to a page). Every figure is the one that was
 * summed: a total is its parts' sum, and where the unit typed another total the cell says so in a
 * comment. Before the subtotals are written, each kind's unit rows are added up and compared with
 * the stored county totals; a difference fails the job (the sheet would contradict 表二–表四).
 */
final class UnitDetailSheet {

    static final String NAME = "分单位明细";
    /** Rows above the units: the item codes (hidden, for machines and filters), then the four header levels. */
    static final int HEADER_ROWS = 1 + DetailColumns.LEVELS;
    static final int FIXED = 3;
    /** Units fetched per query: figures come keyed by unit, so their order in the result does not matter. */
    private static final int UNITS_PER_QUERY = 500;

    private final Sheet sheet;
    private final SheetRows rows;
    private final ReportData data;
    private final ReportStyles styles;
    private final List<DetailColumns.Column> columns;
    private final List<CellNote> notes = new ArrayList<>();

    /** A comment to put on a figure cell once the rows are written. */
    record CellNote(int row, int column, String text) {
    }

    /** Creates the sheet with its header rows (on the thread that owns the workbook). */
    UnitDetailSheet(Workbook workbook, ReportData data, ReportStyles styles) {
        this.sheet = workbook.createSheet(NAME);
        this.rows = new SheetRows(sheet);
        this.data = data;
        this.styles = styles;
        this.columns = DetailColumns.of(data.form());
        new DetailHeader(sheet, rows, styles, columns, FIXED).write(new String[] {"单位代码", "单位名称", "状态"});
    }

    /**
     * The unit rows and subtotals. Touches nothing but this sheet's rows (and reads the database),
     * so it may run on another thread while other sheets are written.
     */
    void writeRows() {
        Map<String, UnitStanding> standings = new HashMap<>();
        data.standings().forEach(s -> standings.put(s.unit().code(), s));
        Map<String, BigDecimal> county = new HashMap<>();
        for (UnitType type : UnitType.values()) {
            List<RosterUnit> units = data.roster().units(type);
            if (units.isEmpty()) {
                continue;
            }
            Map<String, BigDecimal> sums = new HashMap<>();
            for (int from = 0; from < units.size(); from += UNITS_PER_QUERY) {
                List<RosterUnit> page = units.subList(from, Math.min(units.size(), from + UNITS_PER_QUERY));
                Map<Long, Map<String, BigDecimal>> figures = data.queries().figures(page.stream()
                        .map(unit -> accepted(standings.get(unit.code()))).filter(Objects::nonNull).toList());
                for (RosterUnit unit : page) {
                    UnitStanding standing = standings.get(unit.code());
                    Long accepted = accepted(standing);
                    unitRow(unit, standing.standing(), accepted == null ? null : figures.get(accepted), sums);
                }
            }
            subtotal(TotalScope.of(type), sums);
            sums.forEach((code, value) -> county.merge(code, value, BigDecimal::add));
        }
        subtotal(TotalScope.COUNTY, county);
    }

    /** The id of the unit's accepted submission, whose figures its row shows; null when none is accepted. */
    private static Long accepted(UnitStanding standing) {
        return standing.standing() == Standing.ACCEPTED ? standing.counting().map(SubmissionRow::id).orElse(null) : null;
    }

    /** Frozen panes, filter, comments and printing: these change the workbook, so on its owner's thread. */
    void finish() {
        sheet.createFreezePane(FIXED, HEADER_ROWS);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROWS - 1, rows.rowIndex() - 1, 0, FIXED + columns.size() - 1));
        CellNotes.add(sheet, notes);
        new DetailPrint(sheet, columns, FIXED, HEADER_ROWS).setUp(data.title() + " — " + NAME,
                rows.rowIndex() - HEADER_ROWS);
    }

    private void unitRow(RosterUnit unit, Standing standing, Map<String, BigDecimal> stored,
                         Map<String, BigDecimal> sums) {
        Row row = rows.newRow();
        SheetRows.text(row, 0, unit.code(), styles.text);
        SheetRows.text(row, 1, unit.name(), styles.text);
        boolean accepted = standing == Standing.ACCEPTED;
        SheetRows.text(row, 2, standing.label(), accepted ? styles.text : styles.warning);
        if (!accepted) {
            return;
        }
        // an accepted report of only zeros has no stored figures (zeros are not stored)
        Map<String, BigDecimal> typed = stored == null ? Map.of() : stored;
        Map<String, BigDecimal> summed = data.form().withDerivedTotals(typed);
        summed.forEach((code, value) -> sums.merge(code, value, BigDecimal::add));
        for (int i = 0; i < columns.size(); i++) {
            String code = columns.get(i).item().code();
            BigDecimal value = summed.get(code);
            BigDecimal wrote = typed.get(code);
            boolean differs = columns.get(i).item().derived() && wrote != null && wrote.compareTo(value) != 0;
            SheetRows.number(row, FIXED + i, value, figureStyle(i, false, differs));
            if (differs) {
                notes.add(new CellNote(row.getRowNum(), FIXED + i, unit.name() + "填报 " + plain(wrote)
                        + "，与分项之和不符；汇总按分项之和 " + plain(value) + " 计入。"));
            }
        }
    }

    private void subtotal(TotalScope scope, Map<String, BigDecimal> unitSums) {
        Map<String, BigDecimal> stored = data.totals().of(scope);
        List<String> differences = new ArrayList<>();
        for (DetailColumns.Column column : columns) {
            String code = column.item().code();
            BigDecimal rows = unitSums.getOrDefault(code, BigDecimal.ZERO);
            BigDecimal total = stored.getOrDefault(code, BigDecimal.ZERO);
            if (rows.compareTo(total) != 0) {
                differences.add(code + " 各单位之和 " + plain(rows) + "，汇总数 " + plain(total));
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("分单位明细的" + scope.label(data.roster().countyName())
                    + "与汇总数不一致（程序错误，汇总工作簿未写出）：" + String.join("；", differences));
        }
        Row row = rows.newRow();
        SheetRows.text(row, 0, "", styles.subtotalText);
        SheetRows.text(row, 1, scope.label(data.roster().countyName()), styles.subtotalText);
        SheetRows.text(row, 2, data.totals().unitCounts().getOrDefault(scope, 0) + " 个单位", styles.subtotalText);
        for (int i = 0; i < columns.size(); i++) {
            SheetRows.number(row, FIXED + i, stored.getOrDefault(columns.get(i).item().code(), BigDecimal.ZERO),
                    figureStyle(i, true, false));
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private CellStyle figureStyle(int column, boolean subtotal, boolean noted) {
        boolean amount = columns.get(column).item().type() == ValueType.AMOUNT;
        if (noted) {
            return amount ? styles.notedAmount : styles.notedCount;
        }
        if (subtotal) {
            return amount ? styles.subtotalAmount : styles.subtotalCount;
        }
        return amount ? styles.amount : styles.count;
    }
}
