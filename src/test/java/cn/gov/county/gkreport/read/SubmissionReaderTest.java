package cn.gov.county.gkreport.read;

import static cn.gov.county.gkreport.read.WorkbookEdits.cell;
import static cn.gov.county.gkreport.read.WorkbookEdits.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import cn.gov.county.gkreport.check.CheckContext;
import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.Identification;
import cn.gov.county.gkreport.check.SubmissionChecker;
import cn.gov.county.gkreport.demo.ToolCommands;
import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.read.grid.UnreadableWorkbookException;
import cn.gov.county.gkreport.read.grid.WorkbookFormat;
import cn.gov.county.gkreport.read.grid.WorkbookLoader;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SubmissionReader} on real workbooks: written by the product's own template writer
 * ({@link FormFiles}), then changed with POI the way clerks change them (rows inserted, tables
 * moved or pasted into a workbook of their own, labels retyped, numbers typed as text, old
 * formats), saved to a new file and read back.
 *
 * <p>Every input of the written form holds a different number, so a figure read from the wrong
 * row or column always shows up as a wrong value, not only as a wrong cell.
 */
class SubmissionReaderTest {

    static final FormDefinition FORM = FormDefinitionLoader.loadCurrent();
    static final String TEMPLATE_NAME = ToolCommands.templateFileName(2024);
    static final BigDecimal FEE = new BigDecimal("6360.31");

    static final String COVER = "封面";
    static final String T2 = "表二";
    static final String T3 = "表三";
    static final String T4 = "表四";
    static final String INDICATORS = "总体情况";
    static final List<String> FORM_SHEETS = List.of(COVER, T2, T3, T4, INDICATORS);

    private final SubmissionReader reader = new SubmissionReader(FORM, new WorkbookLoader(), TEMPLATE_NAME);

    @TempDir
    Path dir;

    /** The written workbook every test starts from. */
    private Written form;

    @BeforeEach
    void writeForm() throws IOException {
        form = write("written.xlsx");
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class WrittenWorkbook {

        @Test
        void readsEveryItemOfTheFormBackExactlyFromWhereTheWriterPutIt() throws Exception {
            SubmissionContent content = read(form.file);

            assertThat(content.format()).isEqualTo(WorkbookFormat.XLSX);
            assertThat(content.problems()).isEmpty();
            assertThat(content.legacyTable3Cell()).isEmpty();
            assertAllFigures(content, UnaryOperator.identity());
            assertThat(content.figures()).hasSize(FORM.items().size());
        }

        @Test
        void keepsTheFeeExactlyWithItsCents() throws Exception {
            FigureCell fee = read(form.file).figures().get("T2.FEE.AMOUNT");

            assertThat(fee.value()).isEqualTo(FEE);
            assertThat(fee.value().scale()).isEqualTo(2);
            assertThat(fee.raw()).isEqualTo("6360.31");
            assertThat(fee.reading()).isEqualTo(FigureCell.Reading.NUMBER);
            assertThat(new SheetCell(fee.sheet(), fee.cell())).isEqualTo(new SheetCell(T2, CellRef.parse("B19")));
        }

        @Test
        void readsEveryCoverFieldFromColumnB() throws Exception {
            SubmissionContent content = read(form.file);

            assertThat(content.cover()).containsExactlyEntriesOf(cover());
            for (int i = 0; i < FORM.cover().fields().size(); i++) {
                String key = FORM.cover().fields().get(i).key();
                assertThat(content.coverCells().get(key)).as(key).isEqualTo(new SheetCell(COVER, new CellRef(2 + i, 1)));
            }
        }

        @Test
        void readsTotalsFromTheirFormulasCachedResults() throws Exception {
            SubmissionContent content = read(form.file);

            assertThat(cellOf(form.file, T3, "J5").getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(content.figures().get("T3.NEW.TOTAL").value())
                    .isEqualTo(form.values.get("T3.NEW.TOTAL"))
                    .isEqualTo(sum(form.values, "T3.NEW.NAT", "T3.NEW.BIZ", "T3.NEW.RES", "T3.NEW.NGO", "T3.NEW.LAW",
                            "T3.NEW.OTH"));
            assertThat(content.figures().get("N.CLEANUP_TOTAL").value()).isEqualTo(sum(form.values,
                    "N.CLEANUP_NOTICE", "N.CLEANUP_DISCLOSURE", "N.CLEANUP_POLITICS", "N.CLEANUP_DOCS"));
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class LayoutFoundByLabels {

        @Test
        void blankRowInsertedAboveTable3Data() throws Exception {
            int firstDataRow = form.at("T3.NEW.NAT").cell().row();
            Path file = edit("t3-blank-row.xlsx", wb -> WorkbookEdits.insertRows(sheet(wb, T3), firstDataRow, 1));

            SubmissionContent content = read(file);

            assertThat(content.problems()).isEmpty();
            assertAllFigures(content, at -> at.sheet().equals(T3) ? moved(at, 1, 0) : at);
            assertThat(content.figures().get("T3.NEW.NAT").cell()).isEqualTo(CellRef.parse("D6"));
        }

        @Test
        void blankRowInsertedInsideTable3AboveTheTotalRow() throws Exception {
            int totalRow = form.at("T3.R7_TOTAL.NAT").cell().row();
            Path file = edit("t3-inner-row.xlsx", wb -> WorkbookEdits.insertRows(sheet(wb, T3), totalRow, 1));

            SubmissionContent content = read(file);

            assertThat(content.problems()).isEmpty();
            assertAllFigures(content, at -> at.sheet().equals(T3) && at.cell().row() >= totalRow ? moved(at, 1, 0) : at);
        }

        @Test
        void totalRowsAddedBelowTable2Blocks() throws Exception {
            int normRow = form.at("T2.NORM.ISSUED").cell().row();
            int coercionRow = form.at("T2.COERCION.DECISIONS").cell().row();
            Path file = edit("t2-total-rows.xlsx", wb -> {
                Sheet t2 = sheet(wb, T2);
                WorkbookEdits.insertRows(t2, normRow + 1, 1);
                cell(t2, normRow + 1, 0).setCellValue("合计");
                for (int col = 1; col <= 3; col++) {
                    cell(t2, normRow + 1, col).setCellFormula("SUM(" + CellRef.columnName(col) + (normRow)
                            + ":" + CellRef.columnName(col) + (normRow + 1) + ")");
                }
                WorkbookEdits.insertRows(t2, coercionRow + 2, 1);
                cell(t2, coercionRow + 2, 0).setCellValue("合计");
                cell(t2, coercionRow + 2, 1).setCellValue(9999);
                wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            });

            SubmissionContent content = read(file);

            assertThat(content.problems()).isEmpty();
            assertAllFigures(content, at -> {
                if (!at.sheet().equals(T2) || at.cell().row() <= normRow) {
                    return at;
                }
                return moved(at, at.cell().row() <= coercionRow ? 1 : 2, 0);
            });
            assertThat(content.figures().get("T2.FEE.AMOUNT").cell()).isEqualTo(CellRef.parse("B21"));
            assertThat(content.figures().values()).extracting(FigureCell::value).doesNotContain(new BigDecimal(9999));
        }

        @Test
        void table3MovedDownFiveRowsAndRightTwoColumns() throws Exception {
            Path file = edit("t3-moved.xlsx", wb -> {
                XSSFSheet t3 = sheet(wb, T3);
                t3.shiftRows(0, t3.getLastRowNum(), 5);
                t3.shiftColumns(0, 9, 2);
            });

            SubmissionContent content = read(file);

            assertThat(content.problems()).isEmpty();
            assertAllFigures(content, at -> at.sheet().equals(T3) ? moved(at, 5, 2) : at);
            assertThat(content.figures().get("T3.R7_TOTAL.TOTAL").cell()).isEqualTo(CellRef.parse("L33"));
        }

        @Test
        void allFiveSheetsPastedAsValuesIntoOneSheetOfAFreshWorkbook() throws Exception {
            Map<String, Integer> offsets = new LinkedHashMap<>();
            Path file = dir.resolve("one-sheet.xlsx");
            try (XSSFWorkbook source = WorkbookEdits.open(form.file); XSSFWorkbook fresh = new XSSFWorkbook()) {
                Sheet one = fresh.createSheet("Sheet1");
                int offset = 0;
                for (String name : FORM_SHEETS) {
                    offsets.put(name, offset);
                    offset += WorkbookEdits.pasteValues(source.getSheet(name), one, offset, 0, false) + 2;
                }
                assertThat(one.getNumMergedRegions()).isZero();
                WorkbookEdits.save(fresh, file);
            }

            SubmissionContent content = read(file);

            assertThat(content.problems()).isEmpty();
            assertAllFigures(content, at -> new SheetCell("Sheet1", new CellRef(at.cell().row() + offsets.get(at.sheet()),
                    at.cell().col())));
            assertThat(content.cover()).containsExactlyEntriesOf(cover());
            assertThat(content.coverCells().get(CoverField.UNIT_CODE)).isEqualTo(new SheetCell("Sheet1", CellRef.parse("B4")));
            // the stacked sheet has four 总计 header cells (表三 one, 表四 three) and a （七）总计 row: each went to its own item
            assertThat(content.figures().get("T4.REVIEW.TOTAL").cell().row()).isEqualTo(4 + offsets.get(T4));
            assertThat(content.figures().get("T3.R7_TOTAL.TOTAL").cell().row())
                    .isEqualTo(form.at("T3.R7_TOTAL.TOTAL").cell().row() + offsets.get(T3));
        }

        @Test
        void sheetsPastedIntoSheetsWithOtherNamesInAnotherOrderBesideADecoyNamed表三() throws Exception {
            Map<String, String> renamed = Map.of(COVER, "基本情况", T2, "Sheet2", T3, "依申请公开", T4, "复议诉讼",
                    INDICATORS, "统计");
            Path file = dir.resolve("renamed.xlsx");
            try (XSSFWorkbook source = WorkbookEdits.open(form.file); XSSFWorkbook fresh = new XSSFWorkbook()) {
                for (String name : List.of(INDICATORS, T3, T2, COVER, T4)) {
                    if (name.equals(T3)) {
                        // a sheet that carries the template's name but not the table: the unit's notes
                        cell(fresh.createSheet(T3), 0, 0).setCellValue("表三 见“依申请公开”工作表");
                    }
                    WorkbookEdits.pasteValues(source.getSheet(name), fresh.createSheet(renamed.get(name)), 0, 0, true);
                }
                WorkbookEdits.save(fresh, file);
            }

            SubmissionContent content = read(file);

            assertThat(content.problems()).isEmpty();
            assertAllFigures(content, at -> new SheetCell(renamed.get(at.sheet()), at.cell()));
            assertThat(content.coverCells().get(CoverField.UNIT_NAME)).isEqualTo(new SheetCell("基本情况", CellRef.parse("B3")));
        }

        @Test
        void headerTextBrokenByLineBreaksAndSpaces() throws Exception {
            Path file = edit("broken-headers.xlsx", wb -> {
                Sheet t3 = sheet(wb, T3);
                WorkbookEdits.retype(t3, "商业企业", "商业\n企业");
                WorkbookEdits.retype(t3, "自然人", "自 然 人");
                WorkbookEdits.retype(t3, "社会公益组织", "社会\r\n公益组织");
                WorkbookEdits.retype(t3, "法律服务机构", "法律服务\u3000机构");
                WorkbookEdits.retype(t3, "总计", " 总计 ");
                WorkbookEdits.retype(t3, "一、本年新收政府信息公开申请数量", "一、本年新收政府信息\n公开申请数量");
                WorkbookEdits.retype(t3, "（七）总计", "（七）\n总  计");
                WorkbookEdits.retype(t3, "1.属于国家秘密", "1. 属于国家秘密");
                Sheet t2 = sheet(wb, T2);
                WorkbookEdits.retype(t2, "本年制发件数", "本年制发\n件数");
                WorkbookEdits.retype(t2, "行政规范性文件", "行政规范性\n文件");
                WorkbookEdits.retype(t2, "第二十条第（五）项", "第二十条\n第（五）项");
                WorkbookEdits.retype(t2, "信息内容", "信息 内容");
                Sheet t4 = sheet(wb, T4);
                WorkbookEdits.retype(t4, "结果维持", "结果\n维持");
                WorkbookEdits.retype(t4, "未经复议直接起诉", "未经复议\n直接起诉");
                Sheet cover = sheet(wb, COVER);
                WorkbookEdits.retype(cover, "单位代码", "单位 代码");
                WorkbookEdits.retype(cover, "报告年度", "报告\n年度");
                WorkbookEdits.retype(sheet(wb, INDICATORS), "数值", "数 值");
            });

            SubmissionContent content = read(file);

            assertThat(content.problems()).isEmpty();
            assertAllFigures(content, UnaryOperator.identity());
            assertThat(content.cover()).containsExactlyEntriesOf(cover());
        }

        @Test
        void halfWidthBracketsAndColonsInsteadOfFullWidth() throws Exception {
            Path file = edit("half-width.xlsx", wb -> {
                for (String name : FORM_SHEETS) {
                    WorkbookEdits.rewriteTexts(sheet(wb, name),
                            s -> s.replace('（', '(').replace('）', ')').replace('：', ':').replace('、', ','));
                }
                assertThat(WorkbookEdits.find(sheet(wb, T3), "(七)总计")).isPresent();
                assertThat(WorkbookEdits.find(sheet(wb, T2), "第二十条第(一)项")).isPresent();
            });

            SubmissionContent content = read(file);

            assertThat(content.problems()).isEmpty();
            assertAllFigures(content, UnaryOperator.identity());
        }

        @Test
        void fullWidthDigitsAndPeriodsInRowLabels() throws Exception {
            Path file = edit("full-width-labels.xlsx", wb -> WorkbookEdits.rewriteTexts(sheet(wb, T3),
                    s -> s.matches("\\d\\..*") ? (char) (s.charAt(0) - '0' + '０') + "．" + s.substring(2) : s));

            SubmissionContent content = read(file);

            assertThat(cellOf(file, T3, "C9").getStringCellValue()).isEqualTo("１．属于国家秘密");
            assertThat(content.problems()).isEmpty();
            assertAllFigures(content, UnaryOperator.identity());
        }

        @Test
        void labelVariantsOfRealFiles() throws Exception {
            Path file = edit("variants.xlsx", wb -> {
                Sheet t2 = sheet(wb, T2);
                WorkbookEdits.retype(t2, "本年制发件数", "本年制发数量");
                WorkbookEdits.retype(t2, "行政规范性文件", "规范性文件");
                WorkbookEdits.retype(t2, "现行有效件数", "现行有效件");
                WorkbookEdits.retype(t2, "本年收费金额（单位：万元）", "本年收费金额（万元）");
                WorkbookEdits.retype(sheet(wb, T3), "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开");
            });

            SubmissionContent content = read(file);

            assertThat(content.problems()).isEmpty();
            assertAllFigures(content, UnaryOperator.identity());
            assertThat(content.figures().get("T2.NORM.ISSUED").value()).isEqualTo(form.values.get("T2.NORM.ISSUED"));
            assertThat(content.figures().get("T2.NORM.VALID").cell()).isEqualTo(CellRef.parse("D6"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"本年收费金额（万元）", "本年收费金额", "本年收费金额(单位:万元)", "本年收费金额\n（单位：万元）"})
        void feeColumnUnderEachOfItsHeaders(String header) throws Exception {
            Path file = edit("fee-header.xlsx", wb -> WorkbookEdits.retype(sheet(wb, T2), "本年收费金额（单位：万元）", header));

            SubmissionContent content = read(file);

            assertThat(content.problems()).isEmpty();
            assertThat(content.figures().get("T2.FEE.AMOUNT").value()).isEqualTo(FEE);
            assertThat(content.figures().get("T2.FEE.AMOUNT").cell()).isEqualTo(CellRef.parse("B19"));
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class Traps {

        @Test
        void row3其他UnderSixIsNotThe其他ApplicantColumn() throws Exception {
            SubmissionContent content = read(form.file);

            // 3.其他 is the stub of row 27; 其他 heads column I
            assertThat(cellOf(form.file, T3, "C27").getStringCellValue()).isEqualTo("3.其他");
            assertThat(cellOf(form.file, T3, "I4").getStringCellValue()).isEqualTo("其他");
            assertFigure(content, "T3.R6_3.NAT", T3, "D27");
            assertFigure(content, "T3.R6_3.OTH", T3, "I27");
            assertFigure(content, "T3.NEW.OTH", T3, "I5");
            assertFigure(content, "T3.R7_TOTAL.OTH", T3, "I28");
        }

        @Test
        void without其他ColumnNeitherRow3其他Nor其他结果IsTakenForIt() throws Exception {
            int othCol = form.at("T3.NEW.OTH").cell().col();
            Path file = edit("no-other-column.xlsx", wb -> {
                WorkbookEdits.freezeFormulas(sheet(wb, T3));
                WorkbookEdits.deleteColumn(sheet(wb, T3), othCol);
            });

            SubmissionContent content = read(file);

            assertThat(content.problems()).containsExactly(new ShapeProblem(T3,
                    "表三缺少“其他”列。请不要删除或改动表三的表头。"));
            assertThat(codes(content)).noneMatch(c -> c.startsWith("T3.") && c.endsWith(".OTH"));
            assertFigure(content, "T3.R6_3.NAT", T3, "D27");
            assertFigure(content, "T3.R6_3.TOTAL", T3, "I27", form.values.get("T3.R6_3.TOTAL"));
        }

        @Test
        void withoutRow3其他The其他ColumnIsStillRead() throws Exception {
            int row = form.at("T3.R6_3.NAT").cell().row();
            Path file = edit("no-other-row.xlsx", wb -> {
                WorkbookEdits.freezeFormulas(sheet(wb, T3));
                WorkbookEdits.deleteRow(sheet(wb, T3), row);
            });

            SubmissionContent content = read(file);

            assertThat(content.problems()).containsExactly(new ShapeProblem(T3,
                    "表三缺少“（六）其他处理 3.其他”一行。请使用标准模板，不要删除或合并表三的行。"));
            assertThat(content.legacyTable3Cell()).isEmpty();
            assertThat(codes(content)).noneMatch(c -> c.startsWith("T3.R6_3."));
            assertFigure(content, "T3.R6_2.OTH", T3, "I26");
            assertFigure(content, "T3.R7_TOTAL.OTH", T3, "I27");
        }

        @Test
        void the总计ColumnAndThe七总计RowMeetInOneCell() throws Exception {
            SubmissionContent content = read(form.file);

            assertFigure(content, "T3.NEW.TOTAL", T3, "J5");
            assertFigure(content, "T3.R7_TOTAL.NAT", T3, "D28");
            assertFigure(content, "T3.R7_TOTAL.TOTAL", T3, "J28");
            assertFigure(content, "T4.REVIEW.TOTAL", T4, "E5");
            assertFigure(content, "T4.SUIT_AFTER.TOTAL", T4, "O5");
        }

        @Test
        void table4PastedBeside表三PutsItsThree总计CellsInto表三sHeaderRows() throws Exception {
            // one sheet: 表四 at A1, 表三 to its right and one row lower, so 表四's 结果维持 … 总计 row is
            // 表三's header row of 总计 and 法人或其他组织, left of it
            Path file = dir.resolve("side-by-side.xlsx");
            try (XSSFWorkbook source = WorkbookEdits.open(form.file); XSSFWorkbook fresh = new XSSFWorkbook()) {
                for (String name : List.of(COVER, T2)) {
                    WorkbookEdits.pasteValues(source.getSheet(name), fresh.createSheet(name), 0, 0, true);
                }
                Sheet tables = fresh.createSheet("Sheet1");
                WorkbookEdits.pasteValues(source.getSheet(T4), tables, 0, 0, true);
                WorkbookEdits.pasteValues(source.getSheet(T3), tables, 1, 16, true);
                WorkbookEdits.pasteValues(source.getSheet(INDICATORS), fresh.createSheet(INDICATORS), 0, 0, true);
                assertThat(tables.getRow(3).getCell(4).getStringCellValue()).isEqualTo("总计");
                assertThat(tables.getRow(3).getCell(25).getStringCellValue()).isEqualTo("总计");
                WorkbookEdits.save(fresh, file);
            }

            SubmissionContent content = read(file);

            assertThat(content.problems()).isEmpty();
            assertAllFigures(content, at -> switch (at.sheet()) {
                case T3 -> new SheetCell("Sheet1", new CellRef(at.cell().row() + 1, at.cell().col() + 16));
                case T4 -> new SheetCell("Sheet1", at.cell());
                default -> at;
            });
            assertFigure(content, "T3.NEW.TOTAL", "Sheet1", "Z6");
            assertFigure(content, "T4.REVIEW.TOTAL", "Sheet1", "E5");
        }

        @Test
        void without总计ColumnThe七总计RowIsNotTakenForIt() throws Exception {
            int totalCol = form.at("T3.NEW.TOTAL").cell().col();
            Path file = edit("no-total-column.xlsx", wb -> WorkbookEdits.deleteColumn(sheet(wb, T3), totalCol));

            SubmissionContent content = read(file);

            assertThat(content.problems()).containsExactly(new ShapeProblem(T3,
                    "表三缺少“总计”列。请不要删除或改动表三的表头。"));
            assertThat(codes(content)).noneMatch(c -> c.startsWith("T3.") && c.endsWith(".TOTAL"));
            assertFigure(content, "T3.R7_TOTAL.NAT", T3, "D28");
            assertFigure(content, "T3.R7_TOTAL.OTH", T3, "I28");
        }

        @Test
        void without七总计RowThe总计ColumnIsStillRead() throws Exception {
            int totalRow = form.at("T3.R7_TOTAL.NAT").cell().row();
            Path file = edit("no-total-row.xlsx", wb -> {
                WorkbookEdits.freezeFormulas(sheet(wb, T3));
                WorkbookEdits.deleteRow(sheet(wb, T3), totalRow);
            });

            SubmissionContent content = read(file);

            assertThat(content.problems()).containsExactly(new ShapeProblem(T3,
                    "表三缺少“（七）总计”一行。请使用标准模板，不要删除或合并表三的行。"));
            assertThat(codes(content)).noneMatch(c -> c.startsWith("T3.R7_TOTAL."));
            assertFigure(content, "T3.R6_3.TOTAL", T3, "J27");
            assertFigure(content, "T3.CARRY_OUT.TOTAL", T3, "J28");
        }

        @Test
        void aTotalTypedOverItsFormulaIsReadAsTyped() throws Exception {
            Path file = write("typed-total.xlsx", new FormContent(cover(), inputs(), Map.of("T3.R4_1.TOTAL", 0)))
                    .file;

            SubmissionContent content = read(file);

            assertThat(content.figures().get("T3.R4_1.TOTAL").value()).isEqualTo(BigDecimal.ZERO);
            assertThat(content.figures().get("T3.R4_1.TOTAL").reading()).isEqualTo(FigureCell.Reading.NUMBER);
            assertThat(content.figures().get("T3.R4_1.NAT").value()).isEqualTo(form.values.get("T3.R4_1.NAT"));
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class Values {

        @ParameterizedTest(name = "[{index}] \"{0}\" → {1} {2}")
        @MethodSource("cn.gov.county.gkreport.read.SubmissionReaderTest#typedTexts")
        void aFigureTypedAsText(String typed, String expected, FigureCell.Reading reading) throws Exception {
            CellRef at = form.at("T3.R1.NAT").cell();
            Path file = edit("typed.xlsx", wb -> WorkbookEdits.setText(sheet(wb, T3), at, typed));

            FigureCell figure = read(file).figures().get("T3.R1.NAT");

            assertThat(figure.reading()).isEqualTo(reading);
            assertThat(figure.value()).isEqualTo(expected == null ? null : new BigDecimal(expected));
            assertThat(figure.raw()).isEqualTo(typed);
            assertThat(figure.cell()).isEqualTo(at);
            assertThat(figure.sheet()).isEqualTo(T3);
        }

        @Test
        void anAmountTypedAsTextWithSeparatorAndUnitKeepsItsCents() throws Exception {
            Path file = edit("fee-text.xlsx", wb -> WorkbookEdits.setText(sheet(wb, T2), form.at("T2.FEE.AMOUNT").cell(),
                    "6,360.31万元"));

            FigureCell fee = read(file).figures().get("T2.FEE.AMOUNT");

            assertThat(fee.value()).isEqualTo(FEE);
            assertThat(fee.reading()).isEqualTo(FigureCell.Reading.NUMBER);
            assertThat(fee.raw()).isEqualTo("6,360.31万元");
        }

        @Test
        void anEmptyCellIsAnImplicitZero() throws Exception {
            CellRef at = form.at("T3.R1.NAT").cell();
            Path file = edit("blank.xlsx", wb -> WorkbookEdits.remove(sheet(wb, T3), at));

            FigureCell figure = read(file).figures().get("T3.R1.NAT");

            assertThat(figure).isEqualTo(new FigureCell("T3.R1.NAT", T3, at, "", BigDecimal.ZERO,
                    FigureCell.Reading.IMPLICIT_ZERO));
        }

        @Test
        void aFormulaCellIsReadFromItsCachedValueNotRecomputed() throws Exception {
            CellRef at = form.at("T3.NEW.NAT").cell();
            BigDecimal before = form.values.get("T3.NEW.NAT");
            // POI keeps the stored result when a formula is put into a cell that had a value
            Path file = edit("cached.xlsx", wb -> cell(sheet(wb, T3), at).setCellFormula("1+1"));
            XSSFCell stored = (XSSFCell) cellOf(file, T3, at.a1());
            assertThat(stored.getCellFormula()).isEqualTo("1+1");
            assertThat(Double.parseDouble(stored.getCTCell().getV())).isEqualTo(before.doubleValue());

            FigureCell figure = read(file).figures().get("T3.NEW.NAT");

            assertThat(figure.value()).isEqualTo(before);
            assertThat(figure.reading()).isEqualTo(FigureCell.Reading.NUMBER);
        }

        @Test
        void anInputComputedByAFormulaIsItsResult() throws Exception {
            CellRef at = form.at("T2.LICENSE.DECISIONS").cell();
            Path file = edit("input-formula.xlsx", wb -> {
                Cell c = cell(sheet(wb, T2), at);
                c.setCellFormula("300+112");
                wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(c);
            });

            FigureCell figure = read(file).figures().get("T2.LICENSE.DECISIONS");

            assertThat(figure.value()).isEqualTo(new BigDecimal(412));
            assertThat(figure.reading()).isEqualTo(FigureCell.Reading.NUMBER);
        }

        @Test
        void aFormulaSavedWithoutResultByPoi() throws Exception {
            CellRef at = form.at("T3.R1.NAT").cell();
            Path file = edit("no-result.xlsx", wb -> {
                Sheet t3 = sheet(wb, T3);
                WorkbookEdits.remove(t3, at);
                cell(t3, at).setCellFormula("E7+F7");
            });
            assertThat(((XSSFCell) cellOf(file, T3, at.a1())).getCTCell().isSetV()).isFalse();

            SubmissionContent content = read(file);
            FigureCell figure = content.figures().get("T3.R1.NAT");

            // computed as Excel would on opening the file (E7 + F7 of the written workbook), and said once
            BigDecimal expected = content.figures().get("T3.R1.BIZ").value().add(content.figures().get("T3.R1.RES").value());
            assertThat(figure).isEqualTo(new FigureCell("T3.R1.NAT", T3, at, expected.toPlainString(), expected,
                    FigureCell.Reading.NUMBER));
            assertThat(content.notes()).singleElement().satisfies(n -> {
                assertThat(n.ruleId()).isEqualTo("FORMULA");
                assertThat(n.error()).isFalse();
                assertThat(n.message()).contains("1 个公式单元格没有保存计算结果").contains(T3 + "!" + at.a1() + " =E7+F7");
            });
        }

        @Test
        void aFormulaWhoseResultWasRemovedFromTheSheetXml() throws Exception {
            Path file = dir.resolve("hand-edited.xlsx");
            String sheet3 = "xl/worksheets/sheet3.xml";
            rewriteZipEntry(form.file, file, sheet3, xml -> {
                String edited = xml.replaceFirst("(<c r=\"J5\"[^>]*>\\s*<f>[^<]*</f>)\\s*<v>[^<]*</v>", "$1");
                assertThat(edited).isNotEqualTo(xml).contains("<f>SUM(D5,E5,F5,G5,H5,I5)</f></c>");
                return edited;
            });

            SubmissionContent content = read(file);

            BigDecimal sum = Stream.of("NAT", "BIZ", "RES", "NGO", "LAW", "OTH")
                    .map(c -> content.figures().get("T3.NEW." + c).value()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(content.figures().get("T3.NEW.TOTAL")).isEqualTo(new FigureCell("T3.NEW.TOTAL", T3,
                    CellRef.parse("J5"), sum.toPlainString(), sum, FigureCell.Reading.NUMBER));
            assertThat(content.notes()).extracting(ReadNote::ruleId).containsExactly("FORMULA");
            assertThat(content.figures().get("T3.CARRIED_IN.TOTAL").reading()).isEqualTo(FigureCell.Reading.NUMBER);
        }

        @Test
        void aFormulaWithoutResultThatIsNotASumStaysWithoutValue() throws Exception {
            CellRef at = form.at("T3.R1.NAT").cell();
            CellRef loop = form.at("T3.R2.NAT").cell();
            Path file = edit("no-result-product.xlsx", wb -> {
                Sheet t3 = sheet(wb, T3);
                WorkbookEdits.remove(t3, at);
                cell(t3, at).setCellFormula("E7*F7");
                WorkbookEdits.remove(t3, loop);
                cell(t3, loop).setCellFormula(loop.a1() + "+1");
            });

            SubmissionContent content = read(file);

            assertThat(content.figures().get("T3.R1.NAT").reading()).isEqualTo(FigureCell.Reading.FORMULA_WITHOUT_VALUE);
            assertThat(content.figures().get("T3.R2.NAT").reading()).isEqualTo(FigureCell.Reading.FORMULA_WITHOUT_VALUE);
            assertThat(content.notes()).isEmpty();
        }

        @Test
        void errorValuesConstantOrComputed() throws Exception {
            Path file = edit("errors.xlsx", wb -> {
                Sheet t3 = sheet(wb, T3);
                cell(t3, form.at("T3.R1.NAT").cell()).setCellErrorValue(FormulaError.REF.getCode());
                Cell divided = cell(t3, form.at("T3.R1.BIZ").cell());
                divided.setCellFormula("1/0");
                Cell missing = cell(t3, form.at("T3.R1.RES").cell());
                missing.setCellFormula("NA()");
                wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
                assertThat(divided.getCachedFormulaResultType()).isEqualTo(CellType.ERROR);
            });

            SubmissionContent content = read(file);

            assertReading(content, "T3.R1.NAT", FigureCell.Reading.FORMULA_ERROR, "#REF!");
            assertReading(content, "T3.R1.BIZ", FigureCell.Reading.FORMULA_ERROR, "#DIV/0!");
            assertReading(content, "T3.R1.RES", FigureCell.Reading.FORMULA_ERROR, "#N/A");
            // the row's total computed from an error is an error too
            assertReading(content, "T3.R1.TOTAL", FigureCell.Reading.FORMULA_ERROR, "#REF!");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"yyyy-mm-dd", "m/d/yy", "yyyy\"年\"m\"月\"d\"日\"", "h:mm"})
        void aDateFormattedNumberIsADate(String format) throws Exception {
            CellRef at = form.at("T3.R1.NAT").cell();
            Path file = edit("date.xlsx", wb -> {
                CellStyle date = wb.createCellStyle();
                date.setDataFormat(wb.createDataFormat().getFormat(format));
                Cell c = cell(sheet(wb, T3), at);
                c.setCellValue(45000);
                c.setCellStyle(date);
            });

            FigureCell figure = read(file).figures().get("T3.R1.NAT");

            assertThat(figure.reading()).isEqualTo(FigureCell.Reading.DATE);
            assertThat(figure.value()).isNull();
            assertThat(figure.raw()).isEqualTo("45000");
        }

        @Test
        void aBooleanIsNotANumber() throws Exception {
            CellRef at = form.at("T3.R1.NAT").cell();
            Path file = edit("boolean.xlsx", wb -> cell(sheet(wb, T3), at).setCellValue(true));

            assertReading(read(file), "T3.R1.NAT", FigureCell.Reading.NOT_A_NUMBER, "TRUE");
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class Versions {

        @Test
        void table3Of2019WithOneRowFor六其他处理() throws Exception {
            Path file = edit("t3-2019.xlsx", wb -> {
                CellRef legacy = WorkbookEdits.toLegacyTable3(sheet(wb, T3),
                        FORM.table3().row("R6_1").orElseThrow().label(), "（六）其他处理", 3, 9);
                assertThat(legacy).isEqualTo(CellRef.parse("B25"));
            });

            SubmissionContent content = read(file);

            assertThat(content.problems()).isEmpty();
            assertThat(content.legacyTable3Cell()).contains(new SheetCell(T3, CellRef.parse("B25")));
            for (String column : List.of("NAT", "BIZ", "RES", "NGO", "LAW", "OTH", "TOTAL")) {
                String code = "T3.R6_3." + column;
                assertFigure(content, code, T3, CellRef.columnName(3 + List.of("NAT", "BIZ", "RES", "NGO", "LAW", "OTH",
                        "TOTAL").indexOf(column)) + "25", sum(form.values, "T3.R6_1." + column, "T3.R6_2." + column, code));
                assertThat(content.figures()).doesNotContainKeys("T3.R6_1." + column, "T3.R6_2." + column);
            }
            assertFigure(content, "T3.R7_TOTAL.TOTAL", T3, "J26", form.values.get("T3.R7_TOTAL.TOTAL"));
            assertFigure(content, "T3.CARRY_OUT.NAT", T3, "D27", form.values.get("T3.CARRY_OUT.NAT"));

            List<Finding> findings = check(content);
            assertThat(findings).filteredOn(f -> f.ruleId().equals("V-2019"))
                    .extracting(Finding::sheet, Finding::cell).containsExactly(tuple(T3, "B25"));
            // the single row holds the sums of the three leaves, so （七）总计 still adds up (T3-BAL fails anyway:
            // every input of this workbook is a different number)
            assertThat(findings).extracting(Finding::ruleId).doesNotContain("SHAPE", "T3-SUM", "T3-ROW");
        }

        @Test
        void table2Of2019IsOneShapeProblemNamingTheCurrentTemplate() throws Exception {
            Path file = edit("t2-2019.xlsx", wb -> WorkbookEdits.replaceWithTable2Of2019(wb, T2));

            SubmissionContent content = read(file);

            assertThat(content.problems()).hasSize(1);
            ShapeProblem problem = content.problems().get(0);
            assertThat(problem.sheet()).isEqualTo(T2);
            assertThat(problem.message()).contains("2019", "“" + TEMPLATE_NAME + "”", "国办公开办函〔2021〕30号");
            assertThat(codes(content)).noneMatch(c -> c.startsWith("T2."));
            assertThat(codes(content)).hasSize((int) FORM.items().stream().filter(i -> !i.code().startsWith("T2.")).count());
            assertThat(check(content)).filteredOn(f -> f.ruleId().equals("SHAPE")).hasSize(1);
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class Shape {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "封面|找不到封面（没有“单位名称”一栏）|-",
                "表二|找不到表二（二、主动公开政府信息情况）：没有“第二十条第（一）项”标题|T2.",
                "表三|找不到表三（三、收到和处理政府信息公开申请情况）：没有“一、本年新收政府信息公开申请数量”一行|T3.",
                "表四|找不到表四（四、政府信息公开行政复议、行政诉讼情况）：没有“行政复议”表头|T4."})
        void aMissingSheetIsOneShapeProblem(String sheetName, String message, String codePrefix) throws Exception {
            Path file = edit("missing.xlsx", wb -> wb.removeSheetAt(wb.getSheetIndex(sheetName)));

            SubmissionContent content = read(file);

            assertThat(content.problems()).hasSize(1);
            assertThat(content.problems().get(0).sheet()).isEqualTo(sheetName);
            assertThat(content.problems().get(0).message()).startsWith(message);
            Set<String> expected = FORM.items().stream().map(FormItem::code).filter(c -> !c.startsWith(codePrefix))
                    .collect(Collectors.toSet());
            assertThat(content.figures().keySet()).isEqualTo(expected);
            if (sheetName.equals(COVER)) {
                assertThat(content.cover()).isEmpty();
                assertThat(content.coverCells()).isEmpty();
            } else {
                assertThat(content.cover()).containsExactlyEntriesOf(cover());
            }
        }

        @Test
        void aMissingIndicatorSheetIsOneWarningAndNoIndicators() throws Exception {
            Path file = edit("no-indicators.xlsx", wb -> wb.removeSheetAt(wb.getSheetIndex("总体情况")));

            SubmissionContent content = read(file);

            assertThat(content.problems()).isEmpty();
            assertThat(content.notes()).singleElement().satisfies(n -> {
                assertThat(n.ruleId()).isEqualTo("N-ABSENT");
                assertThat(n.error()).isFalse();
                assertThat(n.message()).contains("没有“总体情况”工作表").contains("表二、表三、表四照常计入");
            });
            assertThat(content.figures().keySet()).noneMatch(code -> code.startsWith("N.")).contains("T4.REVIEW.TOTAL");
        }

        @Test
        void aDeletedTable3RowIsNamedWithItsGroup() throws Exception {
            int row = form.at("T3.R4_2.NAT").cell().row();
            Path file = edit("t3-row-deleted.xlsx", wb -> {
                WorkbookEdits.freezeFormulas(sheet(wb, T3));
                WorkbookEdits.deleteRow(sheet(wb, T3), row);
            });

            SubmissionContent content = read(file);

            assertThat(content.problems()).containsExactly(new ShapeProblem(T3,
                    "表三缺少“（四）无法提供 2.没有现成信息需要另行制作”一行。请使用标准模板，不要删除或合并表三的行。"));
            assertThat(codes(content)).noneMatch(c -> c.startsWith("T3.R4_2."));
            assertThat(content.figures()).hasSize(FORM.items().size() - 7);
            assertFigure(content, "T3.R4_3.NAT", T3, "D18");
            assertFigure(content, "T3.R4_1.NAT", T3, "D17");
        }

        @Test
        void aDeletedTable2RowIsReportedOnce() throws Exception {
            int row = form.at("T2.COERCION.DECISIONS").cell().row();
            Path file = edit("t2-row-deleted.xlsx", wb -> WorkbookEdits.deleteRow(sheet(wb, T2), row));

            SubmissionContent content = read(file);

            assertThat(content.problems()).containsExactly(new ShapeProblem(T2, "表二“第二十条第（六）项”缺少“行政强制”行。"));
            assertThat(content.figures()).doesNotContainKey("T2.COERCION.DECISIONS");
            assertFigure(content, "T2.FEE.AMOUNT", T2, "B18", FEE);
        }

        @Test
        void aDeletedTable3ColumnIsOneProblemAndTheOthersMoveLeft() throws Exception {
            int col = form.at("T3.NEW.RES").cell().col();
            Path file = edit("t3-column-deleted.xlsx", wb -> {
                WorkbookEdits.freezeFormulas(sheet(wb, T3));
                WorkbookEdits.deleteColumn(sheet(wb, T3), col);
            });

            SubmissionContent content = read(file);

            assertThat(content.problems()).containsExactly(new ShapeProblem(T3,
                    "表三缺少“科研机构”列。请不要删除或改动表三的表头。"));
            assertThat(codes(content)).noneMatch(c -> c.endsWith(".RES"));
            assertAllFiguresExcept(content, at -> at.sheet().equals(T3) && at.cell().col() > col ? moved(at, 0, -1) : at,
                    c -> c.endsWith(".RES"));
        }

        @Test
        void deletedColumnsOfTable2AndTable4() throws Exception {
            Path file = edit("t2-t4-columns-deleted.xlsx", wb -> {
                WorkbookEdits.deleteColumn(sheet(wb, T2), form.at("T2.NORM.VALID").cell().col());
                WorkbookEdits.freezeFormulas(sheet(wb, T4));
                WorkbookEdits.deleteColumn(sheet(wb, T4), form.at("T4.REVIEW.OTHER").cell().col());
            });

            SubmissionContent content = read(file);

            assertThat(content.problems()).containsExactly(
                    new ShapeProblem(T2, "表二“第二十条第（一）项”缺少“现行有效件数”列。"),
                    new ShapeProblem(T4, "表四“行政复议”缺少“其他结果”栏。"));
            assertThat(content.figures()).doesNotContainKeys("T2.REG.VALID", "T2.NORM.VALID", "T4.REVIEW.OTHER");
            assertFigure(content, "T4.REVIEW.PENDING", T4, "C5");
            assertFigure(content, "T4.SUIT_DIRECT.UPHELD", T4, "E5");
        }

        @Test
        void aCoverWithoutUnitNameIsAShapeProblem() throws Exception {
            Path file = edit("cover-no-name.xlsx", wb -> WorkbookEdits.retype(sheet(wb, COVER), "单位名称", "名称"));

            SubmissionContent content = read(file);

            assertThat(content.problems()).extracting(ShapeProblem::sheet).containsExactly(COVER);
            assertThat(content.problems().get(0).message()).startsWith("找不到封面（没有“单位名称”一栏）");
            assertThat(content.cover()).isEmpty();
        }

        @Test
        void aCoverStrippedToLabelsAndValuesIsStillRead() throws Exception {
            Path file = edit("cover-bare.xlsx", wb -> {
                int index = wb.getSheetIndex(COVER);
                wb.removeSheetAt(index);
                Sheet bare = wb.createSheet(COVER);
                wb.setSheetOrder(COVER, index);
                int row = 0;
                for (CoverField field : FORM.cover().fields()) {
                    cell(bare, row, 0).setCellValue(field.label());
                    cell(bare, row, 1).setCellValue(cover().get(field.key()));
                    row++;
                }
            });

            SubmissionContent content = read(file);

            assertThat(content.problems()).isEmpty();
            assertThat(content.cover()).containsExactlyEntriesOf(cover());
            assertThat(content.coverCells().get(CoverField.FILL_DATE)).isEqualTo(new SheetCell(COVER, CellRef.parse("B8")));
        }

        @Test
        void aCoverLabelMergedOverTwoColumnsWithTheValueFurtherRight() throws Exception {
            Path file = edit("cover-merged.xlsx", wb -> {
                int index = wb.getSheetIndex(COVER);
                wb.removeSheetAt(index);
                Sheet cover = wb.createSheet(COVER);
                wb.setSheetOrder(COVER, index);
                int row = 3;
                for (CoverField field : FORM.cover().fields()) {
                    cell(cover, row, 1).setCellValue(field.label());
                    cover.addMergedRegion(new CellRangeAddress(row, row, 1, 2));
                    cell(cover, row, 4).setCellValue(" " + cover().get(field.key()) + " ");
                    row++;
                }
            });

            SubmissionContent content = read(file);

            assertThat(content.problems()).isEmpty();
            assertThat(content.cover()).containsExactlyEntriesOf(cover());
            assertThat(content.coverCells().get(CoverField.UNIT_NAME)).isEqualTo(new SheetCell(COVER, CellRef.parse("E4")));
        }
    }

    /** What clerks type into a figure cell, and how it must read. */
    static Stream<Arguments> typedTexts() {
        return Stream.of(
                Arguments.of("70", "70", FigureCell.Reading.NUMBER),
                Arguments.of("７０", "70", FigureCell.Reading.NUMBER),
                Arguments.of("1,234", "1234", FigureCell.Reading.NUMBER),
                Arguments.of("１，２３４", "1234", FigureCell.Reading.NUMBER),
                Arguments.of("12,345,678", "12345678", FigureCell.Reading.NUMBER),
                Arguments.of("18件", "18", FigureCell.Reading.NUMBER),
                Arguments.of("18 件", "18", FigureCell.Reading.NUMBER),
                Arguments.of("２３条", "23", FigureCell.Reading.NUMBER),
                Arguments.of("+5", "5", FigureCell.Reading.NUMBER),
                Arguments.of(" 12 ", "12", FigureCell.Reading.NUMBER),
                Arguments.of("\u00A012\u3000", "12", FigureCell.Reading.NUMBER),
                Arguments.of("12.0", "12", FigureCell.Reading.NUMBER),
                Arguments.of("-", "0", FigureCell.Reading.IMPLICIT_ZERO),
                Arguments.of("—", "0", FigureCell.Reading.IMPLICIT_ZERO),
                Arguments.of("——", "0", FigureCell.Reading.IMPLICIT_ZERO),
                Arguments.of("/", "0", FigureCell.Reading.IMPLICIT_ZERO),
                Arguments.of("无", "0", FigureCell.Reading.IMPLICIT_ZERO),
                Arguments.of("零", "0", FigureCell.Reading.IMPLICIT_ZERO),
                Arguments.of(" 无 ", "0", FigureCell.Reading.IMPLICIT_ZERO),
                Arguments.of("   ", "0", FigureCell.Reading.IMPLICIT_ZERO),
                Arguments.of("详见附表", null, FigureCell.Reading.NOT_A_NUMBER),
                Arguments.of("约200", null, FigureCell.Reading.NOT_A_NUMBER),
                Arguments.of("1,23", null, FigureCell.Reading.NOT_A_NUMBER),
                Arguments.of("200余", null, FigureCell.Reading.NOT_A_NUMBER),
                Arguments.of("5-6", null, FigureCell.Reading.NOT_A_NUMBER));
    }

    // ---------------------------------------------------------------------------------------------

    /** A written workbook: where every item went and the numbers it holds (totals included). */
    record Written(Path file, Map<String, SheetCell> positions, Map<String, BigDecimal> values) {
        SheetCell at(String code) {
            return positions.get(code);
        }
    }

    /** A county department's cover, as FormFiles writes it into column B. */
    static Map<String, String> cover() {
        Map<String, String> cover = new LinkedHashMap<>();
        cover.put(CoverField.UNIT_NAME, "县人民政府办公室");
        cover.put(CoverField.UNIT_CODE, "D01");
        cover.put(CoverField.UNIT_TYPE, "县直单位");
        cover.put(CoverField.YEAR, "2024");
        cover.put(CoverField.FORM_VERSION, FORM.id());
        cover.put(CoverField.CONTACT, "张三");
        cover.put(CoverField.PHONE, "0356-3033064");
        cover.put(CoverField.FILL_DATE, "2025-01-20");
        return cover;
    }

    /** A different number in every input (1, 2, 3 … in form order), the fee 6360.31. */
    static Map<String, BigDecimal> inputs() {
        Map<String, BigDecimal> inputs = new HashMap<>();
        int next = 1;
        for (FormItem item : FORM.items()) {
            if (!item.derived()) {
                inputs.put(item.code(), BigDecimal.valueOf(next++));
            }
        }
        inputs.put("T2.FEE.AMOUNT", FEE);
        return inputs;
    }

    private Written write(String name) throws IOException {
        return write(name, new FormContent(cover(), inputs(), Map.of()));
    }

    private Written write(String name, FormContent content) throws IOException {
        Path file = dir.resolve(name);
        Map<String, SheetCell> positions = new FormFiles(FORM).write(file, content);
        return new Written(file, positions, FORM.withDerivedTotals(content.values()));
    }

    private Path edit(String name, WorkbookEdits.WorkbookEdit edit) throws IOException {
        return WorkbookEdits.edit(form.file, dir.resolve(name), edit);
    }

    private SubmissionContent read(Path file) throws UnreadableWorkbookException {
        return reader.read(file);
    }

    static List<Finding> check(SubmissionContent content) throws IOException {
        Roster roster = Roster.read(Path.of("jobs/roster.csv"), "泽州县");
        return SubmissionChecker.allRules().check(new CheckContext(FORM, roster, 2024, content,
                Identification.of(content, roster, FORM, 2024).unit(), Optional.empty(),
                CheckContext.Scope.UNIT_SUBMISSION));
    }

    private static SheetCell moved(SheetCell at, int rows, int cols) {
        return new SheetCell(at.sheet(), new CellRef(at.cell().row() + rows, at.cell().col() + cols));
    }

    private static Set<String> codes(SubmissionContent content) {
        return content.figures().keySet();
    }

    private static BigDecimal sum(Map<String, BigDecimal> values, String... codes) {
        return Stream.of(codes).map(values::get).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Every item of the form read as the number written, from where {@code where} says it now is. */
    private void assertAllFigures(SubmissionContent content, UnaryOperator<SheetCell> where) {
        assertThat(codes(content)).containsExactlyInAnyOrderElementsOf(form.positions.keySet());
        assertAllFiguresExcept(content, where, code -> false);
    }

    private void assertAllFiguresExcept(SubmissionContent content, UnaryOperator<SheetCell> where,
                                        Predicate<String> absent) {
        List<String> wrong = new ArrayList<>();
        for (FormItem item : FORM.items()) {
            if (absent.test(item.code())) {
                continue;
            }
            FigureCell figure = content.figures().get(item.code());
            SheetCell expectedAt = where.apply(form.at(item.code()));
            BigDecimal expected = form.values.get(item.code());
            if (figure == null) {
                wrong.add(item.code() + " missing");
            } else if (!expected.equals(figure.value()) || figure.reading() != FigureCell.Reading.NUMBER
                    || !expectedAt.equals(new SheetCell(figure.sheet(), figure.cell()))) {
                wrong.add(item.code() + ": expected " + expected + " at " + expectedAt + " but read " + figure);
            }
        }
        assertThat(wrong).as("figures read wrongly").isEmpty();
    }

    private void assertFigure(SubmissionContent content, String code, String sheet, String a1) {
        assertFigure(content, code, sheet, a1, form.values.get(code));
    }

    private static void assertFigure(SubmissionContent content, String code, String sheet, String a1, BigDecimal value) {
        FigureCell figure = content.figures().get(code);
        assertThat(figure).as(code).isNotNull();
        assertThat(new SheetCell(figure.sheet(), figure.cell())).as(code).isEqualTo(new SheetCell(sheet, CellRef.parse(a1)));
        assertThat(figure.value()).as(code).isEqualTo(value);
        assertThat(figure.reading()).as(code).isEqualTo(FigureCell.Reading.NUMBER);
    }

    private static void assertReading(SubmissionContent content, String code, FigureCell.Reading reading, String raw) {
        FigureCell figure = content.figures().get(code);
        assertThat(figure.reading()).as(code).isEqualTo(reading);
        assertThat(figure.raw()).as(code).isEqualTo(raw);
        assertThat(figure.value()).as(code).isNull();
    }

    private static Cell cellOf(Path file, String sheet, String a1) throws IOException {
        try (XSSFWorkbook workbook = WorkbookEdits.open(file)) {
            return cell(workbook.getSheet(sheet), CellRef.parse(a1));
        }
    }

    /** Copies a zip, passing one entry's text through {@code rewrite}. */
    private static void rewriteZipEntry(Path from, Path to, String entryName, UnaryOperator<String> rewrite)
            throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = readAll(in);
                if (entry.getName().equals(entryName)) {
                    bytes = rewrite.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }
}
