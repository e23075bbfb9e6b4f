package cn.gov.county.gkreport.read;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.read.grid.SheetGrid;
import cn.gov.county.gkreport.read.grid.UnreadableWorkbookException;
import cn.gov.county.gkreport.read.grid.WorkbookGrid;
import cn.gov.county.gkreport.read.grid.WorkbookLoader;

/**
 * Reads a unit's workbook into {@link SubmissionContent}: the file is loaded into a compact grid
 * (format decided by content), then every part of the form is located by its labels. A sheet whose
 * labels are exactly the template's is searched with the template's index ({@link TemplateLayout}),
 * with the same result. Safe for concurrent use.
 */
public final class SubmissionReader {

    private final FormDefinition form;
    private final WorkbookLoader loader;
    private final CoverLocator cover;
    private final Table2Locator table2;
    private final Table3Locator table3;
    private final Table4Locator table4;
    private final IndicatorLocator indicators;
    private final Future<TemplateLayout> layout;
    private final ExplanationLocator explanations;

    public SubmissionReader(FormDefinition form, WorkbookLoader loader, String templateName) {
        this(form, loader, templateName, true);
    }

    /** @param templateLayout whether sheets with the template's labels reuse its index (false: every sheet is indexed) */
    SubmissionReader(FormDefinition form, WorkbookLoader loader, String templateName, boolean templateLayout) {
        this.form = form;
        this.loader = loader;
        this.cover = new CoverLocator(form.cover());
        this.table2 = new Table2Locator(form.table2(), templateName);
        this.table3 = new Table3Locator(form.table3());
        this.table4 = new Table4Locator(form.table4());
        this.indicators = new IndicatorLocator(form.indicators());
        this.explanations = new ExplanationLocator(form.explanations());
        // last: deriving the layout runs this reader's own locating pass over the template. It writes and
        // loads the template (about half a second of a night's start-up), so it runs beside the rest of
        // the start-up and the first file read waits for it.
        if (templateLayout) {
            FutureTask<TemplateLayout> derivation = new FutureTask<>(() -> TemplateLayout.derive(form, loader, this::locate));
            Thread thread = new Thread(derivation, "template-layout");
            thread.setDaemon(true);
            thread.start();
            this.layout = derivation;
        } else {
            this.layout = CompletableFuture.completedFuture(TemplateLayout.NONE);
        }
    }

    public SubmissionContent read(Path file) throws UnreadableWorkbookException {
        return read(loader.load(file));
    }

    public SubmissionContent read(WorkbookGrid workbook) {
        return locate(workbook, layout()::search, null);
    }

    private SubmissionContent locate(WorkbookGrid workbook, Function<SheetGrid, SheetSearch> search, LabelQueries asked) {
        ContentBuilder out = new ContentBuilder(form);
        SheetFinder sheets = new SheetFinder(FormulaCompletion.complete(workbook, out), search, asked, out);
        cover.locate(sheets, out);
        table2.locate(sheets, out);
        table3.locate(sheets, out);
        table4.locate(sheets, out);
        indicators.locate(sheets, out);
        explanations.locate(sheets, out);
        return out.build(workbook.format());
    }

    /** The template's layout once derived; {@link TemplateLayout#NONE} (labels alone) if deriving failed. */
    TemplateLayout layout() {
        try {
            return layout.get();
        } catch (ExecutionException e) {
            return TemplateLayout.NONE; // derive() turns its own failures into NONE; this is an Error's
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TemplateLayout.NONE;
        }
    }
}
