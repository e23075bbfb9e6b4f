package cn.gov.county.gkreport.read.grid;

import java.util.ArrayDeque;
import java.util.Deque;

/** Names of the parts of an OOXML package, as zip entry names. */
public final class PartNames {

    private PartNames() {
    }

    /**
     * A relationship target as an entry name: relative to the folder {@code base} of its source part
     * (ending in {@code /}, e.g. {@code xl/}), or absolute from the package root.
     */
    public static String resolve(String base, String target) {
        String t = target.replace('\\', '/');
        String path = t.startsWith("/") ? t.substring(1) : base + t;
        Deque<String> parts = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || ".".equals(segment)) {
                continue;
            }
            if ("..".equals(segment)) {
                parts.pollLast();
            } else {
                parts.addLast(segment);
            }
        }
        return String.join("/", parts);
    }
}
