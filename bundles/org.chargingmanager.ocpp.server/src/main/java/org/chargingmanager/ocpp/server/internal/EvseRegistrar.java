package org.chargingmanager.ocpp.server.internal;

import org.chargingmanager.api.evse.Evse;

/** Publishes a connector as an {@link Evse} service (in OSGi: a service registration). */
public interface EvseRegistrar {

    /** @return unregisters it; may be called more than once */
    Runnable register(Evse evse);
}
