package org.chargingmanager.wallbox.goe.internal;

/** One of the box's HTTP APIs: read the status, set the current, pause, phases. */
interface GoeApi {

    GoeApiVersion version();

    GoeStatus status() throws GoeException;

    /** Sets the current in A, without writing the box's EEPROM where the API has a volatile value. */
    void setAmps(int amps) throws GoeException;

    /** Lets the car charge (under the box's own conditions, e.g. RFID) or not. */
    void setAllowed(boolean allowed) throws GoeException;

    /** @param phaseMode 1 one phase, 2 three phases; only where {@link GoeStatus#phaseMode()} is not -1 */
    void setPhaseMode(int phaseMode) throws GoeException;
}
