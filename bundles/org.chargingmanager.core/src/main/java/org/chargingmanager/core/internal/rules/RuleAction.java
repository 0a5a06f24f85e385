package org.chargingmanager.core.internal.rules;

/** What a charging rule does while it applies. */
public enum RuleAction {
    /** Limit the current per phase to the rule's value in A. */
    MAX_CURRENT,
    /** Limit the power to the rule's value in W. */
    MAX_POWER,
    /** Do not charge. */
    NO_CHARGING
}
