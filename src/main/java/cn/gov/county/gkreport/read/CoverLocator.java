package cn.gov.county.gkreport.read;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.CoverSheet;
import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.read.grid.CellKind;
import cn.gov.county.gkreport.read.grid.GridCell;

/**
 * Reads the cover: each field's value is the first filled cell to the right of its label; a date
 * cell reads as the date it shows.
 */
final class CoverLocator {

    private static final int SEARCH_WIDTH = 8;

    private final CoverSheet cover;

    CoverLocator(CoverSheet cover) {
        this.cover = cover;
    }

    /**
     * A date cell as the clerk sees it ({@code 2024年12月1日}), not its serial number (45627): a year
     * typed into a date-formatted cell, a fill date. Serial numbers count days in Excel's 1900 system.
     */
    static String shownDate(String stored) {
        String s = stored.strip();
        try {
            LocalDate date = s.length() >= 10 && s.charAt(4) == '-' ? LocalDate.parse(s.substring(0, 10))
                    : LocalDate.of(1899, 12, 30).plusDays(new BigDecimal(s).longValue());
            return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        } catch (RuntimeException e) {
            return s;
        }
    }

    void locate(SheetFinder workbook, ContentBuilder out) {
        String anchor = cover.field(CoverField.UNIT_NAME).label();
        Optional<SheetSearch> found = workbook.find(cover.sheet(), anchor);
        if (found.isEmpty()) {
            out.problem(cover.sheet(), "找不到封面（没有“" + anchor + "”一栏），无法确认报送单位。请使用标准模板的“"
                    + cover.sheet() + "”工作表填写单位名称、单位代码和报告年度。");
            return;
        }
        SheetSearch sheet = found.get();
        for (CoverField field : cover.fields()) {
            sheet.find(field.label()).ifPresent(label -> {
                for (int col = sheet.lastColumnOf(label) + 1; col <= label.col() + SEARCH_WIDTH; col++) {
                    GridCell value = sheet.grid().cell(label.row(), col);
                    if (value != null && !value.value().isBlank()) {
                        out.cover.put(field.key(), value.kind() == CellKind.DATE ? shownDate(value.value())
                                : value.value().strip());
                        out.coverCells.put(field.key(), new SheetCell(sheet.grid().name(), value.ref()));
                        return;
                    }
                }
                out.coverCells.put(field.key(), new SheetCell(sheet.grid().name(),
                        new CellRef(label.row(), sheet.lastColumnOf(label) + 1)));
            });
        }
    }
}
