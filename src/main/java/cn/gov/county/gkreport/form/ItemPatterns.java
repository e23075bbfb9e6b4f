package cn.gov.county.gkreport.form;

import java.util.List;

/** Item code patterns of the form definition: a code, or a prefix ending in {@code *} ({@code T3.*}). */
public final class ItemPatterns {

    private ItemPatterns() {
    }

    public static boolean matches(List<String> patterns, String code) {
        return patterns.stream().anyMatch(p -> p.endsWith("*") ? code.startsWith(p.substring(0, p.length() - 1))
                : code.equals(p));
    }
}
