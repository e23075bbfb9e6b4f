package cn.gov.county.gkreport.form;

import java.util.List;

/**
 * The template's 说明 sheet, where a unit explains a warning instead of changing a correct figure:
 * one row per finding code (and, if it concerns one cell only, that cell), with free text.
 *
 * @param sheet        the sheet's name
 * @param title        the title row
 * @param codeHeader   the column of the finding code (ZERO-ALL, X-YOY, …)
 * @param cellHeader   the column of the cell the explanation is about; blank means every finding of the code
 * @param textHeader   the column of the explanation
 * @param rows         how many blank rows the template offers
 * @param instructions shown above the table
 */
public record ExplanationSheet(String sheet, String title, String codeHeader, String cellHeader, String textHeader,
                               int rows, List<String> instructions) {

    /** A form without the sheet. */
    public static final ExplanationSheet NONE = new ExplanationSheet("", "", "", "", "", 0, List.of());

    public ExplanationSheet {
        instructions = List.copyOf(instructions);
    }

    public boolean present() {
        return !sheet.isEmpty();
    }
}
