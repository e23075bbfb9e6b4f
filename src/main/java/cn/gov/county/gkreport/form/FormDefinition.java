package cn.gov.county.gkreport.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The national annual-report form as data: its tables, every item with a stable code, and the
 * sums the form defines. Built once from {@code forms/gb-2021.yaml} by {@link FormDefinitionLoader};
 * the template, the reader, the rules and the consolidated workbook are all derived from it.
 */
public final class FormDefinition {

    private final String id;
    private final String title;
    private final CoverSheet cover;
    private final Table2Layout table2;
    private final Table3Layout table3;
    private final Table4Layout table4;
    private final IndicatorSheet indicators;
    private final Map<String, FormItem> items;
    private final List<FormItem> itemList;
    private final Map<String, Integer> positions;
    private final List<SumRelation> relations;
    private final Map<String, List<SumRelation>> relationsByRule;
    private final List<FigureLimit> limits;
    private final Plausibility plausibility;
    private final ExplanationSheet explanations;
    /** Each item's limit, looked up once: the checks ask for it per item of every file. */
    private final Map<String, FigureLimit> limitByItem;
    /** {@link #moneyUnit} per amount item: the reader asks for every figure of every workbook. */
    private final Map<String, String> moneyUnitByItem;
    /** The relation that computes each derived item. */
    private final Map<String, SumRelation> definingRelation;
    /** {@link #itemCodes} per pattern list: the rules ask the same few lists for every workbook. */
    private final Map<List<String>, List<String>> codesByPatterns = new java.util.concurrent.ConcurrentHashMap<>();

    public FormDefinition(String id, String title, CoverSheet cover, Table2Layout table2, Table3Layout table3,
                          Table4Layout table4, IndicatorSheet indicators) {
        this(id, title, cover, table2, table3, table4, indicators, List.of());
    }

    public FormDefinition(String id, String title, CoverSheet cover, Table2Layout table2, Table3Layout table3,
                          Table4Layout table4, IndicatorSheet indicators, List<FigureLimit> limits) {
        this(id, title, cover, table2, table3, table4, indicators, limits, Plausibility.NONE, ExplanationSheet.NONE);
    }

    public FormDefinition(String id, String title, CoverSheet cover, Table2Layout table2, Table3Layout table3,
                          Table4Layout table4, IndicatorSheet indicators, List<FigureLimit> limits,
                          Plausibility plausibility, ExplanationSheet explanations) {
        this.limits = List.copyOf(limits);
        this.plausibility = plausibility;
        this.explanations = explanations;
        this.id = id;
        this.title = title;
        this.cover = cover;
        this.table2 = table2;
        this.table3 = table3;
        this.table4 = table4;
        this.indicators = indicators;
        this.items = Collections.unmodifiableMap(buildItems());
        this.itemList = List.copyOf(items.values());
        Map<String, Integer> byCode = new HashMap<>();
        for (int i = 0; i < itemList.size(); i++) {
            byCode.put(itemList.get(i).code(), i);
        }
        this.positions = Map.copyOf(byCode);
        this.relations = List.copyOf(buildRelations());
        this.relationsByRule = relations.stream().collect(Collectors.groupingBy(SumRelation::ruleId,
                LinkedHashMap::new, Collectors.toUnmodifiableList()));
        Map<String, SumRelation> defining = new HashMap<>();
        for (SumRelation relation : relations) {
            if (relation.defining()) {
                defining.put(relation.totalCode(), relation); // the last one wins, as in withDerivedTotals
            }
        }
        this.definingRelation = Map.copyOf(defining);
        Map<String, FigureLimit> byItem = new HashMap<>();
        for (FormItem item : itemList) {
            firstLimit(item.code()).ifPresent(limit -> byItem.put(item.code(), limit));
        }
        this.limitByItem = Map.copyOf(byItem);
        Map<String, String> units = new HashMap<>();
        for (FormItem item : itemList) {
            if (item.type() == ValueType.AMOUNT && limitByItem.containsKey(item.code())
                    && limitByItem.get(item.code()).unit() != null) {
                units.put(item.code(), limitByItem.get(item.code()).unit());
            }
        }
        this.moneyUnitByItem = Map.copyOf(units);
    }

    private Map<String, FormItem> buildItems() {
        Map<String, FormItem> all = new LinkedHashMap<>();
        for (Table2Block block : table2.blocks()) {
            for (Label row : block.rows()) {
                for (int c = 0; c < block.columns().size(); c++) {
                    Label column = block.columns().get(c);
                    add(all, new FormItem(Table2Block.itemCode(row, column), FormTable.T2, row.text(), column.text(),
                            block.columnTypes().get(c), false));
                }
            }
        }
        for (Table3Row row : table3.rows()) {
            for (Table3Column column : table3.columns()) {
                boolean derived = column.derived() || row.role() == Table3Row.Role.RESULT_TOTAL;
                add(all, new FormItem(Table3Layout.itemCode(row.code(), column.code()), FormTable.T3, row.fullLabel(),
                        column.label(), ValueType.COUNT, derived));
            }
        }
        for (Table4Layout.Group group : table4.groups()) {
            for (Table4Layout.Column column : table4.columns()) {
                String groupLabel = group.parent() == null ? group.label() : group.parent() + "（" + group.label() + "）";
                add(all, new FormItem(Table4Layout.itemCode(group, column), FormTable.T4, groupLabel, column.label(),
                        ValueType.COUNT, column.derived()));
            }
        }
        for (Indicator indicator : indicators.indicators()) {
            add(all, new FormItem(indicator.itemCode(), FormTable.INDICATORS, indicator.label(), "数值",
                    indicator.type(), !indicator.sumOf().isEmpty()));
        }
        return all;
    }

    private static void add(Map<String, FormItem> all, FormItem item) {
        if (all.put(item.code(), item) != null) {
            throw new IllegalStateException("duplicate item code in form definition: " + item.code());
        }
    }

    /** Relations in an order that recomputes every derived item after its parts. */
    private List<SumRelation> buildRelations() {
        List<SumRelation> all = new ArrayList<>();
        String total = table3.totalColumn().code();
        List<String> applicants = table3.applicantColumns().stream().map(Table3Column::code).toList();
        for (Table3Row row : table3.rows()) {
            all.add(new SumRelation("T3-ROW", Table3Layout.itemCode(row.code(), total),
                    applicants.stream().map(c -> Table3Layout.itemCode(row.code(), c)).toList(),
                    row.role() != Table3Row.Role.RESULT_TOTAL));
        }
        Table3Row resultTotal = table3.rowsWithRole(Table3Row.Role.RESULT_TOTAL).get(0);
        for (Table3Column column : table3.columns()) {
            all.add(new SumRelation("T3-SUM", Table3Layout.itemCode(resultTotal.code(), column.code()),
                    table3.rowsWithRole(Table3Row.Role.RESULT).stream()
                            .map(r -> Table3Layout.itemCode(r.code(), column.code())).toList(),
                    true));
        }
        for (Table4Layout.Group group : table4.groups()) {
            Table4Layout.Column groupTotal = table4.columns().stream().filter(Table4Layout.Column::derived)
                    .findFirst().orElseThrow();
            all.add(new SumRelation("T4-SUM", Table4Layout.itemCode(group, groupTotal),
                    table4.columns().stream().filter(c -> !c.derived())
                            .map(c -> Table4Layout.itemCode(group, c)).toList(),
                    true));
        }
        for (Indicator indicator : indicators.indicators()) {
            if (!indicator.sumOf().isEmpty()) {
                all.add(new SumRelation("N-SUM", indicator.itemCode(),
                        indicator.sumOf().stream().map(Indicator::itemCode).toList(), true));
            }
        }
        // The T3-ROW check of the （七）总计 row runs after its cells are recomputed column-wise.
        all.sort((a, b) -> Boolean.compare(!a.defining(), !b.defining()));
        return all;
    }

    /**
     * Completes a set of input figures with every derived total the form defines. Missing inputs
     * count as zero. This is how county totals are recomputed instead of trusting submitted ones.
     */
    public Map<String, BigDecimal> withDerivedTotals(Map<String, BigDecimal> inputs) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (FormItem item : items.values()) {
            values.put(item.code(), item.derived() ? BigDecimal.ZERO : inputs.getOrDefault(item.code(), BigDecimal.ZERO));
        }
        for (SumRelation relation : relations) {
            if (relation.defining()) {
                BigDecimal sum = relation.partCodes().stream().map(values::get).reduce(BigDecimal.ZERO, BigDecimal::add);
                values.put(relation.totalCode(), sum);
            }
        }
        return values;
    }

    /**
     * One item as {@link #withDerivedTotals} computes it, without computing the others: what a rule
     * needs when it looks at a single total.
     */
    public BigDecimal derivedValue(String code, java.util.function.Function<String, BigDecimal> inputs) {
        SumRelation relation = definingRelation.get(code);
        if (relation == null) {
            BigDecimal input = item(code).derived() ? null : inputs.apply(code);
            return input == null ? BigDecimal.ZERO : input;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (String part : relation.partCodes()) {
            sum = sum.add(derivedValue(part, inputs));
        }
        return sum;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public CoverSheet cover() {
        return cover;
    }

    public Table2Layout table2() {
        return table2;
    }

    public Table3Layout table3() {
        return table3;
    }

    public Table4Layout table4() {
        return table4;
    }

    public IndicatorSheet indicators() {
        return indicators;
    }

    /** Every item in form order (表二, 表三 row by row, 表四, indicators). */
    public List<FormItem> items() {
        return itemList;
    }

    /** Orders item codes as the form prints them; for sorting figures that come from the database by code. */
    public Comparator<String> itemOrder() {
        return Comparator.comparingInt(code -> positions.getOrDefault(code, Integer.MAX_VALUE));
    }

    public FormItem item(String code) {
        FormItem item = items.get(code);
        if (item == null) {
            throw new IllegalArgumentException("unknown item code " + code);
        }
        return item;
    }

    public boolean hasItem(String code) {
        return items.containsKey(code);
    }

    /** The first limit of the form definition that covers the item, if any. */
    public java.util.Optional<FigureLimit> limit(String code) {
        return items.containsKey(code) ? java.util.Optional.ofNullable(limitByItem.get(code)) : firstLimit(code);
    }

    private java.util.Optional<FigureLimit> firstLimit(String code) {
        return limits.stream().filter(l -> l.covers(code)).findFirst();
    }

    /** The money unit an amount item is reported in (万元, 元), or {@code null} for a count. */
    public String moneyUnit(String code) {
        return moneyUnitByItem.get(code);
    }

    /** What the plausibility checks (X-YOY, X-SAME, ZERO-ALL, FEE-NOTICE) look at. */
    public Plausibility plausibility() {
        return plausibility;
    }

    /** The template's 说明 sheet, where units explain warnings. */
    public ExplanationSheet explanations() {
        return explanations;
    }

    /** The codes of the items the patterns name, in form order. */
    public List<String> itemCodes(List<String> patterns) {
        return codesByPatterns.computeIfAbsent(List.copyOf(patterns), p ->
                itemList.stream().map(FormItem::code).filter(code -> ItemPatterns.matches(p, code)).toList());
    }

    public List<SumRelation> relations() {
        return relations;
    }

    public List<SumRelation> relations(String ruleId) {
        return relationsByRule.getOrDefault(ruleId, List.of());
    }
}
