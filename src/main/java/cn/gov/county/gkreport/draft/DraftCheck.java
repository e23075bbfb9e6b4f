package cn.gov.county.gkreport.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.consolidate.CountySelfCheck;
import cn.gov.county.gkreport.consolidate.TotalScope;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.form.FormTable;

/**
 * Checks a composed draft before it is written: the six sections in order, each form table under
 * its heading with every item of the form once and equal to the county figure, the tables as
 * printed passing every in-year rule of the form, and every figure and comparison in a generated
 * sentence equal to the table cell (or total) it comes from. The draft is written from checked
 * figures, so any problem here is a bug: the job fails loudly, as with the county self-check.
 */
public final class DraftCheck {

    private final FormDefinition form;
    private final CountySelfCheck selfCheck;
    private final List<String> sections;

    public DraftCheck(FormDefinition form, CountySelfCheck selfCheck, List<String> sections) {
        this.form = form;
        this.selfCheck = selfCheck;
        this.sections = List.copyOf(sections);
    }

    /** Throws when the draft fails any check, listing every problem. */
    public void verify(DraftDocument draft, DraftData data) {
        List<String> problems = problems(draft, data);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("年度报告草稿未通过自检（程序错误，草稿未写出）: " + String.join("; ", problems));
        }
    }

    List<String> problems(DraftDocument draft, DraftData data) {
        List<String> problems = new ArrayList<>();
        List<String> headings = draft.headings(1).stream().map(Block.Heading::text).toList();
        if (!headings.equals(sections)) {
            problems.add("sections " + headings + " instead of " + sections);
        }
        Map<String, BigDecimal> printed = tables(draft, problems);
        for (FormItem item : form.items()) {
            if (item.table() == FormTable.INDICATORS) {
                continue;
            }
            BigDecimal cell = printed.get(item.code());
            BigDecimal total = data.total().getOrDefault(item.code(), BigDecimal.ZERO);
            if (cell == null) {
                problems.add("no table cell for " + item.code());
            } else if (cell.compareTo(total) != 0) {
                problems.add(item.code() + " printed " + cell + " but the total is " + total);
            }
        }
        Map<String, BigDecimal> checked = new LinkedHashMap<>(data.total());
        checked.putAll(printed);
        for (Finding finding : selfCheck.check(data.year(), "草稿", checked)) {
            problems.add(finding.ruleId() + ": " + finding.message());
        }
        for (Block.Paragraph paragraph : draft.paragraphs()) {
            for (Span span : paragraph.spans()) {
                sentenceProblem(span, printed, data).ifPresent(problems::add);
            }
        }
        return problems;
    }

    /** The figures as the tables print them (parsed back from the cell text), by item code. */
    private Map<String, BigDecimal> tables(DraftDocument draft, List<String> problems) {
        Map<String, BigDecimal> printed = new HashMap<>();
        List<Block> blocks = draft.blocks();
        List<String> titles = List.of(form.table2().title(), form.table3().title(), form.table4().title());
        List<FormTable> order = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (!(blocks.get(i) instanceof Block.Table table)) {
                continue;
            }
            order.add(table.table());
            String title = titles.get(table.table().ordinal());
            if (i == 0 || !(blocks.get(i - 1) instanceof Block.Heading h) || !h.text().equals(title)) {
                problems.add(table.table().shortName() + " is not right under its heading " + title);
            }
            for (List<Block.Cell> row : table.rows()) {
                int width = row.stream().mapToInt(Block.Cell::columnSpan).sum();
                if (width != table.columnWidths().size()) {
                    problems.add(table.table().shortName() + " has a row " + width + " columns wide instead of "
                            + table.columnWidths().size());
                }
                for (Block.Cell cell : row) {
                    if (cell.itemCode() == null) {
                        continue;
                    }
                    BigDecimal shown = new BigDecimal(cell.text());
                    if (shown.compareTo(cell.value()) != 0 || printed.put(cell.itemCode(), shown) != null) {
                        problems.add(cell.itemCode() + " printed as " + cell.text() + " (twice, or not its value)");
                    }
                }
            }
        }
        if (!order.equals(List.of(FormTable.T2, FormTable.T3, FormTable.T4))) {
            problems.add("tables " + order + " instead of 表二, 表三, 表四");
        }
        return printed;
    }

    private Optional<String> sentenceProblem(Span span, Map<String, BigDecimal> printed, DraftData data) {
        if (span instanceof Span.Figure figure) {
            BigDecimal expected = figure.scope() == TotalScope.COUNTY ? source(figure.codes(), printed, data)
                    : data.sum(figure.scope(), figure.codes());
            String text = Numbers.format(expected, form.item(figure.codes().get(0)).type());
            if (figure.value().compareTo(expected) != 0 || !figure.text().equals(text)) {
                return Optional.of("sentence figure " + figure.text() + " for " + figure.codes()
                        + " but the source says " + text);
            }
        } else if (span instanceof Span.Change change) {
            BigDecimal current = source(change.codes(), printed, data);
            BigDecimal previous = data.previousSum(change.codes()).orElse(null);
            if (previous == null || change.current().compareTo(current) != 0 || change.previous().compareTo(previous) != 0
                    || !change.text().equals(Numbers.change(current, previous, change.unit(),
                    form.item(change.codes().get(0)).type()))) {
                return Optional.of("comparison \"" + change.text() + "\" for " + change.codes()
                        + " does not follow from " + current + " and last year's " + previous);
            }
        } else if (span instanceof Span.Placeholder placeholder
                && !(placeholder.text().startsWith("【请补充：") && placeholder.text().endsWith("】"))) {
            return Optional.of("placeholder not marked: " + placeholder.text());
        }
        return Optional.empty();
    }

    /** A county figure as the tables print it, or the total when the tables do not show it (总体情况). */
    private static BigDecimal source(List<String> codes, Map<String, BigDecimal> printed, DraftData data) {
        return codes.stream().map(c -> printed.containsKey(c) ? printed.get(c)
                : data.total().getOrDefault(c, BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
