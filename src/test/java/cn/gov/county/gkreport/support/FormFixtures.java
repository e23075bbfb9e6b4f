package cn.gov.county.gkreport.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import cn.gov.county.gkreport.check.CheckContext;
import cn.gov.county.gkreport.check.ConsistencyRule;
import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.Identification;
import cn.gov.county.gkreport.check.SubmissionChecker;
import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.form.Table3Column;
import cn.gov.county.gkreport.form.Table3Row;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.read.FigureCell;
import cn.gov.county.gkreport.read.SubmissionContent;
import cn.gov.county.gkreport.read.SubmissionReader;
import cn.gov.county.gkreport.read.grid.UnreadableWorkbookException;
import cn.gov.county.gkreport.read.grid.WorkbookLoader;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Real workbooks for rule tests: written by POI through the product's own {@link FormFiles} (the
 * writer of the template and the demo data: totals are formulas with cached results), read back
 * through the real {@link SubmissionReader}, then checked by one rule, some rules or all of them.
 *
 * <pre>{@code
 * Written file = FormFixtures.submission("D01").set("T3.R4_1.NAT", 18).override("T3.R4_1.TOTAL", 0).write(dir);
 * List<Finding> found = file.findings(new Table3RowTotalRule());
 * String cell = file.a1("T3.R4_1.TOTAL");   // where the writer put it, e.g. J17
 * }</pre>
 */
public final class FormFixtures {

    /** The reporting year the fixtures are for (the job's year). */
    public static final int YEAR = 2024;
    /** The template's file name as the reader names it in the 2019-表二 message. */
    public static final String TEMPLATE_NAME = "模板.xlsx";
    public static final FormDefinition FORM = FormDefinitionLoader.loadCurrent();
    public static final Roster ROSTER = readRoster();

    private static final SubmissionReader READER = new SubmissionReader(FORM, new WorkbookLoader(), TEMPLATE_NAME);
    private static final AtomicInteger FILE_NUMBER = new AtomicInteger();

    private FormFixtures() {
    }

    private static Roster readRoster() {
        try {
            return Roster.read(Path.of("jobs/roster.csv"), "泽州县");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RosterUnit unit(String code) {
        return ROSTER.byCode(code).orElseThrow(() -> new IllegalArgumentException("not on the roster: " + code));
    }

    /** The cover a clerk of this unit fills in: roster name and code, type, the job's year, current version. */
    public static Map<String, String> cover(RosterUnit unit) {
        Map<String, String> cover = new LinkedHashMap<>();
        cover.put(CoverField.UNIT_NAME, unit.name());
        cover.put(CoverField.UNIT_CODE, unit.code());
        cover.put(CoverField.UNIT_TYPE, unit.type().label());
        cover.put(CoverField.YEAR, Integer.toString(YEAR));
        cover.put(CoverField.FORM_VERSION, FORM.id());
        cover.put(CoverField.CONTACT, "张三");
        cover.put(CoverField.PHONE, "0356-3033064");
        cover.put(CoverField.FILL_DATE, "2025-01-20");
        return cover;
    }

    /**
     * The input figures of a plausible county department's year (every input filled, 0 where nothing
     * happened). 表三 balances column by column: 一 13+2+1, 二 1; results 12+2+1; 四 1.
     */
    public static Map<String, BigDecimal> realisticInputs() {
        Map<String, BigDecimal> in = allZeroInputs();
        put(in, "T2.NORM.ISSUED", 3);
        put(in, "T2.NORM.REPEALED", 1);
        put(in, "T2.NORM.VALID", 25);
        put(in, "T2.LICENSE.DECISIONS", 412);
        put(in, "T2.PENALTY.DECISIONS", 57);
        put(in, "T2.COERCION.DECISIONS", 3);
        in.put("T2.FEE.AMOUNT", new BigDecimal("12.50"));

        put(in, "T3.NEW.NAT", 12);
        put(in, "T3.NEW.BIZ", 2);
        put(in, "T3.NEW.LAW", 1);
        put(in, "T3.CARRIED_IN.NAT", 1);
        put(in, "T3.R1.NAT", 6);
        put(in, "T3.R1.BIZ", 1);
        put(in, "T3.R2.NAT", 2);
        put(in, "T3.R3_4.NAT", 1);
        put(in, "T3.R4_1.NAT", 2);
        put(in, "T3.R4_1.LAW", 1);
        put(in, "T3.R5_2.NAT", 1);
        put(in, "T3.R6_1.BIZ", 1);
        put(in, "T3.CARRY_OUT.NAT", 1);

        put(in, "T4.REVIEW.UPHELD", 2);
        put(in, "T4.REVIEW.CORRECTED", 1);
        put(in, "T4.REVIEW.PENDING", 1);
        put(in, "T4.SUIT_DIRECT.UPHELD", 1);
        put(in, "T4.SUIT_DIRECT.PENDING", 1);
        put(in, "T4.SUIT_AFTER.OTHER", 1);

        put(in, "N.WEB_OVERVIEW", 3);
        put(in, "N.WEB_NEWS", 120);
        put(in, "N.WEB_DISCLOSURE", 86);
        put(in, "N.DOCS", 9);
        put(in, "N.INTERPRETATIONS", 4);
        put(in, "N.MSG_RECEIVED", 7);
        put(in, "N.MSG_REPLIED", 7);
        put(in, "N.NEWMEDIA_ACCOUNTS", 1);
        put(in, "N.NEWMEDIA_POSTS", 230);
        put(in, "N.CLEANUP_NOTICE", 40);
        put(in, "N.CLEANUP_DISCLOSURE", 12);
        put(in, "N.CLEANUP_DOCS", 5);
        return in;
    }

    /** Every input of the form filled with 0. */
    public static Map<String, BigDecimal> allZeroInputs() {
        Map<String, BigDecimal> in = new HashMap<>();
        FORM.items().stream().filter(i -> !i.derived()).forEach(i -> in.put(i.code(), BigDecimal.ZERO));
        return in;
    }

    private static void put(Map<String, BigDecimal> in, String code, long value) {
        in.put(code, BigDecimal.valueOf(value));
    }

    /** Types rows into the 说明 sheet of a file made from the template, below its header row. */
    public static void fillExplanations(Path file, List<List<String>> rows) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(FORM.explanations().sheet());
            int header = 0;
            while (sheet.getRow(header) == null || sheet.getRow(header).getCell(0) == null
                    || !FORM.explanations().codeHeader().equals(sheet.getRow(header).getCell(0).getStringCellValue())) {
                header++;
            }
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.getRow(header + 1 + i) == null ? sheet.createRow(header + 1 + i) : sheet.getRow(header + 1 + i);
                for (int c = 0; c < rows.get(i).size(); c++) {
                    (row.getCell(c) == null ? row.createCell(c) : row.getCell(c)).setCellValue(rows.get(i).get(c));
                }
            }
            FormFiles.writeAtomically(workbook, file);
        }
    }

    /** A realistic, valid submission of a roster unit, to be varied before it is written. */
    public static Builder submission(String unitCode) {
        return new Builder(cover(unit(unitCode)), realisticInputs());
    }

    /** Reads a file with the product's reader. */
    public static SubmissionContent read(Path file) {
        try {
            return READER.read(file);
        } catch (UnreadableWorkbookException e) {
            throw new IllegalStateException("fixture workbook unreadable: " + file, e);
        }
    }

    /** The check context the assessor would build: unit from the cover, the given previous year. */
    public static CheckContext context(SubmissionContent content, Optional<Map<String, BigDecimal>> previousYear,
                                       CheckContext.Scope scope) {
        Optional<RosterUnit> unit = Identification.of(content, ROSTER, FORM, YEAR).unit();
        return new CheckContext(FORM, ROSTER, YEAR, content, unit, previousYear, scope);
    }

    /**
     * Where the writer puts a cover value: the cover lists its fields from the third row on, label
     * in column A, value in column B.
     */
    public static String coverCell(String key) {
        List<CoverField> fields = FORM.cover().fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).key().equals(key)) {
                return new CellRef(2 + i, 1).a1();
            }
        }
        throw new IllegalArgumentException("no cover field " + key);
    }

    // ---------------------------------------------------------------------------------------------

    /** What to write: cover, input figures, and what a person typed over cells. */
    public static final class Builder {
        private final Map<String, String> cover;
        private final Map<String, BigDecimal> inputs;
        private final Map<String, Object> overrides = new LinkedHashMap<>();
        private final List<List<String>> explanations = new ArrayList<>();

        private Builder(Map<String, String> cover, Map<String, BigDecimal> inputs) {
            this.cover = new LinkedHashMap<>(cover);
            this.inputs = new HashMap<>(inputs);
        }

        /** Replaces all input figures (missing inputs are left blank in the file). */
        public Builder inputs(Map<String, BigDecimal> figures) {
            inputs.clear();
            figures.forEach((code, value) -> {
                if (!FORM.item(code).derived()) {
                    inputs.put(code, value);
                }
            });
            return this;
        }

        public Builder set(String code, long value) {
            return set(code, BigDecimal.valueOf(value));
        }

        public Builder set(String code, String value) {
            return set(code, new BigDecimal(value));
        }

        public Builder set(String code, BigDecimal value) {
            if (FORM.item(code).derived()) {
                throw new IllegalArgumentException(code + " is a total: use override() to type over its formula");
            }
            inputs.put(code, value);
            return this;
        }

        /** Leaves an input cell blank. */
        public Builder blank(String code) {
            inputs.remove(code);
            return this;
        }

        /** Types a number over a cell (a total's formula included) or puts text in it. */
        public Builder override(String code, Object typed) {
            FORM.item(code);
            if (!(typed instanceof String) && !(typed instanceof Number)) {
                throw new IllegalArgumentException("override must be text or a number");
            }
            overrides.put(code, typed);
            return this;
        }

        public Builder cover(String key, String value) {
            if (value == null) {
                cover.remove(key);
            } else {
                cover.put(key, value);
            }
            return this;
        }

        /**
         * A row the clerk fills on the 说明 sheet; the file is then made from the blank template,
         * which has that sheet (filled copies without explanations are made without it, like the
         * demo input and files from older templates).
         */
        public Builder explain(String code, String cell, String text) {
            explanations.add(List.of(code, cell, text));
            return this;
        }

        public Written write(Path dir) {
            Path file = dir.resolve("unit-" + FILE_NUMBER.incrementAndGet() + ".xlsx");
            try {
                FormContent content = new FormContent(cover, inputs, overrides);
                if (explanations.isEmpty()) {
                    return new Written(file, new FormFiles(FORM).write(file, content));
                }
                Map<String, SheetCell> positions = new FormFiles(FORM).writeTemplate(file, content);
                fillExplanations(file, explanations);
                return new Written(file, positions);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A workbook on disk and where the writer put each item.
     *
     * @param positions the writer's layout, by item code (valid for the file as written; after
     *                  {@link #modify} of rows the test says where things moved)
     */
    public record Written(Path file, Map<String, SheetCell> positions) {

        public SheetCell at(String code) {
            SheetCell at = positions.get(code);
            if (at == null) {
                throw new IllegalArgumentException("the writer placed no item " + code);
            }
            return at;
        }

        public String a1(String code) {
            return at(code).cell().a1();
        }

        public String sheet(String code) {
            return at(code).sheet();
        }

        public SubmissionContent content() {
            return read(file);
        }

        public FigureCell figure(String code) {
            FigureCell cell = content().figures().get(code);
            if (cell == null) {
                throw new IllegalArgumentException("the reader found no item " + code + " in " + file.getFileName());
            }
            return cell;
        }

        public List<Finding> findings(ConsistencyRule rule) {
            return findings(List.of(rule), Optional.empty());
        }

        public List<Finding> findings(ConsistencyRule rule, Optional<Map<String, BigDecimal>> previousYear) {
            return findings(List.of(rule), previousYear);
        }

        public List<Finding> findings(List<ConsistencyRule> rules, Optional<Map<String, BigDecimal>> previousYear) {
            return new SubmissionChecker(rules).check(context(content(), previousYear,
                    CheckContext.Scope.UNIT_SUBMISSION));
        }

        public List<Finding> allFindings() {
            return allFindings(Optional.empty());
        }

        public List<Finding> allFindings(Optional<Map<String, BigDecimal>> previousYear) {
            return SubmissionChecker.allRules().check(context(content(), previousYear, CheckContext.Scope.UNIT_SUBMISSION));
        }

        /**
         * Changes a copy of the file with POI's usermodel (as a clerk would in Excel), recalculates
         * every formula so the cached results are current, saves, and returns the copy.
         */
        public Written modify(Consumer<XSSFWorkbook> change) {
            String name = file.getFileName().toString().replace(".xlsx", "") + "-edited-"
                    + FILE_NUMBER.incrementAndGet() + ".xlsx";
            Path copy = file.resolveSibling(name);
            try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                change.accept(workbook);
                workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
                FormFiles.writeAtomically(workbook, copy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Written(copy, positions);
        }

        /** The POI cell of an item in an opened copy of this file. */
        public Cell cell(XSSFWorkbook workbook, String code) {
            SheetCell at = at(code);
            Sheet sheet = workbook.getSheet(at.sheet());
            Row row = sheet.getRow(at.cell().row());
            if (row == null) {
                row = sheet.createRow(at.cell().row());
            }
            Cell cell = row.getCell(at.cell().col());
            return cell == null ? row.createCell(at.cell().col()) : cell;
        }
    }

    // --------------------------------------------------------------------------- workbook surgery

    /** Deletes a row as Excel does: the rows below move up, merges and formulas follow. */
    public static void deleteRow(Sheet sheet, int row) {
        List<CellRangeAddress> kept = new ArrayList<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.getFirstRow() == row && region.getLastRow() == row) {
                continue;
            }
            int first = region.getFirstRow() > row ? region.getFirstRow() - 1 : region.getFirstRow();
            int last = region.getLastRow() >= row ? region.getLastRow() - 1 : region.getLastRow();
            if (first != last || region.getFirstColumn() != region.getLastColumn()) {
                kept.add(new CellRangeAddress(first, last, region.getFirstColumn(), region.getLastColumn()));
            }
        }
        while (sheet.getNumMergedRegions() > 0) {
            sheet.removeMergedRegion(0);
        }
        if (row < sheet.getLastRowNum()) {
            sheet.shiftRows(row + 1, sheet.getLastRowNum(), -1);
        } else if (sheet.getRow(row) != null) {
            sheet.removeRow(sheet.getRow(row));
        }
        kept.forEach(sheet::addMergedRegion);
    }

    /**
     * Turns a written 2021 表三 into the 2019 trial layout: the three leaves of （六）其他处理 become
     * the single row {@code （六）其他处理} holding their figures (in the first leaf's row; a 总计 that
     * was typed stays typed), the other two rows are deleted and （七）总计 sums the leaves again.
     *
     * @return the zero-based row of the single （六）其他处理 row
     */
    public static int toLegacyTable3(XSSFWorkbook workbook, Written written) {
        String group = "（六）其他处理";
        List<Table3Row> leaves = FORM.table3().rows().stream().filter(r -> r.groups().contains(group)).toList();
        List<Table3Column> columns = FORM.table3().columns();
        Sheet sheet = workbook.getSheet(written.sheet("T3.R1.NAT"));
        int legacyRow = written.at(code(leaves.get(0), columns.get(0))).cell().row();
        int firstResultRow = written.at("T3.R1.NAT").cell().row();
        int firstCol = written.at(code(leaves.get(0), columns.get(0))).cell().col();
        int lastApplicantCol = firstCol + FORM.table3().applicantColumns().size() - 1;
        for (Table3Column column : columns) {
            List<Cell> cells = leaves.stream().map(r -> written.cell(workbook, code(r, column))).toList();
            Cell target = cells.get(0);
            if (cells.stream().allMatch(c -> c.getCellType() == CellType.FORMULA)) {
                target.setCellFormula("SUM(" + CellRef.columnName(firstCol) + (legacyRow + 1) + ":"
                        + CellRef.columnName(lastApplicantCol) + (legacyRow + 1) + ")");
            } else {
                target.setCellValue(cells.stream().mapToDouble(Cell::getNumericCellValue).sum());
            }
        }
        // Stub: one row labelled （六）其他处理 spanning both stub columns, no leaf labels.
        int groupCol = written.at("T3.R1.NAT").cell().col() - 2;
        for (int i = sheet.getNumMergedRegions() - 1; i >= 0; i--) {
            CellRangeAddress region = sheet.getMergedRegion(i);
            if (region.getFirstRow() == legacyRow && region.getFirstColumn() == groupCol) {
                sheet.removeMergedRegion(i);
            }
        }
        Row row = sheet.getRow(legacyRow);
        row.getCell(groupCol).setCellValue(group);
        row.getCell(groupCol + 1).setBlank();
        sheet.addMergedRegion(new CellRangeAddress(legacyRow, legacyRow, groupCol, groupCol + 1));
        for (int i = leaves.size() - 1; i >= 1; i--) {
            deleteRow(sheet, legacyRow + i);
        }
        // （七）总计: the leaves are now the contiguous rows from （一）予以公开 to the single row.
        int totalRow = written.at("T3.R7_TOTAL.NAT").cell().row() - (leaves.size() - 1);
        for (Table3Column column : columns) {
            Cell cell = sheet.getRow(totalRow).getCell(written.at(code(leaves.get(0), column)).cell().col());
            if (cell.getCellType() == CellType.FORMULA) {
                String col = CellRef.columnName(cell.getColumnIndex());
                cell.setCellFormula("SUM(" + col + (firstResultRow + 1) + ":" + col + (legacyRow + 1) + ")");
            }
        }
        return legacyRow;
    }

    private static String code(Table3Row row, Table3Column column) {
        return "T3." + row.code() + "." + column.code();
    }

    /** Retypes a label of the sheet (the one cell whose text is exactly {@code from}), as a clerk would. */
    public static void replaceText(Sheet sheet, String from, String to) {
        List<Cell> found = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(from)) {
                    found.add(cell);
                }
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException("expected one cell \"" + from + "\" in " + sheet.getSheetName()
                    + " but found " + found.size());
        }
        found.get(0).setCellValue(to);
    }

    /** A cell reference moved by {@code rows} (after rows above it were deleted). */
    public static String moved(SheetCell at, int rows) {
        return new CellRef(at.cell().row() + rows, at.cell().col()).a1();
    }
}
