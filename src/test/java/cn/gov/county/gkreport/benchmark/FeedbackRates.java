package cn.gov.county.gkreport.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.check.Assessment;
import cn.gov.county.gkreport.check.SubmissionAssessor;
import cn.gov.county.gkreport.check.SubmissionChecker;
import cn.gov.county.gkreport.feedback.FeedbackWorkbook;
import cn.gov.county.gkreport.feedback.FeedbackWorkbook.FeedbackRequest;
import cn.gov.county.gkreport.feedback.FeedbackWorkbooks;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.read.SubmissionReader;
import cn.gov.county.gkreport.read.grid.ReadLimits;
import cn.gov.county.gkreport.read.grid.WorkbookFormat;
import cn.gov.county.gkreport.read.grid.WorkbookLoader;

/**
 * Feedback copies per second on one thread, in this JVM after warm-up: the streamed path (today's
 * {@link FeedbackWorkbook}) against the POI usermodel path it replaces, on the same files with the
 * findings the checker makes of them (every file of a {@code --flawed=1.0} night has some), timed in
 * interleaved rounds so a load change falls on both alike.
 */
final class FeedbackRates {

    private static final int MAX_SAMPLE = 200;
    private static final int PASSES = 3;

    record Result(int files, int findings, double streamedMs, double usermodelMs) {
        double ratio() {
            return streamedMs <= 0 ? 0 : usermodelMs / streamedMs;
        }
    }

    private final SubmissionAssessor assessor;

    FeedbackRates(FormDefinition form, Roster roster, String templateName) {
        SubmissionReader reader = new SubmissionReader(form, new WorkbookLoader(ReadLimits.defaults()), templateName);
        this.assessor = new SubmissionAssessor(form, roster, reader, SubmissionChecker.allRules(), (unit, year) -> Optional.empty());
    }

    /** Copies of the sample's files with findings, written into {@code out} (emptied between rounds). */
    Result measure(List<SubmissionGenerator.Generated> files, Path out) throws IOException {
        List<FeedbackRequest> requests = new ArrayList<>();
        int findings = 0;
        int step = Math.max(1, files.size() / MAX_SAMPLE);
        for (int i = 0; i < files.size() && requests.size() < MAX_SAMPLE; i += step) {
            Path file = files.get(i).file();
            Assessment a = assessor.assess(0, file, file.getFileName().toString(), SubmissionGenerator.YEAR);
            if (a.findings().isEmpty() || !file.toString().endsWith(".xlsx")) {
                continue;
            }
            findings += a.findings().size();
            requests.add(new FeedbackRequest(file, WorkbookFormat.XLSX, a.unit().map(u -> u.name()).orElse(null),
                    a.unit().map(u -> u.code()).orElse(null), SubmissionGenerator.YEAR, 1, file.getFileName().toString(),
                    a.findings()));
        }
        if (requests.isEmpty()) {
            return new Result(0, 0, 0, 0);
        }
        FeedbackWorkbook streamed = new FeedbackWorkbook();
        FeedbackWorkbook usermodel = FeedbackWorkbooks.usermodelOnly();
        round(streamed, requests, out);
        round(usermodel, requests, out);
        double best = Double.MAX_VALUE;
        double bestPoi = Double.MAX_VALUE;
        for (int pass = 0; pass < PASSES; pass++) {
            best = Math.min(best, round(streamed, requests, out));
            bestPoi = Math.min(bestPoi, round(usermodel, requests, out));
        }
        return new Result(requests.size(), findings, best, bestPoi);
    }

    /** Milliseconds per copy over one pass. */
    private static double round(FeedbackWorkbook copies, List<FeedbackRequest> requests, Path out) throws IOException {
        SubmissionGenerator.deleteTree(out);
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        for (FeedbackRequest request : requests) {
            copies.write(request, out);
        }
        return (System.nanoTime() - t0) / 1e6 / requests.size();
    }
}
