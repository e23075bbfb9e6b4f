package cn.gov.county.gkreport.report;

import java.time.LocalDate;

import cn.gov.county.gkreport.deadline.Timeliness;
import cn.gov.county.gkreport.report.ReportRepository.SubmissionRow;
import cn.gov.county.gkreport.sheet.SheetRows;
import cn.gov.county.gkreport.store.SubmissionStatus;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * 报送情况: every roster unit with its standing, its timeliness against the deadline (first file,
 * first version that passed) and every file it sent (version, status, name, time received, SHA-256,
 * errors and warnings); then the files of units taken off the roster (kept, not counted), then files
 * whose cover names no roster unit.
 */
final class SubmissionStatusSheet {

    static final String NAME = "报送情况";
    private static final String[] HEADERS = {"单位代码", "单位名称", "类型", "单位状态", "首次报送", "首个通过版本",
            "文件状态", "版本", "文件名", "接收时间", "SHA-256", "错误数", "警告数", SheetRows.FULL_SHA256};
    /** The first column of a file's cells. */
    private static final int FILE = 6;

    void write(Workbook workbook, ReportData data, ReportStyles styles) {
        SheetRows rows = new SheetRows(workbook.createSheet(NAME));
        rows.widths(8, 20, 8, 8, 22, 22, 12, 5, 44, 19, 18, 7, 7, 66);
        LocalDate today = data.runTime().toLocalDate();
        rows.header(HEADERS, styles.header);
        rows.hideFullSha256(HEADERS);
        for (UnitStanding standing : data.standings()) {
            CellStyle style = switch (standing.standing()) {
                case ACCEPTED -> styles.text;
                case REJECTED, RETURNED -> styles.error;
                case MISSING -> styles.warning;
            };
            Timeliness timeliness = SubmissionRow.timeliness(standing.submissions(), data.calendar(), today);
            if (standing.submissions().isEmpty()) {
                Row row = unitCells(rows, standing, timeliness, style);
                for (int c = FILE; c < HEADERS.length - 1; c++) {
                    SheetRows.text(row, c, "", style);
                }
                continue;
            }
            for (SubmissionRow submission : standing.submissions()) {
                fileCells(unitCells(rows, standing, timeliness, style), submission, styles);
            }
        }
        for (SubmissionRow submission : data.submissions()) {
            if (submission.unitCode() != null && data.offRoster().containsKey(submission.unitCode())) {
                fileCells(otherCells(rows, submission.unitCode(), data.offRoster().get(submission.unitCode()),
                        FindingsSheet.OFF_ROSTER, styles.warning), submission, styles);
            }
        }
        for (SubmissionRow submission : data.submissions()) {
            if (submission.unitCode() == null) {
                fileCells(otherCells(rows, "", "（封面无法识别单位）", "未通过", styles.error), submission, styles);
            }
        }
        rows.finishList(data.title() + " — " + NAME, HEADERS.length);
    }

    private static Row unitCells(SheetRows rows, UnitStanding standing, Timeliness timeliness, CellStyle style) {
        Row row = rows.newRow();
        SheetRows.text(row, 0, standing.unit().code(), style);
        SheetRows.text(row, 1, standing.unit().name(), style);
        SheetRows.text(row, 2, standing.unit().type().label(), style);
        SheetRows.text(row, 3, standing.standing().label(), style);
        SheetRows.text(row, 4, timeliness.firstFile(), style);
        SheetRows.text(row, 5, timeliness.firstAccepted(), style);
        return row;
    }

    /** The unit cells of a file that counts for no roster unit. */
    private static Row otherCells(SheetRows rows, String code, String name, String standing, CellStyle style) {
        Row row = rows.newRow();
        SheetRows.text(row, 0, code, style);
        SheetRows.text(row, 1, name, style);
        SheetRows.text(row, 2, "", style);
        SheetRows.text(row, 3, standing, style);
        SheetRows.text(row, 4, "", style);
        SheetRows.text(row, 5, "", style);
        return row;
    }

    private static void fileCells(Row row, SubmissionRow submission, ReportStyles styles) {
        SubmissionStatus status = SubmissionStatus.valueOf(submission.status());
        CellStyle style = status == SubmissionStatus.REJECTED || status == SubmissionStatus.RETURNED ? styles.error
                : styles.text;
        SheetRows.text(row, FILE, status.label(), style);
        if (submission.version() == null) {
            SheetRows.text(row, FILE + 1, "", style);
        } else {
            SheetRows.number(row, FILE + 1, submission.version(), style);
        }
        SheetRows.text(row, FILE + 2, submission.fileName(), style);
        SheetRows.text(row, FILE + 3, submission.receivedAt(), style);
        SheetRows.text(row, FILE + 4, SheetRows.shortSha256(submission.sha256()), style);
        SheetRows.number(row, FILE + 5, submission.errors(), style);
        SheetRows.number(row, FILE + 6, submission.warnings(), style);
        SheetRows.text(row, FILE + 7, submission.sha256(), style);
    }
}
