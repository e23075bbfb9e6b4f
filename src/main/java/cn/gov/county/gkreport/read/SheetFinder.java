package cn.gov.county.gkreport.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import cn.gov.county.gkreport.read.grid.SheetGrid;
import cn.gov.county.gkreport.read.grid.WorkbookGrid;

/**
 * The searchable sheets of one workbook, indexed once. Picks the sheet holding a table the way the
 * clerk sees the workbook: visible sheets first (a hidden sheet often holds last year's copy),
 * the sheet with the template's name if it carries the table's anchor label, otherwise the only
 * visible sheet that does (tables pasted into a workbook of the unit's own).
 *
 * <p>What it decides is said: a hidden sheet with the table is a SHEET warning naming it; two
 * visible copies of one table ({@code 表二} and {@code 表二 (2)}, or two unnamed sheets) are a
 * SHEET error naming both, since nobody can tell which one the unit means.
 */
final class SheetFinder {

    static final String RULE_ID = "SHEET";

    private final List<SheetSearch> sheets;
    private final ContentBuilder out;
    private final LabelQueries asked;
    private final Set<String> hiddenNoted = new HashSet<>();

    /**
     * @param search how a sheet is made searchable (the template's index when the sheet's labels are exactly its)
     * @param asked  records the anchors while the template's layout is derived; otherwise {@code null}
     */
    SheetFinder(WorkbookGrid workbook, Function<SheetGrid, SheetSearch> search, LabelQueries asked, ContentBuilder out) {
        this.sheets = workbook.sheets().stream().map(search).toList();
        this.asked = asked;
        this.out = out;
    }

    Optional<SheetSearch> find(String preferredName, String anchorLabel) {
        if (asked != null) {
            asked.anchors().add(anchorLabel);
        }
        // one pass, no streams: six tables ask this of every workbook
        List<SheetSearch> visible = new ArrayList<>(2);
        List<SheetSearch> hidden = new ArrayList<>(1);
        Optional<SheetSearch> named = Optional.empty();
        for (SheetSearch sheet : sheets) {
            if (sheet.find(anchorLabel).isEmpty()) {
                continue;
            }
            if (sheet.grid().hidden()) {
                hidden.add(sheet);
            } else {
                visible.add(sheet);
                if (named.isEmpty() && sheet.grid().name().equals(preferredName)) {
                    named = Optional.of(sheet);
                }
            }
        }
        SheetSearch namedSheet = named.orElse(null);
        List<SheetSearch> rivals = visible.size() < 2 ? List.of() : named.isPresent()
                ? visible.stream().filter(s -> s != namedSheet && isCopyName(s.grid().name(), preferredName)).toList()
                : visible.stream().skip(1).toList();
        Optional<SheetSearch> chosen = named.or(() -> visible.stream().findFirst());
        if (chosen.isPresent() && !rivals.isEmpty()) {
            out.note(ReadNote.error(RULE_ID, rivals.get(0).grid().name(), "", "工作簿里有两个可见的工作表都有" + preferredName
                    + "：“" + chosen.get().grid().name() + "”和“" + rivals.get(0).grid().name() + "”，无法确定以哪一个为准。"
                    + "请删除过时的那一个（只保留本年度的" + preferredName + "）后重新报送。"));
        }
        if (chosen.isPresent()) {
            for (SheetSearch h : hidden) {
                if (hiddenNoted.add(h.grid().name())) {
                    out.note(ReadNote.warning(RULE_ID, h.grid().name(), "", "隐藏的工作表“" + h.grid().name() + "”里也有"
                            + preferredName + "，本次没有读取它，已按看得见的工作表“" + chosen.get().grid().name()
                            + "”读取。如果隐藏的是旧表，请删除它；如果它才是本年度的数字，请取消隐藏并删除另一张后重新报送。"));
                }
            }
            return chosen;
        }
        if (hidden.isEmpty()) {
            return Optional.empty();
        }
        SheetSearch only = hidden.stream().filter(s -> s.grid().name().equals(preferredName)).findFirst()
                .orElse(hidden.get(0));
        if (hiddenNoted.add(only.grid().name())) {
            out.note(ReadNote.warning(RULE_ID, only.grid().name(), "", "工作表“" + only.grid().name() + "”是隐藏的，"
                    + preferredName + "只在这张隐藏的工作表里，已按它读取。请取消隐藏（右键工作表标签→取消隐藏），"
                    + "核对数字后重新报送。"));
        }
        return Optional.of(only);
    }

    /** {@code 表二 (2)}, {@code 表二副本}, {@code 表二-旧}: a copy Excel or the clerk made of the template's sheet. */
    private static boolean isCopyName(String name, String templateName) {
        String n = LabelText.normalize(name);
        String t = LabelText.normalize(templateName);
        return n.length() > t.length() && n.startsWith(t);
    }
}
