package cn.gov.county.gkreport.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;

/**
 * What the template lets a clerk type, checked by Excel as they type: a whole non-negative count,
 * a non-negative amount, the unit type from its list. The rules check every figure again when the
 * file arrives; this only catches a slip while the clerk is still at the cell.
 */
final class InputValidation {

    private InputValidation() {
    }

    /** The cover's unit type: 镇 or 县直单位, from a drop-down list. */
    static void unitType(FormSheetBuilder b, int row, int col) {
        DataValidationHelper helper = b.sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(new String[] {"镇", "县直单位"}),
                new CellRangeAddressList(row, row, col, col));
        validation.setShowErrorBox(true);
        b.sheet.addValidationData(validation);
    }

    /** Every figure a unit types on this sheet (totals are formulas, left alone). */
    static void figures(FormDefinition form, FormSheetBuilder b, Map<String, SheetCell> positions) {
        DataValidationHelper helper = b.sheet.getDataValidationHelper();
        List<CellRangeAddress> counts = new ArrayList<>();
        List<CellRangeAddress> amounts = new ArrayList<>();
        positions.forEach((code, at) -> {
            FormItem item = form.item(code);
            if (at.sheet().equals(b.name()) && !item.derived()) {
                CellRangeAddress range = new CellRangeAddress(at.cell().row(), at.cell().row(), at.cell().col(),
                        at.cell().col());
                (item.type() == ValueType.AMOUNT ? amounts : counts).add(range);
            }
        });
        add(b.sheet, helper, counts, helper.createIntegerConstraint(
                DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null), "请填写非负整数（件数）。");
        add(b.sheet, helper, amounts, helper.createDecimalConstraint(
                DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null), "请填写非负金额，最多两位小数。");
    }

    private static void add(Sheet sheet, DataValidationHelper helper, List<CellRangeAddress> ranges,
                            DataValidationConstraint constraint, String message) {
        if (ranges.isEmpty()) {
            return;
        }
        CellRangeAddressList cells = new CellRangeAddressList();
        ranges.forEach(cells::addCellRangeAddress);
        DataValidation validation = helper.createValidation(constraint, cells);
        validation.setShowErrorBox(true);
        validation.createErrorBox("填写有误", message);
        sheet.addValidationData(validation);
    }
}
