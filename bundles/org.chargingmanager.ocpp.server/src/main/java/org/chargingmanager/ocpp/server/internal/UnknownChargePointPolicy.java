package org.chargingmanager.ocpp.server.internal;

/** What a BootNotification of a charge box ID never seen before gets. */
public enum UnknownChargePointPolicy {
    /** Accepted at once, its connectors become EVSEs. */
    ACCEPT,
    /** Pending until the admin approves it. */
    PENDING,
    /** Rejected. */
    REJECT
}
