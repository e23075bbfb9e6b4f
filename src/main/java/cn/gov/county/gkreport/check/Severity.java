package cn.gov.county.gkreport.check;

/** ERROR rejects a submission (it is not merged); WARNING accepts it and lists the finding. */
public enum Severity {
    ERROR("错误"),
    WARNING("警告");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** As shown to clerks and reviewers. */
    public String label() {
        return label;
    }
}
