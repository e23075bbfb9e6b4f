package cn.gov.county.gkreport.feedback;

import java.util.regex.Pattern;

/**
 * The name of a feedback copy, so the unit recognises it: {@code 县司法局-2024年-第1版-校验反馈.xlsx}.
 * Names come from what units typed, so they are made safe for every file system.
 */
final class FeedbackFileName {

    private static final Pattern UNSAFE = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}]");
    private static final int MAX_LENGTH = 120;

    private FeedbackFileName() {
    }

    static String of(AnnotatedCopy.Request request) {
        String extension = request.format() == cn.gov.county.gkreport.read.WorkbookFormat.XLS ? ".xls" : ".xlsx";
        String base;
        if (request.unitName() != null) {
            base = request.unitName() + "-" + request.year() + "年" + (request.version() == null ? ""
                    : "-第" + request.version() + "版") + "-校验反馈";
        } else {
            String original = request.originalFileName();
            int dot = original.lastIndexOf('.');
            base = "未识别单位-" + (dot > 0 ? original.substring(0, dot) : original) + "-校验反馈";
        }
        String safe = UNSAFE.matcher(base).replaceAll("_").replaceAll("\\.{2,}", "_").replaceFirst("^[.\\s]+", "");
        if (safe.length() > MAX_LENGTH) {
            safe = safe.substring(0, MAX_LENGTH);
        }
        return safe + extension;
    }
}
