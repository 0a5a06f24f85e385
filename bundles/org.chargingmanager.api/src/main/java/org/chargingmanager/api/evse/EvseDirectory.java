package org.chargingmanager.api.evse;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Every charging point of the site, as one service. The core tracks the {@link Evse} services once
 * and hands them on; a component that works with all charging points (load manager, web UI, MQTT,
 * billing, OCPP gateway) subscribes here instead of holding a multiple reference to {@code Evse}.
 *
 * <p>Why: with thousands of OCPP charge points every multiple reference makes each registration a
 * bind in its component, and the OSGi framework keeps the services a bundle uses in one array per
 * bundle that it searches and copies on every new one — quadratic in the number of charging points
 * for every bundle that binds them. One subscriber bundle keeps that cost to one.
 *
 * <p>Drivers keep registering one {@code Evse} service per charging point; nothing changes for them.
 */
@ProviderType
public interface EvseDirectory {

    /** The charging points now, in no particular order: a live view, never null, that may change while iterated. */
    Collection<Evse> evses();

    /** @return the charging point with this {@link EvseInfo#id()}, if registered */
    Optional<Evse> find(String evseId);

    /**
     * Tells the listener of every charging point registered now (as added), then of every one that
     * comes or goes, until the returned subscription is closed. Calls for one charging point come in
     * order (added before removed) and never at the same time as another call to the same listener;
     * a listener returns quickly and does no I/O.
     */
    Subscription subscribe(Listener listener);

    /** Told of charging points that come and go. */
    interface Listener {

        /**
         * @param driver the service's {@link Evse#DRIVER_PROPERTY}, or the empty string when it has none
         */
        void added(Evse evse, String driver);

        void removed(Evse evse);

        /** A listener that does not need the driver. */
        static Listener of(Consumer<Evse> added, Consumer<Evse> removed) {
            return new Listener() {
                @Override
                public void added(Evse evse, String driver) {
                    added.accept(evse);
                }

                @Override
                public void removed(Evse evse) {
                    removed.accept(evse);
                }
            };
        }
    }

    /** Ends a subscription; closing it twice does nothing. */
    interface Subscription extends AutoCloseable {

        @Override
        void close();
    }
}
