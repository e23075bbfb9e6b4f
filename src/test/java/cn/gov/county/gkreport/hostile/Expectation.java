package cn.gov.county.gkreport.hostile;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The expected outcome of one hostile case, read from {@code src/test/resources/hostile/<case>.expected}
 * (UTF-8 properties): status, unit and version, rule ids, the FILE reason code, fragments of the
 * Chinese message, and a {@code known-bug} note when the main code is known to fail the case.
 */
record Expectation(String id, String fileName, byte[] rawFileName, String status, String unit, Integer version,
                   Set<String> rules, Integer findings, String reasonCode, List<String> messages,
                   Optional<String> duplicateOf, Map<String, String> storedColumns, String affects, String knownBug,
                   String descriptionZh, String descriptionEn) {

    static final String REJECTED = "REJECTED";
    static final String ACCEPTED = "ACCEPTED";
    static final String SUPERSEDED = "SUPERSEDED";
    static final String SKIPPED_DUPLICATE = "SKIPPED-DUPLICATE";
    static final String NOT_REGISTERED = "NOT-REGISTERED";
    private static final Set<String> STATUSES = Set.of(REJECTED, ACCEPTED, SUPERSEDED, SKIPPED_DUPLICATE, NOT_REGISTERED);

    static Map<String, Expectation> loadAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            Map<String, Expectation> all = new TreeMap<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".expected")).toList()) {
                Expectation e = load(file);
                String id = file.getFileName().toString().replaceFirst("\\.expected$", "");
                if (!e.id().equals(id)) {
                    throw new IllegalStateException(file + ": id " + e.id() + " differs from the file name");
                }
                all.put(id, e);
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Expectation load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String status = required(p, "status", file);
        if (!STATUSES.contains(status)) {
            throw new IllegalStateException(file + ": unknown status " + status);
        }
        List<String> messages = new ArrayList<>();
        for (int i = 1; p.containsKey("message." + i); i++) {
            messages.add(p.getProperty("message." + i));
        }
        Map<String, String> columns = new TreeMap<>();
        for (String column : List.of("contact_person", "contact_phone", "file_format")) {
            if (p.containsKey(column)) {
                columns.put(column, p.getProperty(column));
            }
        }
        String hex = p.getProperty("file.hex", "").strip();
        return new Expectation(required(p, "id", file), required(p, "file", file),
                hex.isEmpty() ? null : HexFormat.of().parseHex(hex), status, p.getProperty("unit", "").strip(),
                blankToNull(p.getProperty("version")) == null ? null : Integer.valueOf(p.getProperty("version").strip()),
                Arrays.stream(p.getProperty("rules", "").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(TreeSet::new)),
                blankToNull(p.getProperty("findings")) == null ? null : Integer.valueOf(p.getProperty("findings").strip()),
                p.getProperty("reason_code", "").strip(), messages,
                Optional.ofNullable(blankToNull(p.getProperty("duplicate-of"))), columns,
                p.getProperty("affects", ""), p.getProperty("known-bug", "").strip(),
                p.getProperty("description.zh", ""), p.getProperty("description.en", ""));
    }

    boolean registered() {
        return !status.equals(SKIPPED_DUPLICATE) && !status.equals(NOT_REGISTERED);
    }

    boolean knownBugNoted() {
        return !knownBug.isEmpty();
    }

    /** For assertion messages: the case, and the known bug if one is noted. */
    String label() {
        return id + (knownBugNoted() ? "  [known-bug: " + knownBug + "]" : "");
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(file + ": missing " + key);
        }
        return value.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
