package cn.gov.county.gkreport.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What tonight's run changed compared with the previous run of the same year: units whose counting
 * submission or standing changed (new, corrected, newly rejected), and county figures that changed,
 * old → new. Empty lists on a rerun with nothing new; no previous run on the year's first night.
 *
 * @param previousRun the previous run's job execution id and when it computed, if there was one
 */
public record RunChanges(Optional<PreviousRun> previousRun, List<UnitChange> units, List<FigureChange> figures) {

    /** The run compared with. */
    public record PreviousRun(long executionId, String computedAt) {
    }

    /** A unit whose standing or counting version changed; {@code before} empty when it had sent nothing. */
    public record UnitChange(String unitCode, String unitName, String before, String after, String what) {
    }

    /** A county figure (scope 全县合计) that changed. */
    public record FigureChange(String itemCode, String item, BigDecimal before, BigDecimal after) {
    }

    public RunChanges {
        units = List.copyOf(units);
        figures = List.copyOf(figures);
    }

    public boolean none() {
        return previousRun.isPresent() && units.isEmpty() && figures.isEmpty();
    }

    /** The one line 汇总表 and the run summary print. */
    public String headline() {
        if (previousRun.isEmpty()) {
            return "本年度首次汇总，没有可比较的上次汇总。";
        }
        if (none()) {
            return "与上次汇总相比：无变化";
        }
        return "与上次汇总（" + previousRun.get().computedAt() + "）相比：" + units.size() + " 个单位有变化，"
                + figures.size() + " 个全县数字有变化（见“本次变化”）";
    }
}
