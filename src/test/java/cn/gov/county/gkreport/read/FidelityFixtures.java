package cn.gov.county.gkreport.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.read.grid.WorkbookFormat;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The fixtures of issue 13, "read what towns really send": files shaped the way clerks and their
 * tools really make them (a hidden old copy of a sheet, a fee typed in 元, a phone number in a
 * count, a neighbour's file with its cover left as it was …). Each carries a roster unit's demo
 * figures, so whatever is accepted leaves the county totals of the demo input as they are, unless
 * the case is about a figure that should change them ({@code job.adds}). Written by
 * {@link FixtureCorpus} (scripts/fixtures/make-fixtures.sh), read by FixtureCorpusTest and, through
 * the whole job, by FidelityJobTest.
 */
final class FidelityFixtures {

    private static final String T2 = "表二";

    private final FixtureCorpus corpus;
    private final Path out;
    private final String poi;
    private final Roster roster;
    private final Map<String, Map<String, BigDecimal>> demo;

    FidelityFixtures(FixtureCorpus corpus, Path out, String poi) throws IOException {
        this.corpus = corpus;
        this.out = out;
        this.poi = poi;
        this.roster = Roster.read(Path.of("jobs/roster.csv"), "泽州县");
        this.demo = new DemoSubmissions(FixtureCorpus.FORM, roster, FixtureCorpus.YEAR).acceptedFigures();
    }

    void generate() throws IOException {
        hiddenOldCopy();
        twoVisibleCopies();
        feeInYuan();
        bareFeeTooLarge();
        phoneNumberInCount();
        neighboursFileWithItsCover();
        table4AsPrinted();
        noIndicatorSheet();
        formulasWithoutResults();
        feeFormulaWithBinaryNoise();
        macroEnabled();
        yearTypedIntoADateCell();
        zeroWidthSpaceInACount();
        fullOfficialName();
    }

    /** 5. 表四 as the 2021 format prints it: two header rows, 行政复议's labels merged over both. */
    private void table4AsPrinted() throws IOException {
        String unit = "T10";
        Map<String, BigDecimal> f = demo.get(unit);
        Path file = edit(unit, "t10-table4-as-printed.xlsx", Map.of(), wb -> {
            int index = wb.getSheetIndex("表四");
            wb.removeSheetAt(index);
            Sheet t4 = wb.createSheet("表四");
            wb.setSheetOrder("表四", index);
            WorkbookEdits.cell(t4, 0, 0).setCellValue("四、政府信息公开行政复议、行政诉讼情况");
            t4.addMergedRegion(new CellRangeAddress(0, 0, 0, 14));
            WorkbookEdits.cell(t4, 1, 0).setCellValue("行政复议");
            t4.addMergedRegion(new CellRangeAddress(1, 1, 0, 4));
            WorkbookEdits.cell(t4, 1, 5).setCellValue("行政诉讼");
            t4.addMergedRegion(new CellRangeAddress(1, 1, 5, 14));
            WorkbookEdits.cell(t4, 2, 5).setCellValue("未经复议直接起诉");
            t4.addMergedRegion(new CellRangeAddress(2, 2, 5, 9));
            WorkbookEdits.cell(t4, 2, 10).setCellValue("复议后起诉");
            t4.addMergedRegion(new CellRangeAddress(2, 2, 10, 14));
            List<String> labels = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
            List<String> columns = List.of("UPHELD", "CORRECTED", "OTHER", "PENDING", "TOTAL");
            List<String> groups = List.of("REVIEW", "SUIT_DIRECT", "SUIT_AFTER");
            for (int i = 0; i < 5; i++) {
                WorkbookEdits.cell(t4, 2, i).setCellValue(labels.get(i));
                t4.addMergedRegion(new CellRangeAddress(2, 3, i, i));
                WorkbookEdits.cell(t4, 3, 5 + i).setCellValue(labels.get(i));
                WorkbookEdits.cell(t4, 3, 10 + i).setCellValue(labels.get(i));
            }
            for (int g = 0; g < 3; g++) {
                for (int i = 0; i < 5; i++) {
                    WorkbookEdits.cell(t4, 4, g * 5 + i).setCellValue(
                            f.get("T4." + groups.get(g) + "." + columns.get(i)).doubleValue());
                }
            }
        });
        corpus.expect(name(file), unit, tool(), "T10 金村镇: 表四 laid out as the 2021 format prints it: 行政复议 and"
                        + " 行政诉讼 on the first header row, 行政复议's five labels merged over two rows, 未经复议直接起诉 /"
                        + " 复议后起诉 on the second with their labels on the third, figures on the row after")
                .where(at -> at.sheet().equals("表四") ? new SheetCell("表四", new CellRef(4, at.cell().col())) : at)
                .values(f).also("T4.REVIEW.UPHELD", "T4.SUIT_AFTER.TOTAL", "T4.SUIT_AFTER.UPHELD")
                .onSheet("ZERO-ALL", "表三").job("T10-金村镇-2024年报.xlsx", "ACCEPTED", "ZERO-ALL").write();
    }

    /** 6. Tables pasted into a fresh workbook without the 总体情况 sheet: accepted, one N-ABSENT warning. */
    private void noIndicatorSheet() throws IOException {
        String unit = "T11";
        Map<String, BigDecimal> f = new HashMap<>(demo.get(unit));
        Path file = edit(unit, "t11-no-indicator-sheet.xlsx", Map.of(),
                wb -> wb.removeSheetAt(wb.getSheetIndex("总体情况")));
        FixtureCorpus.Expect e = corpus.expect(name(file), unit, tool(), "T11 高都镇: no 总体情况 sheet (an older"
                + " template): 表二 to 表四 read, one N-ABSENT warning, no indicators");
        e.values(f);
        e.values.keySet().removeIf(code -> code.startsWith("N."));
        FixtureCorpus.FORM.items().stream().filter(i -> i.code().startsWith("N."))
                .forEach(i -> e.adds(i.code(), BigDecimal.ZERO));
        e.onSheet("N-ABSENT", "").onSheet("ZERO-ALL", "表三")
                .job("T11-高都镇-2024年报.xlsx", "ACCEPTED", "N-ABSENT, ZERO-ALL").write();
    }

    /** 7. Every formula written without its result, as openpyxl and some online tools write them. */
    private void formulasWithoutResults() throws IOException {
        String unit = "D14";
        Path file = out.resolve("d14-formulas-without-results.xlsx");
        write(unit(unit), demo.get(unit), Map.of(), file);
        rewriteParts(file, xml -> xml.replaceAll("(<f>[^<]*</f>)<v>[^<]*</v>", "$1"));
        FixtureCorpus.stamp(file);
        corpus.expect(name(file), unit, tool(), "D14: every formula (the 表三, 表四 and indicator totals) without a"
                        + " cached <v> result: computed, one FORMULA warning for the file")
                .values(demo.get(unit)).onSheet("FORMULA", "")
                .job("D14-县农业农村局-2024年报.xlsx", "ACCEPTED", "FORMULA").write();
    }

    /** 8. The fee as the formula =1234.56+5125.75, cached as 6360.3099999999995, shown 6360.31. */
    private void feeFormulaWithBinaryNoise() throws IOException {
        String unit = "D12";
        Map<String, BigDecimal> f = new HashMap<>(demo.get(unit));
        f.put("T2.FEE.AMOUNT", new BigDecimal("6360.31"));
        Path file = edit(unit, "d12-fee-formula-noise.xlsx", Map.of(), wb -> {
            WorkbookEdits.cell(WorkbookEdits.sheet(wb, T2), at("T2.FEE.AMOUNT")).setCellFormula("1234.56+5125.75");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        corpus.expect(name(file), unit, tool(), "D12: 行政事业性收费 =1234.56+5125.75, cached by POI as the double"
                        + " 6360.3099999999995 (Excel shows 6360.31): read 6360.31, no finding")
                .values(f).job("D12-县交通运输局-2024年报.xlsx", "ACCEPTED", "")
                .adds("T2.FEE.AMOUNT", new BigDecimal("6360.31")).write();
    }

    /** 10. A macro-enabled workbook (.xlsm with a VBA project) with one dash for a 0: a feedback copy. */
    private void macroEnabled() throws IOException {
        String unit = "D15";
        Path file = edit(unit, "d15-macro-enabled.xlsm", Map.of("T2.REG.ISSUED", "-"), wb -> { });
        Map<String, byte[]> parts = unzip(Files.readAllBytes(file));
        parts.put("xl/vbaProject.bin", vbaProject());
        parts.computeIfPresent("[Content_Types].xml", (k, v) -> utf8(new String(v, StandardCharsets.UTF_8)
                .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                        "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                .replace("</Types>", "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>")));
        parts.computeIfPresent("xl/_rels/workbook.xml.rels", (k, v) -> utf8(new String(v, StandardCharsets.UTF_8)
                .replace("</Relationships>", "<Relationship Id=\"rIdVba\" Type=\"http://schemas.microsoft.com/office/2006/"
                        + "relationships/vbaProject\" Target=\"vbaProject.bin\"/></Relationships>")));
        Files.write(file, zip(parts));
        FixtureCorpus.stamp(file);
        FixtureCorpus.Expect e = corpus.expect(name(file), unit, tool(), "D15 县商务局: a macro-enabled workbook"
                + " (.xlsm: VBA project, macroEnabled content type) with 规章/本年制发件数 written as -: read as"
                + " XLSM, accepted with IMPLICIT-0; its feedback copy keeps the .xlsm type");
        e.values(demo.get(unit)).also("T2.REG.ISSUED").implicitZero("T2.REG.ISSUED").finding("IMPLICIT-0", "T2.REG.ISSUED")
                .job("D15-县商务局-2024年报.xlsm", "ACCEPTED", "IMPLICIT-0");
        e.format = WorkbookFormat.XLSM;
        e.write();
    }

    /** 11. The year typed into a cell formatted as a date: 45627, which the clerk sees as 2024年12月1日. */
    private void yearTypedIntoADateCell() throws IOException {
        String unit = "D16";
        CellRef[] year = new CellRef[1];
        Path file = edit(unit, "d16-year-as-date.xlsx", Map.of(), wb -> {
            Sheet cover = WorkbookEdits.sheet(wb, FixtureCorpus.FORM.cover().sheet());
            CellRef label = WorkbookEdits.find(cover, "报告年度").orElseThrow();
            year[0] = new CellRef(label.row(), label.col() + 1);
            var cell = WorkbookEdits.cell(cover, year[0]);
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\""));
            cell.setCellStyle(style);
            cell.setCellValue(45627);
        });
        corpus.expect(name(file), unit, tool(), "D16: 报告年度 typed into a date-formatted cell: stored 45627, shown"
                        + " 2024年12月: an ID error that names the date the clerk sees")
                .values(demo.get(unit)).finding("ID", new SheetCell(FixtureCorpus.FORM.cover().sheet(), year[0]))
                .job("D16-县文化和旅游局-2024年报.xlsx", "REJECTED", "ID").write();
    }

    /** 11. A count pasted from a web page with a zero-width space after it. */
    private void zeroWidthSpaceInACount() throws IOException {
        String unit = "D18";
        BigDecimal license = demo.get(unit).get("T2.LICENSE.DECISIONS");
        Path file = edit(unit, "d18-zero-width-space.xlsx",
                Map.of("T2.LICENSE.DECISIONS", license.toPlainString() + "\u200B"), wb -> { });
        corpus.expect(name(file), unit, tool(), "D18: 行政许可 \"" + license + "\" followed by U+200B (零宽空格):"
                        + " read as " + license + " with an INVISIBLE warning naming the character")
                .values(demo.get(unit)).finding("INVISIBLE", "T2.LICENSE.DECISIONS").onSheet("ZERO-ALL", "表三")
                .job("D18-县退役军人事务局-2024年报.xlsx", "ACCEPTED", "INVISIBLE, ZERO-ALL").write();
    }

    /** 11. The unit's full official name on the cover, with the county in front. */
    private void fullOfficialName() throws IOException {
        String unit = "D17";
        Path file = edit(unit, "d17-official-name.xlsx", Map.of(), wb -> {
            Sheet cover = WorkbookEdits.sheet(wb, FixtureCorpus.FORM.cover().sheet());
            CellRef label = WorkbookEdits.find(cover, "单位名称").orElseThrow();
            WorkbookEdits.cell(cover, label.row(), label.col() + 1).setCellValue("泽州县卫生健康和体育局");
        });
        corpus.expect(name(file), unit, tool(), "D17: the cover names the unit by its full official name"
                        + " 泽州县卫生健康和体育局 (roster: 县卫生健康和体育局): identified, accepted")
                .values(demo.get(unit)).job("泽州县卫生健康和体育局2024年政务公开年报.xlsx", "ACCEPTED", "").write();
    }

    /** 1. The visible 「表二 (2)」 holds the figures, the hidden 「表二」 an old copy (行政许可 9999). */
    private void hiddenOldCopy() throws IOException {
        String unit = "T08";
        Path file = edit(unit, "t08-hidden-old-table2.xlsx", Map.of(), wb -> {
            wb.cloneSheet(wb.getSheetIndex(T2)); // Excel's own name for the copy: 表二 (2)
            WorkbookEdits.setNumber(WorkbookEdits.sheet(wb, T2), at("T2.LICENSE.DECISIONS"), 9999);
            wb.setSheetVisibility(wb.getSheetIndex(T2), SheetVisibility.HIDDEN);
        });
        String copy = T2 + " (2)";
        corpus.expect(name(file), unit, tool(), "T08 柳树口镇: 表二 copied (Excel names the copy 表二 (2)), the original"
                        + " hidden with an old 行政许可 9999; the visible copy holds the real figures: read from it, SHEET"
                        + " warning naming the hidden sheet")
                .where(at -> at.sheet().equals(T2) ? new SheetCell(copy, at.cell()) : at)
                .values(demo.get(unit)).also("T2.PENALTY.DECISIONS")
                .onSheet("SHEET", T2).onSheet("ZERO-ALL", "表三")
                .job(T2 + "已更正-柳树口镇.xlsx", "ACCEPTED", "SHEET, ZERO-ALL").write();
    }

    /** 1. Two visible 表二: nobody can tell which one the unit means. */
    private void twoVisibleCopies() throws IOException {
        String unit = "T09";
        Path file = edit(unit, "t09-two-visible-table2.xlsx", Map.of(), wb -> {
            wb.cloneSheet(wb.getSheetIndex(T2));
            WorkbookEdits.setNumber(WorkbookEdits.sheet(wb, T2 + " (2)"), at("T2.LICENSE.DECISIONS"), 9999);
        });
        corpus.expect(name(file), unit, tool(), "T09 晋庙铺镇: 表二 and its copy 表二 (2) both visible, 行政许可"
                        + " differing: a SHEET error naming both")
                .values(demo.get(unit)).onSheet("SHEET", T2 + " (2)")
                .job("晋庙铺镇年报.xlsx", "REJECTED", "SHEET").write();
    }

    /** 2. The fee typed with its unit, 元, into the 万元 column: converted, with a warning. */
    private void feeInYuan() throws IOException {
        String unit = unitWithFee(true);
        BigDecimal fee = demo.get(unit).get("T2.FEE.AMOUNT");
        String typed = fee.movePointRight(4).stripTrailingZeros().toPlainString() + "元";
        Path file = edit(unit, unit.toLowerCase() + "-fee-in-yuan.xlsx", Map.of("T2.FEE.AMOUNT", typed), wb -> { });
        corpus.expect(name(file), unit, tool(), unit + ": 行政事业性收费 typed as \"" + typed + "\" in the 万元 column:"
                        + " read as " + fee.toPlainString() + " 万元 with a UNIT warning")
                .values(demo.get(unit)).finding("UNIT", "T2.FEE.AMOUNT")
                .job(unit + "-" + name(unit) + "-2024年报.xlsx", "ACCEPTED", "UNIT").write();
    }

    /** 2. A bare number far too large for 万元 (125000): a T2-FEE-MAG warning, the figure as typed. */
    private void bareFeeTooLarge() throws IOException {
        String unit = unitWithFee(false);
        BigDecimal typed = BigDecimal.valueOf(125_000);
        Map<String, BigDecimal> figures = new HashMap<>(demo.get(unit));
        figures.put("T2.FEE.AMOUNT", typed);
        Path file = edit(unit, unit.toLowerCase() + "-fee-bare-125000.xlsx", Map.of("T2.FEE.AMOUNT", 125_000), wb -> { });
        corpus.expect(name(file), unit, tool(), unit + ": 行政事业性收费 125000 (元 meant, none written) in the 万元"
                        + " column: accepted as typed with a T2-FEE-MAG warning")
                .values(figures).finding("T2-FEE-MAG", "T2.FEE.AMOUNT")
                .job(unit + "-" + name(unit) + "-年报.xlsx", "ACCEPTED", "T2-FEE-MAG")
                .adds("T2.FEE.AMOUNT", typed).write();
    }

    /** 3. A mobile number typed into 行政许可: no county unit decides 13 912 345 678 cases. */
    private void phoneNumberInCount() throws IOException {
        String unit = "D11";
        Map<String, BigDecimal> figures = new HashMap<>(demo.get(unit));
        figures.put("T2.LICENSE.DECISIONS", BigDecimal.valueOf(13_912_345_678L));
        Path file = edit(unit, "d11-phone-in-count.xlsx", Map.of("T2.LICENSE.DECISIONS", 13_912_345_678L), wb -> { });
        corpus.expect(name(file), unit, tool(), "D11: 13912345678 (a mobile number) in 表二 行政许可: RANGE error")
                .values(figures).finding("RANGE", "T2.LICENSE.DECISIONS")
                .job("D11-县住房和城乡建设管理局-2024年报.xlsx", "REJECTED", "RANGE").write();
    }

    /** 4. 县自然资源局's figures on 县水务局's file, cover unchanged, named for 县自然资源局. */
    private void neighboursFileWithItsCover() throws IOException {
        Path file = out.resolve("d13-cover-of-neighbour.xlsx");
        write(unit("D13"), demo.get("D10"), Map.of(), file);
        FixtureCorpus.stamp(file);
        corpus.expect(name(file), "D13", tool(), "D10 县自然资源局's figures typed into 县水务局's file, cover left as"
                        + " 县水务局 (D13), sent as 县自然资源局's report: the reader sees D13; the job holds it as an"
                        + " ID-CONFLICT error naming both, superseding nobody")
                .values(demo.get("D10"))
                .job("D10-县自然资源局-2024年政府信息公开年报（定稿）.xlsx", "REJECTED", "ID-CONFLICT").write();
    }

    // ---------------------------------------------------------------------------------------------

    private Path edit(String unit, String fileName, Map<String, Object> overrides, WorkbookEdits.WorkbookEdit edit)
            throws IOException {
        Path base = out.resolve(".base-" + fileName);
        write(unit(unit), demo.get(unit), overrides, base);
        Path file = WorkbookEdits.edit(base, out.resolve(fileName), edit);
        Files.delete(base);
        FixtureCorpus.stamp(file);
        return file;
    }

    private void write(RosterUnit unit, Map<String, BigDecimal> figures, Map<String, Object> overrides, Path file)
            throws IOException {
        Map<String, String> cover = new LinkedHashMap<>();
        cover.put(CoverField.UNIT_NAME, unit.name());
        cover.put(CoverField.UNIT_CODE, unit.code());
        cover.put(CoverField.UNIT_TYPE, unit.type().label());
        cover.put(CoverField.YEAR, Integer.toString(FixtureCorpus.YEAR));
        cover.put(CoverField.FORM_VERSION, FixtureCorpus.FORM.id());
        cover.put(CoverField.CONTACT, "联系人" + unit.code());
        cover.put(CoverField.PHONE, "0356-3000000");
        cover.put(CoverField.FILL_DATE, "2025-01-20");
        new FormFiles(FixtureCorpus.FORM).write(file, new FormContent(cover, figures, overrides));
    }

    /** The first county department (from D08 on) whose demo fee is, or is not, above 0. */
    private String unitWithFee(boolean withFee) {
        return List.of("D08", "D09", "D10", "D12", "D14", "D15", "D16", "D18", "D19", "D20").stream()
                .filter(u -> demo.get(u).getOrDefault("T2.FEE.AMOUNT", BigDecimal.ZERO).signum() > 0 == withFee)
                .findFirst().orElseThrow();
    }

    /** Applies a text edit to every worksheet part of an .xlsx, in place. */
    private static void rewriteParts(Path file, java.util.function.UnaryOperator<String> edit) throws IOException {
        Map<String, byte[]> parts = unzip(Files.readAllBytes(file));
        parts.replaceAll((name, bytes) -> name.startsWith("xl/worksheets/sheet")
                ? utf8(edit.apply(new String(bytes, StandardCharsets.UTF_8))) : bytes);
        Files.write(file, zip(parts));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    private static byte[] zip(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(part.getKey()));
                out.write(part.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A VBA project container as Excel stores it: an OLE2 file with a VBA storage and a PROJECT stream. */
    private static byte[] vbaProject() throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            fs.getRoot().createDirectory("VBA").createDocument("dir", new ByteArrayInputStream(new byte[] {1, 0}));
            fs.getRoot().createDocument("PROJECT", new ByteArrayInputStream(
                    "ID=\"{00000000-0000-0000-0000-000000000000}\"\r\nDocument=ThisWorkbook/&H00000000\r\n"
                            .getBytes(StandardCharsets.US_ASCII)));
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private RosterUnit unit(String code) {
        return roster.byCode(code).orElseThrow();
    }

    private String name(String unitCode) {
        return unit(unitCode).name();
    }

    private static String name(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    private static CellRef at(String code) {
        return FixtureCorpus.LAYOUT.get(code).cell();
    }

    private String tool() {
        return poi + " (FormFiles, then POI usermodel edits: FidelityFixtures)";
    }
}
