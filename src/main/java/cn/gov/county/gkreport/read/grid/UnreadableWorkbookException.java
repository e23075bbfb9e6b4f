package cn.gov.county.gkreport.read.grid;

/**
 * The file is not a workbook we can read. Carries a reason for the clerk; the technical detail is
 * for the log only and never reaches a finding.
 */
public class UnreadableWorkbookException extends Exception {

    private final UnreadableReason reason;

    public UnreadableWorkbookException(UnreadableReason reason, String technicalDetail, Throwable cause) {
        super(reason.name() + ": " + technicalDetail, cause);
        this.reason = reason;
    }

    public UnreadableWorkbookException(UnreadableReason reason, String technicalDetail) {
        this(reason, technicalDetail, null);
    }

    static UnreadableWorkbookException corrupt(String technicalDetail) {
        return new UnreadableWorkbookException(UnreadableReason.CORRUPT, technicalDetail);
    }

    static UnreadableWorkbookException tooLarge(String technicalDetail) {
        return new UnreadableWorkbookException(UnreadableReason.TOO_LARGE, technicalDetail);
    }

    public UnreadableReason reason() {
        return reason;
    }
}
