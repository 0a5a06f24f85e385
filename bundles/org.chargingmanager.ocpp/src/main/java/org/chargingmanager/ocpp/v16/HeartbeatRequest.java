package org.chargingmanager.ocpp.v16;

/**
 * Heartbeat.req (charge point → central system, profile Core): tells the central system the charge
 * point is alive and asks for the time.
 */
public record HeartbeatRequest() implements Request {

    @Override
    public Action action() {
        return Action.HEARTBEAT;
    }
}
