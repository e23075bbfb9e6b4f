package cn.gov.county.gkreport.read.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads a unit's file into a {@link WorkbookGrid}: the format is decided from the content, then
 * the .xlsx streaming reader or the .xls (HSSF) reader does the work. Every failure, whatever its
 * cause, comes out as an {@link UnreadableWorkbookException} with a reason for the clerk.
 * The file is never modified. Safe for concurrent use.
 */
public final class WorkbookLoader {

    private final FormatSniffer sniffer;
    private final XlsxGridLoader xlsx;
    private final XlsGridLoader xls;

    public WorkbookLoader() {
        this(ReadLimits.defaults());
    }

    public WorkbookLoader(ReadLimits limits) {
        this.sniffer = new FormatSniffer(limits);
        this.xlsx = new XlsxGridLoader(limits);
        this.xls = new XlsGridLoader(limits);
    }

    public WorkbookGrid load(Path file) throws UnreadableWorkbookException {
        if (Files.isRegularFile(file) && !Files.exists(Path.of(file.toString()))) {
            return loadCopy(file);
        }
        try {
            return switch (sniffer.sniff(file)) {
                case XLSX -> xlsx.load(file);
                case XLSM -> new WorkbookGrid(WorkbookFormat.XLSM, xlsx.load(file).sheets());
                case XLS -> xls.load(file);
            };
        } catch (RuntimeException e) {
            // a library bug or an input no check foresaw must still reach the clerk as a reason
            throw new UnreadableWorkbookException(UnreadableReason.CORRUPT, "unexpected failure reading "
                    + file.getFileName() + ": " + e, e);
        }
    }

    /**
     * A name that is not valid in the system's encoding (raw bytes, GBK) does not survive the
     * java.io.File the zip and OLE2 readers need: read a copy under a plain name instead.
     */
    private WorkbookGrid loadCopy(Path file) throws UnreadableWorkbookException {
        Path copy = null;
        try {
            copy = Files.createTempFile("submission-", ".bin");
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            return load(copy);
        } catch (IOException e) {
            throw new UnreadableWorkbookException(UnreadableReason.CORRUPT, "cannot copy " + file.getFileName(), e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
