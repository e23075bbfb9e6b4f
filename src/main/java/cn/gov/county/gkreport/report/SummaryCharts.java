package cn.gov.county.gkreport.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.consolidate.KeyFigures.KeyFigure;
import cn.gov.county.gkreport.consolidate.KeyFigures;
import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.report.UnitStanding.Standing;
import cn.gov.county.gkreport.sheet.SheetRows;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;

/**
 * Native charts on 汇总表, where reviewers already look: units by status, 依申请公开 new applications
 * by unit, and the key county figures against last year. Each chart reads a small table written
 * below the summary (图表数据), so Excel, WPS and LibreOffice draw it from cells a reviewer can check;
 * the cached values make it show before any recalculation. The workbook is streamed (SXSSF), whose
 * sheets have no drawing of their own: the charts go on the underlying XSSF sheet, which SXSSF
 * writes around the streamed rows.
 */
final class SummaryCharts {

    /** Units on the applications chart; more would not be readable (the sheets list every unit). */
    static final int MAX_UNITS = 30;
    static final String STATUS_TITLE = "各单位报送状态";
    static final String APPLICATIONS_TITLE = "依申请公开：各单位本年新收申请";
    static final String YEAR_TITLE = "主要数字与上年对比";
    private static final int STATUS_ROWS = 11;
    private static final int APPLICATIONS_ROWS = 28;
    private static final int YEAR_ROWS = 20;
    /** The column right of the summary's two that holds the status and year charts (A4 landscape has room). */
    private static final int SIDE_COLUMN = 3;
    private static final int SIDE_WIDTH = 42;

    private static final byte[] GREEN = {(byte) 0x2e, (byte) 0x7d, (byte) 0x32};
    private static final byte[] BLUE = {(byte) 0x15, (byte) 0x65, (byte) 0xc0};
    private static final byte[] LIGHT_BLUE = {(byte) 0x90, (byte) 0xca, (byte) 0xf9};

    /** One chart's table on the sheet: its rows, labels and value columns (this year, last year). */
    private record Block(int firstRow, int lastRow, List<String> labels, List<List<BigDecimal>> columns) {
        String range(int column) {
            String col = String.valueOf((char) ('A' + column));
            return "'" + SummarySheet.NAME + "'!$" + col + "$" + (firstRow + 1) + ":$" + col + "$" + (lastRow + 1);
        }
    }

    void write(SXSSFWorkbook workbook, ReportData data, ReportStyles styles) {
        Sheet sheet = workbook.getSheet(SummarySheet.NAME);
        XSSFSheet drawn = workbook.getXSSFWorkbook().getSheet(SummarySheet.NAME);
        // Printed on two landscape pages: the summary with the status chart to its right on page 1,
        // the applications chart (up to 30 names, every one readable) with the year chart to its
        // right on page 2. The chart tables below are not printed: the charts show them, and every
        // figure is on the county tables.
        int statusTop = 2;
        int applicationsTop = Math.max(sheet.getLastRowNum() + 2, statusTop + STATUS_ROWS + 1);
        int dataRow = applicationsTop + APPLICATIONS_ROWS + 1;
        sheet.setColumnWidth(SIDE_COLUMN - 1, 10 * 256); // the chart tables' last-year column, a gap in print
        sheet.setColumnWidth(SIDE_COLUMN, SIDE_WIDTH * 256);
        sheet.setRowBreak(applicationsTop - 1);
        workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, SIDE_COLUMN, 0, dataRow - 2);

        Row heading = sheet.createRow(dataRow++);
        SheetRows.text(heading, 0, "图表数据（上方图表据此绘制）", styles.header);

        Map<String, BigDecimal> status = new LinkedHashMap<>();
        for (Standing standing : Standing.values()) {
            status.put(standing.label(), BigDecimal.valueOf(data.count(standing)));
        }
        Block statusBlock = table(sheet, dataRow, "报送状态", "单位数", null, status, Map.of(), styles);
        dataRow = statusBlock.lastRow() + 2;
        Block applicationBlock = table(sheet, dataRow, "单位", "本年新收申请", null, applications(data), Map.of(), styles);
        dataRow = applicationBlock.lastRow() + 2;
        Optional<Map<String, BigDecimal>> lastYear = data.queries().latestCountyFigures(data.year() - 1);
        Map<String, BigDecimal> thisYear = new LinkedHashMap<>();
        Map<String, BigDecimal> before = new HashMap<>();
        for (KeyFigure key : KeyFigures.of(data.form())) {
            thisYear.put(key.label(), data.totals().figure(TotalScope.COUNTY, key.code()));
            lastYear.ifPresent(m -> before.put(key.label(), m.getOrDefault(key.code(), BigDecimal.ZERO)));
        }
        Block yearBlock = table(sheet, dataRow, "主要数字", data.year() + "年",
                lastYear.isPresent() ? (data.year() - 1) + "年" : null, thisYear, before, styles);

        XSSFDrawing drawing = drawn.createDrawingPatriarch();
        statusChart(chart(drawing, SIDE_COLUMN, statusTop, STATUS_ROWS, STATUS_TITLE), statusBlock);
        barChart(chart(drawing, 0, applicationsTop, APPLICATIONS_ROWS, APPLICATIONS_TITLE), applicationBlock,
                List.of("本年新收申请"), List.of(BLUE), false);
        barChart(chart(drawing, SIDE_COLUMN, applicationsTop, YEAR_ROWS, YEAR_TITLE + (lastYear.isPresent() ? ""
                        : "（无上年汇总）") + "（对数刻度）"), yearBlock,
                lastYear.isPresent() ? List.of(data.year() + "年", (data.year() - 1) + "年") : List.of(data.year() + "年"),
                List.of(BLUE, LIGHT_BLUE), true);
    }

    /** The units with the most new applications, by name. */
    private static Map<String, BigDecimal> applications(ReportData data) {
        Map<String, BigDecimal> byName = new LinkedHashMap<>();
        data.queries().newApplicationsByUnit(data.form(), data.year()).stream().limit(MAX_UNITS)
                .forEach(e -> byName.put(data.unitName(e.getKey()), e.getValue()));
        if (byName.isEmpty()) {
            byName.put("（暂无）", BigDecimal.ZERO);
        }
        return byName;
    }

    private static Block table(Sheet sheet, int row, String labelHeader, String valueHeader, String secondHeader,
                               Map<String, BigDecimal> values, Map<String, BigDecimal> second, ReportStyles styles) {
        Row header = sheet.createRow(row++);
        SheetRows.text(header, 0, labelHeader, styles.header);
        SheetRows.text(header, 1, valueHeader, styles.header);
        if (secondHeader != null) {
            SheetRows.text(header, 2, secondHeader, styles.header);
        }
        int first = row;
        List<BigDecimal> firstColumn = new ArrayList<>();
        List<BigDecimal> secondColumn = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : values.entrySet()) {
            Row r = sheet.createRow(row++);
            SheetRows.text(r, 0, e.getKey(), styles.text);
            SheetRows.number(r, 1, e.getValue(), style(e.getValue(), styles));
            firstColumn.add(e.getValue());
            if (secondHeader != null) {
                BigDecimal value = second.getOrDefault(e.getKey(), BigDecimal.ZERO);
                SheetRows.number(r, 2, value, style(value, styles));
                secondColumn.add(value);
            }
        }
        return new Block(first, row - 1, List.copyOf(values.keySet()), List.of(firstColumn, secondColumn));
    }

    /** Counts as whole numbers, the fee (万元) with its decimals. */
    private static CellStyle style(BigDecimal value, ReportStyles styles) {
        return value.stripTrailingZeros().scale() <= 0 ? styles.count : styles.amount;
    }

    /** A chart over the summary's two columns (from column 0) or over the side column. */
    private static XSSFChart chart(XSSFDrawing drawing, int column, int top, int rows, String title) {
        int toColumn = column == 0 ? 2 : column + 1;
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, column, top, toColumn, top + rows));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        return chart;
    }

    /** Units by status as columns coloured like the status page: green, red, grey. */
    private static void statusChart(XSSFChart chart, Block block) {
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        bars.setBarDirection(BarDirection.COL);
        bars.setVaryColors(false);
        XDDFChartData.Series series = bars.addSeries(categories(block), numbers(block, 1));
        series.setTitle("单位数", null);
        chart.plot(bars);
        var ser = chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0);
        byte[][] colours = {GREEN, {(byte) 0xc6, (byte) 0x28, (byte) 0x28}, {(byte) 0x9e, (byte) 0x9e, (byte) 0x9e}};
        for (int i = 0; i < colours.length; i++) {
            var point = ser.addNewDPt();
            point.addNewIdx().setVal(i);
            point.addNewInvertIfNegative().setVal(false);
            XDDFShapeProperties fill = new XDDFShapeProperties();
            fill.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colours[i])));
            point.setSpPr(fill.getXmlObject());
        }
        valueLabels(ser.addNewDLbls());
        chart.getCTChart().getPlotArea().getValAxArray(0).addNewNumFmt().setFormatCode("0");
        chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().setSourceLinked(false);
    }

    private static void barChart(XSSFChart chart, Block block, List<String> seriesNames, List<byte[]> colours,
                                 boolean logarithmic) {
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.BOTTOM);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        if (logarithmic) {
            // 行政许可 in thousands beside 行政强制 in tens: on a linear axis the small ones vanish
            values.setLogBase(10.0);
        }
        // the largest at the top, as read
        categories.setOrientation(AxisOrientation.MAX_MIN);
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        bars.setBarDirection(BarDirection.BAR);
        bars.setBarGrouping(BarGrouping.CLUSTERED);
        bars.setVaryColors(false);
        for (int i = 0; i < seriesNames.size(); i++) {
            XDDFChartData.Series series = bars.addSeries(categories(block), numbers(block, 1 + i));
            series.setTitle(seriesNames.get(i), null);
            series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colours.get(i))));
        }
        if (seriesNames.size() > 1) {
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        }
        chart.plot(bars);
        for (var ser : chart.getCTChart().getPlotArea().getBarChartArray(0).getSerList()) {
            valueLabels(ser.addNewDLbls());
        }
        chart.getCTChart().getPlotArea().getValAxArray(0).addNewNumFmt().setFormatCode("#,##0");
        chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().setSourceLinked(false);
    }

    /** The labels as a reference to their cells, with the values cached in the chart. */
    private static XDDFCategoryDataSource categories(Block block) {
        return XDDFDataSourcesFactory.fromArray(block.labels().toArray(String[]::new), block.range(0));
    }

    private static XDDFNumericalDataSource<Double> numbers(Block block, int column) {
        Double[] values = block.columns().get(column - 1).stream().map(BigDecimal::doubleValue).toArray(Double[]::new);
        return XDDFDataSourcesFactory.fromArray(values, block.range(column));
    }

    private static void valueLabels(CTDLbls labels) {
        labels.addNewNumFmt().setFormatCode("#,##0.##");
        labels.getNumFmt().setSourceLinked(false);
        labels.addNewShowVal().setVal(true);
        labels.addNewShowLegendKey().setVal(false);
        labels.addNewShowCatName().setVal(false);
        labels.addNewShowSerName().setVal(false);
        labels.addNewShowPercent().setVal(false);
        labels.addNewShowBubbleSize().setVal(false);
    }
}
