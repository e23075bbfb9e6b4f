package cn.gov.county.gkreport.read;

import static cn.gov.county.gkreport.read.SubmissionReaderTest.COVER;
import static cn.gov.county.gkreport.read.SubmissionReaderTest.FORM;
import static cn.gov.county.gkreport.read.SubmissionReaderTest.FORM_SHEETS;
import static cn.gov.county.gkreport.read.SubmissionReaderTest.T2;
import static cn.gov.county.gkreport.read.SubmissionReaderTest.T3;
import static cn.gov.county.gkreport.read.SubmissionReaderTest.TEMPLATE_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.gov.county.gkreport.demo.ToolCommands;
import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.read.grid.SheetGrid;
import cn.gov.county.gkreport.read.grid.UnreadableWorkbookException;
import cn.gov.county.gkreport.read.grid.WorkbookGrid;
import cn.gov.county.gkreport.read.grid.WorkbookLoader;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template's layout as a fast path: a sheet with exactly the template's labels is searched with
 * the template's index, any other sheet by its own labels, and the reader's result is the same
 * either way (compared with a reader that indexes every sheet).
 */
class TemplateLayoutTest {

    private static final WorkbookLoader LOADER = new WorkbookLoader();
    private static final SubmissionReader READER = new SubmissionReader(FORM, LOADER, TEMPLATE_NAME);
    private static final SubmissionReader SEARCHING_ONLY = new SubmissionReader(FORM, LOADER, TEMPLATE_NAME, false);

    @TempDir
    Path dir;

    private Path filled;
    private Map<String, SheetCell> positions;
    private Map<String, BigDecimal> values;

    @BeforeEach
    void writeAFilledForm() throws IOException {
        filled = dir.resolve("filled.xlsx");
        FormContent content = new FormContent(SubmissionReaderTest.cover(), SubmissionReaderTest.inputs(), Map.of());
        positions = new FormFiles(FORM).write(filled, content);
        values = FORM.withDerivedTotals(content.values());
    }

    @Test
    void theLayoutIsDerivedForEveryFormSheet() {
        assertThat(READER.layout().sheetNames()).containsExactlyInAnyOrderElementsOf(FORM_SHEETS);
        assertThat(SEARCHING_ONLY.layout()).isSameAs(TemplateLayout.NONE);
    }

    @Test
    void aFilledTemplateTakesTheFastPathOnEverySheet() throws Exception {
        assertThat(matching(filled)).containsExactlyElementsOf(FORM_SHEETS);
        SubmissionContent content = sameEitherWay(filled);
        assertThat(content.problems()).isEmpty();
        assertFiguresAt(content, 0, 0);
        assertThat(content.coverValue(CoverField.UNIT_NAME)).isEqualTo("县人民政府办公室");
    }

    @Test
    void theCommittedBlankTemplateTakesTheFastPath() throws Exception {
        Path committed = Path.of("templates", ToolCommands.templateFileName(2024));
        assertThat(matching(committed)).containsExactlyElementsOf(FORM_SHEETS);
        assertThat(sameEitherWay(committed).problems()).isEmpty();
    }

    @Test
    void rowsMovedDownInTable3AreFoundByTheirLabels() throws Exception {
        int firstDataRow = positions.get("T3.NEW.NAT").cell().row();
        Path file = edit("t3-rows.xlsx", sheet -> WorkbookEdits.insertRows(sheet, firstDataRow, 2), T3);

        assertThat(matching(file)).doesNotContain(T3).contains(COVER, T2);
        SubmissionContent content = sameEitherWay(file);
        assertThat(content.problems()).isEmpty();
        assertFiguresAt(content, 2, 0, T3);
    }

    @Test
    void anEditedLabelIsFoundByItsNormalisedText() throws Exception {
        String label = FORM.table3().rows().get(0).label();
        Path file = edit("t3-label.xlsx", sheet -> WorkbookEdits.retype(sheet, label, " " + label + " "), T3);

        assertThat(matching(file)).doesNotContain(T3).contains(T2);
        SubmissionContent content = sameEitherWay(file);
        assertThat(content.problems()).isEmpty();
        assertFiguresAt(content, 0, 0);
    }

    @Test
    void aColumnInsertedInTable2IsFoundByTheHeaders() throws Exception {
        Path file = edit("t2-column.xlsx", sheet -> sheet.shiftColumns(1, 10, 1), T2);

        assertThat(matching(file)).doesNotContain(T2).contains(T3);
        SubmissionContent content = sameEitherWay(file);
        assertThat(content.problems()).isEmpty();
        assertFiguresAt(content, 0, 1, T2);
    }

    @Test
    void aClerksEntryThatIsALabelTheLocatorsAskForTurnsTheFastPathOff() throws Exception {
        // 表二's anchor typed into the cover: the cover now answers the search for 表二's sheet.
        String anchor = FORM.table2().blocks().get(0).title();
        SheetCell contact = READER.read(filled).coverCells().get(CoverField.CONTACT);
        Path file = edit("cover-anchor.xlsx", sheet -> WorkbookEdits.setText(sheet, contact.cell(), anchor), COVER);

        assertThat(matching(file)).doesNotContain(COVER).contains(T2, T3);
        assertFiguresAt(sameEitherWay(file), 0, 0);
    }

    @Test
    void aClerksEntryHoldingAFragmentTheLocatorsSearchForTurnsTheFastPathOff() throws Exception {
        // Words only the 2019 表二 has, typed into a figure cell: read as the 2019 format, as without the fast path.
        SheetCell fee = positions.get("T2.FEE.AMOUNT");
        Path file = edit("t2-2019-words.xlsx", sheet -> WorkbookEdits.setText(sheet, fee.cell(), "本年新公开数量"), T2);

        assertThat(matching(file)).doesNotContain(T2).contains(COVER, T3);
        SubmissionContent content = sameEitherWay(file);
        assertThat(content.problems()).anySatisfy(p -> assertThat(p.message()).contains("2019年试行格式"));
    }

    @Test
    void aClerksEntryNoLocatorAsksForKeepsTheFastPath() throws Exception {
        SheetCell contact = READER.read(filled).coverCells().get(CoverField.CONTACT);
        Path file = edit("cover-text.xlsx", sheet -> WorkbookEdits.setText(sheet, contact.cell(), "李四（办公室）"), COVER);

        assertThat(matching(file)).containsExactlyElementsOf(FORM_SHEETS);
        assertThat(sameEitherWay(file).coverValue(CoverField.CONTACT)).isEqualTo("李四（办公室）");
    }

    @Test
    void aMergeRemovedTurnsTheFastPathOffForThatSheet() throws Exception {
        Path file = edit("t3-unmerged.xlsx", sheet -> sheet.removeMergedRegion(0), T3);

        assertThat(matching(file)).doesNotContain(T3).contains(T2);
        sameEitherWay(file);
    }

    @Test
    void theFixtureAndHostileCorporaReadTheSameWithAndWithoutTheTemplateLayout() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path corpus : List.of(Path.of("src/test/resources/fixtures"), Path.of("src/test/resources/hostile/files"),
                Path.of("input/2024"))) {
            try (Stream<Path> list = Files.list(corpus)) {
                list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".properties"))
                        .sorted().forEach(files::add);
            }
        }
        int fast = 0;
        for (Path file : files) {
            WorkbookGrid grid;
            try {
                grid = LOADER.load(file);
            } catch (UnreadableWorkbookException e) {
                assertThatThrownBy(() -> READER.read(file)).isInstanceOf(UnreadableWorkbookException.class);
                continue;
            }
            assertThat(READER.read(grid)).as(file.toString()).isEqualTo(SEARCHING_ONLY.read(grid));
            if (grid.sheets().stream().anyMatch(READER.layout()::matches)) {
                fast++;
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(fast).as("files with a sheet on the fast path").isGreaterThan(40);
    }

    // ---------------------------------------------------------------------------------------------

    private List<String> matching(Path file) throws UnreadableWorkbookException {
        return LOADER.load(file).sheets().stream().filter(READER.layout()::matches).map(SheetGrid::name).toList();
    }

    private SubmissionContent sameEitherWay(Path file) throws UnreadableWorkbookException {
        SubmissionContent content = READER.read(file);
        assertThat(content).isEqualTo(SEARCHING_ONLY.read(file));
        return content;
    }

    private interface SheetEdit {
        void apply(XSSFSheet sheet);
    }

    private Path edit(String name, SheetEdit edit, String sheet) throws IOException {
        return WorkbookEdits.edit(filled, dir.resolve(name), wb -> {
            edit.apply(WorkbookEdits.sheet(wb, sheet));
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
    }

    /** Every figure holds its own value, on the moved sheets {@code rows} down and {@code cols} right. */
    private void assertFiguresAt(SubmissionContent content, int rows, int cols, String... moved) {
        List<String> movedSheets = List.of(moved);
        assertThat(content.figures()).hasSize(positions.size());
        positions.forEach((code, at) -> {
            FigureCell figure = content.figures().get(code);
            boolean shifted = movedSheets.contains(at.sheet());
            CellRef expected = shifted ? new CellRef(at.cell().row() + rows, at.cell().col() + cols) : at.cell();
            assertThat(figure.cell()).as(code).isEqualTo(expected);
            assertThat(figure.value()).as(code).isEqualTo(values.get(code));
        });
    }
}
