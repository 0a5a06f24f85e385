package org.chargingmanager.api.evse;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One charging point: a connector of a wallbox. Every driver (simulator, OCPP, Modbus, HTTP)
 * registers one service per charging point, with the service property {@link #ID_PROPERTY}.
 *
 * <p>Implementations are thread safe. {@link #applyLimit(ChargingLimit)} never blocks on I/O:
 * a driver queues the change and sends it to the device in its own thread.
 */
@ConsumerType
public interface Evse {

    /** Service property holding {@link EvseInfo#id()}. */
    String ID_PROPERTY = "chargingmanager.evse.id";

    /** Service property holding {@link EvseInfo#driver()}. */
    String DRIVER_PROPERTY = "chargingmanager.driver";

    EvseInfo info();

    /** The most recent values; never blocks. */
    EvseSnapshot snapshot();

    /**
     * Sets the current the charging point may draw per phase. A driver that cannot express the
     * exact value rounds down, never up; a value above 0 and below
     * {@link EvseInfo#minCurrentMilliamps()} is treated as 0 (pause).
     */
    void applyLimit(ChargingLimit limit);
}
