package cn.gov.county.gkreport.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SheetMarkerTest {

    private static byte[] sheet(String views, String data) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\"><sheetViews>" + views + "</sheetViews>" + data + "</worksheet>")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSheetIsTabSelectedByItsSheetView() {
        assertThat(SheetMarker.isTabSelected(sheet("<sheetView tabSelected=\"1\" workbookViewId=\"0\"/>",
                "<sheetData/>"))).isTrue();
        assertThat(SheetMarker.isTabSelected(sheet("<sheetView tabSelected=\"true\" workbookViewId=\"0\"/>",
                "<sheetData><row r=\"1\"/></sheetData>"))).isTrue();
        assertThat(SheetMarker.isTabSelected(sheet("<sheetView workbookViewId=\"0\"/>", "<sheetData/>"))).isFalse();
        assertThat(SheetMarker.isTabSelected(sheet("<sheetView tabSelected=\"0\" workbookViewId=\"0\"/>",
                "<sheetData/>"))).isFalse();
    }

    @Test
    void onlyTheSheetViewsCountNotTheAttributesOfLaterElements() {
        // a later element's attribute of that name (not a sheet view) does not select the sheet
        assertThat(SheetMarker.isTabSelected(sheet("<sheetView workbookViewId=\"0\"/>",
                "<sheetData><row r=\"1\"/></sheetData><x:ext xmlns:x=\"urn:x\" tabSelected=\"1\"/>"))).isFalse();
    }

    @Test
    void theHeadEndsAtTheSheetDataElementNotAtAValueOfThatName() {
        // a code name "sheetData" before the views must not cut them off (the tab would stay selected)
        byte[] sheet = ("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetPr codeName=\"sheetData\"/><sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"/>"
                + "</sheetViews><sheetData/></worksheet>").getBytes(StandardCharsets.UTF_8);
        assertThat(SheetMarker.isTabSelected(sheet)).isTrue();
        byte[] prefixed = ("<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<x:sheetViews><x:sheetView workbookViewId=\"0\"/></x:sheetViews><x:sheetData/>"
                + "<x:ext tabSelected=\"1\"/></x:worksheet>").getBytes(StandardCharsets.UTF_8);
        assertThat(SheetMarker.isTabSelected(prefixed)).isFalse();
    }

    @Test
    void aChartsheetWithoutSheetDataIsSearchedWhole() {
        byte[] chartsheet = ("<chartsheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetViews><sheetView tabSelected=\"1\" zoomScale=\"90\" workbookViewId=\"0\"/></sheetViews>"
                + "</chartsheet>").getBytes(StandardCharsets.UTF_8);
        assertThat(SheetMarker.isTabSelected(chartsheet)).isTrue();
    }
}
