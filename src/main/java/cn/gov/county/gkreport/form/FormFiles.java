package cn.gov.county.gkreport.form;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a workbook holding just the form: the blank template, or a unit's filled copy (the demo
 * input and test fixtures are made this way, so they look like what a clerk saves from Excel:
 * formulas with their cached results). The bytes depend only on the content, so regenerating the
 * template or the demo input changes nothing in git unless the form or the figures changed.
 */
public final class FormFiles {

    /** How a file being written is named until it is complete; see {@link #writeAtomically(Workbook, Path)}. */
    public static final String PARTIAL_PREFIX = ".writing-";
    public static final String PARTIAL_SUFFIX = ".tmp";

    private static final LocalDate UNDATED = LocalDate.of(2020, 1, 1);

    private final FormDefinition form;

    public FormFiles(FormDefinition form) {
        this.form = form;
    }

    /** A unit's filled copy (demo input, test fixtures): the form's sheets as a unit returns them. */
    public Map<String, SheetCell> write(Path file, FormContent content) throws IOException {
        return write(file, content, false);
    }

    /** The blank template handed to the units: the form's sheets and the 说明 sheet for explanations. */
    public Map<String, SheetCell> writeTemplate(Path file, FormContent content) throws IOException {
        return write(file, content, true);
    }

    private Map<String, SheetCell> write(Path file, FormContent content, boolean template) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Map<String, SheetCell> positions = new FormWorkbookWriter(form)
                    .write(workbook, content, FormWorkbookWriter.Options.TEMPLATE);
            if (template) {
                new ExplanationSheetWriter(form).write(workbook);
            }
            // Cache every formula's result, as Excel does on save, so readers see the totals.
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            LocalDateTime saved = savedOn(content).atStartOfDay();
            workbook.getProperties().getCoreProperties()
                    .setCreated(Optional.of(new Date(saved.toInstant(ZoneOffset.UTC).toEpochMilli())));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            writeAtomically(withEntryTimes(bytes.toByteArray(), saved), file);
            return positions;
        }
    }

    /** The cover's fill date when it is one, otherwise a fixed date. */
    private static LocalDate savedOn(FormContent content) {
        try {
            return LocalDate.parse(content.cover().getOrDefault(CoverField.FILL_DATE, ""));
        } catch (RuntimeException notADate) {
            return UNDATED;
        }
    }

    /**
     * The same zip with every entry stamped with one time (POI stamps them with "now"). Zip entries
     * hold a local date and time: set as such, not from an instant, or the bytes would depend on the
     * time zone of the machine that generates them.
     */
    private static byte[] withEntryTimes(byte[] zip, LocalDateTime time) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(time);
                rewritten.putNextEntry(copy);
                in.transferTo(rewritten);
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * Writes next to the target and moves into place, so no half-written file is ever seen. A killed
     * process can leave the partial file behind; the next run removes it (see {@code OutputLeftovers}).
     */
    public static void writeAtomically(Workbook workbook, Path file) throws IOException {
        writeAtomically(file, workbook::write);
    }

    private static void writeAtomically(byte[] bytes, Path file) throws IOException {
        writeAtomically(file, out -> out.write(bytes));
    }

    /** What is written into a file. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The same for any content (the chase list, …): partial name, then an atomic move; the umask applies. */
    public static void writeAtomically(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: it makes the file 0600 whatever the umask, and the move keeps that,
        // so reviewers on other accounts could not open what the nightly account wrote.
        Path tmp = dir.resolve(PARTIAL_PREFIX + UUID.randomUUID() + PARTIAL_SUFFIX);
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
