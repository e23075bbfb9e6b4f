package cn.gov.county.gkreport.feedback;

import cn.gov.county.gkreport.read.grid.ReadLimits;

/** The feedback copy writer as it was before the streamed path, for comparisons and measurements (test scope). */
public final class FeedbackWorkbooks {

    private FeedbackWorkbooks() {
    }

    /** Every copy written with POI's usermodel. */
    public static FeedbackWorkbook usermodelOnly() {
        return new FeedbackWorkbook(ReadLimits.defaults(), false);
    }
}
