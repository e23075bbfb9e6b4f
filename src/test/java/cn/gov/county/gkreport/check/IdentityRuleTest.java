package cn.gov.county.gkreport.check;

import static cn.gov.county.gkreport.support.FormFixtures.FORM;
import static cn.gov.county.gkreport.support.FormFixtures.ROSTER;
import static cn.gov.county.gkreport.support.FormFixtures.YEAR;
import static cn.gov.county.gkreport.support.FormFixtures.context;
import static cn.gov.county.gkreport.support.FormFixtures.coverCell;
import static cn.gov.county.gkreport.support.FormFixtures.submission;
import static cn.gov.county.gkreport.support.FormFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.support.FormFixtures.Written;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ID: the cover names a roster unit, the job's year and a known form version. */
class IdentityRuleTest {

    @TempDir
    Path dir;

    private final IdentityRule rule = new IdentityRule();

    private static Optional<String> identifiedCode(Written file) {
        return Identification.of(file.content(), ROSTER, FORM, YEAR).unit().map(u -> u.code());
    }

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("ID");
        assertThat(rule.severity()).isEqualTo(Severity.ERROR);
    }

    @Nested
    class Identifies {

        @Test
        void identifiesRosterUnitFromItsCover() {
            Written file = submission("T07").write(dir);

            assertThat(file.findings(rule)).isEmpty();
            assertThat(identifiedCode(file)).contains("T07");
        }

        @Test
        void identifiesUnitWithFullWidthCodeAndSpacePaddedName() {
            Written file = submission("D01").cover(CoverField.UNIT_CODE, "Ｄ０１")
                    .cover(CoverField.UNIT_NAME, " 县人民政府办公室 ").write(dir);

            assertThat(file.findings(rule)).isEmpty();
            assertThat(identifiedCode(file)).contains("D01");
        }

        @Test
        void identifiesUnitWithSpacesInsideNameAndLowerCaseCode() {
            Written file = submission("D11").cover(CoverField.UNIT_CODE, " d11 ")
                    .cover(CoverField.UNIT_NAME, "县住房和城乡建设　管理局").cover(CoverField.YEAR, "２０２４年度").write(dir);

            assertThat(file.findings(rule)).isEmpty();
            assertThat(identifiedCode(file)).contains("D11");
        }

        @Test
        void identifiesUnitByNameWhenCodeIsLeftBlank() {
            Written file = submission("T12").cover(CoverField.UNIT_CODE, null).write(dir);

            assertThat(file.findings(rule)).isEmpty();
            assertThat(identifiedCode(file)).contains("T12");
        }

        @Test
        void doesNotApplyToTheCountysOwnTotals() {
            Written file = submission("D01").cover(CoverField.UNIT_NAME, "泽州县人民政府").cover(CoverField.UNIT_CODE, "ZZ")
                    .cover(CoverField.YEAR, "2023").write(dir);

            assertThat(rule.check(context(file.content(), Optional.empty(), CheckContext.Scope.COUNTY_TOTALS))).isEmpty();
        }
    }

    @Nested
    class RejectsUnknownUnit {

        @Test
        void rejectsUnitNotOnTheRoster() {
            Written file = submission("D01").cover(CoverField.UNIT_NAME, "县气象局").cover(CoverField.UNIT_CODE, "D99")
                    .write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(coverCell(CoverField.UNIT_NAME)).isEqualTo("B3");
            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("ID", Severity.ERROR, "封面", "B3"));
            assertThat(findings.get(0).message()).isEqualTo("封面的单位“县气象局”（代码“D99”）不在本县报送名册中，无法确认是哪个单位报送的。"
                    + "请在封面填写名册中的单位名称和单位代码。");
            assertThat(identifiedCode(file)).isEmpty();
        }

        @Test
        void rejectsCodeAndNameOfDifferentUnits() {
            Written file = submission("D03").cover(CoverField.UNIT_CODE, "T01").write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::ruleId, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("ID", "封面", coverCell(CoverField.UNIT_CODE)));
            assertThat(findings.get(0).message()).startsWith("封面的单位代码“T01”是“南村镇”的代码，而单位名称写的是“县教育局”。");
            assertThat(identifiedCode(file)).isEmpty();
        }

        @Test
        void rejectsNameThatDoesNotMatchTheCode() {
            Written file = submission("D01").cover(CoverField.UNIT_NAME, "县政府办").write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::ruleId, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("ID", "封面", coverCell(CoverField.UNIT_NAME)));
            assertThat(findings.get(0).message()).isEqualTo("封面的单位名称“县政府办”与单位代码“D01”（名册中为“县人民政府办公室”）不一致。"
                    + "请按名册填写单位名称。");
        }

        @Test
        void rejectsCodeNotOnTheRosterForAKnownName() {
            Written file = submission("D03").cover(CoverField.UNIT_CODE, "D99").write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::cell).containsExactly(coverCell(CoverField.UNIT_CODE));
            assertThat(findings.get(0).message()).isEqualTo("封面的单位代码“D99”不在名册中（“县教育局”的代码是 D03）。请改正单位代码。");
        }
    }

    @Nested
    class RejectsYearAndVersion {

        @Test
        void rejectsWrongYearButStillKnowsTheUnit() {
            Written file = submission("T02").cover(CoverField.YEAR, "2023").write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(coverCell(CoverField.YEAR)).isEqualTo("B6");
            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("ID", Severity.ERROR, "封面", "B6"));
            assertThat(findings.get(0).message()).isEqualTo("封面的报告年度为“2023”，本次汇总的是 2024 年度报告。请填写 2024，"
                    + "并确认表中数字是 2024 年的。");
            assertThat(identifiedCode(file)).contains("T02");
        }

        @Test
        void rejectsUnknownFormVersion() {
            Written file = submission("T02").cover(CoverField.FORM_VERSION, "gb-2019").write(dir);

            List<Finding> findings = file.findings(rule);

            assertThat(findings).extracting(Finding::ruleId, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("ID", "封面", coverCell(CoverField.FORM_VERSION)));
            assertThat(findings.get(0).message()).isEqualTo("封面的表式版本为“gb-2019”，本系统只接收现行表式“gb-2021”。"
                    + "请使用县里下发的现行标准模板重新填写。");
        }

        @Test
        void reportsUnitYearAndVersionProblemsTogether() {
            Written file = submission("D01").cover(CoverField.UNIT_NAME, "县气象局").cover(CoverField.UNIT_CODE, "D99")
                    .cover(CoverField.YEAR, "2023年").cover(CoverField.FORM_VERSION, "2019试行").write(dir);

            assertThat(file.findings(rule)).extracting(Finding::ruleId, Finding::cell).containsExactly(
                    tuple("ID", coverCell(CoverField.UNIT_NAME)),
                    tuple("ID", coverCell(CoverField.YEAR)),
                    tuple("ID", coverCell(CoverField.FORM_VERSION)));
        }
    }
}
