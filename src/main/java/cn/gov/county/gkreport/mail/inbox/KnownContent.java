package cn.gov.county.gkreport.mail.inbox;

import java.util.function.BooleanSupplier;

import cn.gov.county.gkreport.mail.FeedbackFingerprints;
import cn.gov.county.gkreport.mail.MailMessageRepository;
import cn.gov.county.gkreport.store.SubmissionRepository;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * De-duplication of attachments by SHA-256: content received before (by mail or in the input folder)
 * is not saved again, and our own feedback copies sent back are not submissions. Each question runs in
 * its own transaction so that it sees what earlier messages committed.
 */
final class KnownContent {

    private final int year;
    private final MailMessageRepository messages;
    private final SubmissionRepository submissions;
    private final FeedbackFingerprints fingerprints;
    private final BooleanSupplier feedbackFolderRecorded;
    private final TransactionTemplate tx;

    /** @param feedbackFolderRecorded records the output folder's feedback copies, once a run, before the first question */
    KnownContent(int year, MailMessageRepository messages, SubmissionRepository submissions,
                 FeedbackFingerprints fingerprints, BooleanSupplier feedbackFolderRecorded, TransactionTemplate tx) {
        this.year = year;
        this.messages = messages;
        this.submissions = submissions;
        this.fingerprints = fingerprints;
        this.feedbackFolderRecorded = feedbackFolderRecorded;
        this.tx = tx;
    }

    boolean feedbackCopy(String sha256) {
        feedbackFolderRecorded.getAsBoolean();
        return Boolean.TRUE.equals(tx.execute(status -> fingerprints.isFeedbackCopy(sha256)));
    }

    boolean receivedBefore(String sha256) {
        return Boolean.TRUE.equals(tx.execute(status ->
                messages.savedBefore(year, sha256) || submissions.isKnown(year, sha256)));
    }
}
