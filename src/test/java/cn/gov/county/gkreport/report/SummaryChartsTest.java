package cn.gov.county.gkreport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.OutputLayout;
import cn.gov.county.gkreport.demo.DemoSubmissions;
import cn.gov.county.gkreport.support.DemoInput;
import cn.gov.county.gkreport.support.OnFreshH2Test;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The native charts on 汇总表, read back from the written workbook as Excel would: three charts on
 * the summary sheet, each series a reference to cells of the same sheet whose values are the
 * figures (and the chart's cached values agree with those cells), after a year consolidated with
 * the departments only and the demo year.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryChartsTest extends OnFreshH2Test {

    private static final int YEAR = DemoInput.YEAR;

    @Autowired
    ReportRepository queries;

    XSSFWorkbook workbook;
    XSSFSheet summary;
    List<XSSFChart> charts;

    @BeforeAll
    void consolidateTwoYears(@TempDir Path work) throws Exception {
        Path input = work.resolve("input");
        Path lastYear = input.resolve(Integer.toString(YEAR - 1));
        new DemoSubmissions(form, roster, YEAR - 1).writeAll(lastYear);
        try (var files = Files.list(lastYear)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("T")).toList()) {
                Files.delete(f);
            }
        }
        assertThat(run(YEAR - 1, input, work.resolve("output"))).isZero();
        DemoInput.copyTo(input);
        assertThat(run(YEAR, input, work.resolve("output"))).isZero();
        Path file = new OutputLayout(work.resolve("output"), YEAR).consolidatedWorkbook();
        workbook = new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ));
        summary = workbook.getSheet("汇总表");
        charts = summary.getDrawingPatriarch().getCharts();
    }

    private int run(int year, Path input, Path output) throws Exception {
        return command.execute(year, input.toString(), output.toString(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).exitCode();
    }

    private XSSFChart chart(String titlePrefix) {
        return charts.stream().filter(c -> c.getTitleText().getString().startsWith(titlePrefix)).findFirst().orElseThrow();
    }

    /** The cells a series' values refer to, read from the sheet. */
    private List<String> cells(String reference) {
        AreaReference area = new AreaReference(reference, workbook.getSpreadsheetVersion());
        assertThat(area.getFirstCell().getSheetName()).isEqualTo("汇总表");
        DataFormatter formatter = new DataFormatter();
        return java.util.Arrays.stream(area.getAllReferencedCells())
                .map(ref -> formatter.formatCellValue(summary.getRow(ref.getRow()).getCell(ref.getCol())).replace(",", ""))
                .toList();
    }

    private static XDDFChartData.Series series(XSSFChart chart, int index) {
        return chart.getChartSeries().get(0).getSeries(index);
    }

    @Test
    void hasThreeChartsOnTheSummarySheet() {
        assertThat(charts).hasSize(3);
        assertThat(charts).extracting(c -> c.getTitleText().getString())
                .containsExactlyInAnyOrder(SummaryCharts.STATUS_TITLE, SummaryCharts.YEAR_TITLE + "（对数刻度）",
                        SummaryCharts.APPLICATIONS_TITLE);
    }

    @Test
    void countsUnitsByStatus() {
        XDDFChartData.Series units = series(chart(SummaryCharts.STATUS_TITLE), 0);
        assertThat(cells(units.getCategoryData().getDataRangeReference())).containsExactly("已接收", "未通过", "审核退回", "未报送");
        assertThat(cells(units.getValuesData().getDataRangeReference())).containsExactly("39", "1", "0", "1");
        assertThat(units.getValuesData().getPointAt(0)).isEqualTo(39.0);
    }

    @Test
    void showsNewApplicationsByUnitLargestFirst() {
        XSSFChart chart = chart(SummaryCharts.APPLICATIONS_TITLE);
        assertThat(((XDDFBarChartData) chart.getChartSeries().get(0)).getBarDirection().name()).isEqualTo("BAR");
        XDDFChartData.Series applications = series(chart, 0);
        List<String> units = cells(applications.getCategoryData().getDataRangeReference());
        List<String> values = cells(applications.getValuesData().getDataRangeReference());
        assertThat(units.get(0)).isEqualTo("县应急管理局");
        assertThat(values.get(0)).isEqualTo("18");
        assertThat(values.stream().mapToInt(Integer::parseInt).sum()).isEqualTo(70);
        assertThat(units).doesNotContain(roster.byCode(DemoSubmissions.REJECTED_UNIT).orElseThrow().name());
    }

    @Test
    void comparesTheKeyFiguresWithLastYear() {
        XSSFChart chart = chart(SummaryCharts.YEAR_TITLE);
        XDDFChartData.Series thisYear = series(chart, 0);
        XDDFChartData.Series lastYear = series(chart, 1);
        var ser = chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray();
        assertThat(ser).extracting(x -> x.getTx().getV()).containsExactly(YEAR + "年", (YEAR - 1) + "年");
        List<String> labels = cells(thisYear.getCategoryData().getDataRangeReference());
        Map<String, BigDecimal> before = queries.latestCountyFigures(YEAR - 1).orElseThrow();
        int licences = labels.indexOf("行政许可决定");
        assertThat(cells(thisYear.getValuesData().getDataRangeReference()).get(licences)).isEqualTo("6948");
        assertThat(cells(lastYear.getValuesData().getDataRangeReference()).get(licences))
                .isEqualTo(before.get("T2.LICENSE.DECISIONS").stripTrailingZeros().toPlainString());
        assertThat(lastYear.getValuesData().getPointAt(licences).doubleValue())
                .isEqualTo(before.get("T2.LICENSE.DECISIONS").doubleValue()).isLessThan(6948.0);
        XDDFValueAxis axis = (XDDFValueAxis) chart.getAxes().stream().filter(a -> a instanceof XDDFValueAxis)
                .findFirst().orElseThrow();
        assertThat(axis.getLogBase()).isEqualTo(10.0);
    }

    @Test
    void keepsTheChartsOffTheSummaryLinesAndTheirTablesOutOfPrint() {
        assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("泽州县2024年政府信息公开工作年度报告汇总表");
        int lastSummaryRow = 0;
        while (summary.getRow(lastSummaryRow + 1) != null
                && summary.getRow(lastSummaryRow + 1).getCell(0) != null
                && !summary.getRow(lastSummaryRow + 1).getCell(0).getStringCellValue().startsWith("图表数据")) {
            lastSummaryRow++;
        }
        int pageBreak = summary.getRowBreaks()[0];
        assertThat(pageBreak).isGreaterThanOrEqualTo(lastSummaryRow - 1);
        // page 1: the status chart right of the summary's two columns; page 2: the other two
        XSSFClientAnchor status = anchor(SummaryCharts.STATUS_TITLE);
        assertThat((int) status.getCol1()).isGreaterThan(1);
        assertThat(status.getRow2()).isLessThanOrEqualTo(pageBreak);
        for (String title : List.of(SummaryCharts.APPLICATIONS_TITLE, SummaryCharts.YEAR_TITLE)) {
            assertThat(anchor(title).getRow1()).as(title).isGreaterThan(pageBreak);
        }
        assertThat((int) anchor(SummaryCharts.YEAR_TITLE).getCol1())
                .isGreaterThanOrEqualTo((int) anchor(SummaryCharts.APPLICATIONS_TITLE).getCol2());
        // the chart tables (图表数据) lie below the print area
        String printArea = workbook.getPrintArea(workbook.getSheetIndex(summary));
        AreaReference area = new AreaReference(printArea.substring(printArea.indexOf('!') + 1), workbook.getSpreadsheetVersion());
        int tablesRow = java.util.stream.IntStream.rangeClosed(0, summary.getLastRowNum())
                .filter(r -> summary.getRow(r) != null && summary.getRow(r).getCell(0) != null
                        && summary.getRow(r).getCell(0).getStringCellValue().startsWith("图表数据"))
                .findFirst().orElseThrow();
        assertThat(area.getLastCell().getRow()).isLessThan(tablesRow);
        assertThat(area.getLastCell().getRow()).isGreaterThanOrEqualTo(anchor(SummaryCharts.APPLICATIONS_TITLE).getRow2() - 1);
    }

    private XSSFClientAnchor anchor(String titlePrefix) {
        // the drawing's frames and its charts are both in the order they were made
        var frames = summary.getDrawingPatriarch().getShapes();
        assertThat(frames).hasSameSizeAs(charts);
        return (XSSFClientAnchor) frames.get(charts.indexOf(chart(titlePrefix))).getAnchor();
    }
}
