package cn.gov.county.gkreport.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.zip.Deflater;

import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.form.FormWorkbookWriter;
import cn.gov.county.gkreport.intake.UnitType;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The workbook reviewers open: a summary, then the national form filled with the county totals
 * (the same sheets as a unit's submission, with the county on the cover, so it can be submitted
 * one level up), then the breakdowns, the status of every unit, every finding and the
 * traceability of every figure. Written to a temporary file and moved into place.
 */
public final class ConsolidatedWorkbook {

    private final Executor background;

    /**
     * @param background where the per-unit sheet's rows are written while this thread writes the
     *                   other sheets (the two largest sheets of a province workbook, written at once)
     */
    public ConsolidatedWorkbook(Executor background) {
        this.background = background;
    }

    /** Every sheet on the calling thread. */
    public ConsolidatedWorkbook() {
        this(Runnable::run);
    }

    /** Rows kept in memory per sheet; the form sheets (under 40 rows) are laid out within it. */
    private static final int ROW_WINDOW = 200;

    public void write(ReportData data, Path file) throws IOException {
        // Streamed: rows leave memory once written, so a province-size per-unit sheet fits in a small heap.
        // Text is written inline, not into a shared-strings table: that table stays in memory to the
        // end and grows with every file name and fingerprint of the traceability list. The temporary
        // sheet files are not compressed either: the final zip compresses them once.
        try (SXSSFWorkbook workbook = new FastZippedWorkbook()) {
            ReportStyles styles = new ReportStyles(workbook);
            RunChanges changes = data.queries().changes(data);
            new SummarySheet().write(workbook, data, changes, styles);
            new SummaryCharts().write(workbook, data, styles);
            new FormWorkbookWriter(data.form()).write(workbook, countyForm(data), FormWorkbookWriter.Options.VALUES);
            new ScopeBreakdownSheet().write(workbook, data, styles);
            UnitDetailSheet detail = new UnitDetailSheet(workbook, data, styles);
            // Only the rows of that one sheet are written over there: SXSSF streams each sheet to its
            // own file, while anything touching the workbook itself (new sheets, defined names for
            // filters and print titles) stays on this thread.
            CompletableFuture<Void> detailRows = CompletableFuture.runAsync(detail::writeRows, background);
            try {
                new SubmissionStatusSheet().write(workbook, data, styles);
                FindingsSheet.current().write(workbook, data, styles);
                if (data.historyFindingCount() > 0) {
                    // an empty history would be a printed page saying nothing; 汇总表 says "0 条"
                    FindingsSheet.history().write(workbook, data, styles);
                }
                new TraceabilitySheet().write(workbook, data, styles);
                new RunChangesSheet().write(workbook, data, changes, styles);
                new ReviewHistorySheet().write(workbook, data, styles);
            } finally {
                detailRows.exceptionally(failure -> null).join(); // the workbook must not close under it
            }
            detailRows.join(); // its failure, if any, fails the step (the run summary names the cause)
            detail.finish();
            workbook.setActiveSheet(0);
            FormFiles.writeAtomically(workbook, file);
        }
    }

    /**
     * Zips with the fastest deflate level: the province-size sheets are ~200 MB of XML, and the
     * default level spent about twice the time for a file only a fifth smaller.
     */
    private static final class FastZippedWorkbook extends SXSSFWorkbook {
        FastZippedWorkbook() {
            super(null, ROW_WINDOW, false, false);
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }
    }

    /** The county's own report: its name and code on the cover, the county totals in the tables. */
    private static FormContent countyForm(ReportData data) {
        Map<String, String> cover = new LinkedHashMap<>();
        cover.put(CoverField.UNIT_NAME, data.roster().countyName());
        cover.put(CoverField.UNIT_CODE, data.office().code());
        cover.put(CoverField.UNIT_TYPE, UnitType.DISTRICT.label());
        cover.put(CoverField.YEAR, Integer.toString(data.year()));
        cover.put(CoverField.FORM_VERSION, data.form().id());
        cover.put(CoverField.CONTACT, data.office().contact());
        cover.put(CoverField.PHONE, data.office().phone());
        cover.put(CoverField.FILL_DATE, data.runTime().toLocalDate().toString());
        return new FormContent(cover, data.totals().of(TotalScope.COUNTY), Map.of());
    }
}
