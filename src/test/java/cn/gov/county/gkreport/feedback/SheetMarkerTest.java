package cn.gov.county.gkreport.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SheetMarkerTest {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** A sheet part: the root element (with its prefix, if any) around the given content. */
    private static byte[] part(String root, String content) {
        String prefix = root.contains(":") ? root.substring(0, root.indexOf(':')) : null;
        String ns = prefix == null ? " xmlns=\"" + MAIN + "\"" : " xmlns:" + prefix + "=\"" + MAIN + "\"";
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + root + ns + ">" + content + "</" + root + ">")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static boolean selected(String content) {
        return SheetMarker.isTabSelected(part("worksheet", content));
    }

    @Test
    void aSheetIsTabSelectedByItsSheetView() {
        assertThat(selected("<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"/></sheetViews><sheetData/>"))
                .isTrue();
        assertThat(selected("<sheetViews><sheetView tabSelected=\"true\" workbookViewId=\"0\"/></sheetViews>"
                + "<sheetData><row r=\"1\"/></sheetData>")).isTrue();
        assertThat(selected("<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetData/>")).isFalse();
        assertThat(selected("<sheetViews><sheetView tabSelected=\"0\" workbookViewId=\"0\"/></sheetViews><sheetData/>"))
                .isFalse();
    }

    @Test
    void onlyTheSheetViewsCountNotTheAttributesOfLaterElements() {
        // a later element's attribute of that name (not a sheet view) does not select the sheet
        assertThat(selected("<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
                + "<sheetData><row r=\"1\"/></sheetData><x:ext xmlns:x=\"urn:x\" tabSelected=\"1\"/>")).isFalse();
        assertThat(SheetMarker.isTabSelected(part("x:worksheet", "<x:sheetViews><x:sheetView workbookViewId=\"0\"/>"
                + "</x:sheetViews><x:sheetData/><x:ext tabSelected=\"1\"/>"))).isFalse();
    }

    @Test
    void theHeadEndsAtTheSheetDataElementNotAtAValueOfThatName() {
        // a code name "sheetData" before the views must not cut them off (the tab would stay selected)
        assertThat(selected("<sheetPr codeName=\"sheetData\"/><sheetViews><sheetView tabSelected=\"1\" "
                + "workbookViewId=\"0\"/></sheetViews><sheetData/>")).isTrue();
        assertThat(selected("<sheetPr codeName=\"x:sheetData\"/><sheetViews><sheetView tabSelected=\"1\" "
                + "workbookViewId=\"0\"/></sheetViews><sheetData/>")).isTrue();
    }

    @Test
    void aChartsheetWithoutSheetDataIsSearchedWhole() {
        assertThat(SheetMarker.isTabSelected(part("chartsheet",
                "<sheetViews><sheetView tabSelected=\"1\" zoomScale=\"90\" workbookViewId=\"0\"/></sheetViews>"))).isTrue();
    }

    @Test
    void mergesAndTheCommentsDrawingAreFoundAfterTheCellsNotInThem() {
        byte[] sheet = part("worksheet", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lt;mergeCell "
                + "ref=\"C3:D4\"/&gt; &lt;legacyDrawing/&gt;</t></is></c></row></sheetData>"
                + "<mergeCells count=\"1\"><mergeCell ref=\"A2:B2\"/></mergeCells>"
                + "<headerFooter><oddHeader>x:sheetData &lt;/sheetData&gt;</oddHeader></headerFooter>");
        assertThat(SheetMarker.mergedRegions(sheet)).containsExactly(new int[] {1, 0, 1, 1});
        assertThat(SheetMarker.hasLegacyDrawing(sheet)).isFalse();

        byte[] prefixed = part("x:worksheet", "<x:sheetData/><x:mergeCells count=\"2\"><x:mergeCell ref=\"A1:C1\"/>"
                + "<x:mergeCell ref=\"E5\"/></x:mergeCells><x:legacyDrawing r:id=\"rId9\" "
                + "xmlns:r=\"urn:r\"/>");
        assertThat(SheetMarker.mergedRegions(prefixed)).containsExactly(new int[] {0, 0, 0, 2}, new int[] {4, 4, 4, 4});
        assertThat(SheetMarker.hasLegacyDrawing(prefixed)).isTrue();
    }

    @Test
    void aSheetWithoutCellsIsSearchedWhole() {
        byte[] sheet = part("worksheet", "<mergeCells count=\"1\"><mergeCell ref=\"B2:C3\"/></mergeCells>");
        assertThat(SheetMarker.mergedRegions(sheet)).containsExactly(new int[] {1, 1, 2, 2});
    }
}
