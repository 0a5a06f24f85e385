package org.chargingmanager.core.internal.rules;

/** What a charging rule does while it applies. */
public enum RuleAction {
    /** Limit the current per phase to the rule's value in A. */
    MAX_CURRENT,
    /** Limit the power to the rule's value in W. */
    MAX_POWER,
    /** Do not charge. */
    NO_CHARGING,
    /** Charge in the mode "fast" while the rule applies, whatever the charging point's own mode. */
    MODE_FAST,
    /** Charge in the mode "minimum + PV" while the rule applies. */
    MODE_MIN_PV,
    /** Charge in the mode "PV only" while the rule applies. */
    MODE_PV_ONLY;

    /** The charging mode this action sets, or {@code null} for an action that limits. */
    public org.chargingmanager.api.evse.ChargingMode chargingMode() {
        return switch (this) {
            case MODE_FAST -> org.chargingmanager.api.evse.ChargingMode.FAST;
            case MODE_MIN_PV -> org.chargingmanager.api.evse.ChargingMode.MIN_PV;
            case MODE_PV_ONLY -> org.chargingmanager.api.evse.ChargingMode.PV_ONLY;
            default -> null;
        };
    }
}
