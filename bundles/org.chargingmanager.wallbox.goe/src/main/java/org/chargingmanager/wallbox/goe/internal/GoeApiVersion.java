package org.chargingmanager.wallbox.goe.internal;

/** Which HTTP API of the go-e Charger to use. */
public enum GoeApiVersion {
    /** API v2 when the box has it (firmware 050 and later; enable it in the app), otherwise v1. */
    AUTO,
    /** {@code /api/status}, {@code /api/set}. */
    V2,
    /** {@code /status}, {@code /mqtt?payload=}; older firmware. */
    V1
}
