package cn.gov.county.gkreport.check;

import java.util.List;
import java.util.Optional;
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

    private FileNameHint() {
    }

    public static Optional<Finding> check(String fileName, Optional<RosterUnit> coverUnit, Roster roster) {
        if (coverUnit.isEmpty() || fileName == null) {
            return Optional.empty();
        }
        String name = LabelText.normalize(fileName);
        List<RosterUnit> named = roster.units().stream().filter(u -> mentions(name, u)).toList();
        if (named.isEmpty() || named.contains(coverUnit.get())) {
            return Optional.empty();
        }
        RosterUnit other = named.get(0);
        return Optional.of(Finding.warning(RULE_ID, "", "", "文件名“" + fileName + "”看起来是“" + other.name()
                + "”的报表，但封面填写的单位是“" + coverUnit.get().name() + "”。已按封面计入“" + coverUnit.get().name()
                + "”；如果封面填错了，请改正封面后重新报送。"));
    }

    private static boolean mentions(String fileName, RosterUnit unit) {
        String unitName = LabelText.normalize(unit.name());
        if (unitName.length() >= 2 && fileName.contains(unitName)) {
            return true;
        }
        // A code counts only as a whole token: D1 must not match inside D12.
        return Pattern.compile("(^|[^A-Za-z0-9])" + Pattern.quote(unit.code()) + "($|[^A-Za-z0-9])").matcher(fileName).find();
    }
}
