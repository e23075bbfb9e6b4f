package cn.gov.county.gkreport.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

import javax.xml.stream.XMLStreamException;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.Severity;
import cn.gov.county.gkreport.feedback.FeedbackWorkbook.FeedbackRequest;
import cn.gov.county.gkreport.feedback.WorkbookPackage.Relationship;
import cn.gov.county.gkreport.feedback.WorkbookPackage.SheetPart;
import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.form.FormFiles;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.SpreadsheetVersion;

/**
 * The feedback copy of an .xlsx/.xlsm written without loading the workbook: every part of the
 * unit's file is copied as stored (not even inflated), except the parts the marks and the list
 * change — the marked sheets ({@link SheetMarker}) and their relationships, their comments
 * ({@link CommentParts}), {@code xl/styles.xml} ({@link StylePatch}), the workbook part, its
 * relationships and the content types ({@link WorkbookPatch}) — and the new list sheet
 * ({@link ListSheetXml}). About ten times cheaper than POI's usermodel, which the copy matches.
 *
 * <p>{@link #write} refuses, before writing anything, a package it does not handle and says why
 * (strict OOXML, no styles, a marked sheet that already has comments or is no worksheet, …); the
 * caller then writes the copy with POI.
 */
final class StreamedFeedbackCopy {

    private static final SpreadsheetVersion XLSX = SpreadsheetVersion.EXCEL2007;

    private StreamedFeedbackCopy() {
    }

    /** A copy's parts that differ from the original's: replaced or new, by entry name. */
    private record Changes(Map<String, byte[]> parts) {
    }

    /**
     * Writes the copy of {@code request.original()} to {@code target} and returns {@code null}, or
     * writes nothing and returns why the package is not for the streamed path.
     *
     * @param ordered the findings, errors first
     */
    static String write(FeedbackRequest request, List<Finding> ordered, Path target) throws IOException {
        try (WorkbookPackage pkg = WorkbookPackage.open(request.original())) {
            String refusal = pkg.refusal();
            if (refusal != null) {
                return refusal;
            }
            Changes changes;
            try {
                changes = changes(pkg, request, ordered);
            } catch (Refused e) {
                return e.getMessage();
            } catch (XMLStreamException | RuntimeException e) {
                return "a part cannot be patched in one pass: " + e;
            }
            FormFiles.writeAtomically(target, out -> copy(pkg, changes, out));
            return null;
        } catch (XMLStreamException e) {
            return "the workbook part cannot be read: " + e;
        }
    }

    /** A package the streamed path leaves to POI. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private static Changes changes(WorkbookPackage pkg, FeedbackRequest request, List<Finding> ordered)
            throws IOException, XMLStreamException, Refused {
        String listName = FeedbackWorkbook.listSheetName(name -> pkg.sheet(name) != null);
        // findings by the sheet they mark, as POI finds it (by name, ignoring case)
        Map<SheetPart, List<Map.Entry<CellRef, Finding>>> bySheet = new LinkedHashMap<>();
        Map<Finding, CellRef> links = new HashMap<>();
        for (Finding finding : ordered) {
            CellRef at = FindingCell.position(finding, listName, XLSX);
            SheetPart sheet = at == null ? null : pkg.sheet(finding.sheet());
            if (sheet != null) {
                links.put(finding, at);
                bySheet.computeIfAbsent(sheet, s -> new ArrayList<>()).add(Map.entry(at, finding));
            }
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        Map<String, String> contentTypes = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (SheetPart sheet : bySheet.keySet()) {
            if (!sheet.isWorksheet() || sheet.part() == null || !pkg.has(sheet.part())) {
                throw new Refused("marked sheet " + sheet.name() + " is no worksheet part of the package");
            }
        }
        StylePatch styles = new StylePatch(pkg.read(pkg.styles()));

        for (SheetPart sheet : pkg.sheets()) {
            List<Map.Entry<CellRef, Finding>> onSheet = bySheet.get(sheet);
            if (onSheet != null) {
                markSheet(pkg, sheet, onSheet, styles, parts, contentTypes, taken);
            } else if (sheet.isWorksheet() && sheet.part() != null && pkg.has(sheet.part())) {
                byte[] xml = pkg.read(sheet.part());
                if (SheetMarker.isTabSelected(xml)) {
                    parts.put(sheet.part(), new SheetMarker(xml, Map.of(), styles, null).marked());
                }
            }
        }

        FeedbackList list = FeedbackList.of(request, ordered, links::get);
        String listPart = pkg.freePart("xl/worksheets/sheet", ".xml", taken);
        parts.put(listPart, ListSheetXml.write(list, styles.listStyles()));
        contentTypes.put(listPart, WorkbookPatch.WORKSHEET_TYPE);
        String relId = WorkbookPackage.freeId(pkg.workbookRels().keySet());
        parts.put(WorkbookPackage.WORKBOOK_RELS, WorkbookPatch.relationships(pkg.read(WorkbookPackage.WORKBOOK_RELS),
                List.<String[]>of(new String[] {relId, WorkbookPackage.REL_TYPES + "worksheet", relative("xl/", listPart)})));
        int sheetId = pkg.sheets().stream().mapToInt(SheetPart::sheetId).max().orElse(0) + 1;
        parts.put(WorkbookPackage.WORKBOOK, WorkbookPatch.workbook(pkg.read(WorkbookPackage.WORKBOOK), listName, sheetId, relId));
        parts.put(pkg.styles(), styles.patched());
        parts.put(WorkbookPackage.CONTENT_TYPES, WorkbookPatch.contentTypes(pkg.read(WorkbookPackage.CONTENT_TYPES), contentTypes));
        return new Changes(parts);
    }

    /** The marks of one sheet: its cells, their comments and the relationships to them. */
    private static void markSheet(WorkbookPackage pkg, SheetPart sheet, List<Map.Entry<CellRef, Finding>> onSheet,
                                  StylePatch styles, Map<String, byte[]> parts, Map<String, String> contentTypes,
                                  Set<String> taken) throws IOException, XMLStreamException, Refused {
        byte[] xml = pkg.read(sheet.part());
        String relsPart = WorkbookPackage.relsOf(sheet.part());
        List<Relationship> rels = pkg.has(relsPart) ? WorkbookPackage.relationships(pkg.read(relsPart)) : List.of();
        if (SheetMarker.hasLegacyDrawing(xml)
                || rels.stream().anyMatch(r -> (WorkbookPackage.REL_TYPES + "comments").equals(r.type()))) {
            throw new Refused("marked sheet " + sheet.name() + " already has comments or a VML drawing");
        }
        // a finding on a hidden cell of a merged area marks the area's top-left cell, the one shown
        List<int[]> merged = SheetMarker.mergedRegions(xml);
        Map<CellRef, List<Finding>> byCell = new LinkedHashMap<>();
        for (Map.Entry<CellRef, Finding> mark : onSheet) {
            byCell.computeIfAbsent(topLeft(mark.getKey(), merged), k -> new ArrayList<>()).add(mark.getValue());
        }
        Map<CellRef, Severity> severities = new HashMap<>();
        Map<CellRef, String> notes = new LinkedHashMap<>();
        byCell.forEach((cell, findings) -> {
            severities.put(cell, CellMarks.severity(findings));
            notes.put(cell, ExcelText.capped(CellMarks.note(findings)));
        });

        String comments = pkg.freePart("xl/comments", ".xml", taken);
        taken.add(comments);
        String vml = pkg.freePart("xl/drawings/vmlDrawing", ".vml", taken);
        taken.add(vml);
        int vmlNumber = Integer.parseInt(vml.substring("xl/drawings/vmlDrawing".length(), vml.length() - ".vml".length()));
        List<String> ids = new ArrayList<>(rels.stream().map(Relationship::id).toList());
        String commentsId = WorkbookPackage.freeId(ids);
        ids.add(commentsId);
        String vmlId = WorkbookPackage.freeId(ids);
        String base = sheet.part().substring(0, sheet.part().lastIndexOf('/') + 1);

        parts.put(sheet.part(), new SheetMarker(xml, severities, styles, vmlId).marked());
        parts.put(relsPart, WorkbookPatch.relationships(pkg.has(relsPart) ? pkg.read(relsPart) : null, List.of(
                new String[] {commentsId, WorkbookPackage.REL_TYPES + "comments", relative(base, comments)},
                new String[] {vmlId, WorkbookPackage.REL_TYPES + "vmlDrawing", relative(base, vml)})));
        parts.put(comments, CommentParts.comments(notes));
        parts.put(vml, CommentParts.vml(notes, vmlNumber));
        contentTypes.put(comments, CommentParts.COMMENTS_TYPE);
        contentTypes.put(vml, CommentParts.VML_TYPE);
    }

    private static CellRef topLeft(CellRef at, List<int[]> merged) {
        for (int[] region : merged) {
            if (at.row() >= region[0] && at.row() <= region[2] && at.col() >= region[1] && at.col() <= region[3]) {
                return new CellRef(region[0], region[1]);
            }
        }
        return at;
    }

    /** {@code part} relative to the folder {@code base} (both entry names; base ends in /). */
    private static String relative(String base, String part) {
        if (part.startsWith(base)) {
            return part.substring(base.length());
        }
        String up = base;
        StringBuilder prefix = new StringBuilder();
        while (!part.startsWith(up)) {
            up = up.substring(0, up.lastIndexOf('/', up.length() - 2) + 1);
            prefix.append("../");
        }
        return prefix + part.substring(up.length());
    }

    /** The zip: unchanged entries as stored, in their order; changed ones in their place; new ones last. */
    private static void copy(WorkbookPackage pkg, Changes changes, OutputStream target) throws IOException {
        Map<String, byte[]> pending = new LinkedHashMap<>(changes.parts());
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(target)) {
            // the rewritten parts are a few small XML parts: the fastest level costs a few per cent in size
            zip.setLevel(Deflater.BEST_SPEED);
            for (ZipArchiveEntry entry : pkg.entries()) {
                byte[] changed = pending.remove(entry.getName());
                if (changed != null) {
                    put(zip, entry.getName(), changed);
                } else {
                    try (InputStream raw = pkg.raw(entry)) {
                        zip.addRawArchiveEntry(entry, raw);
                    }
                }
            }
            for (Map.Entry<String, byte[]> added : pending.entrySet()) {
                put(zip, added.getKey(), added.getValue());
            }
        }
    }

    private static void put(ZipArchiveOutputStream zip, String name, byte[] content) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        zip.putArchiveEntry(entry);
        zip.write(content);
        zip.closeArchiveEntry();
    }
}
