package org.chargingmanager.ocpp.gateway.internal;

/** What a tag gets while the backend is not reachable. */
enum OfflineAuthorization {
    /** Every tag (and the fixed ID tag) starts a session. */
    ACCEPT,
    /** Tags the backend accepted before (the authorization cache) and the fixed ID tag. */
    ACCEPT_KNOWN,
    /** Nothing starts while the backend is away. */
    REFUSE
}
