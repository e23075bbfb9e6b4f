package cn.gov.county.gkreport.benchmark;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import cn.gov.county.gkreport.check.Assessment;
import cn.gov.county.gkreport.check.SubmissionAssessor;
import cn.gov.county.gkreport.check.SubmissionChecker;
import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormWorkbookWriter;
import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.read.SubmissionReader;
import cn.gov.county.gkreport.read.grid.ReadLimits;
import cn.gov.county.gkreport.read.grid.UnreadableWorkbookException;
import cn.gov.county.gkreport.read.grid.WorkbookLoader;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * Single-thread rates, measured in this JVM after warm-up, on the same files (each the best of three
 * timed passes; a pass of the product, its read only and fastexcel-reader runs at least six seconds):
 * <ul>
 *   <li><b>product</b>: what the import step's processor does per file, {@link SubmissionAssessor#assess}
 *       = {@link WorkbookLoader} (format sniffing, streaming SAX into a grid) + {@link SubmissionReader}
 *       (locating the form by its labels) + identification against the roster + {@link SubmissionChecker#allRules()}
 *       + the file-name hint; previous-year figures are not looked up (a fresh database has none);</li>
 *   <li><b>product, read only</b>: {@link SubmissionReader#read(Path)} alone, so the cost of the checks is the difference;</li>
 *   <li><b>POI usermodel baseline</b>: {@code WorkbookFactory.create(file, null, true)} (read-only, the
 *       cheapest way POI opens a file) and reading the same cells: the cover values and every figure
 *       of the form, numbers and formula results;</li>
 *   <li><b>fastexcel-reader baseline</b> (dhatim, test scope): a plain read of every cell of every sheet
 *       (its raw value and type), nothing located, nothing checked: the fastest general reader measured.</li>
 * </ul>
 * The product, read only and fastexcel-reader are timed in turns of a few files each (product, read
 * only, fastexcel on the same files, then the next files), so a change in the machine's speed falls on
 * all of them alike and their ratios stay comparable.
 */
final class ReadRates {

    /** How long each timed pass runs at least (it always completes one pass over the sample when it can). */
    private static final double MIN_SECONDS = 2.0;
    private static final double MAX_SECONDS = 15.0;
    /** Each rate is the best of this many timed passes: other processes on the machine only ever slow a pass down. */
    private static final int PASSES = 3;
    private static final double WARM_UP_SECONDS = 3.0;
    private static final int MAX_SAMPLE = 2_000;
    /** Files per reader's turn when readers are timed in turns. */
    static final int TURN = 25;
    private static final int MAX_POI_SAMPLE = 400;

    private static volatile long sink;

    record Rate(String what, long files, double seconds) {
        double perSecond() {
            return seconds <= 0 ? 0 : files / seconds;
        }
    }

    record Result(Rate product, Rate readOnly, Rate poi, Rate fastexcel, Map<String, Rate> productBySavedBy,
                  long sampleAccepted, long sampleRejected, List<String> unexpected) {
        /** read+check over POI usermodel. */
        double ratio() {
            return over(product, poi);
        }

        /** read+check over fastexcel-reader's plain read. */
        double fastexcelRatio() {
            return over(product, fastexcel);
        }

        /** read only over fastexcel-reader's plain read. */
        double readOnlyFastexcelRatio() {
            return over(readOnly, fastexcel);
        }

        /** fastexcel-reader over POI usermodel. */
        double fastexcelOverPoi() {
            return over(fastexcel, poi);
        }

        private static double over(Rate a, Rate b) {
            return b.perSecond() <= 0 ? 0 : a.perSecond() / b.perSecond();
        }
    }

    private final SubmissionAssessor assessor;
    private final SubmissionReader reader;
    private final List<Spot> spots;

    private record Spot(String sheet, int row, int col) {
    }

    ReadRates(FormDefinition form, Roster roster, String templateName) throws IOException {
        this.reader = new SubmissionReader(form, new WorkbookLoader(ReadLimits.defaults()), templateName);
        this.assessor = new SubmissionAssessor(form, roster, reader, SubmissionChecker.allRules(),
                (unitCode, year) -> Optional.empty());
        this.spots = spots(form);
    }

    /** Where the cover values and the figures sit in the template (the files are template-shaped). */
    private static List<Spot> spots(FormDefinition form) throws IOException {
        List<Spot> spots = new ArrayList<>();
        for (int i = 0; i < form.cover().fields().size(); i++) {
            spots.add(new Spot(form.cover().sheet(), 2 + i, 1));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Map<String, String> cover = new LinkedHashMap<>();
            cover.put(CoverField.UNIT_NAME, "x");
            Map<String, SheetCell> positions = new FormWorkbookWriter(form)
                    .write(workbook, FormContent.blank(cover), FormWorkbookWriter.Options.TEMPLATE);
            for (SheetCell at : positions.values()) {
                CellRef ref = at.cell();
                spots.add(new Spot(at.sheet(), ref.row(), ref.col()));
            }
        }
        return spots;
    }

    Result measure(List<SubmissionGenerator.Generated> files, PrintProgress progress) throws Exception {
        List<SubmissionGenerator.Generated> template = files.stream().filter(g -> g.savedBy().equals("template")).toList();
        List<SubmissionGenerator.Generated> sample = spread(template.isEmpty() ? files : template, MAX_SAMPLE);
        List<SubmissionGenerator.Generated> poiSample = spread(template.isEmpty() ? files : template, MAX_POI_SAMPLE);

        progress.println("  warming up the product reader+checker (" + WARM_UP_SECONDS + " s)");
        timed("warm-up", sample, WARM_UP_SECONDS, 60, this::assess);
        progress.println("  warming up fastexcel-reader (" + WARM_UP_SECONDS + " s)");
        timed("warm-up", sample, WARM_UP_SECONDS, 60, ReadRates::fastexcel);
        progress.println("  timing the product reader+checker, read only and fastexcel-reader on " + sample.size()
                + " files, one thread, in turns of " + TURN + " files");
        Rate product = null;
        Rate readOnly = null;
        Rate fastexcel = null;
        for (int pass = 0; pass < PASSES; pass++) {
            Rate[] rates = interleaved(sample, MIN_SECONDS * 3, MAX_SECONDS * 3,
                    List.of("product", "product read only", "fastexcel-reader"), this::assess, this::readOnly,
                    ReadRates::fastexcel);
            product = faster(product, rates[0]);
            readOnly = faster(readOnly, rates[1]);
            fastexcel = faster(fastexcel, rates[2]);
        }

        long accepted = 0;
        long rejected = 0;
        List<String> unexpected = new ArrayList<>();
        for (SubmissionGenerator.Generated g : spread(sample, MAX_POI_SAMPLE)) {
            Assessment a = assessor.assess(0, g.file(), g.file().getFileName().toString(), SubmissionGenerator.YEAR);
            if (a.accepted()) {
                accepted++;
            } else {
                rejected++;
            }
            boolean wanted = g.expected() == SubmissionGenerator.Expected.ACCEPTED;
            if (a.accepted() != wanted && unexpected.size() < 10) {
                unexpected.add(g.file().getFileName() + ": expected " + g.expected() + " but "
                        + (a.accepted() ? "accepted" : "rejected: " + a.findings()));
            }
        }

        Map<String, Rate> bySavedBy = new LinkedHashMap<>();
        for (String savedBy : List.of("libreoffice-xlsx", "libreoffice-xls")) {
            List<SubmissionGenerator.Generated> kind = files.stream().filter(g -> g.savedBy().equals(savedBy)).toList();
            if (!kind.isEmpty()) {
                timed("warm-up", kind, 0.5, 5, this::assess);
                bySavedBy.put(savedBy, timed(savedBy, kind, 1.0, 10, this::assess));
                for (SubmissionGenerator.Generated g : kind) {
                    Assessment a = assessor.assess(0, g.file(), g.file().getFileName().toString(), SubmissionGenerator.YEAR);
                    if (!a.accepted() && unexpected.size() < 20) {
                        unexpected.add(g.file().getFileName() + " (" + savedBy + "): rejected: " + a.findings());
                    }
                }
            }
        }

        progress.println("  warming up POI usermodel (" + WARM_UP_SECONDS + " s)");
        timed("warm-up", poiSample, WARM_UP_SECONDS, 60, this::poi);
        progress.println("  timing POI usermodel on " + poiSample.size() + " files, one thread");
        Rate poi = best("POI usermodel", poiSample, this::poi);
        return new Result(product, readOnly, poi, fastexcel, bySavedBy, accepted, rejected, unexpected);
    }

    interface PrintProgress {
        void println(String line);
    }

    private interface PerFile {
        void run(Path file) throws Exception;
    }

    private static Rate best(String what, List<SubmissionGenerator.Generated> files, PerFile work) throws Exception {
        Rate best = null;
        for (int pass = 0; pass < PASSES; pass++) {
            best = faster(best, timed(what, files, MIN_SECONDS, MAX_SECONDS, work));
        }
        return best;
    }

    private static Rate faster(Rate best, Rate rate) {
        return best == null || rate.perSecond() > best.perSecond() ? rate : best;
    }

    /**
     * Times several readers on the same files in turns of {@value #TURN} files each (the first reader's
     * turn, the second's on the same files, …), cycling until at least {@code minSeconds} and one pass over
     * the files, unless {@code maxSeconds} pass. Turns this short put the readers through the same moments
     * of the machine: on a VM whose speed drifts from second to second, whole-second rounds did not.
     */
    @SafeVarargs
    private static Rate[] interleaved(List<SubmissionGenerator.Generated> files, double minSeconds, double maxSeconds,
                                      List<String> names, PerFile... works) throws Exception {
        long[] nanos = new long[works.length];
        long[] done = new long[works.length];
        long start = System.nanoTime();
        boolean passed = false;
        while (true) {
            for (int from = 0; from < files.size(); from += TURN) {
                List<SubmissionGenerator.Generated> turn = files.subList(from, Math.min(files.size(), from + TURN));
                for (int w = 0; w < works.length; w++) {
                    long t0 = System.nanoTime();
                    for (SubmissionGenerator.Generated g : turn) {
                        works[w].run(g.file());
                    }
                    nanos[w] += System.nanoTime() - t0;
                    done[w] += turn.size();
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (elapsed >= maxSeconds || elapsed >= minSeconds && passed) {
                    break;
                }
            }
            passed = true;
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (elapsed >= minSeconds || elapsed >= maxSeconds) {
                Rate[] rates = new Rate[works.length];
                for (int w = 0; w < works.length; w++) {
                    rates[w] = new Rate(names.get(w), done[w], nanos[w] / 1e9);
                }
                return rates;
            }
        }
    }

    /** Runs over the files (cycling) until at least {@code minSeconds}, one pass at least unless {@code maxSeconds} pass. */
    private static Rate timed(String what, List<SubmissionGenerator.Generated> files, double minSeconds,
                              double maxSeconds, PerFile work) throws Exception {
        long start = System.nanoTime();
        long done = 0;
        double elapsed = 0;
        while (true) {
            for (SubmissionGenerator.Generated g : files) {
                work.run(g.file());
                done++;
                if ((done & 15) == 0) {
                    elapsed = (System.nanoTime() - start) / 1e9;
                    if (elapsed >= maxSeconds || elapsed >= minSeconds && done >= files.size()) {
                        return new Rate(what, done, elapsed);
                    }
                }
            }
            elapsed = (System.nanoTime() - start) / 1e9;
            if (elapsed >= minSeconds || elapsed >= maxSeconds) {
                return new Rate(what, done, elapsed);
            }
        }
    }

    private void assess(Path file) {
        Assessment a = assessor.assess(0, file, file.getFileName().toString(), SubmissionGenerator.YEAR);
        sink += a.figures().size() + a.findings().size();
    }

    private void readOnly(Path file) throws UnreadableWorkbookException {
        sink += reader.read(file).figures().size();
    }

    private void poi(Path file) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            long h = 0;
            for (Spot spot : spots) {
                Sheet sheet = workbook.getSheet(spot.sheet());
                Row row = sheet == null ? null : sheet.getRow(spot.row());
                Cell cell = row == null ? null : row.getCell(spot.col());
                if (cell == null) {
                    continue;
                }
                CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                        : cell.getCellType();
                switch (type) {
                    case NUMERIC -> h += BigDecimal.valueOf(cell.getNumericCellValue()).hashCode();
                    case STRING -> h += cell.getStringCellValue().hashCode();
                    default -> h++;
                }
            }
            sink += h;
        }
    }

    /** fastexcel-reader: every cell of every sheet, its type and raw value (the text for shared strings). */
    private static void fastexcel(Path file) throws IOException {
        long h = 0;
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            for (org.dhatim.fastexcel.reader.Sheet sheet : workbook.getSheets().toList()) {
                try (Stream<org.dhatim.fastexcel.reader.Row> rows = sheet.openStream()) {
                    for (org.dhatim.fastexcel.reader.Row row : (Iterable<org.dhatim.fastexcel.reader.Row>) rows::iterator) {
                        for (org.dhatim.fastexcel.reader.Cell cell : row) {
                            if (cell != null) {
                                String raw = cell.getRawValue();
                                h += cell.getType().ordinal() + (raw == null ? 0 : raw.hashCode());
                            }
                        }
                    }
                }
            }
        }
        sink += h;
    }

    /** At most {@code max} of the files, picked at random (fixed seed), in their original order. */
    private static <T> List<T> spread(List<T> all, int max) {
        if (all.size() <= max) {
            return all;
        }
        List<Integer> indexes = new ArrayList<>(IntStream.range(0, all.size()).boxed().toList());
        Collections.shuffle(indexes, new Random(20240101L));
        return indexes.subList(0, max).stream().sorted().map(all::get).toList();
    }
}
