package cn.gov.county.gkreport.draft;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import cn.gov.county.gkreport.OutputLayout;

/**
 * The county's draft annual report for a year: gathered from the database, composed, checked, and
 * written to {@code <output>/<year>/<县名><year>年政府信息公开工作年度报告（草稿）.docx}. Only that
 * file is ever replaced (through a temporary file and a rename), so a copy the office edits under
 * another name is never touched.
 */
public class CountyDraft {

    private final DraftSource source;
    private final DraftComposer composer;
    private final DraftCheck check;
    private final DraftDocxWriter writer;
    private final String countyName;
    private final Clock clock;

    public CountyDraft(DraftSource source, DraftComposer composer, DraftCheck check, DraftDocxWriter writer,
                       String countyName, Clock clock) {
        this.source = source;
        this.composer = composer;
        this.check = check;
        this.writer = writer;
        this.countyName = countyName;
        this.clock = clock;
    }

    /**
     * Writes the year's draft and returns it; {@code execution} names the consolidation whose
     * totals to use (empty: the year's latest).
     */
    public Written write(int year, Optional<Long> execution, Path outputRoot) throws IOException {
        DraftData data = source.gather(year, execution);
        DraftDocument draft = composer.compose(data, LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES));
        check.verify(draft, data);
        Path file = new OutputLayout(outputRoot, year).draft(countyName);
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            writer.write(draft, out);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Written(file, data.scope());
    }

    /** The file written and the units it covers, for the run summary. */
    public record Written(Path file, DraftScope scope) {
    }
}
