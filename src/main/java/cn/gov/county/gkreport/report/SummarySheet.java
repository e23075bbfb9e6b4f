package cn.gov.county.gkreport.report;

import java.time.format.DateTimeFormatter;

import java.util.Arrays;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.intake.UnitType;
import cn.gov.county.gkreport.report.UnitStanding.Standing;
import cn.gov.county.gkreport.sheet.SheetRows;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/** 汇总表: the title, when the figures were computed, how many units are in them, and a guide to the sheets. */
final class SummarySheet {

    static final String NAME = "汇总表";

    void write(Workbook workbook, ReportData data, RunChanges changes, ReportStyles styles) {
        SheetRows rows = new SheetRows(workbook.createSheet(NAME));
        rows.widths(28, 60);
        Row title = rows.newRow();
        SheetRows.text(title, 0, data.title(), styles.title);
        rows.skip();
        line(rows, styles, "汇总时间", data.runTime().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        line(rows, styles, "报告年度", data.year() + " 年");
        line(rows, styles, "应报单位", data.standings().size() + " 个（" + byType(data, type -> data.roster().units(type).size()) + "）");
        line(rows, styles, "已接收（计入汇总）", data.count(Standing.ACCEPTED) + " 个（"
                + byType(data, type -> data.totals().unitCounts().getOrDefault(TotalScope.of(type), 0)) + "）");
        line(rows, styles, "未通过校验（未计入）", data.count(Standing.REJECTED) + " 个");
        if (data.count(Standing.RETURNED) > 0) {
            line(rows, styles, "审核退回（未计入）", data.count(Standing.RETURNED) + " 个（通过校验但审核人退回，见“审核记录”）");
        }
        line(rows, styles, "未报送", data.count(Standing.MISSING) + " 个");
        if (!data.offRoster().isEmpty()) {
            line(rows, styles, "不在本年度名单", data.offRoster().size() + " 个（" + data.offRoster().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("、"))
                    + "）：已不在名册中，以前报送的报告保留在数据库中，不计入汇总（见“报送情况”）");
        }
        line(rows, styles, "校验问题", data.currentFindingCount() + " 条（各单位计入的版本，见“校验问题”）");
        line(rows, styles, "以前版本的问题", data.historyFindingCount() == 0 ? "0 条"
                : data.historyFindingCount() + " 条（已更正或被取代，不再计入，见“校验问题（历史）”）");
        line(rows, styles, "本次变化", changes.headline());
        long accepted = data.count(Standing.ACCEPTED);
        int withoutIndicators = data.queries().acceptedWithFinding(data.year(), "N-ABSENT");
        line(rows, styles, "总体情况（统计指标）", "来自 " + (accepted - withoutIndicators) + " 个单位"
                + (withoutIndicators == 0 ? "" : "（另有 " + withoutIndicators + " 个已接收单位没有填报“总体情况”工作表，"
                + "其表二至表四已计入，统计指标未计入）"));
        rows.skip();
        line(rows, styles, "工作表说明", "封面、表二、表三、表四、总体情况：全县合计，格式与单位报送表相同，可直接向上级报送；"
                + "分类汇总：镇小计、县直单位小计和全县合计；分单位明细：各单位数字；报送情况：各单位报送状态和文件；"
                + "校验问题：各单位计入版本的校验结果；校验问题（历史）：以前版本的校验结果（有时才有此表）；数据溯源：每个汇总数字来自哪些单位的哪个单元格；本次变化：与上次汇总相比变化的单位和数字；审核记录：审核人的决定（有时才有此表）。");
        line(rows, styles, "说明", "汇总数只计各单位最新一版通过校验的报送；所有合计数由系统按各分项重新计算。");
        rows.printSetup(data.title(), 0);
    }

    /** {@code 镇 16 个，县直单位 25 个}: one part per kind of unit on the roster. */
    private static String byType(ReportData data, ToIntFunction<UnitType> count) {
        return Arrays.stream(UnitType.values()).filter(type -> !data.roster().units(type).isEmpty())
                .map(type -> type.label() + " " + count.applyAsInt(type) + " 个").collect(Collectors.joining("，"));
    }

    private static void line(SheetRows rows, ReportStyles styles, String label, String value) {
        Row row = rows.newRow();
        SheetRows.text(row, 0, label, styles.header);
        SheetRows.text(row, 1, value, styles.wrapped);
        SheetRows.lines(row, value.length() / 28 + 1);
    }
}
