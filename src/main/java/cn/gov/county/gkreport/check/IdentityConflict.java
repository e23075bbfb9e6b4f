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
 * ID-CONFLICT: identity comes from the cover, never from the file name or the mail; but when the
 * file name, or else the sender of the mail that brought the file, names another roster unit than
 * the cover does, one of the two is wrong, and the usual cause is a neighbour's file reused with its
 * cover left as it was. Counting it for the cover's unit would replace that unit's report with
 * someone else's figures, so the file is held as an error naming both units: it never supersedes
 * anyone.
 *
 * <p>The file name is asked first: a file named after its cover's unit agrees with the cover, and
 * the sender is then only the messenger (an office forwarding a unit's file is not a conflict).
 */
public final class IdentityConflict {

    public static final String RULE_ID = "ID-CONFLICT";

    private static final Pattern CODE_TOKEN = Pattern.compile("[A-Za-z0-9]+");

    private IdentityConflict() {
    }

    /**
     * @param mailSender the display name and address of the mail that brought the file ("县自然资源局
     *                   &lt;zrzy@example.cn&gt;"), empty for a file put into the input folder
     */
    public static Optional<Finding> check(String fileName, Optional<String> mailSender, Optional<RosterUnit> coverUnit,
                                          Roster roster) {
        if (coverUnit.isEmpty() || fileName == null) {
            return Optional.empty();
        }
        RosterUnit cover = coverUnit.get();
        String name = LabelText.normalize(fileName);
        List<String> tokens = codeTokens(name);
        // The usual case, a file named after its own unit, needs no look at the rest of the roster.
        String ownName = LabelText.normalize(cover.name());
        if (tokens.contains(cover.code()) || ownName.length() >= 2 && name.contains(ownName)) {
            return Optional.empty();
        }
        Optional<RosterUnit> namedByFile = tokens.stream().map(roster::byCode).flatMap(Optional::stream).findFirst()
                .or(() -> roster.namedIn(name));
        if (namedByFile.isPresent()) {
            return Optional.of(conflict("文件名“" + fileName + "”是“" + namedByFile.get().name() + "”的报表", namedByFile.get(), cover,
                    "请改正文件名后重新报送"));
        }
        return mailSender.flatMap(sender -> roster.namedIn(LabelText.normalize(sender))
                .filter(unit -> !unit.code().equals(cover.code()))
                .map(unit -> conflict("本文件由“" + sender + "”发来，发件人是“" + unit.name() + "”", unit, cover,
                        "请由" + cover.name() + "报送，或在文件名中写明“" + cover.name() + "”后重新报送")));
    }

    private static Finding conflict(String whatNamesAnother, RosterUnit named, RosterUnit cover, String ifCoverIsRight) {
        return Finding.error(RULE_ID, "", "", whatNamesAnother + "，但封面填写的单位是“" + cover.name() + "”（" + cover.code() + "）。两者不一致，本文件暂不接收，"
                + "也不会替换“" + cover.name() + "”或“" + named.name() + "”已接收的报告。如果这是" + named.name()
                + "的报表，请把封面的单位名称和单位代码改为“" + named.name() + "”（" + named.code() + "）后重新报送；"
                + "如果确是" + cover.name() + "的报表，" + ifCoverIsRight + "。");
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
