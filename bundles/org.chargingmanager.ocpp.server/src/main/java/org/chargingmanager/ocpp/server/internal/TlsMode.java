package org.chargingmanager.ocpp.server.internal;

/** Which connections the OCPP port accepts. */
public enum TlsMode {
    /** Plain ws:// only. */
    OFF,
    /** ws:// and wss:// on the same port: the first bytes tell. */
    DETECT,
    /** wss:// only. */
    ON;

    boolean tls() {
        return this != OFF;
    }

    boolean plain() {
        return this != ON;
    }
}
