package cn.gov.county.gkreport.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.gov.county.gkreport.check.CheckContext;
import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.Identification;
import cn.gov.county.gkreport.check.SubmissionChecker;
import cn.gov.county.gkreport.demo.ToolCommands;
import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.read.grid.WorkbookFormat;
import cn.gov.county.gkreport.read.grid.WorkbookLoader;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed fixture corpus ({@code src/test/resources/fixtures/}, made by
 * {@code scripts/fixtures/make-fixtures.sh}): workbooks written by the product (POI), hand-edited
 * the way clerks edit them, and re-saved by LibreOffice as .xlsx and as .xls (BIFF8). Each is read
 * with the real reader and checked with every rule, against the expectation file beside it.
 */
class FixtureCorpusTest {

    static final Path DIR = Path.of("src/test/resources/fixtures");
    static final FormDefinition FORM = FormDefinitionLoader.loadCurrent();
    static final int YEAR = 2024;

    private static final SubmissionReader READER = new SubmissionReader(FORM, new WorkbookLoader(),
            ToolCommands.templateFileName(YEAR));
    private static Roster roster;

    @BeforeAll
    static void readRoster() throws IOException {
        roster = Roster.read(Path.of("jobs/roster.csv"), "泽州县");
    }

    static Stream<String> fixtures() {
        return FixtureExpectation.all(DIR).stream().map(p -> p.getFileName().toString().replace(FixtureExpectation.SUFFIX, ""));
    }

    static Stream<String> convertedCopies() {
        return fixtures().filter(name -> expectation(name).sameFiguresAs().isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsAndChecksAsExpected(String name) throws Exception {
        FixtureExpectation expected = expectation(name);
        SubmissionContent content = READER.read(DIR.resolve(expected.file()));

        assertThat(content.format()).as("format").isEqualTo(expected.format());
        assertThat(content.coverValue(CoverField.UNIT_CODE)).as("cover unit code").isEqualTo(expected.unitCode());
        assertThat(Identification.of(content, roster, FORM, YEAR).unit()).map(RosterUnit::code)
                .as("unit identified from the cover").contains(expected.unitCode());

        Map<String, String> wrong = new LinkedHashMap<>();
        expected.values().forEach((code, figure) -> {
            FigureCell read = content.figures().get(code);
            String actual = read == null ? "missing" : read.value() + "@" + new SheetCell(read.sheet(), read.cell());
            if (read == null || !figure.value().equals(read.value())
                    || !figure.cell().equals(new SheetCell(read.sheet(), read.cell()))) {
                wrong.put(code, "expected " + figure + " but read " + actual);
            }
        });
        assertThat(wrong).as("values").isEmpty();

        assertThat(codesRead(content, FigureCell.Reading.IMPLICIT_ZERO)).as("IMPLICIT_ZERO readings")
                .isEqualTo(expected.implicitZero());
        assertThat(codesRead(content, FigureCell.Reading.NOT_A_NUMBER)).as("NOT_A_NUMBER readings")
                .isEqualTo(expected.notANumber());
        assertThat(content.legacyTable3Cell()).as("legacy 表三").isEqualTo(expected.legacyTable3());

        assertThat(findings(content)).as("findings (rule@sheet!cell)").isEqualTo(expected.findings());
    }

    /** The same figures whatever saved them: POI's .xlsx, LibreOffice's .xlsx and LibreOffice's .xls. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("convertedCopies")
    void aConvertedCopyReadsExactlyLikeItsSource(String name) throws Exception {
        FixtureExpectation copy = expectation(name);
        SubmissionContent converted = READER.read(DIR.resolve(copy.file()));
        SubmissionContent original = READER.read(DIR.resolve(copy.sameFiguresAs().orElseThrow()));

        assertThat(converted.format()).isEqualTo(copy.format());
        assertThat(original.figures()).isNotEmpty();
        assertThat(converted.figures().keySet()).isEqualTo(original.figures().keySet());
        List<String> differences = new ArrayList<>();
        original.figures().forEach((code, figure) -> {
            FigureCell other = converted.figures().get(code);
            if (!figure.equals(other)) {
                differences.add(code + ": " + figure + " became " + other);
            }
        });
        assertThat(differences).isEmpty();
        assertThat(converted.cover()).isEqualTo(original.cover());
        assertThat(converted.coverCells()).isEqualTo(original.coverCells());
        assertThat(converted.problems()).isEqualTo(original.problems());
        assertThat(converted.legacyTable3Cell()).isEqualTo(original.legacyTable3Cell());
        assertThat(findings(converted)).isEqualTo(findings(original));
    }

    @Test
    void theCorpusHoldsEveryProducerAndFormatAndNothingUnexpected() throws IOException {
        List<FixtureExpectation> all = fixtures().map(FixtureCorpusTest::expectation).toList();
        Set<String> described = all.stream().map(FixtureExpectation::file).collect(Collectors.toCollection(TreeSet::new));
        Set<String> present;
        long size;
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> fixtureFiles = files.filter(f -> !f.getFileName().toString().endsWith(FixtureExpectation.SUFFIX))
                    .toList();
            present = fixtureFiles.stream().map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            size = 0;
            for (Path f : fixtureFiles) {
                size += Files.size(f);
            }
        }

        assertThat(present).as("every fixture has an expectation and every expectation a fixture").isEqualTo(described);
        assertThat(size).as("corpus size").isLessThan(2_000_000L);
        assertThat(all).extracting(FixtureExpectation::format).contains(WorkbookFormat.XLSX, WorkbookFormat.XLS);
        assertThat(all).filteredOn(e -> e.tool().startsWith("LibreOffice")).extracting(FixtureExpectation::format)
                .contains(WorkbookFormat.XLSX, WorkbookFormat.XLS);
        assertThat(all).filteredOn(e -> e.tool().startsWith("Apache POI")).isNotEmpty();
        assertThat(all).filteredOn(e -> e.file().endsWith(".xlsx") && e.format() == WorkbookFormat.XLS)
                .as("an .xls saved under an .xlsx name").isNotEmpty();
        // one copy of each of POI's .xlsx, LibreOffice's .xlsx and LibreOffice's .xls of the same figures
        assertThat(all).filteredOn(e -> e.sameFiguresAs().equals(Optional.of("d01-demo.xlsx")))
                .extracting(FixtureExpectation::format).contains(WorkbookFormat.XLSX, WorkbookFormat.XLS);
        assertThat(all).flatExtracting(FixtureExpectation::findings).extracting(f -> f.substring(0, f.indexOf('@')))
                .contains("T3-ROW", "T3-SUM", "T3-BAL", "TYPE", "IMPLICIT-0", "N-SUM", "V-2019", "SHAPE");
    }

    @Test
    void theFeeOfTheReferenceReportIsExactInEveryFormat() throws Exception {
        List<FixtureExpectation> reference = fixtures().map(FixtureCorpusTest::expectation)
                .filter(e -> e.name().startsWith("zezhou-reference")).toList();
        assertThat(reference).extracting(FixtureExpectation::format).contains(WorkbookFormat.XLSX, WorkbookFormat.XLS);
        for (FixtureExpectation e : reference) {
            FigureCell fee = READER.read(DIR.resolve(e.file())).figures().get("T2.FEE.AMOUNT");
            assertThat(fee.value()).as(e.file()).isEqualTo(new BigDecimal("6360.31"));
            assertThat(fee.raw()).as(e.file()).isEqualTo("6360.31");
        }
    }

    // ---------------------------------------------------------------------------------------------

    static FixtureExpectation expectation(String name) {
        try {
            return FixtureExpectation.load(DIR.resolve(name + FixtureExpectation.SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> codesRead(SubmissionContent content, FigureCell.Reading reading) {
        return content.figures().values().stream().filter(f -> f.reading() == reading).map(FigureCell::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every finding of every rule as {@code RULE@sheet!cell} ({@code RULE@sheet} without a cell), sorted. */
    static List<String> findings(SubmissionContent content) {
        List<Finding> findings = SubmissionChecker.allRules().check(new CheckContext(FORM, roster, YEAR, content,
                Identification.of(content, roster, FORM, YEAR).unit(), Optional.empty(),
                CheckContext.Scope.UNIT_SUBMISSION));
        return findings.stream().map(f -> f.ruleId() + "@" + f.sheet() + (f.cell().isEmpty() ? "" : "!" + f.cell()))
                .sorted().toList();
    }
}
