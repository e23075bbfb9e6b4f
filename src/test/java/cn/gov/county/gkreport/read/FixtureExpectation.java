package cn.gov.county.gkreport.read;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.read.grid.WorkbookFormat;

/**
 * What a fixture of {@code src/test/resources/fixtures/} must read as, kept beside it as
 * {@code <name>.expected.properties} (UTF-8, one {@code key=value} a line):
 * <pre>
 * file=d06-poi.xlsx                        the fixture file
 * tool=…                                   the software that wrote it
 * format=XLSX | XLS                        the container format, decided from the content
 * unitCode=D06                             the cover's unit code (a roster unit)
 * value.T2.FEE.AMOUNT=25.8@表二!B19         item = exact value @ sheet!cell, a handful of them
 * implicitZero=none | code, code …         every item read as IMPLICIT_ZERO
 * notANumber=none | code, code …           every item read as NOT_A_NUMBER
 * legacyTable3=none | 表三!B25              where the 2019 single （六）其他处理 row is
 * findings=none | RULE@sheet!cell, …       every finding of all rules (RULE@sheet when it names no cell)
 * sameFiguresAs=d06-poi.xlsx               (converted copies) the file it must read exactly like
 * </pre>
 * The generator ({@link FixtureCorpus}) writes these from what it put into each file, never from
 * what the reader makes of it.
 */
record FixtureExpectation(String name, String file, String description, String tool, WorkbookFormat format,
                          String unitCode, Map<String, Figure> values, Set<String> implicitZero,
                          Set<String> notANumber, Optional<SheetCell> legacyTable3, List<String> findings,
                          Optional<String> sameFiguresAs) {

    static final String SUFFIX = ".expected.properties";
    private static final String NONE = "none";

    /** An expected figure: its exact value and where it is. */
    record Figure(BigDecimal value, SheetCell cell) {
        @Override
        public String toString() {
            return value.toPlainString() + "@" + cell;
        }
    }

    FixtureExpectation {
        values = new LinkedHashMap<>(values);
        implicitZero = new TreeSet<>(implicitZero);
        notANumber = new TreeSet<>(notANumber);
        findings = findings.stream().sorted().toList();
    }

    /** Every expectation file of a folder, by name. */
    static List<Path> all(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FixtureExpectation load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String name = file.getFileName().toString().replace(SUFFIX, "");
        Map<String, Figure> values = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("value.")).sorted().forEach(key -> {
            String text = p.getProperty(key).strip();
            int at = text.indexOf('@');
            values.put(key.substring("value.".length()),
                    new Figure(new BigDecimal(text.substring(0, at)), sheetCell(text.substring(at + 1))));
        });
        String legacy = required(p, "legacyTable3", file);
        return new FixtureExpectation(name, required(p, "file", file), p.getProperty("description", ""),
                required(p, "tool", file), WorkbookFormat.valueOf(required(p, "format", file)),
                required(p, "unitCode", file), values, list(required(p, "implicitZero", file)),
                list(required(p, "notANumber", file)),
                legacy.equals(NONE) ? Optional.empty() : Optional.of(sheetCell(legacy)),
                findings(required(p, "findings", file)),
                Optional.ofNullable(p.getProperty("sameFiguresAs")).map(String::strip));
    }

    /** Writes the expectation beside the fixture, in a fixed order, so regenerating changes nothing. */
    void write(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Expected reading of " + file + " (written by scripts/fixtures/make-fixtures.sh).");
        lines.add("description=" + description);
        lines.add("file=" + file);
        lines.add("tool=" + tool);
        lines.add("format=" + format);
        lines.add("unitCode=" + unitCode);
        values.forEach((code, figure) -> lines.add("value." + code + "=" + figure));
        lines.add("implicitZero=" + join(implicitZero));
        lines.add("notANumber=" + join(notANumber));
        lines.add("legacyTable3=" + legacyTable3.map(SheetCell::toString).orElse(NONE));
        lines.add("findings=" + join(findings));
        sameFiguresAs.ifPresent(source -> lines.add("sameFiguresAs=" + source));
        Files.writeString(dir.resolve(name + SUFFIX), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /** The expectation of a copy another tool re-saved: the same reading, another file, format and tool. */
    FixtureExpectation convertedTo(String newName, String newFile, WorkbookFormat newFormat, String newTool,
                                   String newDescription) {
        return new FixtureExpectation(newName, newFile, newDescription, newTool, newFormat, unitCode, values,
                implicitZero, notANumber, legacyTable3, findings, Optional.of(file));
    }

    static SheetCell sheetCell(String text) {
        int bang = text.lastIndexOf('!');
        return new SheetCell(text.substring(0, bang), CellRef.parse(text.substring(bang + 1)));
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(file + ": missing " + key);
        }
        return value.strip();
    }

    private static Set<String> list(String text) {
        if (text.equals(NONE)) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Findings keep duplicates (two SHAPE problems of one sheet name no cell and read alike). */
    private static List<String> findings(String text) {
        if (text.equals(NONE)) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
    }

    private static String join(Iterable<String> items) {
        List<String> all = new ArrayList<>();
        items.forEach(all::add);
        return all.isEmpty() ? NONE : String.join(", ", all);
    }
}
