package cn.gov.county.gkreport.check;

import static cn.gov.county.gkreport.support.FormFixtures.moved;
import static cn.gov.county.gkreport.support.FormFixtures.submission;
import static cn.gov.county.gkreport.support.FormFixtures.toLegacyTable3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.form.CellRef;
import cn.gov.county.gkreport.read.FigureCell;
import cn.gov.county.gkreport.read.SubmissionContent;
import cn.gov.county.gkreport.support.FormFixtures.Written;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V-2019: 表三 in the 2019 layout, a single （六）其他处理 row, read as （六）3.其他 with a warning. */
class LegacyTable3RuleTest {

    @TempDir
    Path dir;

    private final LegacyTable3Rule rule = new LegacyTable3Rule();

    @Test
    void hasTheIdAndSeverityOfTheRulesTable() {
        assertThat(rule.id()).isEqualTo("V-2019");
        assertThat(rule.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void saysNothingAboutTheCurrentLayout() {
        Written file = submission("D01").write(dir);

        assertThat(file.content().legacyTable3Cell()).isEmpty();
        assertThat(file.findings(rule)).isEmpty();
    }

    @Nested
    class With2019Table3 {

        private Written written;
        private Written file;
        private int legacyRow;

        @BeforeEach
        void writeThe2019Layout() {
            // （六）: 1. 商业企业 1 (realistic figures), 2. 自然人 2, 3. 自然人 1 → one row 自然人 3, 商业企业 1, 总计 4.
            // 一、本年新收 自然人 12 + 3 so that the table still balances.
            written = submission("D01").set("T3.R6_2.NAT", 2).set("T3.R6_3.NAT", 1).set("T3.NEW.NAT", 15).write(dir);
            int[] row = new int[1];
            file = written.modify(workbook -> row[0] = toLegacyTable3(workbook, written));
            legacyRow = row[0];
        }

        @Test
        void warnsWithTheCellOfTheSingleRow() {
            List<Finding> findings = file.findings(rule);

            String stub = new CellRef(legacyRow, written.at("T3.R6_1.NAT").cell().col() - 2).a1();
            assertThat(stub).isEqualTo("B25");
            assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("V-2019", Severity.WARNING, "表三", stub));
            assertThat(findings.get(0).message()).isEqualTo("表三使用的是2019年试行格式：“（六）其他处理”只有一行（单元格 B25）。"
                    + "已将该行数字计入“（六）其他处理 3.其他”。现行格式把（六）分为三项，请下次使用现行标准模板分项填写。");
        }

        @Test
        void mapsTheSingleRowToOtherHandling3() {
            SubmissionContent content = file.content();

            FigureCell nat = content.figures().get("T3.R6_3.NAT");
            assertThat(nat.cell().a1()).isEqualTo(written.a1("T3.R6_1.NAT"));
            assertThat(nat.value()).isEqualTo(new BigDecimal("3"));
            assertThat(content.figures().get("T3.R6_3.BIZ").value()).isEqualTo(new BigDecimal("1"));
            assertThat(content.figures().get("T3.R6_3.TOTAL").value()).isEqualTo(new BigDecimal("4"));
            assertThat(content.figures()).doesNotContainKeys("T3.R6_1.NAT", "T3.R6_2.NAT", "T3.R6_1.TOTAL", "T3.R6_2.TOTAL");
            // the rows below moved up by the two deleted leaves
            assertThat(content.figures().get("T3.R7_TOTAL.NAT").cell().a1())
                    .isEqualTo(moved(written.at("T3.R7_TOTAL.NAT"), -2));
            assertThat(content.figures().get("T3.CARRY_OUT.NAT").cell().a1())
                    .isEqualTo(moved(written.at("T3.CARRY_OUT.NAT"), -2));
        }

        @Test
        void doesNotReportTheMissingLeavesAsShapeErrors() {
            assertThat(file.findings(new ShapeRule())).isEmpty();
        }

        @Test
        void keepsTheTotalsBalanced() {
            List<Finding> findings = file.findings(List.of(new Table3RowTotalRule(), new Table3ResultSumRule(),
                    new Table3BalanceRule(), new TypeRule(), new ImplicitZeroRule()), Optional.empty());

            assertThat(findings).isEmpty();
            assertThat(file.figure("T3.R7_TOTAL.TOTAL").value()).isEqualTo(new BigDecimal("18"));
        }

        @Test
        void isAcceptedWithOnlyThisWarning() {
            List<Finding> findings = file.allFindings();

            assertThat(findings).extracting(Finding::ruleId).containsExactly("V-2019");
            assertThat(SubmissionChecker.rejects(findings)).isFalse();
        }
    }
}
