package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.read.FigureCell;
import cn.gov.county.gkreport.read.SubmissionContent;

/**
 * Everything a rule may look at for one workbook.
 *
 * @param unit         the roster unit the cover identifies, when it does
 * @param previousYear the unit's accepted figures of the year before, when stored
 * @param scope        a unit's submission, or the county's own consolidated totals
 */
public record CheckContext(FormDefinition form, Roster roster, int year, SubmissionContent content,
                           Optional<RosterUnit> unit, Optional<Map<String, BigDecimal>> previousYear, Scope scope) {

    /** What is being checked: identity and unit-only rules do not apply to county totals. */
    public enum Scope { UNIT_SUBMISSION, COUNTY_TOTALS }

    public Optional<FigureCell> figure(String code) {
        return Optional.ofNullable(content.figures().get(code));
    }

    /** The figure's value; absent figures (reported by SHAPE) and unreadable ones (TYPE) count as 0. */
    public BigDecimal value(String code) {
        FigureCell cell = content.figures().get(code);
        return cell == null ? BigDecimal.ZERO : cell.valueOrZero();
    }

    /** Whether every figure is present and readable, so arithmetic on them means something. */
    public boolean allReadable(List<String> codes) {
        for (String code : codes) {
            if (!readable(code)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the figure is readable or absent (absent ones are SHAPE's). */
    public boolean readable(String code) {
        FigureCell cell = content.figures().get(code);
        return cell == null || cell.readable();
    }
}
