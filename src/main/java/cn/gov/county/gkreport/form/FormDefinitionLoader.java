package cn.gov.county.gkreport.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads a form definition from its YAML resource (e.g. {@code forms/gb-2021.yaml}). */
public final class FormDefinitionLoader {

    /** The current national format, used by the template, the reader and the job. */
    public static final String CURRENT = "forms/gb-2021.yaml";

    private FormDefinitionLoader() {
    }

    public static FormDefinition loadCurrent() {
        return load(CURRENT);
    }

    public static FormDefinition load(String resource) {
        try (InputStream in = FormDefinitionLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("form definition not found on the classpath: " + resource);
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new FormDefinition(str(root, "id"), str(root, "title"), cover(map(root, "cover")),
                    table2(map(root, "table2")), table3(map(root, "table3")), table4(map(root, "table4")),
                    indicators(map(root, "indicators")), limits(root),
                    plausibility(root), explanations(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CoverSheet cover(Map<String, Object> node) {
        List<CoverField> fields = list(node, "fields").stream()
                .map(f -> new CoverField(str(f, "key"), str(f, "label"))).toList();
        return new CoverSheet(str(node, "sheet"), str(node, "title"), fields, strings(node, "instructions"));
    }

    private static Table2Layout table2(Map<String, Object> node) {
        List<Table2Block> blocks = new ArrayList<>();
        for (Map<String, Object> block : list(node, "blocks")) {
            List<Label> columns = list(block, "columns").stream().map(FormDefinitionLoader::label).toList();
            List<ValueType> types = list(block, "columns").stream().map(FormDefinitionLoader::type).toList();
            List<Label> rows = list(block, "rows").stream().map(FormDefinitionLoader::label).toList();
            blocks.add(new Table2Block(str(block, "title"), columns, types, rows));
        }
        return new Table2Layout(str(node, "sheet"), str(node, "title"), blocks);
    }

    private static Table3Layout table3(Map<String, Object> node) {
        List<Table3Column> columns = list(node, "columns").stream()
                .map(c -> new Table3Column(str(c, "code"), str(c, "label"), "org".equals(c.get("group")),
                        Boolean.TRUE.equals(c.get("derived"))))
                .toList();
        List<Table3Row> rows = new ArrayList<>();
        Map<String, String> legacy = new LinkedHashMap<>();
        flattenRows(list(node, "rows"), List.of(), rows, legacy);
        return new Table3Layout(str(node, "sheet"), str(node, "title"), str(node, "corner"),
                str(node, "applicantHeader"), str(node, "organisationHeader"), columns, rows, legacy);
    }

    private static void flattenRows(List<Map<String, Object>> nodes, List<String> groups, List<Table3Row> out,
                                    Map<String, String> legacy) {
        for (Map<String, Object> n : nodes) {
            if (n.containsKey("group")) {
                String group = str(n, "group");
                if (n.containsKey("legacySingleRow")) {
                    legacy.put(group, str(n, "legacySingleRow"));
                }
                List<String> nested = new ArrayList<>(groups);
                nested.add(group);
                flattenRows(list(n, "rows"), nested, out, legacy);
            } else {
                out.add(new Table3Row(str(n, "code"), str(n, "label"), role(str(n, "role")), groups));
            }
        }
    }

    private static Table3Row.Role role(String role) {
        return switch (role) {
            case "received" -> Table3Row.Role.RECEIVED;
            case "result" -> Table3Row.Role.RESULT;
            case "resultTotal" -> Table3Row.Role.RESULT_TOTAL;
            case "carriedOut" -> Table3Row.Role.CARRIED_OUT;
            default -> throw new IllegalStateException("unknown 表三 row role " + role);
        };
    }

    private static Table4Layout table4(Map<String, Object> node) {
        List<Table4Layout.Group> groups = list(node, "groups").stream()
                .map(g -> new Table4Layout.Group(str(g, "code"), str(g, "label"), (String) g.get("parent"))).toList();
        List<Table4Layout.Column> columns = list(node, "columns").stream()
                .map(c -> new Table4Layout.Column(str(c, "code"), str(c, "label"), Boolean.TRUE.equals(c.get("derived"))))
                .toList();
        return new Table4Layout(str(node, "sheet"), str(node, "title"), groups, columns);
    }

    private static IndicatorSheet indicators(Map<String, Object> node) {
        List<Indicator> items = list(node, "items").stream()
                .map(i -> new Indicator(str(i, "code"), str(i, "label"), str(i, "unit"), type(i),
                        i.containsKey("sumOf") ? strings(i, "sumOf") : List.of(), (String) i.get("atMost")))
                .toList();
        return new IndicatorSheet(str(node, "sheet"), str(node, "title"), strings(node, "headers"), items);
    }

    private static List<FigureLimit> limits(Map<String, Object> root) {
        if (!root.containsKey("limits")) {
            return List.of();
        }
        return list(root, "limits").stream().map(l -> new FigureLimit(strings(l, "items"), (String) l.get("unit"),
                new BigDecimal(str(l, "max")), l.containsKey("warnAbove") ? new BigDecimal(str(l, "warnAbove")) : null,
                (String) l.get("warnRule"))).toList();
    }

    private static Plausibility plausibility(Map<String, Object> root) {
        if (!root.containsKey("plausibility")) {
            return Plausibility.NONE;
        }
        Map<String, Object> node = map(root, "plausibility");
        Map<String, Object> yoy = map(node, "yearOnYear");
        Map<String, Object> fees = map(node, "feeNotice");
        return new Plausibility(strings(yoy, "items"), new BigDecimal(str(yoy, "factor")),
                new BigDecimal(str(yoy, "floor")), strings(node, "sameAsLastYear"), strings(node, "allZero"),
                str(fees, "notices"), strings(fees, "collected"));
    }

    private static ExplanationSheet explanations(Map<String, Object> root) {
        if (!root.containsKey("explanations")) {
            return ExplanationSheet.NONE;
        }
        Map<String, Object> node = map(root, "explanations");
        Map<String, Object> headers = map(node, "headers");
        return new ExplanationSheet(str(node, "sheet"), str(node, "title"), str(headers, "code"), str(headers, "cell"),
                str(headers, "text"), Integer.parseInt(str(node, "rows")), strings(node, "instructions"));
    }

    private static Label label(Map<String, Object> node) {
        return new Label(str(node, "code"), str(node, "label"),
                node.containsKey("aliases") ? strings(node, "aliases") : List.of());
    }

    private static ValueType type(Map<String, Object> node) {
        return "amount".equals(node.get("type")) ? ValueType.AMOUNT : ValueType.COUNT;
    }

    private static String str(Map<String, Object> node, String key) {
        Object value = node.get(key);
        if (value == null) {
            throw new IllegalStateException("form definition: missing '" + key + "' in " + node);
        }
        return value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> node, String key) {
        return (Map<String, Object>) node.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> node, String key) {
        return (List<Map<String, Object>>) node.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> node, String key) {
        return ((List<Object>) node.get(key)).stream().map(Object::toString).toList();
    }
}
