package cn.gov.county.gkreport.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.intake.UnitCode;

/**
 * The units a report covers and where each stands: counted (an accepted submission), rejected
 * (files sent, none passed) or missing (nothing sent).
 *
 * @param wholeRoster whether the report covers every roster unit (全县) or a named few (本级)
 */
public record DraftScope(boolean wholeRoster, List<RosterUnit> covered, List<RosterUnit> counted,
                         List<RosterUnit> rejected, List<RosterUnit> missing) {

    public DraftScope {
        covered = List.copyOf(covered);
        counted = List.copyOf(counted);
        rejected = List.copyOf(rejected);
        missing = List.copyOf(missing);
    }

    /**
     * The scope of the settings: every roster unit, or the named codes (each must be on the
     * roster: a misspelt code would silently shrink the report).
     */
    static DraftScope of(Roster roster, List<String> codes, Map<String, Boolean> acceptedByUnit) {
        List<RosterUnit> covered = new ArrayList<>();
        if (codes.isEmpty()) {
            covered.addAll(roster.units());
        } else {
            for (String code : codes) {
                covered.add(roster.byCode(UnitCode.normalize(code)).orElseThrow(() -> new IllegalArgumentException(
                        "consolidator.draft.units 中的单位代码 " + code + " 不在名册中。请按名册 roster.csv 的单位代码填写。")));
            }
        }
        List<RosterUnit> counted = new ArrayList<>();
        List<RosterUnit> rejected = new ArrayList<>();
        List<RosterUnit> missing = new ArrayList<>();
        for (RosterUnit unit : covered) {
            Boolean accepted = acceptedByUnit.get(unit.code());
            (accepted == null ? missing : accepted ? counted : rejected).add(unit);
        }
        return new DraftScope(codes.isEmpty(), covered, counted, rejected, missing);
    }

    public List<String> coveredCodes() {
        return covered.stream().map(RosterUnit::code).toList();
    }
}
