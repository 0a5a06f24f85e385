package org.chargingmanager.api.plan;

/** Where a charging plan stands. */
public enum PlanState {
    /** No car is plugged in yet; planned as if it were. */
    WAITING_FOR_CAR,
    /** The deadline can be met; the car charges in the planned slots. */
    PLANNED,
    /** The deadline cannot be met with what the site can give; the car charges whenever it can (see the reason). */
    NOT_FEASIBLE,
    /** The energy has been charged. */
    DONE,
    /** The deadline passed before the energy was charged. */
    DEADLINE_PASSED
}
