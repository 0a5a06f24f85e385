package org.chargingmanager.ocpp.v16;

/** The two ends of an OCPP 1.6 connection. */
public enum Role {
    /** The wallbox side: the WebSocket client. The OCPP gateway plays this role towards a backend. */
    CHARGE_POINT,
    /** The backend side: the WebSocket server. The OCPP server plays this role towards wallboxes. */
    CENTRAL_SYSTEM;

    /** The role at the other end of the connection. */
    public Role peer() {
        return this == CHARGE_POINT ? CENTRAL_SYSTEM : CHARGE_POINT;
    }
}
