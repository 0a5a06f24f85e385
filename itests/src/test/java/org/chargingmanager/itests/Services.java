package org.chargingmanager.itests;

import java.util.Collection;

import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.meter.Meter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** Looks up the charging manager's services by their ID property; {@code null} while absent. */
final class Services {

    private Services() {
    }

    static Evse evse(BundleContext context, String id) {
        return service(context, Evse.class, "(" + Evse.ID_PROPERTY + "=" + id + ")");
    }

    static Meter meter(BundleContext context, String id) {
        return service(context, Meter.class, "(" + Meter.ID_PROPERTY + "=" + id + ")");
    }

    /**
     * The billing bundle offers a transaction log that refuses everything until its database is
     * open ({@code transactionLog.available=false}); tests that write to the log want the real one.
     */
    static final String REAL_TRANSACTION_LOG = "(!(transactionLog.available=false))";

    static <T> T service(BundleContext context, Class<T> type, String filter) {
        try {
            Collection<ServiceReference<T>> references = context.getServiceReferences(type, filter);
            return references.isEmpty() ? null : context.getService(references.iterator().next());
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
