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
    }

    @Test
    void aChartsheetWithoutSheetDataIsSearchedWhole() {
        assertThat(SheetMarker.isTabSelected(part("chartsheet",
                "<sheetViews><sheetView tabSelected=\"1\" zoomScale=\"90\" workbookViewId=\"0\"/></sheetViews>"))).isTrue();
    }
}
