package cn.gov.county.gkreport.mail.reply;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The annotated feedback workbook to attach to a reply, if one was written for the submission
 * (by the write-feedback step, in {@code output/<year>/feedback/}).
 */
@FunctionalInterface
public interface FeedbackAttachments {

    Optional<Path> find(long submissionId);

    static FeedbackAttachments none() {
        return id -> Optional.empty();
    }
}
