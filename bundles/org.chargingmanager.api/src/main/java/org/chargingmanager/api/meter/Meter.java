package org.chargingmanager.api.meter;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A metering point: the grid connection, a PV system, a consumer. Drivers register one service
 * per meter with the service properties {@link #ID_PROPERTY} and {@link #ROLE_PROPERTY}.
 */
@ConsumerType
public interface Meter {

    /** Service property holding {@link MeterInfo#id()}. */
    String ID_PROPERTY = "chargingmanager.meter.id";

    /** Service property holding the {@link MeterRole} name, for target filters such as {@code (chargingmanager.meter.role=GRID)}. */
    String ROLE_PROPERTY = "chargingmanager.meter.role";

    MeterInfo info();

    /** The most recent values; never blocks. */
    MeterReading reading();
}
