package org.chargingmanager.ocpp.v16;

import java.time.Instant;

/**
 * Heartbeat.conf: the answer to a {@link HeartbeatRequest}.
 */
public record HeartbeatConfirmation(
        Instant currentTime) implements Confirmation {

    @Override
    public Action action() {
        return Action.HEARTBEAT;
    }
}
