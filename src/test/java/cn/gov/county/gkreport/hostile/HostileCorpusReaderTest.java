package cn.gov.county.gkreport.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.gov.county.gkreport.check.Assessment;
import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.SubmissionAssessor;
import cn.gov.county.gkreport.check.SubmissionChecker;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.intake.InputFolder;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.read.SubmissionReader;
import cn.gov.county.gkreport.read.grid.WorkbookLoader;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile case read directly, without Spring or a database: the committed file (or the one
 * generated now) goes through the same {@link SubmissionAssessor} the import step uses, and its
 * outcome (accepted or not, unit, rule ids, FILE reason, message) must be the one in its
 * expectation file. Also: the corpus is complete, small enough to commit, and the generator
 * reproduces the committed files byte for byte.
 */
class HostileCorpusReaderTest {

    /** Far above what any case takes (the zip bombs stop within a second): only a hang fails it. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(5);
    private static final FormDefinition FORM = FormDefinitionLoader.loadCurrent();
    private static final Roster ROSTER = roster();
    private static final HostileCorpus CORPUS = new HostileCorpus(FORM, ROSTER);
    private static final List<HostileCorpus.Case> CASES = CORPUS.cases();
    private static final Map<String, Expectation> EXPECTED = Expectation.loadAll(HostileCorpus.EXPECTATIONS);

    @TempDir
    Path work;

    private static Roster roster() {
        try {
            return Roster.read(Path.of("jobs/roster.csv"), "泽州县");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyCaseHasAnExpectationAndEveryExpectationACase() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(30);
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(CASES.stream().map(HostileCorpus.Case::id).toList());
        for (HostileCorpus.Case c : CASES) {
            Expectation e = EXPECTED.get(c.id());
            assertThat(e.fileName()).as(c.id()).isEqualTo(c.fileName());
            assertThat(e.rawFileName()).as(c.id()).isEqualTo(c.rawName());
            assertThat(e.descriptionZh()).as(c.id()).isNotBlank();
            assertThat(e.descriptionEn()).as(c.id()).isNotBlank();
            if (!e.reasonCode().isEmpty()) {
                assertThat(e.rules()).as(c.id()).contains("FILE");
            }
        }
    }

    @Test
    void theCommittedCorpusIsWhatTheGeneratorWritesAndSmall() throws Exception {
        Path fresh = work.resolve("fresh");
        CORPUS.writeCommitted(fresh);
        List<String> committed;
        try (Stream<Path> files = Files.list(HostileCorpus.COMMITTED)) {
            committed = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(committed).as("the committed corpus; run scripts/hostile/regenerate.sh after changing the generator")
                .containsExactlyInAnyOrderElementsOf(CASES.stream().filter(HostileCorpus.Case::committed)
                        .map(HostileCorpus.Case::storedName).toList());
        for (String name : committed) {
            Path file = HostileCorpus.COMMITTED.resolve(name);
            assertThat(Files.size(file)).as(name).isLessThan(200 * 1024);
            assertThat(sha256(file)).as("%s differs from the generator's output; run scripts/hostile/regenerate.sh", name)
                    .isEqualTo(sha256(fresh.resolve(name)));
        }
    }

    @TestFactory
    Stream<DynamicTest> eachCaseReadsAsExpected() {
        SubmissionAssessor assessor = new SubmissionAssessor(FORM, ROSTER,
                new SubmissionReader(FORM, new WorkbookLoader(), "政府信息公开工作年度报告-标准模板.xlsx"), SubmissionChecker.allRules(),
                (unitCode, year) -> Optional.empty());
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            Expectation e = EXPECTED.get(c.id());
            Path dir = work.resolve(c.id());
            Optional<String> skipped = CORPUS.materialize(c, dir, HostileCorpus.COMMITTED,
                    FileTime.from(Instant.parse("2025-02-01T08:00:00Z")));
            if (skipped.isPresent()) {
                abort(c.id() + " cannot be represented here: " + skipped.get());
            }
            Path file = onlyFile(dir);
            if (e.status().equals(Expectation.NOT_REGISTERED)) {
                // the intake's decision: the folder listing passes over it
                assertThat(new InputFolder(dir).files()).as(e.label()).isEmpty();
                return;
            }
            if (e.status().equals(Expectation.SKIPPED_DUPLICATE)) {
                HostileCorpus.Case original = HostileCorpus.byId(CASES).get(e.duplicateOf().orElseThrow());
                Path originalDir = work.resolve(original.id() + "-original");
                CORPUS.materialize(original, originalDir, HostileCorpus.COMMITTED, FileTime.from(Instant.EPOCH));
                assertThat(sha256(file)).as(e.label()).isEqualTo(sha256(onlyFile(originalDir)));
                return;
            }
            // the name as the intake sees it (a name that is not valid UTF-8 decodes with replacement characters);
            // the work a case may cost is bounded by the read limits' counts, the time-out only guards against a hang
            Assessment a = assertTimeoutPreemptively(HANG_GUARD,
                    () -> assessor.assess(1, file, file.getFileName().toString(), HostileCorpus.YEAR));

            boolean accepted = !e.status().equals(Expectation.REJECTED);
            List<String> findings = a.findings().stream().map(f -> f.ruleId() + " " + f.message()).toList();
            assertThat(a.accepted()).as("%s accepted? findings %s", e.label(), findings).isEqualTo(accepted);
            assertThat(a.unit().map(u -> u.code()).orElse("")).as(e.label()).isEqualTo(e.unit());
            assertThat((java.util.Set<String>) a.findings().stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new)))
                    .as("%s rule ids; findings %s", e.label(), findings).isEqualTo(e.rules());
            if (e.findings() != null) {
                assertThat(a.findings()).as("%s findings", e.label()).hasSize(e.findings());
            }
            assertThat(a.unreadable().map(Enum::name).orElse("")).as(e.label()).isEqualTo(e.reasonCode());
            for (String fragment : e.messages()) {
                assertThat(a.findings()).as("%s: a message containing “%s”; findings %s", e.label(), fragment, findings)
                        .anySatisfy(f -> assertThat(f.message()).contains(fragment));
            }
            for (Finding f : a.findings()) {
                assertThat(f.message()).as(e.label()).doesNotContainPattern(HostileCorpusJobTest.JAVA_TEXT)
                        .doesNotContain("文件文件").doesNotContain("root:x:0:0");
            }
            if (e.storedColumns().containsKey("contact_person")) {
                assertThat(a.contact()).as(e.label()).isEqualTo(e.storedColumns().get("contact_person"));
            }
            if (e.storedColumns().containsKey("file_format")) {
                assertThat(a.fileFormat()).as(e.label()).isEqualTo(e.storedColumns().get("file_format"));
            }
        }));
    }

    /** The one entry of a case's own folder (found by listing: a raw-byte name cannot be spelled in Java). */
    static Path onlyFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = new ArrayList<>(files.toList());
            assertThat(all).as("files in %s", dir).hasSize(1);
            return all.get(0);
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
