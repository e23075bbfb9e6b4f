package cn.gov.county.gkreport.read.grid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Decides a file's container format from its first bytes, never from its name: units rename
 * files freely (.xls saved as .xlsx, CSV or HTML exports named .xls, Word documents sent by
 * mistake), so the extension is not evidence of anything.
 *
 * <p>Stateless and safe for concurrent use. The file is only ever opened for reading.
 */
final class FormatSniffer {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {
            (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    /** Stream names POI accepts for a BIFF8 workbook (some writers differ in case). */
    private static final Set<String> BIFF8_STREAMS = Set.of("Workbook", "WORKBOOK", "WorkBook", "BOOK");
    /** The stream name of BIFF5 (Excel 5.0/95), which POI's HSSF cannot read. */
    private static final String BIFF5_STREAM = "Book";

    private final ReadLimits limits;

    FormatSniffer(ReadLimits limits) {
        this.limits = limits;
    }

    /**
     * Returns the workbook format of a file, or throws with the reason it is not a workbook we
     * can read (empty, too large, not Excel, another Office document, encrypted, Excel 95, damaged).
     */
    WorkbookFormat sniff(Path file) throws UnreadableWorkbookException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UnreadableWorkbookException(UnreadableReason.CORRUPT, "cannot read file " + file + ": " + e, e);
        }
        if (size == 0) {
            throw new UnreadableWorkbookException(UnreadableReason.EMPTY, "file has 0 bytes");
        }
        // Checked before any reading so an oversized upload costs nothing.
        if (size > limits.maxFileBytes()) {
            throw new UnreadableWorkbookException(UnreadableReason.TOO_LARGE,
                    "file has " + size + " bytes, limit " + limits.maxFileBytes());
        }
        byte[] head = readHead(file, OLE2_MAGIC.length);
        if (startsWith(head, ZIP_MAGIC)) {
            return sniffZip(file);
        }
        if (startsWith(head, OLE2_MAGIC)) {
            return sniffOle2(file);
        }
        if (isSpreadsheetXml(file)) {
            throw new UnreadableWorkbookException(UnreadableReason.SPREADSHEET_XML, "XML Spreadsheet 2003");
        }
        throw new UnreadableWorkbookException(UnreadableReason.NOT_EXCEL,
                "no zip or OLE2 signature; first bytes " + hex(head));
    }

    /** ODF packages name their type in a first, uncompressed entry called mimetype. */
    private static boolean isOpenDocumentSpreadsheet(ZipFile zip) throws IOException {
        var entry = zip.getEntry("mimetype");
        if (entry == null) {
            return false;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(100), java.nio.charset.StandardCharsets.US_ASCII)
                    .startsWith("application/vnd.oasis.opendocument.spreadsheet");
        }
    }

    /** Excel 2003's XML Spreadsheet declares its namespace in the first lines of the file. */
    private static boolean isSpreadsheetXml(Path file) throws UnreadableWorkbookException {
        String start = new String(readHead(file, 4096), java.nio.charset.StandardCharsets.UTF_8);
        return start.stripLeading().startsWith("<?xml") && start.contains("urn:schemas-microsoft-com:office:spreadsheet");
    }

    private static WorkbookFormat sniffZip(Path file) throws UnreadableWorkbookException {
        // ZipFile reads the central directory only; nothing is inflated here.
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean contentTypes = zip.getEntry("[Content_Types].xml") != null;
            if (contentTypes && zip.getEntry("xl/workbook.xml") != null) {
                // a VBA project makes it an .xlsm whatever its name: a copy of it must keep that type
                return zip.getEntry("xl/vbaProject.bin") != null ? WorkbookFormat.XLSM : WorkbookFormat.XLSX;
            }
            if (contentTypes && (zip.getEntry("word/document.xml") != null
                    || zip.getEntry("ppt/presentation.xml") != null)) {
                throw new UnreadableWorkbookException(UnreadableReason.NOT_A_WORKBOOK,
                        "OOXML package is a Word or PowerPoint document");
            }
            if (contentTypes && zip.getEntry("xl/workbook.bin") != null) {
                throw new UnreadableWorkbookException(UnreadableReason.XLSB, "Excel binary workbook (.xlsb)");
            }
            if (!contentTypes && isOpenDocumentSpreadsheet(zip)) {
                throw new UnreadableWorkbookException(UnreadableReason.ODS, "OpenDocument spreadsheet (.ods)");
            }
            if (contentTypes) {
                throw new UnreadableWorkbookException(UnreadableReason.NOT_A_WORKBOOK,
                        "OOXML package without xl/workbook.xml");
            }
            throw new UnreadableWorkbookException(UnreadableReason.NOT_EXCEL,
                    "zip archive without OOXML [Content_Types].xml");
        } catch (IOException | RuntimeException e) {
            throw new UnreadableWorkbookException(UnreadableReason.CORRUPT, "zip cannot be opened: " + e, e);
        }
    }

    private static WorkbookFormat sniffOle2(Path file) throws UnreadableWorkbookException {
        Set<String> entries;
        // Read-only: POIFS must never write back to a unit's file.
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            entries = new TreeSet<>(fs.getRoot().getEntryNames());
        } catch (IOException | RuntimeException e) {
            throw new UnreadableWorkbookException(UnreadableReason.CORRUPT, "OLE2 container cannot be opened: " + e, e);
        }
        // An encrypted .xlsx is an OLE2 container holding the encrypted zip.
        if (entries.contains("EncryptedPackage") || entries.contains("EncryptionInfo")) {
            throw new UnreadableWorkbookException(UnreadableReason.ENCRYPTED, "encrypted OOXML package");
        }
        if (entries.stream().anyMatch(BIFF8_STREAMS::contains)) {
            // A password on a BIFF8 file is only visible inside the stream; HSSF reports it.
            return WorkbookFormat.XLS;
        }
        if (entries.contains(BIFF5_STREAM)) {
            throw new UnreadableWorkbookException(UnreadableReason.LEGACY_FORMAT, "BIFF5 (Excel 5.0/95) workbook");
        }
        if (entries.contains("WordDocument") || entries.contains("PowerPoint Document")) {
            throw new UnreadableWorkbookException(UnreadableReason.NOT_A_WORKBOOK,
                    "OLE2 Word or PowerPoint document");
        }
        throw new UnreadableWorkbookException(UnreadableReason.NOT_EXCEL,
                "OLE2 container without a workbook stream; entries " + entries);
    }

    private static byte[] readHead(Path file, int n) throws UnreadableWorkbookException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UnreadableWorkbookException(UnreadableReason.CORRUPT, "cannot read file " + file + ": " + e, e);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format(Locale.ROOT, "%02X", b & 0xFF));
        }
        return s.toString();
    }
}
