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
 * ID-CONFLICT: identity comes from the cover, never from the file name; but when the file name
 * names another roster unit than the cover does, one of the two is wrong, and the usual cause is a
 * neighbour's file reused with its cover left as it was. Counting it for the cover's unit would
 * replace that unit's report with someone else's figures, so the file is held as an error naming
 * both units: it never supersedes anyone.
 */
public final class FileNameHint {

    public static final String RULE_ID = "ID-CONFLICT";

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
        RosterUnit cover = coverUnit.get();
        return other.map(unit -> Finding.error(RULE_ID, "", "", "文件名“" + fileName + "”是“" + unit.name() + "”的报表，"
                + "但封面填写的单位是“" + cover.name() + "”（" + cover.code() + "）。两者不一致，本文件暂不接收，"
                + "也不会替换“" + cover.name() + "”或“" + unit.name() + "”已接收的报告。如果这是" + unit.name()
                + "的报表，请把封面的单位名称和单位代码改为“" + unit.name() + "”（" + unit.code() + "）后重新报送；"
                + "如果确是" + cover.name() + "的报表，请改正文件名后重新报送。"));
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
