package cn.gov.county.gkreport.read.grid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OOXML escapes characters XML cannot carry as {@code _xHHHH_}, in shared and inline strings alike. */
final class OoxmlEscapes {

    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private OoxmlEscapes() {
    }

    static String decode(String s) {
        if (s.indexOf("_x") < 0) {
            return s;
        }
        Matcher m = ESCAPE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
