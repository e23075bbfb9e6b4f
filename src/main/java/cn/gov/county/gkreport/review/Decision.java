package cn.gov.county.gkreport.review;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a reviewer can decide: per unit and version 通过 or 退回, per finding 确认 or 撤销. The
 * Chinese word is what the reviewer types (or picks from the cell's list) in the review workbook.
 */
public enum Decision {
    PASS("通过", Target.VERSION, false),
    RETURN("退回", Target.VERSION, true),
    CONFIRM("确认", Target.FINDING, false),
    CLEAR("撤销", Target.FINDING, true);

    /** What a decision is about. */
    public enum Target { VERSION, FINDING }

    private final String word;
    private final Target target;
    private final boolean needsReason;

    Decision(String word, Target target, boolean needsReason) {
        this.word = word;
        this.target = target;
        this.needsReason = needsReason;
    }

    public String word() {
        return word;
    }

    public Target target() {
        return target;
    }

    /** 退回 and 撤销 must say why: the unit is told, and history keeps it. */
    public boolean needsReason() {
        return needsReason;
    }

    /** The decision a reviewer's word names for this target, if any. */
    public static Optional<Decision> of(String word, Target target) {
        return Arrays.stream(values()).filter(d -> d.target == target && d.word.equals(word)).findFirst();
    }

    /** The words allowed for a target, as a reviewer reads them ("通过”或“退回"). */
    public static String[] words(Target target) {
        return Arrays.stream(values()).filter(d -> d.target == target).map(Decision::word).toArray(String[]::new);
    }
}
