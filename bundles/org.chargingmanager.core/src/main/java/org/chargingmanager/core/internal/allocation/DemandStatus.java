package org.chargingmanager.core.internal.allocation;

/** Whether a charging point takes part in the allocation. */
public enum DemandStatus {
    /** A car is connected and may charge. */
    WANTS_CHARGE,
    /** No car connected: the limit is 0 until one arrives. */
    NO_VEHICLE,
    /** The charging point does not answer: it gets 0, and its maximum is reserved as if it drew it. */
    STALE,
    /** Switched off in its settings. */
    DISABLED
}
