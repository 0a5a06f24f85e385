package org.chargingmanager.ocpp.server.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;

/**
 * Runs an action once the OSGi framework has finished starting (all start levels reached).
 *
 * <p>The OCPP server takes connections this way: after a restart thousands of chargers reconnect
 * the moment it does, and the bundles still starting behind it (HTTP, Web Console, web UI) took
 * CPU from the first seconds of that storm.
 */
final class AfterFrameworkStart {

    private final AtomicBoolean done = new AtomicBoolean();
    private BundleContext context;
    private FrameworkListener listener;

    /** Whether the framework is still starting: its start levels not all reached yet. */
    static boolean frameworkStarting(BundleContext context) {
        Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        return framework != null && framework.getState() == Bundle.STARTING;
    }

    /** Runs the action once the framework has started: in the framework's event thread, or in this one if it already has. */
    void run(BundleContext context, Runnable action) {
        Runnable once = () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
        this.context = context;
        this.listener = event -> {
            if (event.getType() == FrameworkEvent.STARTED) {
                once.run();
            }
        };
        context.addFrameworkListener(listener);
        if (!frameworkStarting(context)) {
            once.run();
        }
    }

    /** The action will not run any more (if it has not run yet). */
    void cancel() {
        done.set(true);
        if (listener != null) {
            try {
                context.removeFrameworkListener(listener);
            } catch (IllegalStateException bundleStopped) {
                // the framework removed it
            }
        }
    }
}
