package cn.gov.county.gkreport.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Whether a written .xlsx is a sound OPC package, read with nothing but java.util.zip: every part
 * has a content type (by extension or by name), every override names a part that exists, and every
 * internal relationship's target exists.
 */
final class PackageIntegrity {

    private static final Pattern DEFAULT = Pattern.compile("<Default\\b[^>]*?Extension=\"([^\"]+)\"[^>]*?ContentType=\"([^\"]+)\"|<Default\\b[^>]*?ContentType=\"([^\"]+)\"[^>]*?Extension=\"([^\"]+)\"");
    private static final Pattern OVERRIDE = Pattern.compile("<Override\\b[^>]*?(?:PartName=\"([^\"]+)\"[^>]*?ContentType=\"([^\"]+)\"|ContentType=\"([^\"]+)\"[^>]*?PartName=\"([^\"]+)\")");
    private static final Pattern RELATIONSHIP = Pattern.compile("<Relationship\\b[^>]*>");

    private PackageIntegrity() {
    }

    static void assertSound(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Set<String> parts = new TreeSet<>();
            Collections.list(zip.entries()).stream().filter(e -> !e.isDirectory()).forEach(e -> parts.add(e.getName()));
            assertThat(parts).as(file + " content types").contains("[Content_Types].xml");
            Map<String, String> defaults = new HashMap<>();
            Map<String, String> overrides = new HashMap<>();
            contentTypes(read(zip, "[Content_Types].xml"), defaults, overrides);
            for (String part : parts) {
                if (part.equals("[Content_Types].xml")) {
                    continue;
                }
                String ext = part.substring(part.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                assertThat(overrides.containsKey("/" + part) || defaults.containsKey(ext))
                        .as(file.getFileName() + ": content type of " + part).isTrue();
            }
            for (String named : overrides.keySet()) {
                assertThat(parts).as(file.getFileName() + ": override of a missing part").contains(named.substring(1));
            }
            for (String rels : parts) {
                if (!rels.endsWith(".rels")) {
                    continue;
                }
                String source = rels.replace("_rels/", "").replaceAll("\\.rels$", "");
                String base = source.contains("/") ? source.substring(0, source.lastIndexOf('/') + 1) : "";
                Matcher m = RELATIONSHIP.matcher(read(zip, rels));
                while (m.find()) {
                    String tag = m.group();
                    if (tag.contains("TargetMode=\"External\"")) {
                        continue;
                    }
                    String target = attribute(tag, "Target");
                    assertThat(parts).as(file.getFileName() + ": target of " + tag + " in " + rels).contains(resolve(base, target));
                }
            }
        }
    }

    /** The content type a package gives a part. */
    static String contentType(Path file, String part) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, String> defaults = new HashMap<>();
            Map<String, String> overrides = new HashMap<>();
            contentTypes(read(zip, "[Content_Types].xml"), defaults, overrides);
            return overrides.getOrDefault("/" + part, defaults.get(part.substring(part.lastIndexOf('.') + 1)));
        }
    }

    static List<String> entries(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    private static void contentTypes(String xml, Map<String, String> defaults, Map<String, String> overrides) {
        Matcher d = DEFAULT.matcher(xml);
        while (d.find()) {
            if (d.group(1) != null) {
                defaults.put(d.group(1).toLowerCase(Locale.ROOT), d.group(2));
            } else {
                defaults.put(d.group(4).toLowerCase(Locale.ROOT), d.group(3));
            }
        }
        Matcher o = OVERRIDE.matcher(xml);
        while (o.find()) {
            if (o.group(1) != null) {
                overrides.put(o.group(1), o.group(2));
            } else {
                overrides.put(o.group(4), o.group(3));
            }
        }
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    private static String resolve(String base, String target) {
        String path = target.startsWith("/") ? target.substring(1) : base + target;
        Deque<String> segments = new ArrayDeque<>();
        for (String s : path.split("/")) {
            if (s.equals("..")) {
                segments.pollLast();
            } else if (!s.isEmpty() && !s.equals(".")) {
                segments.addLast(s);
            }
        }
        return String.join("/", segments);
    }

    private static String read(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
