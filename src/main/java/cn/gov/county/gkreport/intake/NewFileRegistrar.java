package cn.gov.county.gkreport.intake;

import java.time.LocalDateTime;

import cn.gov.county.gkreport.store.SubmissionRepository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Registers each new file as a RECEIVED submission. A file whose SHA-256 is already known for the
 * year (the same file again, under any name) is recognised and not registered twice; that check
 * runs here, inside the chunk's transaction, so two copies in one night are caught too.
 */
public class NewFileRegistrar implements ItemWriter<IncomingFile> {

    private static final Logger log = LoggerFactory.getLogger(NewFileRegistrar.class);

    private final SubmissionRepository submissions;
    private final int year;
    private final long executionId;
    private final LocalDateTime receivedAt;

    public NewFileRegistrar(SubmissionRepository submissions, int year, long executionId, LocalDateTime receivedAt) {
        this.submissions = submissions;
        this.year = year;
        this.executionId = executionId;
        this.receivedAt = receivedAt;
    }

    @Override
    public void write(Chunk<? extends IncomingFile> files) {
        for (IncomingFile file : files) {
            if (submissions.isKnown(year, file.sha256())) {
                log.debug("已登记过的文件，跳过: {} (SHA-256 {})", file.fileName(), file.sha256().substring(0, 12));
                continue;
            }
            submissions.register(file, year, "FOLDER", receivedAt, executionId);
        }
    }
}
