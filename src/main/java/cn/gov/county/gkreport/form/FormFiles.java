package cn.gov.county.gkreport.form;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
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

    private static final LocalDate UNDATED = LocalDate.of(2020, 1, 1);

    private final FormDefinition form;

    public FormFiles(FormDefinition form) {
        this.form = form;
    }

    public Map<String, SheetCell> write(Path file, FormContent content) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Map<String, SheetCell> positions = new FormWorkbookWriter(form)
                    .write(workbook, content, FormWorkbookWriter.Options.TEMPLATE);
            // Cache every formula's result, as Excel does on save, so readers see the totals.
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            long time = savedOn(content).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(new Date(time)));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            writeAtomically(withEntryTimes(bytes.toByteArray(), time), file);
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

    /** The same zip with every entry stamped with one time (POI stamps them with "now"). */
    private static byte[] withEntryTimes(byte[] zip, long time) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(time);
                rewritten.putNextEntry(copy);
                in.transferTo(rewritten);
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Writes next to the target and moves into place, so no half-written file is ever seen. */
    public static void writeAtomically(Workbook workbook, Path file) throws IOException {
        writeAtomically(file, workbook::write);
    }

    private static void writeAtomically(byte[] bytes, Path file) throws IOException {
        writeAtomically(file, out -> out.write(bytes));
    }

    /**
     * A temporary file that ends up readable as the process's umask allows (rw-rw-rw- less the
     * umask), not the owner-only mode of {@link Files#createTempFile}: moved into place, it is the
     * output the office's group reads (the systemd unit sets UMask=0027, so rw-r-----).
     */
    public static Path sharedTempFile(Path dir, String prefix, String suffix) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, prefix, suffix);
        }
        return Files.createTempFile(dir, prefix, suffix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = sharedTempFile(dir, ".writing-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
