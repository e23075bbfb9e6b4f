package cn.gov.county.gkreport.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Byte-level tools for the hostile corpus: zip packages with fixed entry times (so the corpus is
 * reproducible byte for byte), edits of single parts and single cells of an .xlsx written by the
 * product's own form writer, OLE2 containers and streamed zip bombs.
 */
final class HostileFiles {

    /** Every zip entry the corpus writes carries this time, so regenerating changes no byte. */
    static final long ENTRY_TIME = 1_737_331_200_000L; // 2025-01-20T00:00:00Z

    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private HostileFiles() {
    }

    // ---------------------------------------------------------------------------------------------
    // Zip packages

    /** The entries of a zip, in order. */
    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    static byte[] zip(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(part.getKey());
                entry.setTime(ENTRY_TIME);
                out.putNextEntry(entry);
                out.write(part.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] zipText(Map<String, String> parts) throws IOException {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        parts.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return zip(bytes);
    }

    /** The same package with some parts rewritten as text. */
    static byte[] editParts(byte[] xlsx, Map<String, UnaryOperator<String>> edits) throws IOException {
        Map<String, byte[]> parts = unzip(xlsx);
        for (Map.Entry<String, UnaryOperator<String>> edit : edits.entrySet()) {
            byte[] old = parts.get(edit.getKey());
            if (old == null) {
                throw new IllegalArgumentException("no part " + edit.getKey());
            }
            parts.put(edit.getKey(), edit.getValue().apply(new String(old, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
        }
        return zip(parts);
    }

    /** The zip entry name of a sheet, resolved through xl/workbook.xml and its relationships. */
    static String sheetPart(byte[] xlsx, String sheetName) throws IOException {
        Map<String, byte[]> parts = unzip(xlsx);
        String workbook = new String(parts.get("xl/workbook.xml"), StandardCharsets.UTF_8);
        String rels = new String(parts.get("xl/_rels/workbook.xml.rels"), StandardCharsets.UTF_8);
        Matcher sheet = Pattern.compile("<sheet\\b[^>]*/>").matcher(workbook);
        while (sheet.find()) {
            String element = sheet.group();
            if (sheetName.equals(attribute(element, "name").orElse(null))) {
                String id = attribute(element, "r:id").orElseThrow();
                Matcher rel = Pattern.compile("<Relationship\\b[^>]*/>").matcher(rels);
                while (rel.find()) {
                    if (id.equals(attribute(rel.group(), "Id").orElse(null))) {
                        String target = attribute(rel.group(), "Target").orElseThrow();
                        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no sheet " + sheetName);
    }

    private static Optional<String> attribute(String element, String name) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(element);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Replaces the {@code <c>} element of one cell in a sheet's XML. The replacement is built from
     * the cell's style attribute ({@code s="…"}, or empty) so the cell keeps its look.
     */
    static String replaceCell(String sheetXml, String a1, java.util.function.Function<String, String> withStyle) {
        Pattern cell = Pattern.compile("<c r=\"" + a1 + "\"((?:\\s+[A-Za-z:]+=\"[^\"]*\")*)\\s*(?:/>|>(.*?)</c>)",
                Pattern.DOTALL);
        Matcher m = cell.matcher(sheetXml);
        if (!m.find()) {
            throw new IllegalArgumentException("no cell " + a1);
        }
        String style = attribute(m.group(1), "s").map(s -> " s=\"" + s + "\"").orElse("");
        return sheetXml.substring(0, m.start()) + withStyle.apply(style) + sheetXml.substring(m.end());
    }

    /** Adds rows before {@code </sheetData>}. */
    static String appendRows(String sheetXml, String rows) {
        int end = sheetXml.indexOf("</sheetData>");
        if (end < 0) {
            throw new IllegalArgumentException("no sheetData");
        }
        return sheetXml.substring(0, end) + rows + sheetXml.substring(end);
    }

    /** Puts a DOCTYPE right after the XML declaration. */
    static String withDoctype(String xml, String doctype) {
        int declarationEnd = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        return xml.substring(0, declarationEnd) + "\n" + doctype + "\n" + xml.substring(declarationEnd);
    }

    /** Adds a cell format with the given number format to styles.xml; returns the styles and the new index. */
    static Map.Entry<String, Integer> addCellFormat(String styles, int numFmtId) {
        Matcher xfs = Pattern.compile("<cellXfs count=\"(\\d+)\">").matcher(styles);
        if (!xfs.find()) {
            throw new IllegalArgumentException("no cellXfs");
        }
        int index = Integer.parseInt(xfs.group(1));
        String edited = styles.substring(0, xfs.start()) + "<cellXfs count=\"" + (index + 1) + "\">"
                + styles.substring(xfs.end());
        int close = edited.indexOf("</cellXfs>");
        edited = edited.substring(0, close) + "<xf numFmtId=\"" + numFmtId
                + "\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"true\"/>"
                + edited.substring(close);
        return Map.entry(edited, index);
    }

    static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---------------------------------------------------------------------------------------------
    // Hand-written minimal packages

    static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            </Types>""";

    /** The parts of a one-sheet workbook, without the sheet part itself. */
    static Map<String, String> oneSheetPackageWithoutSheet(String sheetName) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", CONTENT_TYPES);
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL_NS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<workbook xmlns=\"" + MAIN_NS + "\" xmlns:r=\"" + REL_NS + "\"><sheets><sheet name=\""
                + sheetName + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL_NS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "</Relationships>");
        return parts;
    }

    /**
     * A zip bomb: an .xlsx whose only sheet is {@code blanks} bytes of white space inside the
     * worksheet element, streamed so neither the writer nor the disk ever holds it inflated.
     * With {@code lieAboutSize} the central directory claims the sheet inflates to 1000 bytes,
     * so only counting what really comes out of the inflater can stop it.
     */
    static void writeZipBomb(Path file, long blanks, boolean lieAboutSize) throws IOException {
        Map<String, String> parts = oneSheetPackageWithoutSheet("表三");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, String> part : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(part.getKey());
                entry.setTime(ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            ZipEntry sheet = new ZipEntry("xl/worksheets/sheet1.xml");
            sheet.setTime(ENTRY_TIME);
            zip.putNextEntry(sheet);
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"" + MAIN_NS + "\">")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) ' ');
            for (long written = 0; written < blanks; written += chunk.length) {
                zip.write(chunk, 0, (int) Math.min(chunk.length, blanks - written));
            }
            zip.write("<sheetData/></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        if (lieAboutSize) {
            patchDeclaredSize(file, "xl/worksheets/sheet1.xml", 1000);
        }
    }

    /** Rewrites the uncompressed size of one entry in the central directory, in place. */
    private static void patchDeclaredSize(Path file, String entry, int size) throws IOException {
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            // The central directory is at the end: read the last 64 KB and look there.
            long length = raf.length();
            int tail = (int) Math.min(length, 1 << 16);
            byte[] buf = new byte[tail];
            raf.seek(length - tail);
            raf.readFully(buf);
            ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i + 46 < buf.length; i++) {
                if (b.getInt(i) == 0x02014b50) {
                    int nameLength = b.getShort(i + 28) & 0xFFFF;
                    if (nameLength == name.length && i + 46 + nameLength <= buf.length
                            && Arrays.equals(buf, i + 46, i + 46 + nameLength, name, 0, name.length)) {
                        raf.seek(length - tail + i + 24);
                        byte[] le = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(size).array();
                        raf.write(le);
                        return;
                    }
                }
            }
        }
        throw new IOException("central directory entry " + entry + " not found");
    }

    // ---------------------------------------------------------------------------------------------
    // OLE2

    /** An OLE2 compound file with the given streams. */
    static byte[] ole2(Map<String, byte[]> streams) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            for (Map.Entry<String, byte[]> stream : streams.entrySet()) {
                fs.createDocument(new ByteArrayInputStream(stream.getValue()), stream.getKey());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /**
     * A BIFF5 (Excel 5.0/95) workbook stream: BOF (version 0x0500, workbook globals), a BOUNDSHEET
     * for one sheet, EOF; then the sheet's BOF and EOF. Enough for any reader to recognise BIFF5.
     */
    static byte[] biff5BookStream() {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        // BOF: version 0x0500, type 0x0005 (workbook globals), build 0x0DBB, year 0x07CC
        b.putShort((short) 0x0809).putShort((short) 8).putShort((short) 0x0500).putShort((short) 0x0005)
                .putShort((short) 0x0DBB).putShort((short) 0x07CC);
        // CODEPAGE 936 (GBK)
        b.putShort((short) 0x0042).putShort((short) 2).putShort((short) 936);
        // BOUNDSHEET: stream position of the sheet's BOF, visible worksheet, name "Sheet1" (byte string)
        int boundsheetAt = b.position();
        byte[] sheetName = "Sheet1".getBytes(StandardCharsets.US_ASCII);
        b.putShort((short) 0x0085).putShort((short) (4 + 2 + 1 + sheetName.length)).putInt(0)
                .put((byte) 0).put((byte) 0).put((byte) sheetName.length).put(sheetName);
        b.putShort((short) 0x000A).putShort((short) 0); // EOF
        int sheetBof = b.position();
        b.putInt(boundsheetAt + 4, sheetBof);
        b.putShort((short) 0x0809).putShort((short) 8).putShort((short) 0x0500).putShort((short) 0x0010)
                .putShort((short) 0x0DBB).putShort((short) 0x07CC);
        b.putShort((short) 0x000A).putShort((short) 0); // EOF
        return Arrays.copyOf(b.array(), b.position());
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }
}
