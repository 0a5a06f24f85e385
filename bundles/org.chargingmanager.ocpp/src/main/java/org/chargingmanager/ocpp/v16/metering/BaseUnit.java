package org.chargingmanager.ocpp.v16.metering;

/** The unit a normalised sample is expressed in: no kilo-prefixes, temperatures in °C. */
public enum BaseUnit {
    WATT_HOURS,
    VAR_HOURS,
    WATTS,
    VARS,
    AMPERES,
    VOLTS,
    HERTZ,
    DEGREES_CELSIUS,
    PERCENT,
    REVOLUTIONS_PER_MINUTE,
    /** Power factor: a plain ratio. */
    DIMENSIONLESS
}
