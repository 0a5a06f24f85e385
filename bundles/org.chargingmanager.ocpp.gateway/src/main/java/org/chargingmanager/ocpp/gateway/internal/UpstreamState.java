package org.chargingmanager.ocpp.gateway.internal;

/** Where an upstream connection is. */
enum UpstreamState {
    /** Waiting for the next attempt (after a failure or a lost connection). */
    DISCONNECTED,
    CONNECTING,
    /** The WebSocket is open; BootNotification not yet accepted. */
    CONNECTED,
    /** BootNotification accepted: messages flow. */
    ACCEPTED,
    STOPPED
}
