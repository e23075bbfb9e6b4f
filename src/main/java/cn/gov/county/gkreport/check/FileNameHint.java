package cn.gov.county.gkreport.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.read.LabelText;

/**
 * ID-HINT: identity comes from the cover, never from the file name; but when the file name names
 * another roster unit than the cover does, the clerk (or the county) should know, because one of
 * the two is wrong. A warning only: the cover decides.
 */
public final class FileNameHint {

    public static final String RULE_ID = "ID-HINT";

    private static final Pattern CODE_TOKEN = Pattern.compile("[A-Za-z0-9]+");

    private FileNameHint() {
    }

    public static Optional<Finding> check(String fileName, Optional<RosterUnit> coverUnit, Roster roster) {
        if (coverUnit.isEmpty() || fileName == null) {
            return Optional.empty();
        }
        String name = LabelText.normalize(fileName);
        List<String> tokens = codeTokens(name);
        // The usual case, a file named after its own unit, needs no look at the rest of the roster.
        String ownName = LabelText.normalize(coverUnit.get().name());
        if (tokens.contains(coverUnit.get().code()) || ownName.length() >= 2 && name.contains(ownName)) {
            return Optional.empty();
        }
        Optional<RosterUnit> other = tokens.stream().map(roster::byCode).flatMap(Optional::stream).findFirst()
                .or(() -> roster.namedIn(name));
        return other.map(unit -> Finding.warning(RULE_ID, "", "", "文件名“" + fileName + "”看起来是“" + unit.name()
                + "”的报表，但封面填写的单位是“" + coverUnit.get().name() + "”。已按封面计入“" + coverUnit.get().name()
                + "”；如果封面填错了，请改正封面后重新报送。"));
    }

    /** A code counts only as a whole token: D1 must not match inside D12. */
    private static List<String> codeTokens(String fileName) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = CODE_TOKEN.matcher(fileName);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
