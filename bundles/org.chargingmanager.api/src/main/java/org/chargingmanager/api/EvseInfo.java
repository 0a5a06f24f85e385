package org.chargingmanager.api;

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
 */
public record EvseInfo(String id, String name, String driver, String address, int connectorId, int phases,
        PhaseRotation phaseRotation, int minCurrentMilliamps, int maxCurrentMilliamps) {

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
    }
}
