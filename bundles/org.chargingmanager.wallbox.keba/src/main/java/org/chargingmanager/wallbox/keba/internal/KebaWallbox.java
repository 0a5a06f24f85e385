package org.chargingmanager.wallbox.keba.internal;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.evse.Evse;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured KEBA KeContact: joins the shared UDP socket of its local port, registers its charging point as an
 * {@link Evse} and talks to the box in a thread of its own. A changed configuration restarts the component; the
 * box's spacing rules are kept across restarts (the pacer of a box outlives the component).
 */
@Component(name = KebaWallbox.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = KebaWallboxConfig.class, factory = true)
public class KebaWallbox {

    public static final String PID = "org.chargingmanager.wallbox.keba";

    private static final Logger LOG = LoggerFactory.getLogger(KebaWallbox.class);
    /** Per box: a restarted component must keep the spacing rules of the commands its predecessor sent. */
    private static final Map<InetSocketAddress, KebaCommandPacer> PACERS = new ConcurrentHashMap<>();
    /** Added to every spacing rule against network jitter. */
    private static final Duration PACER_MARGIN = Duration.ofMillis(20);

    private final KebaSettings settings;
    private final KebaUdpSocket socket;
    private final ScheduledExecutorService thread;
    private final ServiceRegistration<Evse> registration;

    @Activate
    public KebaWallbox(BundleContext context, KebaWallboxConfig config) {
        try {
            settings = KebaSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("KEBA wallbox {}: configuration not usable: {}", config.id(), e.getMessage());
            throw e;
        }
        Clock clock = Clock.systemUTC();
        try {
            socket = KebaUdpSocket.open(settings.localPort(), clock);
        } catch (RuntimeException e) {
            LOG.error("KEBA wallbox {}: {}", settings.evseId(), e.getMessage());
            throw e;
        }
        KebaCommandPacer pacer = PACERS.computeIfAbsent(settings.box(), box -> new KebaCommandPacer(PACER_MARGIN));
        KebaCharger charger = new KebaCharger(settings, clock, command -> socket.send(settings.box(), command), pacer);
        try {
            socket.register(settings.box(), charger::received);
        } catch (IllegalStateException e) {
            socket.close();
            LOG.error("KEBA wallbox {}: {}", settings.evseId(), e.getMessage());
            throw e;
        }
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "keba-" + settings.evseId());
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                charger.tick();
            } catch (RuntimeException e) {
                LOG.error("KEBA wallbox {}: tick failed", settings.evseId(), e);
            }
        }, 0, charger.tickInterval().toMillis(), TimeUnit.MILLISECONDS);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Evse.ID_PROPERTY, settings.evseId());
        properties.put(Evse.DRIVER_PROPERTY, KebaCharger.DRIVER);
        registration = context.registerService(Evse.class, charger, properties);
        LOG.info("KEBA wallbox {} configured at {} (local UDP port {})", settings.evseId(), settings.box(),
                socket.localPort());
    }

    @Deactivate
    void deactivate() {
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
        socket.unregister(settings.box());
        socket.close();
    }
}
