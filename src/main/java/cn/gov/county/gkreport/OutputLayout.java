package cn.gov.county.gkreport;

import java.nio.file.Path;

/**
 * Where a year's results go under the output folder: the one place that knows the names. Everything
 * of a year sits in {@code <output>/<year>/}: the consolidated workbook, the status page, the county's
 * draft, the chase list, and the feedback copies with their archive.
 *
 * @param root the output folder ({@code --output})
 * @param year the reporting year
 */
public record OutputLayout(Path root, int year) {

    /** The status page's file name, beside the consolidated workbook. */
    public static final String STATUS_PAGE = "index.html";
    /** The folder of the feedback copies, beside the consolidated workbook. */
    public static final String FEEDBACK = "feedback";
    /** The folder, inside {@link #FEEDBACK}, of copies of versions that no longer count. */
    public static final String ARCHIVE = "archive";

    /** {@code <output>/<year>}. */
    public Path yearDir() {
        return root.resolve(Integer.toString(year));
    }

    public Path consolidatedWorkbook() {
        return yearDir().resolve("consolidated-" + year + ".xlsx");
    }

    public Path statusPage() {
        return yearDir().resolve(STATUS_PAGE);
    }

    public Path feedbackDir() {
        return yearDir().resolve(FEEDBACK);
    }

    public Path feedbackArchive() {
        return feedbackDir().resolve(ARCHIVE);
    }

    /** The county's draft annual report, e.g. {@code 泽州县2024年政府信息公开工作年度报告（草稿）.docx}. */
    public Path draft(String countyName) {
        return yearDir().resolve(countyName + year + "年政府信息公开工作年度报告（草稿）.docx");
    }

    public Path chaseList() {
        return yearDir().resolve("催报名单-" + year + ".csv");
    }
}
