package cn.gov.county.gkreport.check;

import static cn.gov.county.gkreport.support.FormFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import cn.gov.county.gkreport.read.FigureCell;
import cn.gov.county.gkreport.read.SubmissionContent;
import cn.gov.county.gkreport.support.FormFixtures.Written;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IMPLICIT-0: a blank, -, —, /, 无 or 零 in a figure cell is read as 0 and noted. */
class ImplicitZeroRuleTest {

    @TempDir
    Path dir;

    private final ImplicitZeroRule rule = new ImplicitZeroRule();

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("IMPLICIT-0");
        assertThat(rule.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void saysNothingWhenEveryInputIsANumber() {
        assertThat(submission("D01").write(dir).findings(rule)).isEmpty();
    }

    @Test
    void warnsAboutEveryBlankOrPlaceholderReadAsZero() {
        Written file = submission("D01")
                .blank("T2.LICENSE.DECISIONS")
                .override("T2.PENALTY.DECISIONS", "-")
                .override("T2.COERCION.DECISIONS", "—")
                .override("T3.R3_1.NAT", "/")
                .override("T4.REVIEW.PENDING", "无")
                .override("N.DOCS", "零")
                .write(dir);

        SubmissionContent content = file.content();
        List<Finding> findings = file.findings(rule);

        List<String> codes = List.of("T2.LICENSE.DECISIONS", "T2.PENALTY.DECISIONS", "T2.COERCION.DECISIONS",
                "T3.R3_1.NAT", "T4.REVIEW.PENDING", "N.DOCS");
        for (String code : codes) {
            FigureCell cell = content.figures().get(code);
            assertThat(cell.reading()).as(code).isEqualTo(FigureCell.Reading.IMPLICIT_ZERO);
            assertThat(cell.value()).as(code).isEqualTo(BigDecimal.ZERO);
        }
        // listed in form order (表二, 表三, 表四, 总体情况), the same on every run
        assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                .containsExactly(
                        tuple("IMPLICIT-0", Severity.WARNING, "表二", file.a1("T2.LICENSE.DECISIONS")),
                        tuple("IMPLICIT-0", Severity.WARNING, "表二", file.a1("T2.PENALTY.DECISIONS")),
                        tuple("IMPLICIT-0", Severity.WARNING, "表二", file.a1("T2.COERCION.DECISIONS")),
                        tuple("IMPLICIT-0", Severity.WARNING, "表三", file.a1("T3.R3_1.NAT")),
                        tuple("IMPLICIT-0", Severity.WARNING, "表四", file.a1("T4.REVIEW.PENDING")),
                        tuple("IMPLICIT-0", Severity.WARNING, "总体情况", file.a1("N.DOCS")));
        assertThat(findings).extracting(Finding::message).containsExactly(
                "表二 \"行政许可\" 行 / \"本年处理决定数量\" 列（单元格 B10）为空白，已按 0 汇总。如确实为 0，请填写数字 0；如不是 0，请补填实际数字。",
                "表二 \"行政处罚\" 行 / \"本年处理决定数量\" 列（单元格 B14）为“-”，已按 0 汇总。如确实为 0，请填写数字 0；如不是 0，请补填实际数字。",
                "表二 \"行政强制\" 行 / \"本年处理决定数量\" 列（单元格 B15）为“—”，已按 0 汇总。如确实为 0，请填写数字 0；如不是 0，请补填实际数字。",
                "表三 \"（三）不予公开 1.属于国家秘密\" 行 / \"自然人\" 列（单元格 D9）为“/”，已按 0 汇总。如确实为 0，请填写数字 0；如不是 0，请补填实际数字。",
                "表四 \"行政复议\" 行 / \"尚未审结\" 列（单元格 D5）为“无”，已按 0 汇总。如确实为 0，请填写数字 0；如不是 0，请补填实际数字。",
                "总体情况 \"公开政府文件数\"（单元格 " + file.a1("N.DOCS") + "）为“零”，已按 0 汇总。如确实为 0，请填写数字 0；如不是 0，请补填实际数字。");
    }

    @Test
    void placeholdersAreNotTypeErrors() {
        Written file = submission("D01").override("T2.PENALTY.DECISIONS", "—").override("T2.COERCION.DECISIONS", "无")
                .write(dir);

        assertThat(file.findings(new TypeRule())).isEmpty();
    }

    @Test
    void isNotRaisedOnDerivedTotalCells() {
        // A placeholder or a blank over a total: read as 0 (the sum rules compare it), but not an IMPLICIT-0.
        Written file = submission("D01").override("T3.R3_1.TOTAL", "-").override("T4.SUIT_AFTER.TOTAL", "")
                .override("N.WEB_TOTAL", "无").write(dir);

        SubmissionContent content = file.content();
        assertThat(content.figures().get("T3.R3_1.TOTAL").reading()).isEqualTo(FigureCell.Reading.IMPLICIT_ZERO);
        assertThat(content.figures().get("T4.SUIT_AFTER.TOTAL").reading()).isEqualTo(FigureCell.Reading.IMPLICIT_ZERO);
        assertThat(content.figures().get("N.WEB_TOTAL").reading()).isEqualTo(FigureCell.Reading.IMPLICIT_ZERO);
        assertThat(file.findings(rule)).isEmpty();
    }
}
