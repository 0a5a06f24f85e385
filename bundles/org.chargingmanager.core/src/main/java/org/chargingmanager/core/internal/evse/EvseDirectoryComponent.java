package org.chargingmanager.core.internal.evse;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseDirectory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one component that binds every {@link Evse} service and hands the charging points on to
 * the subscribers of {@link EvseDirectory}. Immediate, so the set survives subscribers coming and going.
 */
@Component(service = EvseDirectory.class, immediate = true)
public final class EvseDirectoryComponent implements EvseDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(EvseDirectoryComponent.class);

    /** Each charging point with its driver; changed only under {@link #lock}. */
    private final Map<Evse, String> drivers = new ConcurrentHashMap<>();
    private final Map<String, Evse> byId = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** Keeps a subscriber's replay and the changes after it in one order. */
    private final Object lock = new Object();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addEvse(Evse evse, Map<String, Object> properties) {
        Object driverProperty = properties.get(Evse.DRIVER_PROPERTY);
        String driver = driverProperty == null ? "" : driverProperty.toString();
        String id = evseId(evse, properties);
        synchronized (lock) {
            if (drivers.putIfAbsent(evse, driver) != null) {
                return;
            }
            if (id != null) {
                byId.put(id, evse);
            }
            for (Listener listener : listeners) {
                tellAdded(listener, evse, driver);
            }
        }
    }

    void removeEvse(Evse evse, Map<String, Object> properties) {
        String id = evseId(evse, properties);
        synchronized (lock) {
            if (drivers.remove(evse) == null) {
                return;
            }
            if (id != null) {
                byId.remove(id, evse);
            }
            for (Listener listener : listeners) {
                tellRemoved(listener, evse);
            }
        }
    }

    @Override
    public Collection<Evse> evses() {
        return Collections.unmodifiableSet(drivers.keySet());
    }

    @Override
    public Optional<Evse> find(String evseId) {
        return evseId == null ? Optional.empty() : Optional.ofNullable(byId.get(evseId));
    }

    @Override
    public Subscription subscribe(Listener listener) {
        synchronized (lock) {
            drivers.forEach((evse, driver) -> tellAdded(listener, evse, driver));
            listeners.add(listener);
        }
        return () -> listeners.remove(listener);
    }

    /** The ID from the service property every driver sets; the EVSE's own word where one does not. */
    private static String evseId(Evse evse, Map<String, Object> properties) {
        Object property = properties.get(Evse.ID_PROPERTY);
        if (property != null) {
            return property.toString();
        }
        try {
            return evse.info().id();
        } catch (RuntimeException broken) {
            LOG.warn("A charging point service without {} could not tell its ID: {}", Evse.ID_PROPERTY, broken.toString());
            return null;
        }
    }

    private static void tellAdded(Listener listener, Evse evse, String driver) {
        try {
            listener.added(evse, driver);
        } catch (RuntimeException e) {
            LOG.warn("A subscriber of the charging points failed on a new one", e);
        }
    }

    private static void tellRemoved(Listener listener, Evse evse) {
        try {
            listener.removed(evse);
        } catch (RuntimeException e) {
            LOG.warn("A subscriber of the charging points failed on one that went away", e);
        }
    }
}
