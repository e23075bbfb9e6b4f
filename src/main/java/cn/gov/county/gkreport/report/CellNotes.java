package cn.gov.county.gkreport.report;

import java.util.List;

import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;

/**
 * Puts comments on cells by address, after the rows are written (a streamed sheet may have
 * flushed the rows already; the comment is anchored by address, not by the cell object).
 */
final class CellNotes {

    private CellNotes() {
    }

    static void add(Sheet sheet, List<UnitDetailSheet.CellNote> notes) {
        if (notes.isEmpty()) {
            return;
        }
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        CreationHelper helper = sheet.getWorkbook().getCreationHelper();
        for (UnitDetailSheet.CellNote note : notes) {
            ClientAnchor anchor = helper.createClientAnchor();
            anchor.setCol1(note.column() + 1);
            anchor.setCol2(note.column() + 5);
            anchor.setRow1(note.row());
            anchor.setRow2(note.row() + 4);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(helper.createRichTextString(note.text()));
            comment.setAuthor("年报汇总");
            comment.setAddress(new CellAddress(note.row(), note.column()));
        }
    }
}
