package cn.gov.county.gkreport.draft;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import cn.gov.county.gkreport.deadline.DeadlineSettings;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.Indicator;
import cn.gov.county.gkreport.form.Table3Layout;
import cn.gov.county.gkreport.form.Table3Row;
import cn.gov.county.gkreport.intake.RosterUnit;

/**
 * Composes the county's draft annual report in the statutory order: title, the office's note on
 * scope (highlighted), the opening, 一 to 六, the signature.
 */
public final class DraftComposer {

    /** The six sections of 《条例》第五十条 as the 2021 format titles them; 二 to 四 are the form's tables. */
    static final String SECTION_FIVE = "五、政府信息公开工作存在的主要问题及改进情况";
    static final String SECTION_SIX = "六、其他需要报告的事项";
    /** More names than this and the note gives only the count of units counted. */
    private static final int NAMES_LISTED = 100;

    private final FormDefinition form;
    private final String countyName;
    private final DraftSettings settings;
    private final DeadlineSettings deadlines;

    /** @param deadlines the reporting calendar: its deadline is when the departments report (《条例》第四十九条) */
    public DraftComposer(FormDefinition form, String countyName, DraftSettings settings, DeadlineSettings deadlines) {
        this.form = form;
        this.countyName = countyName;
        this.settings = settings;
        this.deadlines = deadlines;
    }

    /** The six section headings in order, as the draft must have them. */
    List<String> sectionHeadings() {
        return List.of(OverviewSection.HEADING, form.table2().title(), form.table3().title(), form.table4().title(),
                SECTION_FIVE, SECTION_SIX);
    }

    public DraftDocument compose(DraftData data, LocalDateTime generatedAt) {
        String issuer = settings.issuerOr(countyName);
        int year = data.year();
        List<Block> blocks = new ArrayList<>();
        blocks.add(scopeNote(data, generatedAt));
        blocks.add(opening(issuer, year));
        String area = data.scope().wholeRoster() ? "全县" : "";
        blocks.addAll(new OverviewSection(form, data, area).blocks());
        FormTables tables = new FormTables(form, data.total());
        blocks.add(new Block.Heading(1, form.table2().title()));
        blocks.add(tables.table2());
        blocks.add(new Block.Heading(1, form.table3().title()));
        blocks.add(tables.table3());
        blocks.add(new Block.Heading(1, form.table4().title()));
        blocks.add(tables.table4());
        blocks.add(new Block.Heading(1, SECTION_FIVE));
        blocks.add(Block.Paragraph.of(List.of(new Span.Placeholder("【请补充：本年度政府信息公开工作存在的主要问题】"))));
        blocks.add(Block.Paragraph.of(List.of(new Span.Placeholder(
                "【请补充：针对上述问题的改进措施，以及上一年度报告所列问题的整改落实情况】"))));
        blocks.add(new Block.Heading(1, SECTION_SIX));
        blocks.add(processingFee(data));
        blocks.add(Block.Paragraph.of(List.of(new Span.Placeholder(
                "【请补充：其他需要报告的事项，如人大代表建议和政协提案办理结果公开情况、年度政务公开工作要点落实情况等】"))));
        blocks.add(new Block.Paragraph(List.of(new Span.Text(issuer)), Block.Alignment.RIGHT));
        blocks.add(new Block.Paragraph(List.of(new Span.Placeholder("【请补充：发布日期】")), Block.Alignment.RIGHT));
        // Broken after the issuer, as titles are: a line of 2号 holds about twenty characters.
        return new DraftDocument(List.of(issuer, year + "年政府信息公开工作年度报告"), blocks);
    }

    private Block.Paragraph opening(String issuer, int year) {
        return Block.Paragraph.of(List.of(new Span.Text("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和"
                + "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
                + "（国办公开办函〔2021〕30号）要求编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
                + "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告所列数据的统计期限自"
                + year + "年1月1日起至" + year + "年12月31日止。本报告电子版可在“" + issuer + "”门户网站（"),
                new Span.Placeholder("【请补充：网址】"),
                new Span.Text("）查阅或下载。如对本报告有疑问，请与"),
                new Span.Placeholder("【请补充：联系机关、地址、电话】"),
                new Span.Text("联系。")));
    }

    /**
     * 六's sentence on the 信息处理费 (国办函〔2020〕109号): the amount collected (总体情况) and the
     * applications closed because a fee notice went unpaid (表三（六）2).
     */
    private Block.Paragraph processingFee(DraftData data) {
        Sentence s = new Sentence(form, data);
        String fee = Indicator.itemCode("PROCESSING_FEE");
        Table3Row unpaid = form.table3().rowsWithRole(Table3Row.Role.RESULT).stream()
                .filter(r -> r.label().contains("收费通知")).findFirst().orElseThrow();
        String unpaidCode = Table3Layout.itemCode(unpaid.code(), form.table3().totalColumn().code());
        s.text("依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），");
        if (s.value(fee).signum() == 0 && s.value(unpaidCode).signum() == 0) {
            return s.text("本年度未发出信息处理费收费通知，未收取政府信息公开信息处理费。").build();
        }
        s.text("本年度共收取政府信息公开信息处理费").figure("元", fee)
                .text("；申请人逾期未按收费通知要求缴纳费用、不再处理的申请").figure("件", unpaidCode).text("。");
        return s.placeholder("本年度发出收费通知的件数和总金额").build();
    }

    /** Which units the figures cover and which are not in them: for the office, deleted before publishing. */
    private Block.Paragraph scopeNote(DraftData data, LocalDateTime generatedAt) {
        DraftScope scope = data.scope();
        int year = data.year();
        StringBuilder note = new StringBuilder("【编制说明，发布前删除】本稿由年报汇总程序于 ")
                .append(generatedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" 根据数据库中已通过校验的报送数据生成，每次汇总后重新生成并覆盖本文件；请另存为其他文件名后再修改。统计范围：")
                .append(scope.wholeRoster() ? "全县名册" : "按设置计入名册中的").append(scope.covered().size())
                .append("个单位，已计入").append(scope.counted().size()).append("个");
        if (scope.counted().size() <= NAMES_LISTED) {
            note.append("（").append(names(scope.counted())).append("）");
        }
        int notCounted = scope.rejected().size() + scope.missing().size();
        if (notCounted == 0) {
            note.append("，名册单位全部计入。");
        } else {
            note.append("；未计入").append(notCounted).append("个：");
            List<String> parts = new ArrayList<>();
            scope.missing().forEach(u -> parts.add(u.name() + "（未报送）"));
            scope.rejected().forEach(u -> parts.add(u.name() + "（报送的报告未通过校验或经审核退回）"));
            note.append(String.join("、", parts)).append("。表中数字不含未计入单位，待其报送并通过校验后自动计入。");
        }
        if (data.previousYear().isEmpty()) {
            note.append("数据库中没有").append(year - 1).append("年度的汇总数据，文中未作与上年的比较。");
        }
        LocalDate departments = deadlines.calendar(year).deadline();
        note.append("依《条例》第四十九条，县人民政府各部门应于").append(deadline(departments.getYear(),
                        MonthDay.from(departments)))
                .append("前、县人民政府应于").append(deadline(year + 1, settings.countyDeadlineDay()))
                .append("前公布本机关上一年度政府信息公开工作年度报告。");
        return Block.Paragraph.of(List.of(new Span.Note(note.toString())));
    }

    private static String names(List<RosterUnit> units) {
        return units.stream().map(RosterUnit::name).collect(Collectors.joining("、"));
    }

    private static String deadline(int year, MonthDay day) {
        return year + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}
