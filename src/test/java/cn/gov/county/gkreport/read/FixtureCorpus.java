package cn.gov.county.gkreport.read;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.form.FormWorkbookWriter;
import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.read.grid.WorkbookFormat;

import org.apache.poi.Version;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the fixture corpus of {@code src/test/resources/fixtures/} (run by
 * {@code scripts/fixtures/make-fixtures.sh}, not by the tests):
 * <pre>
 *   generate DEMO_DIR OUT_DIR      copies three files the demo command wrote, writes a unit's workbook
 *                                  and the reference report with FormFiles, and the hand-edited
 *                                  variants with POI usermodel; an expectation file beside each
 *   converted OUT_DIR SOURCE COPY FORMAT TOOL
 *                                  the expectation of COPY, which TOOL re-saved from SOURCE
 *   stamp FILE…                    sets every zip entry's time to one fixed date (in place, nothing
 *                                  else changes), so a re-saved .xlsx is byte-identical run to run
 * </pre>
 * Expectations come from what was put into each file (figures, edits, the rules' documented
 * outcomes), never from reading it back.
 */
final class FixtureCorpus {

    static final FormDefinition FORM = FormDefinitionLoader.loadCurrent();
    static final int YEAR = 2024;
    /** Where the template writer puts every item (the layout does not depend on the figures). */
    static final Map<String, SheetCell> LAYOUT = layout();
    /** The items every expectation lists: the fee, a few counts, every kind of total. */
    static final List<String> LISTED = List.of("T2.FEE.AMOUNT", "T2.NORM.VALID", "T2.LICENSE.DECISIONS",
            "T3.NEW.NAT", "T3.NEW.TOTAL", "T3.R7_TOTAL.TOTAL", "T3.CARRY_OUT.TOTAL", "T4.REVIEW.TOTAL",
            "T4.SUIT_DIRECT.TOTAL", "N.WEB_TOTAL", "N.CLEANUP_TOTAL");

    /** 2025-01-20T00:00Z: the date every re-saved file is stamped with. */
    private static final long FIXED_TIME = 1_737_331_200_000L;
    private static final String T2 = "表二";
    private static final String T3 = "表三";
    private static final String T4 = "表四";
    private static final String N = "总体情况";

    private final Path out;
    private final String poi = "Apache POI " + Version.getVersion();

    private FixtureCorpus(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "generate" -> new FixtureCorpus(Path.of(args[2])).generate(Path.of(args[1]));
            case "converted" -> converted(Path.of(args[1]), args[2], args[3], WorkbookFormat.valueOf(args[4]), args[5]);
            case "stamp" -> {
                for (int i = 1; i < args.length; i++) {
                    stamp(Path.of(args[i]));
                }
            }
            default -> throw new IllegalArgumentException("usage: generate DEMO OUT | converted OUT SOURCE COPY FORMAT TOOL"
                    + " | stamp FILE…");
        }
    }

    // ---------------------------------------------------------------------------------------------

    private void generate(Path demoDir) throws IOException {
        Files.createDirectories(out);
        Roster roster = Roster.read(Path.of("jobs/roster.csv"), "泽州县");
        Map<String, Map<String, BigDecimal>> demo = new DemoSubmissions(FORM, roster, YEAR).acceptedFigures();
        String demoTool = poi + " (FormFiles, via: java -jar annual-report-consolidator.jar demo --year=2024)";

        // -- three files exactly as the product's demo command writes them --------------------------
        copyDemo(demoDir, "D01", "d01-demo.xlsx");
        expect("d01-demo", "D01", demoTool, "演示数据 D01 县人民政府办公室: every input filled, totals as formulas"
                + " with cached results; accepted without findings")
                .values(demo.get("D01")).write();

        copyDemo(demoDir, DemoSubmissions.WARNED_UNIT, "t05-demo.xlsx");
        Map<String, BigDecimal> t05 = new HashMap<>(demo.get(DemoSubmissions.WARNED_UNIT));
        t05.put("N.WEB_TOTAL", t05.get("N.WEB_TOTAL").add(BigDecimal.TEN));
        expect("t05-demo", "T05", demoTool, "演示数据 T05 周村镇: 规章/本年制发件数 left blank, 门户网站发布信息总数"
                + " typed over its formula 10 too high; accepted with warnings")
                .values(t05).implicitZero("T2.REG.ISSUED")
                .finding("IMPLICIT-0", "T2.REG.ISSUED").finding("N-SUM", "N.WEB_TOTAL").onSheet("ZERO-ALL", "表三").write();

        copyDemo(demoDir, DemoSubmissions.REJECTED_UNIT, "d07-demo.xlsx");
        // DemoSubmissions#rejectedUnitFigures: 自然人 5 + 18 + 2 + 2, 总计 typed 0 over three formulas
        Map<String, BigDecimal> d07 = new HashMap<>();
        FORM.items().forEach(i -> d07.put(i.code(), BigDecimal.ZERO));
        put(d07, "T3.NEW.NAT", 27, "T3.NEW.TOTAL", 27, "T3.R1.NAT", 5, "T3.R4_1.NAT", 18, "T3.R4_1.TOTAL", 0,
                "T3.R4_3.TOTAL", 0, "T3.R6_3.NAT", 2, "T3.R6_3.TOTAL", 0, "T3.R7_TOTAL.NAT", 27, "T3.R7_TOTAL.TOTAL", 27,
                "T2.PENALTY.DECISIONS", 41);
        expect("d07-demo", "D07", demoTool, "演示数据 D07 县司法局: the reference report's own 表三 error (总计 typed 0"
                + " where 自然人 is 18, 2 and 2); rejected")
                .values(d07).also("T3.R4_1.NAT", "T3.R4_1.TOTAL", "T3.R6_3.TOTAL", "T2.PENALTY.DECISIONS")
                .finding("T3-ROW", "T3.R4_1.TOTAL").finding("T3-ROW", "T3.R4_3.TOTAL")
                .finding("T3-ROW", "T3.R6_3.TOTAL").finding("T3-SUM", "T3.R4_1.TOTAL").write();

        // -- the reference report (泽州县 2024) as a workbook, hybrid as printed ---------------------
        reference();

        // -- a unit's workbook and what clerks do to it ---------------------------------------------
        Path base = out.resolve("d06-poi.xlsx");
        Map<String, BigDecimal> d06 = FORM.withDerivedTotals(unitInputs());
        new FormFiles(FORM).write(base, new FormContent(cover("D06", "县民政局", "2025-01-22"), unitInputs(), Map.of()));
        String edited = poi + " (FormFiles, then POI usermodel edits: FixtureCorpus)";
        expect("d06-poi", "D06", poi + " (FormFiles: FixtureCorpus)", "D06 县民政局: a balanced year with every"
                + " applicant column and all three （六） leaves in use; the base of the d06-* variants")
                .values(d06).also("T3.R6_1.BIZ", "T3.R6_3.OTH").write();

        insertedRows(base, d06, edited);
        oneSheet(base, d06, edited);
        textNumbers(base, d06, edited);
        placeholders(base, d06, edited);
        legacyTable3(base, d06, edited);
        table2Of2019(base, d06, edited);
        new FidelityFixtures(this, out, poi).generate();
    }

    /** The reference report's figures; its 表三 in the 2019 layout with its three wrong 总计 cells. */
    private void reference() throws IOException {
        Map<String, BigDecimal> in = new HashMap<>();
        FORM.items().stream().filter(i -> !i.derived()).forEach(i -> in.put(i.code(), BigDecimal.ZERO));
        put(in, "T2.NORM.ISSUED", 2, "T2.NORM.REPEALED", 2, "T2.NORM.VALID", 18, "T2.LICENSE.DECISIONS", 6948,
                "T2.PENALTY.DECISIONS", 780, "T2.COERCION.DECISIONS", 23);
        in.put("T2.FEE.AMOUNT", new BigDecimal("6360.31"));
        put(in, "T3.NEW.NAT", 70, "T3.R1.NAT", 37, "T3.R2.NAT", 11, "T3.R4_1.NAT", 18, "T3.R4_3.NAT", 2, "T3.R6_3.NAT", 2);
        put(in, "T4.REVIEW.UPHELD", 22, "T4.REVIEW.CORRECTED", 6, "T4.REVIEW.OTHER", 5,
                "T4.SUIT_DIRECT.UPHELD", 20, "T4.SUIT_DIRECT.CORRECTED", 9, "T4.SUIT_DIRECT.PENDING", 6,
                "T4.SUIT_AFTER.UPHELD", 10, "T4.SUIT_AFTER.OTHER", 1);
        put(in, "N.WEB_OVERVIEW", 15, "N.WEB_NEWS", 2551, "N.WEB_DISCLOSURE", 3113, "N.DOCS", 27,
                "N.INTERPRETATIONS", 16, "N.MSG_RECEIVED", 101, "N.MSG_REPLIED", 101, "N.NEWMEDIA_ACCOUNTS", 8,
                "N.NEWMEDIA_POSTS", 4877, "N.CLEANUP_NOTICE", 1890, "N.CLEANUP_DISCLOSURE", 425,
                "N.CLEANUP_POLITICS", 16, "N.CLEANUP_DOCS", 280);
        // as printed: 总计 0 in three rows, （七）总计 typed as 70
        Map<String, Object> typed = Map.of("T3.R4_1.TOTAL", 0, "T3.R4_3.TOTAL", 0, "T3.R6_3.TOTAL", 0,
                "T3.R7_TOTAL.TOTAL", 70);
        Path written = out.resolve(".reference-template.xlsx");
        new FormFiles(FORM).write(written, new FormContent(cover("D01", "县人民政府办公室", "2025-02-05"), in, typed));
        Path file = out.resolve("zezhou-reference.xlsx");
        WorkbookEdits.edit(written, file, wb -> {
            Sheet t2 = WorkbookEdits.sheet(wb, T2);
            WorkbookEdits.retype(t2, "本年制发件数", "本年制发数量");
            WorkbookEdits.retype(t2, "行政规范性文件", "规范性文件");
            WorkbookEdits.retype(t2, "本年收费金额（单位：万元）", "本年收费金额（万元）");
            Sheet t3 = WorkbookEdits.sheet(wb, T3);
            WorkbookEdits.toLegacyTable3(t3, FORM.table3().row("R6_1").orElseThrow().label(), "（六）其他处理", 3, 9);
            for (Sheet sheet : List.of(t2, t3)) {
                WorkbookEdits.rewriteTexts(sheet, s -> s.replace('（', '(').replace('）', ')').replace('：', ':'));
            }
        });
        Files.delete(written);
        stamp(file);

        Map<String, BigDecimal> values = FORM.withDerivedTotals(in);
        put(values, "T3.R4_1.TOTAL", 0, "T3.R4_3.TOTAL", 0, "T3.R6_3.TOTAL", 0, "T3.R7_TOTAL.TOTAL", 70);
        UnaryOperator<SheetCell> legacyRows = legacyRows();
        expect("zezhou-reference", "D01", poi + " (FormFiles, then POI usermodel edits: FixtureCorpus)",
                "泽州县 2024 reference report (shared/reference) as a workbook: 表二 with 本年制发数量/规范性文件/"
                        + "本年收费金额(万元) and half-width brackets, 表三 in the 2019 layout, 总计 0 where 自然人 is"
                        + " 18, 2, 2; the outcome the form spec states")
                .where(legacyRows).values(values)
                .also("T2.NORM.ISSUED", "T2.PENALTY.DECISIONS", "T3.R4_1.TOTAL", "T3.R6_3.NAT", "T3.R6_3.TOTAL",
                        "T3.R7_TOTAL.NAT", "T4.SUIT_AFTER.TOTAL")
                .legacy(new SheetCell(T3, CellRef.parse("B25")))
                .finding("T3-ROW", "T3.R4_1.TOTAL").finding("T3-ROW", "T3.R4_3.TOTAL")
                .finding("T3-ROW", "T3.R6_3.TOTAL").finding("T3-SUM", "T3.R4_1.TOTAL")
                .finding("V-2019", new SheetCell(T3, CellRef.parse("B25"))).write();
    }

    /** A blank row above 表三's data, a 合计 row under 表二（一）, 表四 moved, a note above the indicators. */
    private void insertedRows(Path base, Map<String, BigDecimal> values, String tool) throws IOException {
        int normRow = LAYOUT.get("T2.NORM.ISSUED").cell().row();
        int firstT3Row = LAYOUT.get("T3.NEW.NAT").cell().row();
        int indicatorHeader = LAYOUT.get("N.WEB_TOTAL").cell().row() - 1;
        Path file = WorkbookEdits.edit(base, out.resolve("d06-inserted-rows.xlsx"), wb -> {
            WorkbookEdits.insertRows(WorkbookEdits.sheet(wb, T3), firstT3Row, 1);
            Sheet t2 = WorkbookEdits.sheet(wb, T2);
            WorkbookEdits.insertRows(t2, normRow + 1, 1);
            WorkbookEdits.cell(t2, normRow + 1, 0).setCellValue("合计");
            for (int col = 1; col <= 3; col++) {
                String column = CellRef.columnName(col);
                WorkbookEdits.cell(t2, normRow + 1, col).setCellFormula("SUM(" + column + normRow + ":" + column
                        + (normRow + 1) + ")");
            }
            XSSFSheet t4 = WorkbookEdits.sheet(wb, T4);
            t4.shiftRows(0, t4.getLastRowNum(), 2);
            t4.shiftColumns(0, 14, 1);
            Sheet n = WorkbookEdits.sheet(wb, N);
            WorkbookEdits.insertRows(n, indicatorHeader, 2);
            WorkbookEdits.cell(n, indicatorHeader, 0).setCellValue("填报单位：县民政局");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        stamp(file);
        expect("d06-inserted-rows", "D06", tool, "d06-poi with a blank row inserted above 表三's data, a 合计 row"
                + " (SUM formulas) under 表二（一）, 表四 moved 2 rows down and 1 column right, two rows inserted"
                + " above the indicator header")
                .where(at -> switch (at.sheet()) {
                    case T2 -> at.cell().row() > normRow ? moved(at, 1, 0) : at;
                    case T3 -> moved(at, 1, 0);
                    case T4 -> moved(at, 2, 1);
                    case N -> moved(at, 2, 0);
                    default -> at;
                })
                .values(values).also("T4.SUIT_AFTER.TOTAL", "N.PROCESSING_FEE").write();
    }

    /** Every sheet pasted as values, stacked, into Sheet1 of a fresh workbook: no names, no styles, no merges. */
    private void oneSheet(Path base, Map<String, BigDecimal> values, String tool) throws IOException {
        Map<String, Integer> offsets = new LinkedHashMap<>();
        Path file = out.resolve("d06-one-sheet.xlsx");
        try (XSSFWorkbook source = WorkbookEdits.open(base); XSSFWorkbook fresh = new XSSFWorkbook()) {
            // a fresh workbook is stamped "created now": a fixed date keeps the bytes the same run to run
            fresh.getProperties().getCoreProperties().setCreated(Optional.of(new Date(FIXED_TIME)));
            Sheet one = fresh.createSheet("Sheet1");
            int offset = 0;
            for (String name : List.of(FORM.cover().sheet(), T2, T3, T4, N)) {
                offsets.put(name, offset);
                offset += WorkbookEdits.pasteValues(source.getSheet(name), one, offset, 0, false) + 2;
            }
            WorkbookEdits.save(fresh, file);
        }
        stamp(file);
        expect("d06-one-sheet", "D06", tool, "d06-poi's five sheets pasted as values (选择性粘贴→数值) one under the"
                + " other into Sheet1 of a new workbook: no sheet names, styles, merges or formulas")
                .where(at -> new SheetCell("Sheet1", new CellRef(at.cell().row() + offsets.get(at.sheet()), at.cell().col())))
                .values(values).also("T4.SUIT_AFTER.TOTAL", "N.PROCESSING_FEE").write();
    }

    /**
     * Numbers typed as text (full-width digits, 件, +, spaces, thousands separators). 一、本年新收/自然人
     * typed as text is what Excel's SUM ignores: the 总计 formula, recalculated, leaves it out.
     */
    private void textNumbers(Path base, Map<String, BigDecimal> values, String tool) throws IOException {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("T2.NORM.VALID", " 25 ");
        typed.put("T2.LICENSE.DECISIONS", "412件");
        typed.put("T2.PENALTY.DECISIONS", "５７");
        typed.put("T2.COERCION.DECISIONS", "+3");
        typed.put("T2.FEE.AMOUNT", "25.80");
        typed.put("T3.NEW.NAT", "12");
        typed.put("N.DOCS", "９件");
        typed.put("N.NEWMEDIA_POSTS", "1,230");
        Path file = WorkbookEdits.edit(base, out.resolve("d06-text-numbers.xlsx"), wb -> {
            typed.forEach((code, text) -> {
                SheetCell at = LAYOUT.get(code);
                WorkbookEdits.setText(WorkbookEdits.sheet(wb, at.sheet()), at.cell(), text);
            });
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        stamp(file);
        Map<String, BigDecimal> read = new HashMap<>(values);
        // 总计 of 一 = SUM(D5:I5) without the text 12: 2 + 1 + 1
        read.put("T3.NEW.TOTAL", values.get("T3.NEW.TOTAL").subtract(values.get("T3.NEW.NAT")));
        expect("d06-text-numbers", "D06", tool, "d06-poi with figures typed as text: \" 25 \", 412件, ５７, +3, \"25.80\","
                + " ９件, 1,230, and 一/自然人 \"12\", which the recalculated 总计 formula leaves out (Excel's SUM skips"
                + " text): rejected by T3-ROW and T3-BAL")
                .values(read).also(typed.keySet().toArray(String[]::new))
                .finding("T3-ROW", "T3.NEW.TOTAL").finding("T3-BAL", "T3.NEW.TOTAL").write();
    }

    /** Blank, dashes, 无, 零 in cells that are 0, and two texts that are not numbers. */
    private void placeholders(Path base, Map<String, BigDecimal> values, String tool) throws IOException {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("T2.REG.REPEALED", "-");
        typed.put("T2.REG.VALID", "—");
        typed.put("T3.R3_1.NAT", "/");
        typed.put("T3.R3_2.BIZ", "无");
        typed.put("T3.R5_1.NAT", "零");
        typed.put("T4.SUIT_AFTER.UPHELD", "－");
        typed.put("T2.COERCION.DECISIONS", "详见附表");
        typed.put("N.INTERPRETATIONS", "约200");
        String blank = "T2.REG.ISSUED";
        for (String code : typed.keySet()) {
            boolean text = code.equals("T2.COERCION.DECISIONS") || code.equals("N.INTERPRETATIONS");
            if (!text && values.get(code).signum() != 0) {
                throw new IllegalStateException(code + " is not 0 in the base: a placeholder there would change it");
            }
        }
        Path file = WorkbookEdits.edit(base, out.resolve("d06-placeholders.xlsx"), wb -> {
            typed.forEach((code, text) -> {
                SheetCell at = LAYOUT.get(code);
                WorkbookEdits.setText(WorkbookEdits.sheet(wb, at.sheet()), at.cell(), text);
            });
            WorkbookEdits.remove(WorkbookEdits.sheet(wb, T2), LAYOUT.get(blank).cell());
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        stamp(file);
        Expect expect = expect("d06-placeholders", "D06", tool, "d06-poi with 0 written as blank, -, —, /, 无, 零"
                + " and full-width －, and 详见附表 / 约200 in two counts: warnings, and TYPE errors for the two texts")
                .values(values).also(blank, "T3.R3_1.NAT", "T4.SUIT_AFTER.TOTAL")
                .implicitZero(blank).finding("IMPLICIT-0", blank)
                .notANumber("T2.COERCION.DECISIONS", "N.INTERPRETATIONS")
                .finding("TYPE", "T2.COERCION.DECISIONS").finding("TYPE", "N.INTERPRETATIONS");
        typed.keySet().stream().filter(code -> !expect.notANumber.contains(code))
                .forEach(code -> expect.implicitZero(code).finding("IMPLICIT-0", code));
        expect.write();
    }

    /** 表三 in the 2019 layout: one （六）其他处理 row holding the sums of the three leaves. */
    private void legacyTable3(Path base, Map<String, BigDecimal> values, String tool) throws IOException {
        Path file = WorkbookEdits.edit(base, out.resolve("d06-legacy-2019.xlsx"), wb ->
                WorkbookEdits.toLegacyTable3(WorkbookEdits.sheet(wb, T3), FORM.table3().row("R6_1").orElseThrow().label(),
                        "（六）其他处理", 3, 9));
        stamp(file);
        Map<String, BigDecimal> read = new HashMap<>(values);
        for (String column : List.of("NAT", "BIZ", "RES", "NGO", "LAW", "OTH", "TOTAL")) {
            read.put("T3.R6_3." + column, Stream.of("R6_1", "R6_2", "R6_3")
                    .map(row -> values.get("T3." + row + "." + column)).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        SheetCell legacy = new SheetCell(T3, CellRef.parse("B25"));
        expect("d06-legacy-2019", "D06", tool, "d06-poi with 表三 copied by value from a 2019 file: one （六）其他处理"
                + " row (the sums of the three leaves) instead of three; accepted with the V-2019 warning")
                .where(legacyRows()).values(read).also("T3.R6_3.NAT", "T3.R6_3.BIZ", "T3.R6_3.OTH", "T3.R6_3.TOTAL")
                .legacy(legacy).finding("V-2019", legacy).write();
    }

    /** 表二 of the 2019 trial format: not readable as the 2021 items, one SHAPE error. */
    private void table2Of2019(Path base, Map<String, BigDecimal> values, String tool) throws IOException {
        Path file = WorkbookEdits.edit(base, out.resolve("d06-table2-2019.xlsx"),
                wb -> WorkbookEdits.replaceWithTable2Of2019(wb, T2));
        stamp(file);
        Expect expect = expect("d06-table2-2019", "D06", tool, "d06-poi with 表二 replaced by the 2019 trial format"
                + " (本年新制作数量 … 政府集中采购): rejected with one SHAPE error naming the current template")
                .values(values);
        expect.values.keySet().removeIf(code -> code.startsWith("T2."));
        expect.shape(T2).write();
    }

    // ---------------------------------------------------------------------------------------------

    /** A plausible county department's year: every input filled, 表三 balancing column by column. */
    static Map<String, BigDecimal> unitInputs() {
        Map<String, BigDecimal> in = new HashMap<>();
        FORM.items().stream().filter(i -> !i.derived()).forEach(i -> in.put(i.code(), BigDecimal.ZERO));
        put(in, "T2.NORM.ISSUED", 3, "T2.NORM.REPEALED", 1, "T2.NORM.VALID", 25, "T2.LICENSE.DECISIONS", 412,
                "T2.PENALTY.DECISIONS", 57, "T2.COERCION.DECISIONS", 3);
        in.put("T2.FEE.AMOUNT", new BigDecimal("25.80"));
        // 一 12/2/0/0/1/1, 二 1; results 5+2+1+2+1+1 / 1+1 / 1 / 1; 四 1
        put(in, "T3.NEW.NAT", 12, "T3.NEW.BIZ", 2, "T3.NEW.LAW", 1, "T3.NEW.OTH", 1, "T3.CARRIED_IN.NAT", 1,
                "T3.R1.NAT", 5, "T3.R1.BIZ", 1, "T3.R2.NAT", 2, "T3.R3_4.NAT", 1, "T3.R4_1.NAT", 2, "T3.R4_1.LAW", 1,
                "T3.R5_2.NAT", 1, "T3.R6_1.BIZ", 1, "T3.R6_2.NAT", 1, "T3.R6_3.OTH", 1, "T3.CARRY_OUT.NAT", 1);
        put(in, "T4.REVIEW.UPHELD", 2, "T4.REVIEW.CORRECTED", 1, "T4.REVIEW.PENDING", 1, "T4.SUIT_DIRECT.UPHELD", 1,
                "T4.SUIT_DIRECT.PENDING", 1, "T4.SUIT_AFTER.OTHER", 1);
        put(in, "N.WEB_OVERVIEW", 3, "N.WEB_NEWS", 120, "N.WEB_DISCLOSURE", 86, "N.DOCS", 9, "N.INTERPRETATIONS", 4,
                "N.MSG_RECEIVED", 7, "N.MSG_REPLIED", 7, "N.NEWMEDIA_ACCOUNTS", 1, "N.NEWMEDIA_POSTS", 1230,
                "N.CLEANUP_NOTICE", 40, "N.CLEANUP_DISCLOSURE", 12, "N.CLEANUP_DOCS", 5);
        return in;
    }

    static Map<String, String> cover(String code, String name, String fillDate) {
        Map<String, String> cover = new LinkedHashMap<>();
        cover.put(CoverField.UNIT_NAME, name);
        cover.put(CoverField.UNIT_CODE, code);
        cover.put(CoverField.UNIT_TYPE, "县直单位");
        cover.put(CoverField.YEAR, Integer.toString(YEAR));
        cover.put(CoverField.FORM_VERSION, FORM.id());
        cover.put(CoverField.CONTACT, "王芳");
        cover.put(CoverField.PHONE, "0356-3033064");
        cover.put(CoverField.FILL_DATE, fillDate);
        return cover;
    }

    /** Where 表三's rows are once the three （六） leaves became one row: everything below moves up 2. */
    private static UnaryOperator<SheetCell> legacyRows() {
        int firstLeaf = LAYOUT.get("T3.R6_1.NAT").cell().row();
        return at -> at.sheet().equals(T3) && at.cell().row() > firstLeaf + 2 ? moved(at, -2, 0)
                : at.sheet().equals(T3) && at.cell().row() > firstLeaf ? moved(at, firstLeaf - at.cell().row(), 0) : at;
    }

    private static SheetCell moved(SheetCell at, int rows, int cols) {
        return new SheetCell(at.sheet(), new CellRef(at.cell().row() + rows, at.cell().col() + cols));
    }

    private static void put(Map<String, BigDecimal> map, Object... codesAndValues) {
        for (int i = 0; i < codesAndValues.length; i += 2) {
            map.put((String) codesAndValues[i], BigDecimal.valueOf(((Number) codesAndValues[i + 1]).longValue()));
        }
    }

    private static Map<String, SheetCell> layout() {
        try (XSSFWorkbook scratch = new XSSFWorkbook()) {
            return new FormWorkbookWriter(FORM).write(scratch, FormContent.blank(Map.of()),
                    FormWorkbookWriter.Options.TEMPLATE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void copyDemo(Path demoDir, String unitCode, String target) throws IOException {
        try (Stream<Path> files = Files.list(demoDir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(unitCode + "-")).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one demo file of " + unitCode + " in " + demoDir + ", found " + found);
            }
            Files.copy(found.get(0), out.resolve(target), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    Expect expect(String name, String unitCode, String tool, String description) {
        return new Expect(name, unitCode, tool, description);
    }

    /** The expectation of a copy LibreOffice (or another tool) re-saved from a fixture. */
    private static void converted(Path out, String source, String copy, WorkbookFormat format, String tool)
            throws IOException {
        String sourceName = source.substring(0, source.lastIndexOf('.'));
        FixtureExpectation original = FixtureExpectation.load(out.resolve(sourceName + FixtureExpectation.SUFFIX));
        String name = copy.substring(0, copy.lastIndexOf('.'));
        original.convertedTo(name, copy, format, tool, original.description() + " — re-saved by " + tool)
                .write(out);
    }

    /** Sets every entry's DOS time in a zip's local and central headers to 2025-01-20 00:00, in place. */
    static void stamp(Path zip) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        short time = 0;
        short date = (short) (((2025 - 1980) << 9) | (1 << 5) | 20);
        int end = bytes.length - 22;
        while (end >= 0 && b.getInt(end) != 0x06054b50) {
            end--;
        }
        if (end < 0) {
            throw new IllegalArgumentException(zip + " is not a zip");
        }
        int entries = b.getShort(end + 10) & 0xFFFF;
        int p = b.getInt(end + 16);
        for (int i = 0; i < entries; i++) {
            if (b.getInt(p) != 0x02014b50) {
                throw new IllegalArgumentException(zip + ": bad central directory at " + p);
            }
            b.putShort(p + 12, time).putShort(p + 14, date);
            int local = b.getInt(p + 42);
            if (b.getInt(local) != 0x04034b50) {
                throw new IllegalArgumentException(zip + ": bad local header at " + local);
            }
            b.putShort(local + 10, time).putShort(local + 12, date);
            p += 46 + (b.getShort(p + 28) & 0xFFFF) + (b.getShort(p + 30) & 0xFFFF) + (b.getShort(p + 32) & 0xFFFF);
        }
        Files.write(zip, bytes);
    }

    /** An expectation being put together; cells are where the template writer put each item, moved by {@code where}. */
    final class Expect {
        final String name;
        final String unitCode;
        final String tool;
        final String description;
        final Map<String, FixtureExpectation.Figure> values = new LinkedHashMap<>();
        final Set<String> implicitZero = new TreeSet<>();
        final Set<String> notANumber = new TreeSet<>();
        final List<String> findings = new ArrayList<>();
        /** How the whole job must treat the file (FidelityJobTest): job.sentAs, job.status, job.rules … */
        final Map<String, String> job = new LinkedHashMap<>();
        Map<String, BigDecimal> figures = Map.of();
        WorkbookFormat format = WorkbookFormat.XLSX;
        SheetCell legacy;
        UnaryOperator<SheetCell> where = UnaryOperator.identity();

        Expect(String name, String unitCode, String tool, String description) {
            this.name = name;
            this.unitCode = unitCode;
            this.tool = tool;
            this.description = description;
        }

        Expect where(UnaryOperator<SheetCell> moved) {
            this.where = moved;
            return this;
        }

        /** Lists the standard items with these figures. */
        Expect values(Map<String, BigDecimal> all) {
            this.figures = all;
            return also(LISTED.toArray(String[]::new));
        }

        /** Lists more items. */
        Expect also(String... codes) {
            for (String code : codes) {
                FormItem item = FORM.item(code);
                // as the reader gives it: 25.80 reads 25.8, 6400 stays 6400
                BigDecimal value = figures.get(code).stripTrailingZeros();
                values.put(item.code(), new FixtureExpectation.Figure(value.scale() < 0 ? value.setScale(0) : value,
                        at(code)));
            }
            return this;
        }

        Expect implicitZero(String... codes) {
            implicitZero.addAll(List.of(codes));
            return this;
        }

        Expect notANumber(String... codes) {
            notANumber.addAll(List.of(codes));
            return this;
        }

        Expect legacy(SheetCell at) {
            legacy = at;
            return this;
        }

        Expect finding(String rule, String code) {
            return finding(rule, at(code));
        }

        Expect finding(String rule, SheetCell at) {
            findings.add(rule + "@" + at);
            return this;
        }

        Expect shape(String sheet) {
            return onSheet("SHAPE", sheet);
        }

        /** A finding that names a sheet but no cell. */
        Expect onSheet(String rule, String sheet) {
            findings.add(rule + "@" + sheet);
            return this;
        }

        SheetCell at(String code) {
            return where.apply(LAYOUT.get(code));
        }

        /** What the whole nightly job must make of the file when it arrives under {@code sentAs}. */
        Expect job(String sentAs, String status, String rules) {
            job.put("job.sentAs", sentAs);
            job.put("job.status", status);
            job.put("job.rules", rules);
            return this;
        }

        /** A county total the accepted file changes against the demo input alone ({@code item=difference}). */
        Expect adds(String code, BigDecimal difference) {
            job.merge("job.adds", code + "=" + difference.toPlainString(), (a, b) -> a + ", " + b);
            return this;
        }

        void write() throws IOException {
            Path file;
            try (Stream<Path> files = Files.list(out)) {
                file = files.filter(f -> f.getFileName().toString().startsWith(name + ".")
                        && !f.getFileName().toString().endsWith(FixtureExpectation.SUFFIX)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no fixture file " + name + ".*"));
            }
            new FixtureExpectation(name, file.getFileName().toString(), description, tool, format, unitCode,
                    values, implicitZero, notANumber, Optional.ofNullable(legacy), findings, Optional.empty()).write(out);
            if (!job.isEmpty()) {
                StringBuilder lines = new StringBuilder();
                job.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
                Files.writeString(out.resolve(name + FixtureExpectation.SUFFIX), lines, java.nio.charset.StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.APPEND);
            }
        }
    }
}
