package org.chargingmanager.openhab.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.variables.Variables;
import org.chargingmanager.api.variables.VariablesListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the variables' values to openHAB items over openHAB's REST API. One thread: it runs an
 * {@link ItemPusher} cycle when a variable changes ({@link VariablesListener}) and otherwise when the
 * cycle asks for it (poll interval, rate limit, back-off). A bad configuration is logged once and
 * leaves the component idle. A changed configuration starts afresh (every value is sent again).
 */
@Component(configurationPid = OpenHabRestPublisher.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = OpenHabRestConfig.class)
public class OpenHabRestPublisher implements VariablesListener {

    public static final String PID = "org.chargingmanager.openhab";
    private static final Logger LOG = LoggerFactory.getLogger(OpenHabRestPublisher.class);

    private final Clock clock;
    private final Logger log;
    private final ItemPusher pusher;
    private final ScheduledExecutorService executor;
    private final Duration pollInterval;
    private ScheduledFuture<?> next;
    private boolean closed;
    /** Registered by hand, not by DS: the variables store references every listener. */
    private ServiceRegistration<VariablesListener> listenerRegistration;

    @Activate
    public OpenHabRestPublisher(BundleContext context, @Reference Variables variables, OpenHabRestConfig config) {
        this(variables, config, Clock.systemUTC(), LOG);
        if (pusher != null) {
            listenerRegistration = context.registerService(VariablesListener.class, this, null);
        }
    }

    OpenHabRestPublisher(Variables variables, OpenHabRestConfig config, Clock clock, Logger log) {
        this.clock = clock;
        this.log = log;
        Settings settings;
        try {
            settings = Settings.from(config);
        } catch (IllegalArgumentException e) {
            log.error("openHAB REST: nothing is sent, {} (configuration {})", e.getMessage(), PID);
            settings = null;
        }
        if (settings == null) {
            pusher = null;
            executor = null;
            pollInterval = Duration.ZERO;
            return;
        }
        if (!settings.mapping().problems().isEmpty()) {
            log.error("openHAB REST: entries of 'items' in the configuration {} ignored: {}", PID,
                    String.join("; ", settings.mapping().problems()));
        }
        pollInterval = settings.pollInterval();
        pusher = new ItemPusher(variables, settings, clock, log);
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chargingmanager-openhab");
            thread.setDaemon(true);
            return thread;
        });
        log.info("openHAB REST: sending variables to {} ({} listed in 'items', {}; {}), changes at most every {} ms"
                + " per item", settings.baseUri(), settings.mapping().explicit().size(),
                settings.mapping().prefix().isEmpty() ? "no others"
                        : "the others as " + settings.mapping().prefix() + "<NAME>",
                settings.apiToken().isEmpty() ? "no API token" : "with API token", settings.minInterval().toMillis());
        runSoon();
    }

    /** Whether the configuration was usable (else the component stays idle). */
    boolean running() {
        return pusher != null;
    }

    @Override
    public void variablesChanged(Set<String> names) {
        runSoon();
    }

    @Deactivate
    void deactivate() {
        if (listenerRegistration != null) {
            try {
                listenerRegistration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters our services itself when the bundle stops
            }
        }
        synchronized (this) {
            closed = true;
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void runSoon() {
        if (executor == null) {
            return;
        }
        try {
            executor.execute(this::runSafely);
        } catch (RejectedExecutionException stopped) {
            // deactivated
        }
    }

    private void runSafely() {
        Instant wake;
        try {
            wake = pusher.cycle();
        } catch (RuntimeException e) {
            log.error("openHAB REST: unexpected error, trying again in {} ms", pollInterval.toMillis(), e);
            wake = clock.instant().plus(pollInterval);
        }
        schedule(wake);
    }

    private synchronized void schedule(Instant wake) {
        if (closed) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        long delayMillis = Math.max(0, Duration.between(clock.instant(), wake).toMillis());
        try {
            next = executor.schedule(this::runSafely, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // deactivated
        }
    }
}
