package org.chargingmanager.api.evse;

/**
 * What a charging point can do, beyond setting a current.
 *
 * @param phaseSwitching whether it can switch between 1 and 3 phases while a car is connected
 *        (then a {@link ChargingLimit#phases()} of 1 or 3 is applied)
 * @param currentResolutionMilliamps the steps its current can be set in, e.g. 100 (0.1 A) or
 *        1000 (1 A); a limit is rounded down to them, and the load manager sends no change
 *        smaller than one step
 * @param reportsIdTag whether it reports the RFID tag or PIN of a session
 * @param recordsOwnSessions whether the driver writes its sessions into the transaction log
 *        itself (OCPP transactions); otherwise the billing bundle records them from the snapshots
 * @param deliversSignedReadings whether the driver hands signed meter readings (Eichrecht) to the
 *        transaction log
 */
public record EvseCapabilities(boolean phaseSwitching, int currentResolutionMilliamps, boolean reportsIdTag,
        boolean recordsOwnSessions, boolean deliversSignedReadings) {

    /** A charging point that sets whole amperes and nothing else. */
    public static final EvseCapabilities BASIC = new EvseCapabilities(false, 1000, false, false, false);

    public EvseCapabilities {
        if (currentResolutionMilliamps < 1) {
            throw new IllegalArgumentException("currentResolutionMilliamps must be at least 1, not "
                    + currentResolutionMilliamps);
        }
    }
}
