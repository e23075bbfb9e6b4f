package cn.gov.county.gkreport.draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.Indicator;
import cn.gov.county.gkreport.form.Table3Column;
import cn.gov.county.gkreport.form.Table3Layout;
import cn.gov.county.gkreport.form.Table3Row;
import cn.gov.county.gkreport.form.Table4Layout;

/**
 * 一、总体情况: the five sub-sections of the statutory format, with paragraphs generated from the
 * figures (each compared with last year when it is in the database) and placeholders for what
 * only the office can write.
 */
final class OverviewSection {

    static final String HEADING = "一、总体情况";

    private final FormDefinition form;
    private final DraftData data;
    private final String area;

    /** {@code area} names whose figures these are in sentences: 全县, or the issuer of a 本级 report. */
    OverviewSection(FormDefinition form, DraftData data, String area) {
        this.form = form;
        this.data = data;
        this.area = area;
    }

    List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(1, HEADING));
        blocks.add(new Block.Heading(2, "（一）主动公开"));
        blocks.add(sentence().placeholder("本年度主动公开工作的总体部署，以及重点领域信息公开、政策解读和回应关切等情况").build());
        blocks.add(portal());
        blocks.add(decisions());
        blocks.add(new Block.Heading(2, "（二）依申请公开"));
        blocks.add(applications());
        blocks.add(reviewsAndSuits());
        blocks.add(sentence().placeholder("依申请公开制度建设、办理流程和答复质量等情况").build());
        blocks.add(new Block.Heading(2, "（三）政府信息管理"));
        blocks.add(cleanUp());
        blocks.add(regulatoryDocuments());
        blocks.add(sentence().placeholder("政府信息公开审查、公开属性源头认定和动态调整等管理情况").build());
        blocks.add(new Block.Heading(2, "（四）政府信息公开平台建设"));
        blocks.add(platforms());
        blocks.add(sentence().placeholder("政府门户网站、政务新媒体、政务服务大厅公开专区等平台的建设和改进情况").build());
        blocks.add(new Block.Heading(2, "（五）监督保障"));
        blocks.add(sentence().placeholder("领导机制、工作机构和人员、经费保障、考核评议、培训和社会评议等监督保障情况").build());
        return blocks;
    }

    private Block.Paragraph portal() {
        return sentence().text("全年" + area + "政府门户网站发布信息").compared(unit("WEB_TOTAL"), indicator("WEB_TOTAL"))
                .text("，其中概况类信息").figure(unit("WEB_OVERVIEW"), indicator("WEB_OVERVIEW"))
                .text("、政务动态信息").figure(unit("WEB_NEWS"), indicator("WEB_NEWS"))
                .text("、政府信息公开信息").figure(unit("WEB_DISCLOSURE"), indicator("WEB_DISCLOSURE"))
                .text("；公开政府文件").compared(unit("DOCS"), indicator("DOCS"))
                .text("，发布政策解读").compared(unit("INTERPRETATIONS"), indicator("INTERPRETATIONS"))
                .text("。").build();
    }

    /** 表二's decisions and fees in words; 规章 only when there are any (towns and departments make none). */
    private Block.Paragraph decisions() {
        return sentence().text("本年度作出行政许可决定").compared("件", "T2.LICENSE.DECISIONS")
                .text("，行政处罚决定").compared("件", "T2.PENALTY.DECISIONS")
                .text("，行政强制决定").compared("件", "T2.COERCION.DECISIONS")
                .text("；收取行政事业性收费").compared("万元", "T2.FEE.AMOUNT")
                .text("（详见第二部分）。").build();
    }

    private Block.Paragraph applications() {
        Table3Layout t3 = form.table3();
        String total = t3.totalColumn().code();
        String received = t3.rowsWithRole(Table3Row.Role.RECEIVED).get(0).code();
        String carriedIn = t3.rowsWithRole(Table3Row.Role.RECEIVED).get(1).code();
        Sentence s = sentence().text("全年新收政府信息公开申请").compared("件", Table3Layout.itemCode(received, total))
                .text("，其中自然人提出").figure("件", applicants(received, false))
                .text("、法人或其他组织提出").figure("件", applicants(received, true))
                .text("；上年结转").figure("件", Table3Layout.itemCode(carriedIn, total))
                .text("。本年度办理结果：");
        boolean first = true;
        for (Map.Entry<String, List<String>> outcome : outcomes().entrySet()) {
            s.text(first ? "" : "，").text(outcome.getKey()).figure("件", outcome.getValue().toArray(String[]::new));
            first = false;
        }
        String resultTotal = t3.rowsWithRole(Table3Row.Role.RESULT_TOTAL).get(0).code();
        String carriedOut = t3.rowsWithRole(Table3Row.Role.CARRIED_OUT).get(0).code();
        return s.text("，合计办结").compared("件", Table3Layout.itemCode(resultTotal, total))
                .text("；结转下年度继续办理").figure("件", Table3Layout.itemCode(carriedOut, total))
                .text("（详见第三部分）。").build();
    }

    /** The applicant columns of a 表三 row: the natural persons, or every organisation column. */
    private String[] applicants(String rowCode, boolean organisations) {
        return form.table3().applicantColumns().stream().filter(c -> c.organisation() == organisations)
                .map(Table3Column::code).map(c -> Table3Layout.itemCode(rowCode, c)).toArray(String[]::new);
    }

    /**
     * The result kinds of 表三 as the reports name them (予以公开 … 其他处理), each with the 总计
     * cells of its rows: a group's leaves, or the row itself.
     */
    private Map<String, List<String>> outcomes() {
        Map<String, List<String>> outcomes = new LinkedHashMap<>();
        String total = form.table3().totalColumn().code();
        for (Table3Row row : form.table3().rowsWithRole(Table3Row.Role.RESULT)) {
            String kind = row.groups().size() > 1 ? row.groups().get(row.groups().size() - 1) : row.label();
            outcomes.computeIfAbsent(shortName(kind), k -> new ArrayList<>())
                    .add(Table3Layout.itemCode(row.code(), total));
        }
        return outcomes;
    }

    /** {@code （二）部分公开（区分处理的，…）} → {@code 部分公开}. */
    private static String shortName(String label) {
        return label.replaceFirst("^（[一二三四五六七八九十]+）", "").replaceFirst("（.*）$", "");
    }

    private Block.Paragraph reviewsAndSuits() {
        Table4Layout t4 = form.table4();
        Table4Layout.Column total = t4.columns().stream().filter(Table4Layout.Column::derived).findFirst().orElseThrow();
        List<Table4Layout.Column> parts = t4.columns().stream().filter(c -> !c.derived()).toList();
        Sentence s = sentence();
        String separator = "";
        for (Table4Layout.Group group : t4.groups().stream().filter(g -> g.parent() == null).toList()) {
            s.text(separator + "因政府信息公开工作被申请" + group.label()).compared("件", Table4Layout.itemCode(group, total))
                    .text("（");
            for (int i = 0; i < parts.size(); i++) {
                s.text((i == 0 ? "" : "、") + parts.get(i).label()).figure("件", Table4Layout.itemCode(group, parts.get(i)));
            }
            s.text("）");
            separator = "；";
        }
        Map<String, List<Table4Layout.Group>> byParent = new LinkedHashMap<>();
        t4.groups().stream().filter(g -> g.parent() != null)
                .forEach(g -> byParent.computeIfAbsent(g.parent(), p -> new ArrayList<>()).add(g));
        for (Map.Entry<String, List<Table4Layout.Group>> parent : byParent.entrySet()) {
            List<Table4Layout.Group> groups = parent.getValue();
            s.text(separator + "被提起" + parent.getKey()).compared("件", groups.stream()
                    .map(g -> Table4Layout.itemCode(g, total)).toArray(String[]::new)).text("，其中");
            for (int i = 0; i < groups.size(); i++) {
                s.text((i == 0 ? "" : "、") + groups.get(i).label()).figure("件",
                        Table4Layout.itemCode(groups.get(i), total));
            }
            separator = "；";
        }
        return s.text("（详见第四部分）。").build();
    }

    /** The clean-up figures by category, then (as the reference report splits them) by kind of unit. */
    private Block.Paragraph cleanUp() {
        Sentence s = sentence().text("全年清理删除不符合要求的政府信息").compared(unit("CLEANUP_TOTAL"), indicator("CLEANUP_TOTAL"))
                .text("，其中");
        cleanUpCategories(s, TotalScope.COUNTY);
        List<TotalScope> kinds = data.figures().keySet().stream().filter(k -> k != TotalScope.COUNTY).sorted().toList();
        if (kinds.size() > 1) {
            s.text("；按单位类别分，");
            for (int i = 0; i < kinds.size(); i++) {
                s.text((i == 0 ? "" : "，") + kinds.get(i).label(null).replace("小计", ""))
                        .subtotal(kinds.get(i), unit("CLEANUP_TOTAL"), indicator("CLEANUP_TOTAL")).text("（");
                cleanUpCategories(s, kinds.get(i));
                s.text("）");
            }
        }
        return s.text("。").build();
    }

    private void cleanUpCategories(Sentence s, TotalScope scope) {
        String[][] categories = {{"通知公告类", "CLEANUP_NOTICE"}, {"信息公开类", "CLEANUP_DISCLOSURE"},
                {"时政类", "CLEANUP_POLITICS"}, {"文件类", "CLEANUP_DOCS"}};
        for (int i = 0; i < categories.length; i++) {
            s.text((i == 0 ? "" : "、") + categories[i][0])
                    .subtotal(scope, unit(categories[i][1]), indicator(categories[i][1]));
        }
    }

    private Block.Paragraph regulatoryDocuments() {
        Sentence s = sentence().text("本年度制发行政规范性文件").compared("件", "T2.NORM.ISSUED")
                .text("，废止").figure("件", "T2.NORM.REPEALED")
                .text("，截至年底现行有效").compared("件", "T2.NORM.VALID");
        if (s.value("T2.REG.ISSUED", "T2.REG.REPEALED", "T2.REG.VALID").signum() != 0) {
            s.text("；制发规章").figure("件", "T2.REG.ISSUED").text("，废止").figure("件", "T2.REG.REPEALED")
                    .text("，现行有效").figure("件", "T2.REG.VALID");
        }
        return s.text("。").build();
    }

    private Block.Paragraph platforms() {
        return sentence().text(area + "政务新媒体账号").compared(unit("NEWMEDIA_ACCOUNTS"), indicator("NEWMEDIA_ACCOUNTS"))
                .text("，全年发布信息").compared(unit("NEWMEDIA_POSTS"), indicator("NEWMEDIA_POSTS"))
                .text("；政府门户网站互动交流栏目收到留言").compared(unit("MSG_RECEIVED"), indicator("MSG_RECEIVED"))
                .text("，回复").figure(unit("MSG_REPLIED"), indicator("MSG_REPLIED"))
                .text("。").build();
    }

    private Sentence sentence() {
        return new Sentence(form, data);
    }

    private String indicator(String code) {
        String itemCode = Indicator.itemCode(code);
        form.item(itemCode); // an unknown code fails here, not as a silent 0
        return itemCode;
    }

    private String unit(String code) {
        return form.indicators().indicators().stream().filter(i -> i.code().equals(code)).findFirst()
                .map(Indicator::unit).orElseThrow(() -> new IllegalArgumentException("unknown indicator " + code));
    }
}
