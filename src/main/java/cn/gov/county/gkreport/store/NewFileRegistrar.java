package cn.gov.county.gkreport.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.gov.county.gkreport.intake.IncomingFile;

import org.apache.commons.io.FilenameUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Registers each new file the intake found as a RECEIVED submission. A file whose SHA-256 is already known for the
 * year (the same file again, under any name) is recognised and not registered twice; that check
 * runs here, inside the chunk's transaction, so two copies in one night are caught too. A file the
 * mailbox intake saved is registered as source MAIL with the time the mail arrived, so "the newest
 * version counts" follows when a unit sent it, not when the night's job found it.
 */
public class NewFileRegistrar implements ItemWriter<IncomingFile> {

    /** Where files whose names cannot be stored are kept under their fingerprint (hidden: never re-listed). */
    static final String STORED_COPIES = ".stored";

    private static final Logger log = LoggerFactory.getLogger(NewFileRegistrar.class);

    private final SubmissionRepository submissions;
    private final int year;
    private final long executionId;
    private final LocalDateTime receivedAt;
    private final Function<Collection<String>, Map<String, LocalDateTime>> mailedAt;

    /**
     * @param receivedAt when this run found the files (for files put into the folder by hand)
     * @param mailedAt   for fingerprints, when the mail that brought each file arrived (absent: not by mail)
     */
    public NewFileRegistrar(SubmissionRepository submissions, int year, long executionId, LocalDateTime receivedAt,
                            Function<Collection<String>, Map<String, LocalDateTime>> mailedAt) {
        this.submissions = submissions;
        this.year = year;
        this.executionId = executionId;
        this.receivedAt = receivedAt;
        this.mailedAt = mailedAt;
    }

    /**
     * A file whose name is not valid in the system's encoding (raw bytes, GBK from an old zip tool)
     * cannot be found again from the name stored in the database; such a file is copied, once, to a
     * name made of its fingerprint, and registered from there under its name as decoded.
     */
    private IncomingFile readable(IncomingFile file) {
        Path byName = Path.of(file.path().toAbsolutePath().toString());
        if (Files.isRegularFile(byName)) {
            return file;
        }
        try {
            Path store = Files.createDirectories(file.path().toAbsolutePath().getParent().resolve(STORED_COPIES));
            Path copy = store.resolve(file.sha256() + extension(file.fileName()));
            if (!Files.exists(copy)) {
                Files.copy(file.path(), copy);
            }
            log.warn("文件名含无法识别的字符，已按指纹另存后处理: {} -> {}", file.fileName(), copy.getFileName());
            return new IncomingFile(copy, file.fileName(), file.sha256(), file.size(), file.modifiedAt());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a copy of " + file.fileName(), e);
        }
    }

    /** The name's own extension when it looks like one (xlsx, xls, et), else .bin. */
    private static String extension(String name) {
        String ext = FilenameUtils.getExtension(name).toLowerCase(Locale.ROOT);
        return ext.matches("[a-z]{2,4}") ? "." + ext : ".bin";
    }

    /** A chunk of files: one query for the known ones, one for the mailed ones, one batch insert. */
    @Override
    public void write(Chunk<? extends IncomingFile> files) {
        List<String> fingerprints = new ArrayList<>();
        files.forEach(file -> fingerprints.add(file.sha256()));
        Set<String> known = new HashSet<>(submissions.known(year, fingerprints));
        Map<String, LocalDateTime> mailed = mailedAt.apply(fingerprints);
        List<SubmissionRepository.Registration> registrations = new ArrayList<>();
        for (IncomingFile file : files) {
            // known also gathers this chunk's own files: two copies in one chunk are registered once
            if (!known.add(file.sha256())) {
                log.debug("已登记过的文件，跳过: {} (SHA-256 {})", file.fileName(), file.sha256().substring(0, 12));
                continue;
            }
            LocalDateTime mailTime = mailed.get(file.sha256());
            registrations.add(new SubmissionRepository.Registration(readable(file), mailTime == null ? "FOLDER" : "MAIL",
                    mailTime == null ? receivedAt : mailTime));
        }
        submissions.register(registrations, year, executionId);
    }
}
