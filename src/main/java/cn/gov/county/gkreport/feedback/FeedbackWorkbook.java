package cn.gov.county.gkreport.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.Severity;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.read.grid.ReadLimits;
import cn.gov.county.gkreport.read.grid.WorkbookFormat;
import cn.gov.county.gkreport.read.grid.ZipLimits;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feedback copy a town clerk receives for a rejected or warned submission: the unit's own
 * workbook with every cell a finding points at filled red (错误) or yellow (警告) and the message as a
 * cell comment ({@link CellMarks}), plus a first sheet 校验结果 listing every finding with a link to its
 * cell ({@link FeedbackListSheet}).
 *
 * <p>The unit's values, formulas, merged cells, formatting and sheet protection are left as they
 * were, and the original file is only ever read: the copy is a new file, written atomically. When
 * the original cannot be opened at all, the copy is a workbook holding just the list.
 *
 * <p>An .xlsx/.xlsm is copied part by part without loading it ({@link StreamedFeedbackCopy}), which
 * reads back exactly as the POI usermodel copy; what that path refuses before writing (a marked
 * sheet with comments of its own, strict OOXML, a DOCTYPE, no styles, …) and every .xls is written
 * with POI's usermodel, as before. Which path a copy took is logged at debug.
 *
 * <p>Safe for concurrent use: all per-copy state lives in one call.
 */
public final class FeedbackWorkbook {

    private static final Logger log = LoggerFactory.getLogger(FeedbackWorkbook.class);

    /** The list sheet's name (a suffix is added if the unit's own file already has one). */
    public static final String LIST_SHEET = "校验结果";
    /** The list's header row (zero-based), below its title and three lines; the findings start on the row below it. */
    public static final int HEADER_ROW = 4;

    /** The usermodel holds the whole workbook in memory (roughly ten times its XML); a filled form inflates to under 1 MB. */
    private static final long MAX_INFLATED_FOR_USERMODEL = 32L * 1024 * 1024;

    private final long maxFileBytes;
    private final long maxInflatedBytes;
    private final boolean streamed;

    public FeedbackWorkbook() {
        this(ReadLimits.defaults());
    }

    /** Uses the reader's size limits, so a file the reader refused as too large is not loaded whole here either. */
    public FeedbackWorkbook(ReadLimits limits) {
        this(limits, true);
    }

    /** With {@code streamed} false, every copy is written with POI's usermodel (for comparisons and measurements). */
    FeedbackWorkbook(ReadLimits limits, boolean streamed) {
        this.maxFileBytes = limits.maxFileBytes();
        this.maxInflatedBytes = Math.min(limits.maxInflatedBytes(), MAX_INFLATED_FOR_USERMODEL);
        this.streamed = streamed;
    }

    /**
     * What to annotate.
     *
     * @param original         the unit's file as received (only read)
     * @param format           the format decided from the content; {@code null} when the file could not be read at all
     * @param unitName         the unit's name, or {@code null} when the unit was not identified
     * @param unitCode         the unit's roster code, or {@code null}
     * @param year             the reporting year
     * @param version          the unit's submission number for the year, or {@code null}
     * @param originalFileName the file name the unit sent
     * @param findings         what the rules found, in the order found
     */
    public record FeedbackRequest(Path original, WorkbookFormat format, String unitName, String unitCode, int year,
                                  Integer version, String originalFileName, List<Finding> findings) {

        public FeedbackRequest {
            findings = findings == null ? List.of() : List.copyOf(findings);
        }
    }

    /**
     * Writes the annotated copy into {@code feedbackDir} (created if needed) and returns the file
     * written. Its name is {@link #fileName}, except that a findings-only copy of an .xls original
     * that could not be opened is an .xlsx. An existing file of that name is replaced.
     *
     * @throws IOException only when the copy cannot be written; an unreadable original gives a findings-only copy
     */
    public Path write(FeedbackRequest request, Path feedbackDir) throws IOException {
        List<Finding> ordered = errorsFirst(request.findings());
        Path target = feedbackDir.resolve(fileName(request));
        if (streamed && stream(request, ordered, target)) {
            return target;
        }
        try (Original original = open(request)) {
            if (original != null) {
                try {
                    String listSheet = FeedbackListSheet.write(original.workbook(), request, ordered);
                    new CellMarks(original.workbook(), listSheet).mark(ordered);
                    FormFiles.writeAtomically(original.workbook(), target);
                    return target;
                } catch (RuntimeException e) {
                    // e.g. the .xls style table is full: the clerk still gets the list
                    log.warn("{}: cannot annotate the unit's workbook, writing the findings only", request.originalFileName(), e);
                }
            }
        }
        Path listOnly = feedbackDir.resolve(FeedbackNames.withExtension(fileName(request), ".xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            FeedbackListSheet.write(workbook, request, ordered);
            FormFiles.writeAtomically(workbook, listOnly);
        }
        return listOnly;
    }

    // ------------------------------------------------------------------------------- file name

    /** The copy's name: see {@link FeedbackNames#fileName}. */
    public static String fileName(FeedbackRequest r) {
        return FeedbackNames.fileName(r);
    }

    /** The list sheet's name: {@link #LIST_SHEET}, with a suffix if {@code exists} says the unit's file has one. */
    static String listSheetName(Predicate<String> exists) {
        String name = LIST_SHEET;
        for (int n = 2; exists.test(name); n++) {
            name = LIST_SHEET + "(" + n + ")";
        }
        return name;
    }

    // ----------------------------------------------------------------------------------- writing

    /**
     * Writes the copy of an .xlsx/.xlsm by streaming its parts ({@link StreamedFeedbackCopy}) when
     * the package allows it; {@code false} (nothing written) sends it to the usermodel path, which
     * also handles every file too large or unreadable.
     */
    private boolean stream(FeedbackRequest request, List<Finding> ordered, Path target) throws IOException {
        if (request.original() == null
                || request.format() != WorkbookFormat.XLSX && request.format() != WorkbookFormat.XLSM) {
            return false;
        }
        String refusal;
        try {
            if (Files.size(request.original()) > maxFileBytes || !ZipLimits.inflatesWithin(request.original(), maxInflatedBytes)) {
                return false;
            }
            refusal = StreamedFeedbackCopy.write(request, ordered, target);
        } catch (IOException e) {
            // the file is gone or no zip (or the copy could not be written): the usermodel path
            // writes the list alone, or fails the same way
            refusal = e.toString();
        }
        if (refusal == null) {
            log.debug("{}: feedback copy streamed", request.originalFileName());
            return true;
        }
        log.debug("{}: feedback copy written with POI usermodel ({})", request.originalFileName(), refusal);
        return false;
    }

    // ----------------------------------------------------------------------------------- opening

    /** An opened original and what must be closed with it. */
    private record Original(Workbook workbook, POIFSFileSystem fs) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                workbook.close();
            } finally {
                if (fs != null) {
                    fs.close();
                }
            }
        }
    }

    /**
     * The unit's workbook, or {@code null} when it cannot be opened. An .xlsx is loaded from a stream:
     * a package opened from the file in READ mode cannot be changed at all, and one opened
     * READ_WRITE is saved back into the file on close, so the stream is the way to never touch it.
     * An .xls is opened read-only ({@code POIFSFileSystem(file, true)}) and kept open until written,
     * so macros and other streams of the file are carried over into the copy.
     */
    private Original open(FeedbackRequest request) {
        if (request.format() == null || request.original() == null) {
            return null;
        }
        Path file = request.original();
        POIFSFileSystem fs = null;
        try {
            if (Files.size(file) > maxFileBytes) {
                log.info("{}: too large to annotate, writing the findings only", request.originalFileName());
                return null;
            }
            if (request.format() == WorkbookFormat.XLSX || request.format() == WorkbookFormat.XLSM) {
                if (!ZipLimits.inflatesWithin(file, maxInflatedBytes)) {
                    log.info("{}: inflates beyond {} bytes, writing the findings only", request.originalFileName(),
                            maxInflatedBytes);
                    return null;
                }
                // POI's zip-bomb guard (ZipSecureFile) applies to this stream as well
                try (InputStream in = Files.newInputStream(file)) {
                    return new Original(new XSSFWorkbook(OPCPackage.open(in)), null);
                }
            }
            fs = new POIFSFileSystem(file.toFile(), true);
            return new Original(new HSSFWorkbook(fs.getRoot(), true), fs);
        } catch (Exception e) {
            // WPS packages that fail POI's compliance checks, encrypted or corrupt files: list only
            log.info("{}: cannot open the original to annotate it, writing the findings only ({})",
                    request.originalFileName(), e.toString());
            if (fs != null) {
                try {
                    fs.close();
                } catch (IOException ignored) {
                    // read-only: nothing to lose
                }
            }
            return null;
        }
    }

    private static List<Finding> errorsFirst(List<Finding> findings) {
        List<Finding> ordered = new ArrayList<>(findings.size());
        findings.stream().filter(f -> SeverityMark.of(f) == Severity.ERROR).forEach(ordered::add);
        findings.stream().filter(f -> SeverityMark.of(f) == Severity.WARNING).forEach(ordered::add);
        return ordered;
    }
}
