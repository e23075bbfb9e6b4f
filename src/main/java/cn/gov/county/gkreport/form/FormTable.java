package cn.gov.county.gkreport.form;

/** The parts of the national form that carry figures, with the short name used in messages. */
public enum FormTable {
    T2("表二"),
    T3("表三"),
    T4("表四"),
    INDICATORS("总体情况");

    private final String shortName;

    FormTable(String shortName) {
        this.shortName = shortName;
    }

    public String shortName() {
        return shortName;
    }
}
