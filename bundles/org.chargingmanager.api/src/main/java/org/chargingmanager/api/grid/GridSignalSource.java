package org.chargingmanager.api.grid;

import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of grid signals, registered as a service (whiteboard). The grid-signal service asks every source for
 * its {@link #current signal} several times a second, and at once after the source called
 * {@link GridSignals#signalChanged(String)}; it writes the value into the source's variable, watches the
 * source's liveness and applies its failsafe limit when it is lost. An EEBus LPC source is one more bundle
 * registering this service.
 */
@ConsumerType
public interface GridSignalSource {

    /** What the source is and how it is watched; must not change while the service is registered. */
    GridSourceInfo info();

    /** The signal now. Must return quickly and never block on I/O (poll the device elsewhere). */
    GridSignal current(Instant now);
}
