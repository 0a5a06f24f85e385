package org.chargingmanager.modbus.driver;

import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.ModbusLines;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured Modbus device of a driver bundle, from its component's activation to its deactivation: a handle on
 * the line of its endpoint (shared with other devices there), a daemon thread of its own that polls it every
 * {@code pollInterval} (a poll that throws is logged and the next one runs), and the device registered as an OSGi
 * service. The driver's object gets an {@code urgent} executor that runs a task in that thread at once (a lowered
 * limit need not wait for the next poll); after {@link #close()} such tasks are dropped.
 *
 * <pre>{@code
 * device = PolledDevice.start(context, lines, new PolledDevice.Spec("Alfen wallbox", id, settings.endpoint(),
 *         settings.pollInterval()), Evse.class, Map.of(Evse.ID_PROPERTY, id, Evse.DRIVER_PROPERTY, "alfen"),
 *         (line, urgent) -> new AlfenCharger(settings, line, Clock.systemUTC(), urgent), AlfenCharger::pollOnce);
 * ...
 * device.close();   // in @Deactivate
 * }</pre>
 */
@ProviderType
public final class PolledDevice implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolledDevice.class);

    /**
     * What is started.
     *
     * @param kind         for log lines, e.g. "Alfen wallbox"; its first word names the thread ("alfen-garage")
     * @param id           the device's configured ID
     * @param endpoint     its Modbus line
     * @param pollInterval between the end of one poll and the start of the next
     */
    public record Spec(String kind, String id, ModbusEndpoint endpoint, Duration pollInterval) {
        public Spec {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(endpoint, "endpoint");
            if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
            }
        }

        /** The polling thread's name: the kind's first word in lower case, a dash, the ID. */
        public String threadName() {
            return kind.strip().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT) + "-" + id;
        }
    }

    /** Builds the driver's object on the opened line. */
    @FunctionalInterface
    public interface Factory<T> {
        T create(ModbusLine line, Executor urgent);
    }

    private final ModbusLine line;
    private final ScheduledExecutorService thread;
    private final ServiceRegistration<?> registration;

    private PolledDevice(ModbusLine line, ScheduledExecutorService thread, ServiceRegistration<?> registration) {
        this.line = line;
        this.thread = thread;
        this.registration = registration;
    }

    /**
     * Opens the line, builds the device with {@code factory}, starts polling it with {@code poll} (the first poll at
     * once) and registers it as {@code serviceType} with {@code properties}.
     */
    public static <S, T extends S> PolledDevice start(BundleContext context, ModbusLines lines, Spec spec,
            Class<S> serviceType, Map<String, ?> properties, Factory<T> factory, Consumer<? super T> poll) {
        ModbusLine line = lines.open(spec.endpoint());
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, spec.threadName());
            t.setDaemon(true);
            return t;
        });
        try {
            T device = factory.create(line, task -> {
                try {
                    thread.execute(task);
                } catch (RejectedExecutionException stopping) {
                    // being deactivated; the device keeps its last setting until it is configured again
                }
            });
            thread.scheduleWithFixedDelay(() -> {
                try {
                    poll.accept(device);
                } catch (RuntimeException e) {
                    LOG.error("{} {}: poll failed", spec.kind(), spec.id(), e);
                }
            }, 0, spec.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            ServiceRegistration<S> registration = context.registerService(serviceType, device,
                    new Hashtable<>(properties));
            return new PolledDevice(line, thread, registration);
        } catch (RuntimeException e) {
            thread.shutdownNow();
            line.close();
            throw e;
        }
    }

    /** Unregisters the service, stops the polling thread (waiting up to 5 s for a poll under way), closes the line. */
    @Override
    public void close() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        line.close();
    }
}
