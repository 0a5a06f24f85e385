package org.chargingmanager.api;

import java.time.Instant;

/**
 * One reading inside signed meter data, as the meter signed it.
 *
 * @param time the meter's time stamp
 * @param type the reading's role, in OCMF terms: {@code B} begin, {@code E} end, {@code C}
 *        intermediate, {@code T} tariff change, ...
 * @param obis the OBIS code of the register, for example {@code 1-b:1.8.0}
 * @param energyWattHours the register value converted to Wh
 * @param status the meter's status of the reading, for example {@code G} (good)
 */
public record SignedReading(Instant time, String type, String obis, double energyWattHours, String status) {
}
