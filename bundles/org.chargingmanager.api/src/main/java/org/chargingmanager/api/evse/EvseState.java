package org.chargingmanager.api.evse;

/**
 * The state of a charging point. The names follow OCPP 1.6 ChargePointStatus, plus
 * {@link #OFFLINE} for a charging point whose driver has lost contact with it.
 */
public enum EvseState {
    /** No car connected. */
    AVAILABLE,
    /** A car is connected (or a user authorized) but charging has not started. */
    PREPARING,
    CHARGING,
    /** The car does not draw power although it is allowed to (for example, battery full). */
    SUSPENDED_EV,
    /** The charging point does not allow the car to charge (for example, limit 0). */
    SUSPENDED_EVSE,
    /** Charging has ended, the car is still connected. */
    FINISHING,
    RESERVED,
    FAULTED,
    /** Switched off by the operator or the charger itself. */
    UNAVAILABLE,
    /** The driver cannot reach the charging point; its other values are not current. */
    OFFLINE;

    /** Whether a car is plugged in. */
    public boolean vehicleConnected() {
        return this == PREPARING || this == CHARGING || this == SUSPENDED_EV || this == SUSPENDED_EVSE
                || this == FINISHING;
    }
}
