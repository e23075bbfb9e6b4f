package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.read.SubmissionContent;
import cn.gov.county.gkreport.read.SubmissionReader;
import cn.gov.county.gkreport.read.grid.UnreadableReason;
import cn.gov.county.gkreport.read.grid.UnreadableWorkbookException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one submitted file and applies every rule. Whatever the file holds, the result is an
 * {@link Assessment}: a file that cannot be read is rejected with its own reason, and no
 * exception text ever reaches a clerk (it goes to the log).
 */
public final class SubmissionAssessor {

    private static final Logger log = LoggerFactory.getLogger(SubmissionAssessor.class);

    private final FormDefinition form;
    private final Roster roster;
    private final SubmissionReader reader;
    private final SubmissionChecker checker;
    private final PreviousReports previousReports;

    public SubmissionAssessor(FormDefinition form, Roster roster, SubmissionReader reader, SubmissionChecker checker,
                              PreviousReports previousReports) {
        this.form = form;
        this.roster = roster;
        this.reader = reader;
        this.checker = checker;
        this.previousReports = previousReports;
    }

    /** A file put into the input folder: no mail sender. */
    public Assessment assess(long submissionId, Path file, String fileName, int year) {
        return assess(submissionId, file, fileName, Optional.empty(), year);
    }

    /**
     * @param fileName   the name the unit sent the file under (the stored file may be named differently)
     * @param mailSender who sent the mail that brought the file, empty for a file put into the input folder
     */
    public Assessment assess(long submissionId, Path file, String fileName, Optional<String> mailSender, int year) {
        if (!Files.isRegularFile(file)) {
            return unreadable(submissionId, UnreadableReason.CORRUPT, "登记后文件已被移走或删除（" + file.getFileName()
                    + "），无法读取。请重新放入输入目录后再次运行。");
        }
        SubmissionContent content;
        try {
            content = reader.read(file);
        } catch (UnreadableWorkbookException e) {
            log.info("{}: unreadable: {}", file.getFileName(), e.getMessage());
            return unreadable(submissionId, e.reason(), e.reason().what() + "。" + e.reason().advice());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            log.warn("{}: unexpected failure while reading", file.getFileName(), e);
            return unreadable(submissionId, UnreadableReason.CORRUPT, UnreadableReason.CORRUPT.what() + "。"
                    + UnreadableReason.CORRUPT.advice());
        }
        Identification identity = Identification.of(content, roster, form, year);
        Optional<Map<String, BigDecimal>> previous = identity.unit()
                .flatMap(unit -> previousReports.accepted(unit.code(), year - 1));
        List<Finding> findings = new ArrayList<>(checker.check(new CheckContext(form, roster, year, content,
                identity.unit(), previous, CheckContext.Scope.UNIT_SUBMISSION)));
        IdentityConflict.check(fileName, mailSender, identity.unit(), roster).ifPresent(findings::add);
        return new Assessment(submissionId, identity.unit(), content.format().name(),
                content.coverValue(CoverField.FORM_VERSION), content.coverValue(CoverField.CONTACT),
                content.coverValue(CoverField.PHONE), new ArrayList<>(content.figures().values()), findings,
                Optional.empty(), content.explanations());
    }

    private static Assessment unreadable(long submissionId, UnreadableReason reason, String message) {
        return new Assessment(submissionId, Optional.empty(), "", "", "", "", List.of(),
                List.of(Finding.aboutFile("FILE", message)), Optional.of(reason));
    }
}
