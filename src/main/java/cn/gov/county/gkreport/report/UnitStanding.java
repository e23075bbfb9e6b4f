package cn.gov.county.gkreport.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.report.ReportQueries.SubmissionRow;

/**
 * Where a roster unit stands tonight: 已接收 when it has an accepted submission, 未通过 when it
 * sent files but none passed, 未报送 when nothing arrived.
 */
public record UnitStanding(RosterUnit unit, Standing standing, Optional<SubmissionRow> counting,
                           List<SubmissionRow> submissions) {

    /** The unit's state for the chase list and the status sheet. */
    public enum Standing {
        ACCEPTED("已接收"), REJECTED("未通过"), MISSING("未报送");

        private final String label;

        Standing(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Each unit's standing in roster order; the submissions are grouped once (a province roster has thousands). */
    public static List<UnitStanding> of(List<RosterUnit> units, List<SubmissionRow> submissions) {
        Map<String, List<SubmissionRow>> byUnit = new HashMap<>();
        for (SubmissionRow row : submissions) {
            if (row.unitCode() != null) {
                byUnit.computeIfAbsent(row.unitCode(), code -> new ArrayList<>()).add(row);
            }
        }
        return units.stream().map(u -> of(u, byUnit.getOrDefault(u.code(), List.of()))).toList();
    }

    private static UnitStanding of(RosterUnit unit, List<SubmissionRow> own) {
        Optional<SubmissionRow> accepted = own.stream().filter(s -> s.status().equals("ACCEPTED")).findFirst();
        if (accepted.isPresent()) {
            return new UnitStanding(unit, Standing.ACCEPTED, accepted, own);
        }
        if (!own.isEmpty()) {
            return new UnitStanding(unit, Standing.REJECTED, Optional.of(own.get(own.size() - 1)), own);
        }
        return new UnitStanding(unit, Standing.MISSING, Optional.empty(), own);
    }
}
