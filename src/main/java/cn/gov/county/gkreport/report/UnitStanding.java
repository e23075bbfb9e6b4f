package cn.gov.county.gkreport.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.report.ReportRepository.SubmissionRow;

/**
 * Where a roster unit stands tonight: 已接收 when it has an accepted submission, 未通过 when it
 * sent files but none passed, 审核退回 when the version that passed was returned by the reviewer,
 * 未报送 when nothing arrived.
 */
public record UnitStanding(RosterUnit unit, Standing standing, Optional<SubmissionRow> counting,
                           List<SubmissionRow> submissions) {

    /** The unit's state for the chase list and the status sheet. */
    public enum Standing {
        ACCEPTED("已接收"), REJECTED("未通过"), RETURNED("审核退回"), MISSING("未报送");

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
        Optional<SubmissionRow> counting = counting(own);
        if (counting.isEmpty()) {
            return new UnitStanding(unit, Standing.MISSING, counting, own);
        }
        Standing standing = switch (counting.get().status()) {
            case "ACCEPTED" -> Standing.ACCEPTED;
            case "RETURNED" -> Standing.RETURNED;
            default -> Standing.REJECTED;
        };
        return new UnitStanding(unit, standing, counting, own);
    }

    /**
     * The submission that counts for a unit tonight: its accepted one, or its latest when none is
     * accepted. Its findings are the ones reviewers and clerks act on; earlier versions' are history.
     *
     * @param own the unit's submissions in version order
     */
    public static Optional<SubmissionRow> counting(List<SubmissionRow> own) {
        Optional<SubmissionRow> accepted = own.stream().filter(s -> s.status().equals("ACCEPTED")).findFirst();
        return accepted.isPresent() || own.isEmpty() ? accepted : Optional.of(own.get(own.size() - 1));
    }

    /** The ids of the submissions that count, one per unit; a file naming no roster unit counts on its own. */
    public static Set<Long> countingIds(List<SubmissionRow> submissions) {
        Map<String, List<SubmissionRow>> byUnit = new HashMap<>();
        Set<Long> ids = new HashSet<>();
        for (SubmissionRow row : submissions) {
            if (row.unitCode() == null) {
                ids.add(row.id());
            } else {
                byUnit.computeIfAbsent(row.unitCode(), code -> new ArrayList<>()).add(row);
            }
        }
        byUnit.values().forEach(own -> counting(own).ifPresent(s -> ids.add(s.id())));
        return ids;
    }
}
