package cn.gov.county.gkreport.store;

/** Where a submission stands; history is never deleted, only superseded. */
public enum SubmissionStatus {
    /** Registered by intake, not yet read and checked. */
    RECEIVED("待处理"),
    /** Passed every ERROR rule; the unit's latest accepted version is the one that counts. */
    ACCEPTED("已接收"),
    /** Failed an ERROR rule (or could not be read): kept with its findings, never merged. */
    REJECTED("未通过"),
    /** Accepted once, then replaced by a later accepted version of the same unit and year. */
    SUPERSEDED("已被新版本替代"),
    /** Passed every rule but returned by the reviewer (退回): counts as rejected until withdrawn or replaced. */
    RETURNED("审核退回");

    private final String label;

    SubmissionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
