package cn.gov.county.gkreport.form;

/** A field of the cover sheet: label in column A, value in column B. */
public record CoverField(String key, String label) {

    public static final String UNIT_NAME = "unitName";
    public static final String UNIT_CODE = "unitCode";
    public static final String UNIT_TYPE = "unitType";
    public static final String YEAR = "year";
    public static final String FORM_VERSION = "formVersion";
    public static final String CONTACT = "contact";
    public static final String PHONE = "phone";
    public static final String FILL_DATE = "fillDate";
}
