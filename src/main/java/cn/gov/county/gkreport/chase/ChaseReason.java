package cn.gov.county.gkreport.chase;

import java.util.Optional;

import cn.gov.county.gkreport.report.UnitStanding;

/** Why a unit is chased: what it still owes the office. */
public enum ChaseReason {
    MISSING("未报送"),
    REJECTED("未通过校验"),
    /** Sent back by the reviewer although it passed every rule (standing 审核退回). */
    RETURNED("审核退回"),
    UNEXPLAINED("提醒未说明");

    private final String label;

    ChaseReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Why the unit is chased, or empty when it owes nothing: an accepted version is chased only for
     * warnings it explained none of. A switch expression, so that a new standing does not compile
     * until it is given its reason.
     *
     * @param owesExplanation its counting version has warnings and none is explained
     */
    static Optional<ChaseReason> of(UnitStanding.Standing standing, boolean owesExplanation) {
        return switch (standing) {
            case ACCEPTED -> owesExplanation ? Optional.of(UNEXPLAINED) : Optional.empty();
            case REJECTED -> Optional.of(REJECTED);
            case RETURNED -> Optional.of(RETURNED);
            case MISSING -> Optional.of(MISSING);
        };
    }
}
