package cn.gov.county.gkreport.store;

import java.time.LocalDateTime;

/** A stored submission: one file received for a year, and what became of it. */
public record Submission(long id, int year, String unitCode, Integer version, SubmissionStatus status, String source,
                         String sourcePath, String fileName, String sha256, long size, LocalDateTime receivedAt,
                         LocalDateTime fileModifiedAt, String fileFormat, String formVersion, String contactPerson,
                         String contactPhone) {
}
