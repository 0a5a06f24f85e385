package org.chargingmanager.api.evse;

/**
 * How a charging point charges, chosen in its settings, over {@code /api/v1} or MQTT.
 *
 * @since 1.1
 */
public enum ChargingMode {
    /** As fast as the site allows. */
    FAST,
    /** The minimum current always, more from the PV surplus. */
    MIN_PV,
    /** Only from the PV surplus: starts and stops with delays so a passing cloud does not toggle the car. */
    PV_ONLY,
    /** Not at all. */
    OFF
}
