package cn.gov.county.gkreport.review;

/**
 * A decision as the reviewer wrote it: who decided (the 审核人 column) and, when the reviewer
 * dated it, on which day (as written); the job records when it first read it.
 */
public record ReviewDecision(ReviewTarget target, Decision decision, String reason, String reviewer, String decidedOn) {

    /** The same decision (a row read again unchanged is not a new decision). */
    public boolean sameAs(ReviewDecision other) {
        return other != null && target.equals(other.target) && decision == other.decision
                && text(reason).equals(text(other.reason)) && text(reviewer).equals(text(other.reviewer))
                && text(decidedOn).equals(text(other.decidedOn));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
