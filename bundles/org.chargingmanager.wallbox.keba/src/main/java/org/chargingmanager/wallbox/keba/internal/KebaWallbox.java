package org.chargingmanager.wallbox.keba.internal;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.ModbusLines;
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
 * One configured KEBA KeContact, over UDP (the default: joins the shared UDP socket of its local port and ticks in
 * a thread of its own) or Modbus TCP (a shared Modbus line, polled in a thread of its own); registers its charging
 * point as an {@link Evse}. A changed configuration restarts the component; the UDP spacing rules are kept across
 * restarts (the pacer of a box outlives the component).
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

    private final ScheduledExecutorService thread;
    private final ServiceRegistration<Evse> registration;
    private final Runnable release;

    @Activate
    public KebaWallbox(BundleContext context, KebaWallboxConfig config, @Reference ModbusLines lines) {
        Evse evse;
        String evseId;
        Clock clock = Clock.systemUTC();
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "keba-" + config.id());
            t.setDaemon(true);
            return t;
        });
        try {
            if (config.protocol() == KebaProtocol.MODBUS) {
                KebaModbusSettings settings = KebaModbusSettings.from(config);
                evseId = settings.evseId();
                ModbusLine line = lines.open(settings.endpoint());
                KebaModbusCharger charger = new KebaModbusCharger(settings, line, clock, task -> {
                    try {
                        thread.execute(task);
                    } catch (RejectedExecutionException stopping) {
                        // being deactivated
                    }
                });
                thread.scheduleWithFixedDelay(guarded(evseId, charger::pollOnce), 0,
                        settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                evse = charger;
                release = line::close;
                LOG.info("KEBA wallbox {} configured at {} unit {} (Modbus TCP)", evseId, settings.endpoint(),
                        settings.unitId());
            } else {
                KebaSettings settings = KebaSettings.from(config);
                evseId = settings.evseId();
                KebaUdpSocket socket = KebaUdpSocket.open(settings.localPort(), clock);
                KebaCommandPacer pacer = PACERS.computeIfAbsent(settings.box(),
                        box -> new KebaCommandPacer(PACER_MARGIN));
                KebaCharger charger = new KebaCharger(settings, clock, command -> socket.send(settings.box(), command),
                        pacer);
                try {
                    socket.register(settings.box(), charger::received);
                } catch (IllegalStateException e) {
                    socket.close();
                    throw e;
                }
                thread.scheduleWithFixedDelay(guarded(evseId, charger::tick), 0, charger.tickInterval().toMillis(),
                        TimeUnit.MILLISECONDS);
                evse = charger;
                release = () -> {
                    socket.unregister(settings.box());
                    socket.close();
                };
                LOG.info("KEBA wallbox {} configured at {} (UDP, local port {})", evseId, settings.box(),
                        socket.localPort());
            }
        } catch (RuntimeException e) {
            thread.shutdownNow();
            LOG.error("KEBA wallbox {}: configuration not usable: {}", config.id(), e.getMessage());
            throw e;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Evse.ID_PROPERTY, evseId);
        properties.put(Evse.DRIVER_PROPERTY, KebaCharger.DRIVER);
        registration = context.registerService(Evse.class, evse, properties);
    }

    private static Runnable guarded(String evseId, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("KEBA wallbox {}: cycle failed", evseId, e);
            }
        };
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
        release.run();
    }
}
