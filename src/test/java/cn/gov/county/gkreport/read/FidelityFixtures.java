package cn.gov.county.gkreport.read;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;

import org.apache.poi.ss.usermodel.SheetVisibility;
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
                .onSheet("SHEET", T2)
                .job(T2 + "已更正-柳树口镇.xlsx", "ACCEPTED", "SHEET").write();
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
