package org.chargingmanager.api.evse;

import java.time.Instant;
import java.util.OptionalInt;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An upper bound on one charging point's current set by somebody other than the load manager,
 * for example the charging profiles of an external OCPP backend. Registered as a service; the
 * load manager never gives the charging point more than the lowest cap that applies, so the
 * backend's limit and the local limit combine as their minimum. A cap of 0 means the charging
 * point must not charge (e.g. the backend has not authorised a session).
 */
@ConsumerType
public interface ChargingCap {

    /** The {@link EvseInfo#id()} of the charging point this cap is for. */
    String evseId();

    /**
     * The largest current per phase allowed at {@code now}; empty when this cap does not limit
     * at the moment. Never blocks.
     */
    OptionalInt maxCurrentMilliamps(Instant now);

    /** Who sets the cap, shown as the detail of the limit, e.g. {@code OCPP backend CB1}. */
    String source();
}
