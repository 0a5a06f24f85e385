package org.chargingmanager.meter.sunspec.internal;

/** Which model of the device's chain gives the reading. */
public enum SunSpecSource {
    /** The inverter model (101-103, 111-113) if the device has one, otherwise the meter model (201-204). */
    AUTO,
    /** The inverter model: AC output of a PV or battery inverter. */
    INVERTER,
    /** The meter model: a SunSpec meter (or an inverter's attached meter, e.g. SolarEdge on unit 2). */
    METER
}
