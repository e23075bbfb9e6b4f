package cn.gov.county.gkreport.report;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.form.FormTable;
import cn.gov.county.gkreport.form.ValueType;
import cn.gov.county.gkreport.intake.UnitType;
import cn.gov.county.gkreport.report.UnitStanding.Standing;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * 分单位明细: one row per roster unit (towns, then departments, each with its subtotal, then the
 * county total), one column per item under a two-level header (table / item). Units not accepted
 * show their status instead of figures.
 */
final class UnitDetailSheet {

    static final String NAME = "分单位明细";
    private static final int FIXED = 4;

    private final Sheet sheet;
    private final SheetRows rows;
    private final ReportData data;
    private final ReportStyles styles;
    private final List<FormItem> items;

    /** Creates the sheet with its two header rows (on the thread that owns the workbook). */
    UnitDetailSheet(Workbook workbook, ReportData data, ReportStyles styles) {
        this.sheet = workbook.createSheet(NAME);
        this.rows = new SheetRows(sheet);
        this.data = data;
        this.styles = styles;
        this.items = data.form().items();
        Row tables = rows.newRow();
        Row labels = rows.newRow();
        String[] fixed = {"单位代码", "单位名称", "类型", "状态"};
        for (int c = 0; c < FIXED; c++) {
            SheetRows.text(tables, c, fixed[c], styles.header);
            SheetRows.text(labels, c, "", styles.header);
            sheet.addMergedRegion(new CellRangeAddress(0, 1, c, c));
        }
        int start = FIXED;
        for (int i = 0; i < items.size(); i++) {
            FormItem item = items.get(i);
            int col = FIXED + i;
            SheetRows.text(tables, col, item.table().shortName(), styles.header);
            SheetRows.text(labels, col, item.table() == FormTable.INDICATORS ? item.rowLabel()
                    : item.rowLabel() + " / " + item.columnLabel(), styles.header);
            sheet.setColumnWidth(col, 14 * 256);
            boolean last = i == items.size() - 1 || items.get(i + 1).table() != item.table();
            if (last) {
                if (col > start) {
                    sheet.addMergedRegion(new CellRangeAddress(0, 0, start, col));
                }
                start = col + 1;
            }
        }
        labels.setHeightInPoints(60);
        rows.widths(8, 22, 9, 12);
    }

    /**
     * The unit rows and subtotals. Touches nothing but this sheet's rows (and reads the database),
     * so it may run on another thread while other sheets are written.
     */
    void writeRows() {
        for (UnitType type : UnitType.values()) {
            if (data.roster().units(type).isEmpty()) {
                continue;
            }
            writeUnits(type);
            subtotal(TotalScope.of(type));
        }
        subtotal(TotalScope.COUNTY);
    }

    /** Frozen panes, filter and printing: these change the workbook's defined names, so on its owner's thread. */
    void finish() {
        sheet.createFreezePane(FIXED, 2);
        sheet.setAutoFilter(new CellRangeAddress(1, rows.rowIndex() - 1, 0, FIXED + items.size() - 1));
        rows.printWide(data.title() + " — " + NAME, 2, FIXED);
    }

    /**
     * The units of one kind in code order: the accepted ones with the figures streamed from the
     * database, merged with the roster so units without an accepted submission show their status.
     */
    private void writeUnits(UnitType type) {
        Map<String, UnitStanding> standings = new TreeMap<>();
        data.standings().stream().filter(s -> s.unit().type() == type).forEach(s -> standings.put(s.unit().code(), s));
        Iterator<UnitStanding> pending = standings.values().iterator();
        UnitStanding[] next = {pending.hasNext() ? pending.next() : null};
        data.queries().acceptedFigures(data.year(), type, (code, figures) -> {
            while (next[0] != null && next[0].unit().code().compareTo(code) <= 0) {
                UnitStanding standing = next[0];
                next[0] = pending.hasNext() ? pending.next() : null;
                unitRow(standing, standing.unit().code().equals(code) ? figures : null);
            }
        });
        while (next[0] != null) {
            unitRow(next[0], null);
            next[0] = pending.hasNext() ? pending.next() : null;
        }
    }

    private void unitRow(UnitStanding standing, Map<String, BigDecimal> figures) {
        Row row = rows.newRow();
        SheetRows.text(row, 0, standing.unit().code(), styles.text);
        SheetRows.text(row, 1, standing.unit().name(), styles.text);
        SheetRows.text(row, 2, standing.unit().type().label(), styles.text);
        boolean accepted = standing.standing() == Standing.ACCEPTED;
        SheetRows.text(row, 3, standing.standing().label(), accepted ? styles.text : styles.warning);
        if (accepted) {
            // an accepted report of only zeros has no stored figures (zeros are not stored)
            figuresRow(row, figures == null ? Map.of() : figures, false);
        }
    }

    private void subtotal(TotalScope scope) {
        Row row = rows.newRow();
        SheetRows.text(row, 0, "", styles.subtotalText);
        SheetRows.text(row, 1, scope.label(data.roster().countyName()), styles.subtotalText);
        SheetRows.text(row, 2, "", styles.subtotalText);
        SheetRows.text(row, 3, data.totals().unitCounts().getOrDefault(scope, 0) + " 个单位", styles.subtotalText);
        figuresRow(row, data.totals().of(scope), true);
    }

    private void figuresRow(Row row, Map<String, BigDecimal> figures, boolean subtotal) {
        for (int i = 0; i < items.size(); i++) {
            FormItem item = items.get(i);
            boolean amount = item.type() == ValueType.AMOUNT;
            SheetRows.number(row, FIXED + i, figures.getOrDefault(item.code(), BigDecimal.ZERO), subtotal
                    ? (amount ? styles.subtotalAmount : styles.subtotalCount)
                    : (amount ? styles.amount : styles.count));
        }
    }
}
