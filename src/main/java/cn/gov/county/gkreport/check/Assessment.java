package cn.gov.county.gkreport.check;

import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.read.Explanation;
import cn.gov.county.gkreport.read.FigureCell;
import cn.gov.county.gkreport.read.grid.UnreadableReason;

/**
 * The outcome of reading and checking one submission, ready to be stored in one transaction.
 *
 * @param submissionId the registered submission
 * @param unit         the unit its cover identifies, if any
 * @param fileFormat   XLSX or XLS as decided from the content, or empty when unreadable
 * @param formVersion  the cover's form version, or empty
 * @param contact      contact person from the cover
 * @param phone        contact phone from the cover
 * @param figures      every figure read, with its source cell
 * @param findings     every finding, in the order listed to the clerk
 * @param unreadable   why the file could not be read at all, if so
 * @param explanations what the unit wrote on its 说明 sheet, stored with this version
 */
public record Assessment(long submissionId, Optional<RosterUnit> unit, String fileFormat, String formVersion,
                         String contact, String phone, List<FigureCell> figures, List<Finding> findings,
                         Optional<UnreadableReason> unreadable, List<Explanation> explanations) {

    public Assessment(long submissionId, Optional<RosterUnit> unit, String fileFormat, String formVersion,
                      String contact, String phone, List<FigureCell> figures, List<Finding> findings,
                      Optional<UnreadableReason> unreadable) {
        this(submissionId, unit, fileFormat, formVersion, contact, phone, figures, findings, unreadable, List.of());
    }

    public Assessment {
        figures = List.copyOf(figures);
        findings = List.copyOf(findings);
        explanations = List.copyOf(explanations);
    }

    public boolean accepted() {
        return unit.isPresent() && !SubmissionChecker.rejects(findings);
    }
}
