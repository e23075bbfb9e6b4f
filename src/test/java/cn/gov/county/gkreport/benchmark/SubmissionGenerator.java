package cn.gov.county.gkreport.benchmark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.form.Indicator;
import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.form.Table3Column;
import cn.gov.county.gkreport.form.Table3Row;
import cn.gov.county.gkreport.form.Table4Layout;
import cn.gov.county.gkreport.form.ValueType;
import cn.gov.county.gkreport.intake.UnitType;

/**
 * Generates N realistic submissions of the current form quickly, without POI's usermodel per file.
 *
 * <p>One filled workbook per unit type is written with the product's own {@link FormFiles} (every
 * input 0, placeholders on the cover). Its zip is then taken apart once: every figure cell of the
 * form sheets becomes a slot (the {@code <v>} value, and the {@code <f>} formula of a total) and
 * the cover placeholders in {@code xl/sharedStrings.xml} become slots too. Each generated file is
 * the same zip with the slots filled in: the unit's code, name, contact and figures, every total's
 * cached result recomputed with {@link FormDefinition#withDerivedTotals} so the file is what Excel
 * would have saved. Figures are random but consistent with the national rules (表三 balances per
 * column, totals equal their parts, 规章 0); about 2 % of the files deliberately break one rule
 * (a 表三 imbalance, a total typed over its formula, a 规章 figure, a 表四 total typed over) and
 * must be rejected.
 *
 * <p>Optionally a share of the files is re-saved through LibreOffice ({@code --convert-to xlsx} and
 * {@code xls}), as a unit using LibreOffice would send them.
 */
public final class SubmissionGenerator {

    public static final int YEAR = 2024;
    /** About one file in fifty breaks a rule. */
    static final int BROKEN_EVERY = 50;
    static final double DEFAULT_FLAWED = 1.0 / BROKEN_EVERY;

    private static final String P_NAME = "〔单位名称〕";
    private static final String P_CODE = "〔单位代码〕";
    private static final String P_CONTACT = "〔联系人〕";
    private static final String P_PHONE = "〔联系电话〕";
    private static final String P_DATE = "〔填报日期〕";
    private static final long ENTRY_TIME = Instant.parse("2025-01-20T00:00:00Z").toEpochMilli();
    private static final Instant FIRST_MODIFIED = Instant.parse("2025-01-20T01:00:00Z");

    /** What a generated file is meant to be, for the manifest and the sanity check after reading. */
    public enum Expected { ACCEPTED, REJECTED }

    public record Unit(String code, String name, UnitType type) {
    }

    public record Generated(Path file, Unit unit, Expected expected, String breakage, String savedBy) {
    }

    private final FormDefinition form;
    private final double flawed;
    private final Map<UnitType, Template> templates = new HashMap<>();

    public SubmissionGenerator(FormDefinition form) {
        this(form, DEFAULT_FLAWED);
    }

    /**
     * @param flawed the share of files that break a rule (each then gets a feedback copy): by default
     *               one in {@value #BROKEN_EVERY}; 1.0 makes a night where every unit gets a copy
     */
    public SubmissionGenerator(FormDefinition form, double flawed) {
        this.form = form;
        this.flawed = flawed;
    }

    /** Whether the {@code i}-th file breaks a rule, and which breakage it gets (a running number). */
    private boolean broken(int i) {
        if (flawed == DEFAULT_FLAWED) {
            return i % BROKEN_EVERY == BROKEN_EVERY / 2;
        }
        return Math.floor((i + 1) * flawed) > Math.floor(i * flawed);
    }

    private int breakage(int i) {
        return flawed == DEFAULT_FLAWED ? i / BROKEN_EVERY : (int) Math.floor(i * flawed);
    }

    // ------------------------------------------------------------------------------------ roster

    public static List<Unit> syntheticUnits(int n) {
        List<Unit> units = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String number = String.format("%05d", i);
            boolean town = i % 2 == 1;
            units.add(new Unit("U" + number, town ? "试点" + number + "镇" : "县第" + number + "局",
                    town ? UnitType.TOWN : UnitType.DEPARTMENT));
        }
        return units;
    }

    public static void writeRoster(Path csv, List<Unit> units) throws IOException {
        StringBuilder out = new StringBuilder("code,name,type\n");
        for (Unit unit : units) {
            out.append(unit.code()).append(',').append(unit.name()).append(',').append(unit.type().label()).append('\n');
        }
        Files.createDirectories(csv.toAbsolutePath().getParent());
        Files.writeString(csv, out, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------ files

    /**
     * Writes one file per unit into {@code dir} (arrival order = unit order, one second apart) and
     * returns what each is meant to be.
     */
    public List<Generated> writeAll(Path dir, List<Unit> units, long seed) throws IOException {
        Files.createDirectories(dir);
        for (UnitType type : List.of(UnitType.TOWN, UnitType.DEPARTMENT)) {
            templates.put(type, Template.of(form, type, dir.getParent()));
        }
        Generated[] out = new Generated[units.size()];
        IntStream.range(0, units.size()).parallel().forEach(i -> {
            Unit unit = units.get(i);
            Random random = new Random(seed * 1_000_003L + i);
            boolean broken = broken(i);
            Map<String, BigDecimal> inputs = realisticInputs(random, unit.type());
            Breakage breakage = broken ? breakOneRule(breakage(i), inputs) : new Breakage("", null);
            Map<String, BigDecimal> values = form.withDerivedTotals(inputs);
            Map<String, Object> typed = new HashMap<>();
            if (breakage.typedOver() != null) {
                // a total typed over its formula, one more than its parts
                typed.put(breakage.typedOver(), values.get(breakage.typedOver()).add(BigDecimal.ONE));
            }
            Map<String, String> cover = Map.of(P_NAME, unit.name(), P_CODE, unit.code(),
                    P_CONTACT, "联系人" + unit.code(), P_PHONE, String.format("0356-3%06d", random.nextInt(1_000_000)),
                    P_DATE, "2025-01-" + (10 + random.nextInt(15)));
            Path file = dir.resolve(unit.code() + "-" + unit.name() + "-" + YEAR + "年政府信息公开年报.xlsx");
            try {
                byte[] bytes = templates.get(unit.type()).render(cover, values, typed);
                Files.write(file, bytes);
                Files.setLastModifiedTime(file, FileTime.from(FIRST_MODIFIED.plusSeconds(i)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out[i] = new Generated(file, unit, broken ? Expected.REJECTED : Expected.ACCEPTED, breakage.description(),
                    "template");
        });
        return List.of(out);
    }

    /** A plausible year of a town or a department: most figures 0, some busy, all rules kept. */
    private Map<String, BigDecimal> realisticInputs(Random r, UnitType type) {
        Map<String, BigDecimal> in = new HashMap<>();
        for (FormItem item : form.items()) {
            if (!item.derived()) {
                in.put(item.code(), BigDecimal.ZERO);
            }
        }
        boolean department = type == UnitType.DEPARTMENT;
        // 表二: 规章 stays 0 (T2-REG); 规范性文件 valid ≥ issued.
        if (department && r.nextInt(3) == 0) {
            int issued = r.nextInt(4);
            put(in, "T2.NORM.ISSUED", issued);
            put(in, "T2.NORM.REPEALED", r.nextInt(2));
            put(in, "T2.NORM.VALID", issued + r.nextInt(30));
        }
        put(in, "T2.LICENSE.DECISIONS", department ? r.nextInt(2_000) : r.nextInt(60));
        put(in, "T2.PENALTY.DECISIONS", department ? r.nextInt(300) : r.nextInt(20));
        put(in, "T2.COERCION.DECISIONS", r.nextInt(8) == 0 ? 1 + r.nextInt(5) : 0);
        if (department && r.nextInt(4) == 0) {
            in.put("T2.FEE.AMOUNT", BigDecimal.valueOf(r.nextInt(100_000), 2));
        }

        // 表三, column by column: results and carry-out drawn, 二 carried in at most that, 一 the rest,
        // so 一 + 二 = （七）总计 + 四 holds; the 总计 column and row are the form's own sums.
        List<Table3Row> results = form.table3().rowsWithRole(Table3Row.Role.RESULT);
        String newRow = form.table3().rowsWithRole(Table3Row.Role.RECEIVED).get(0).code();
        String carriedInRow = form.table3().rowsWithRole(Table3Row.Role.RECEIVED).get(1).code();
        String carriedOutRow = form.table3().rowsWithRole(Table3Row.Role.CARRIED_OUT).get(0).code();
        for (Table3Column column : form.table3().applicantColumns()) {
            boolean busy = column.organisation() ? r.nextInt(8) == 0 : r.nextInt(2) == 0;
            if (!busy) {
                continue;
            }
            int handled = 0;
            for (int k = 1 + r.nextInt(4); k > 0; k--) {
                Table3Row row = results.get(r.nextInt(results.size()));
                int n = 1 + r.nextInt(column.organisation() ? 3 : 12);
                in.merge("T3." + row.code() + "." + column.code(), BigDecimal.valueOf(n), BigDecimal::add);
                handled += n;
            }
            int carriedOut = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0;
            int carriedIn = r.nextInt(4) == 0 ? r.nextInt(Math.min(3, handled + carriedOut) + 1) : 0;
            put(in, "T3." + newRow + "." + column.code(), handled + carriedOut - carriedIn);
            put(in, "T3." + carriedInRow + "." + column.code(), carriedIn);
            put(in, "T3." + carriedOutRow + "." + column.code(), carriedOut);
        }

        // 表四: a few reviews and suits, mostly for departments.
        for (Table4Layout.Group group : form.table4().groups()) {
            for (Table4Layout.Column column : form.table4().columns()) {
                if (!column.derived() && r.nextInt(department ? 4 : 15) == 0) {
                    put(in, Table4Layout.itemCode(group, column), 1 + r.nextInt(3));
                }
            }
        }

        // 总体情况: portal, documents, messages (replied ≤ received), new media, clean-up.
        for (Indicator indicator : form.indicators().indicators()) {
            String code = indicator.itemCode();
            if (!in.containsKey(code) || indicator.type() == ValueType.AMOUNT) {
                continue;
            }
            put(in, code, r.nextInt(3) == 0 ? 0 : r.nextInt(department ? 400 : 120));
        }
        in.put("N.MSG_REPLIED", in.get("N.MSG_RECEIVED").min(in.get("N.MSG_REPLIED")));
        return in;
    }

    /** How a file breaks a rule; {@code typedOver}: a total typed over its formula, one more than its parts. */
    private record Breakage(String description, String typedOver) {
    }

    /** Breaks one national rule (ERROR), in turn: 表三 balance, 表三 row total, 规章, 表四 total. */
    private static Breakage breakOneRule(int which, Map<String, BigDecimal> inputs) {
        switch (which % 4) {
            case 0 -> {
                inputs.merge("T3.NEW.NAT", BigDecimal.ONE, BigDecimal::add);
                return new Breakage("T3-BAL: 一、本年新收 one more than results + carry-out", null);
            }
            case 1 -> {
                return new Breakage("T3-ROW: 总计 of （一）予以公开 typed over its formula, one too many", "T3.R1.TOTAL");
            }
            case 2 -> {
                inputs.put("T2.REG.ISSUED", BigDecimal.ONE);
                return new Breakage("T2-REG: a town or department reports 1 规章", null);
            }
            default -> {
                return new Breakage("T4-SUM: 行政复议 总计 typed over its formula, one too many", "T4.REVIEW.TOTAL");
            }
        }
    }

    private static void put(Map<String, BigDecimal> in, String code, long value) {
        in.put(code, BigDecimal.valueOf(value));
    }

    // ------------------------------------------------------------------------------ LibreOffice

    static boolean libreOfficeAvailable() {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "libreoffice")));
    }

    /**
     * Re-saves {@code count} files (spread over the set, accepted ones only) through LibreOffice,
     * half as .xlsx and half as .xls, replacing the originals (an .xls gets its own extension).
     */
    static List<Generated> resaveWithLibreOffice(List<Generated> files, int count, Path work) throws IOException,
            InterruptedException {
        List<Generated> result = new ArrayList<>(files);
        if (count <= 0) {
            return result;
        }
        List<Integer> picked = new ArrayList<>();
        int step = Math.max(1, files.size() / count);
        for (int i = step / 3; i < files.size() && picked.size() < count; i += step) {
            if (files.get(i).expected() == Expected.ACCEPTED) {
                picked.add(i);
            }
        }
        Path profile = work.resolve("lo-profile");
        Map<String, List<Integer>> byFormat = Map.of("xlsx", new ArrayList<>(), "xls", new ArrayList<>());
        for (int k = 0; k < picked.size(); k++) {
            byFormat.get(k % 2 == 0 ? "xlsx" : "xls").add(picked.get(k));
        }
        for (Map.Entry<String, List<Integer>> entry : byFormat.entrySet()) {
            String format = entry.getKey();
            if (entry.getValue().isEmpty()) {
                continue;
            }
            Path in = work.resolve("lo-in-" + format);
            Path out = work.resolve("lo-out-" + format);
            deleteTree(in);
            deleteTree(out);
            Files.createDirectories(in);
            List<String> command = new ArrayList<>(List.of("libreoffice", "-env:UserInstallation=" + profile.toUri(),
                    "--headless", "--convert-to", format, "--outdir", out.toString()));
            for (int i : entry.getValue()) {
                Path copy = in.resolve(files.get(i).file().getFileName());
                Files.copy(files.get(i).file(), copy, StandardCopyOption.REPLACE_EXISTING);
                command.add(copy.toString());
            }
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("libreoffice-" + format + ".log").toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("LibreOffice did not finish converting to " + format);
            }
            for (int i : entry.getValue()) {
                Generated g = files.get(i);
                String base = g.file().getFileName().toString().replaceFirst("\\.xlsx$", "");
                Path converted = out.resolve(base + "." + format);
                if (!Files.isRegularFile(converted)) {
                    System.err.println("LibreOffice did not convert " + g.file().getFileName() + " (see "
                            + work.resolve("libreoffice-" + format + ".log") + ")");
                    continue;
                }
                FileTime modified = Files.getLastModifiedTime(g.file());
                Path target = g.file().resolveSibling(base + "." + format);
                Files.delete(g.file());
                Files.move(converted, target, StandardCopyOption.REPLACE_EXISTING);
                Files.setLastModifiedTime(target, modified);
                result.set(i, new Generated(target, g.unit(), g.expected(), g.breakage(), "libreoffice-" + format));
            }
            deleteTree(in);
            deleteTree(out);
        }
        return result;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    // ------------------------------------------------------------------------------ the template

    /** A filled workbook taken apart into fixed bytes and slots. */
    private static final class Template {

        private final List<String> names = new ArrayList<>();
        private final Map<String, byte[]> fixed = new HashMap<>();
        private final Map<String, SlottedXml> slotted = new HashMap<>();

        static Template of(FormDefinition form, UnitType type, Path work) throws IOException {
            Map<String, String> cover = new LinkedHashMap<>();
            cover.put(CoverField.UNIT_NAME, P_NAME);
            cover.put(CoverField.UNIT_CODE, P_CODE);
            cover.put(CoverField.UNIT_TYPE, type.label());
            cover.put(CoverField.YEAR, Integer.toString(YEAR));
            cover.put(CoverField.FORM_VERSION, form.id());
            cover.put(CoverField.CONTACT, P_CONTACT);
            cover.put(CoverField.PHONE, P_PHONE);
            cover.put(CoverField.FILL_DATE, P_DATE);
            Map<String, BigDecimal> zeros = new HashMap<>();
            form.items().stream().filter(i -> !i.derived()).forEach(i -> zeros.put(i.code(), BigDecimal.ZERO));
            Files.createDirectories(work);
            Path file = work.resolve("base-" + type.name().toLowerCase() + ".xlsx");
            Map<String, SheetCell> positions = new FormFiles(form).write(file, new FormContent(cover, zeros, Map.of()));

            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
            Map<String, String> sheetEntries = sheetEntries(entries);
            Map<String, Map<String, String>> cellsBySheetEntry = new HashMap<>();
            positions.forEach((code, at) -> cellsBySheetEntry
                    .computeIfAbsent(sheetEntries.get(at.sheet()), k -> new HashMap<>()).put(at.cell().a1(), code));

            Template t = new Template();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                String name = e.getKey();
                t.names.add(name);
                String xml = new String(e.getValue(), StandardCharsets.UTF_8);
                if (cellsBySheetEntry.containsKey(name)) {
                    t.slotted.put(name, SlottedXml.cells(xml, cellsBySheetEntry.get(name)));
                } else if (name.equals("xl/sharedStrings.xml")) {
                    t.slotted.put(name, SlottedXml.strings(xml, List.of(P_NAME, P_CODE, P_CONTACT, P_PHONE, P_DATE)));
                } else {
                    t.fixed.put(name, e.getValue());
                }
            }
            int slots = t.slotted.values().stream().mapToInt(s -> s.keys.size()).sum();
            if (slots < positions.size()) {
                throw new IllegalStateException("template " + file + ": found " + slots + " slots for "
                        + positions.size() + " items");
            }
            return t;
        }

        /** Sheet name → zip entry, from workbook.xml and its relationships. */
        private static Map<String, String> sheetEntries(Map<String, byte[]> entries) {
            String workbook = new String(entries.get("xl/workbook.xml"), StandardCharsets.UTF_8);
            String rels = new String(entries.get("xl/_rels/workbook.xml.rels"), StandardCharsets.UTF_8);
            Map<String, String> targets = new HashMap<>();
            Matcher rel = Pattern.compile("<Relationship\\b[^>]*>").matcher(rels);
            while (rel.find()) {
                String tag = rel.group();
                targets.put(attribute(tag, "Id"), "xl/" + attribute(tag, "Target").replaceFirst("^/?xl/", ""));
            }
            Map<String, String> result = new HashMap<>();
            Matcher sheet = Pattern.compile("<sheet\\b[^>]*>").matcher(workbook);
            while (sheet.find()) {
                String tag = sheet.group();
                result.put(attribute(tag, "name"), targets.get(attribute(tag, "r:id")));
            }
            return result;
        }

        private static String attribute(String tag, String name) {
            Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
            if (!m.find()) {
                throw new IllegalStateException("no " + name + " in " + tag);
            }
            return m.group(1);
        }

        byte[] render(Map<String, String> cover, Map<String, BigDecimal> values, Map<String, Object> typed)
                throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.setLevel(Deflater.DEFAULT_COMPRESSION);
                for (String name : names) {
                    ZipEntry entry = new ZipEntry(name);
                    entry.setTime(ENTRY_TIME);
                    zip.putNextEntry(entry);
                    SlottedXml xml = slotted.get(name);
                    if (xml == null) {
                        zip.write(fixed.get(name));
                    } else if (name.equals("xl/sharedStrings.xml")) {
                        zip.write(xml.render(key -> "<t>" + escape(cover.get(key)) + "</t>"));
                    } else {
                        zip.write(xml.render(code -> cell(xml, code, values, typed)));
                    }
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        }

        private static String cell(SlottedXml xml, String code, Map<String, BigDecimal> values, Map<String, Object> typed) {
            Object over = typed.get(code);
            if (over != null) {
                return "<v>" + (over instanceof BigDecimal d ? d.toPlainString() : over) + "</v>";
            }
            BigDecimal value = values.get(code);
            String v = value == null ? "" : "<v>" + value.toPlainString() + "</v>";
            String formula = xml.formulas.get(code);
            return formula == null ? v : formula + v;
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }

    /** An XML text with some spans replaced per file: fixed chunks around keyed slots. */
    private static final class SlottedXml {

        private final List<byte[]> chunks = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();
        /** The {@code <f>…</f>} of a slot that holds a formula, by key. */
        private final Map<String, String> formulas = new HashMap<>();

        private record Span(int start, int end, String key) {
        }

        /** Slots for the content of each listed cell ({@code <c r="A1" …>content</c>}). */
        static SlottedXml cells(String xml, Map<String, String> codesByA1) {
            SlottedXml s = new SlottedXml();
            List<Span> spans = new ArrayList<>();
            Matcher m = Pattern.compile("<c r=\"([A-Z]+[0-9]+)\"[^>]*?(/?)>").matcher(xml);
            while (m.find()) {
                String code = codesByA1.get(m.group(1));
                if (code == null) {
                    continue;
                }
                if (!m.group(2).isEmpty()) {
                    throw new IllegalStateException("figure cell " + m.group(1) + " is empty in the template");
                }
                int end = xml.indexOf("</c>", m.end());
                String content = xml.substring(m.end(), end);
                Matcher f = Pattern.compile("<f>.*?</f>|<f\\b[^>]*/>|<f\\b[^>]*>.*?</f>").matcher(content);
                if (f.find()) {
                    s.formulas.put(code, f.group());
                }
                spans.add(new Span(m.end(), end, code));
            }
            if (spans.size() != codesByA1.size()) {
                throw new IllegalStateException("found " + spans.size() + " of " + codesByA1.size() + " figure cells");
            }
            s.split(xml, spans);
            return s;
        }

        /** Slots for each placeholder string ({@code <t>placeholder</t>}). */
        static SlottedXml strings(String xml, List<String> placeholders) {
            SlottedXml s = new SlottedXml();
            List<Span> spans = new ArrayList<>();
            for (String p : placeholders) {
                String t = "<t>" + p + "</t>";
                int at = xml.indexOf(t);
                if (at < 0) {
                    throw new IllegalStateException("placeholder " + p + " not in shared strings");
                }
                spans.add(new Span(at, at + t.length(), p));
            }
            spans.sort(Comparator.comparingInt(Span::start));
            s.split(xml, spans);
            return s;
        }

        private void split(String xml, List<Span> spans) {
            int at = 0;
            for (Span span : spans) {
                chunks.add(xml.substring(at, span.start()).getBytes(StandardCharsets.UTF_8));
                keys.add(span.key());
                at = span.end();
            }
            chunks.add(xml.substring(at).getBytes(StandardCharsets.UTF_8));
        }

        byte[] render(java.util.function.Function<String, String> slot) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(chunks.stream().mapToInt(c -> c.length).sum() + 4096);
            for (int i = 0; i < keys.size(); i++) {
                out.writeBytes(chunks.get(i));
                out.writeBytes(slot.apply(keys.get(i)).getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(chunks.get(keys.size()));
            return out.toByteArray();
        }
    }

    static void writeManifest(Path tsv, List<Generated> files) throws IOException {
        StringBuilder out = new StringBuilder("file\tunit\texpected\tsaved_by\tbreakage\n");
        for (Generated g : files) {
            out.append(g.file().getFileName()).append('\t').append(g.unit().code()).append('\t').append(g.expected())
                    .append('\t').append(g.savedBy()).append('\t').append(g.breakage()).append('\n');
        }
        Files.writeString(tsv, out, StandardCharsets.UTF_8);
    }

    static List<Generated> readManifest(Path tsv, Path dir, Map<String, Unit> units) throws IOException {
        List<Generated> result = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            result.add(new Generated(dir.resolve(f[0]), units.get(f[1]), Expected.valueOf(f[2]), f[4], f[3]));
        }
        return result;
    }

}
