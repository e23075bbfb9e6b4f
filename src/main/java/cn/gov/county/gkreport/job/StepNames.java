package cn.gov.county.gkreport.job;



/**
 * The names of the nightly job's steps, declared once: the step configurations, the job's order
 * ({@code ConsolidationJobConfiguration.STEP_ORDER}), the run summary, the failure messages and the
 * tests use these. The names are also the keys of the job repository's step history,
 * so renaming one makes a restart run that step again from the start.
 */
public final class StepNames {

    public static final String MAIL_INTAKE = "mailIntakeStep";
    public static final String INTAKE = "intakeStep";
    public static final String IMPORT_SUBMISSIONS = "importSubmissionsStep";
    public static final String REVIEW = "reviewStep";
    public static final String CONSOLIDATE = "consolidateStep";
    public static final String WRITE_WORKBOOK = "writeWorkbookStep";
    public static final String WRITE_FEEDBACK = "writeFeedbackStep";
    public static final String WRITE_DRAFT = "writeDraftStep";
    public static final String STATUS_PAGE = "statusPageStep";
    public static final String MAIL_REPLIES = "mailRepliesStep";
    public static final String CHASE_LIST = "chaseListStep";
    public static final String RESULT_MAIL = "resultMailStep";

    private StepNames() {
    }
}
