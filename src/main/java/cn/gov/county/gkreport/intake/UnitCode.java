package cn.gov.county.gkreport.intake;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one way a unit code is read, wherever a person typed it (the roster, a cover, a setting): full-width
 * characters as half-width (NFKC), whitespace removed, upper case. So {@code t01}, {@code Ｔ０１} and
 * {@code T 01} are all {@code T01}, and a roster and a cover written differently still name one unit.
 */
public final class UnitCode {

    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private UnitCode() {
    }

    public static String normalize(String typed) {
        return WHITESPACE.matcher(Normalizer.normalize(typed, Normalizer.Form.NFKC)).replaceAll("")
                .toUpperCase(Locale.ROOT);
    }
}
