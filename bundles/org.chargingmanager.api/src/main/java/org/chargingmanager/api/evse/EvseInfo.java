package org.chargingmanager.api.evse;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.api.device.PhaseRotation;

/**
 * What does not change while a charging point is connected: its identity and its electrical
 * capabilities.
 *
 * @param id unique and stable across restarts, for example {@code sim-garage-1} or
 *        {@code ocpp-CB1234-1}; used in the transaction log and the HTTP API
 * @param name shown to users
 * @param driver which driver serves it, for example {@code simulator}, {@code ocpp}, {@code keba}
 * @param address how the driver reaches it: an IP address, a charge box ID, ...
 * @param connectorId the connector number on its wallbox, starting at 1
 * @param phases how many phases the charging point is wired with: 1 or 3
 * @param phaseRotation how its phases are connected to the grid phases
 * @param minCurrentMilliamps the smallest current per phase that a car charges with
 *        (IEC 61851: 6 A); a limit below it and above 0 is never applied
 * @param maxCurrentMilliamps the largest current per phase the charging point allows
 * @param identity vendor, model, serial number and firmware of the wallbox
 * @param capabilities what it can do beyond setting a current
 */
public record EvseInfo(String id, String name, String driver, String address, int connectorId, int phases,
        PhaseRotation phaseRotation, int minCurrentMilliamps, int maxCurrentMilliamps, DeviceIdentity identity,
        EvseCapabilities capabilities) {

    /** A charging point of unknown identity with {@link EvseCapabilities#BASIC basic} capabilities. */
    public EvseInfo(String id, String name, String driver, String address, int connectorId, int phases,
            PhaseRotation phaseRotation, int minCurrentMilliamps, int maxCurrentMilliamps) {
        this(id, name, driver, address, connectorId, phases, phaseRotation, minCurrentMilliamps, maxCurrentMilliamps,
                DeviceIdentity.UNKNOWN, EvseCapabilities.BASIC);
    }

    public EvseInfo {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an EVSE needs an id");
        }
        if (phases != 1 && phases != 3) {
            throw new IllegalArgumentException("phases must be 1 or 3, not " + phases);
        }
        if (minCurrentMilliamps < 0 || maxCurrentMilliamps < minCurrentMilliamps) {
            throw new IllegalArgumentException("need 0 <= minCurrentMilliamps <= maxCurrentMilliamps, got "
                    + minCurrentMilliamps + " and " + maxCurrentMilliamps);
        }
        name = name == null || name.isBlank() ? id : name;
        phaseRotation = phaseRotation == null ? PhaseRotation.L1_L2_L3 : phaseRotation;
        identity = identity == null ? DeviceIdentity.UNKNOWN : identity;
        capabilities = capabilities == null ? EvseCapabilities.BASIC : capabilities;
    }

    public EvseInfo withIdentity(DeviceIdentity newIdentity) {
        return new EvseInfo(id, name, driver, address, connectorId, phases, phaseRotation, minCurrentMilliamps,
                maxCurrentMilliamps, newIdentity, capabilities);
    }

    public EvseInfo withCapabilities(EvseCapabilities newCapabilities) {
        return new EvseInfo(id, name, driver, address, connectorId, phases, phaseRotation, minCurrentMilliamps,
                maxCurrentMilliamps, identity, newCapabilities);
    }
}
