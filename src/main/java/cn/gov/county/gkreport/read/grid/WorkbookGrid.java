package cn.gov.county.gkreport.read.grid;

import java.util.List;
import java.util.Optional;

/** Every sheet of one workbook, in workbook order. */
public record WorkbookGrid(WorkbookFormat format, List<SheetGrid> sheets) {

    public WorkbookGrid {
        sheets = List.copyOf(sheets);
    }

    public Optional<SheetGrid> sheet(String name) {
        return sheets.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
