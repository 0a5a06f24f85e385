package org.chargingmanager.billing.internal.cost;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.billing.TransactionLogException;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseDirectory;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.billing.internal.log.JdbcTransactionLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the energy register of every {@link Evse} (OCPP or not) on a schedule and hands the
 * intervals worth storing ({@link ReadingTracker}) to the transaction log, which shares them
 * among the price slots of the open session. The log adds the rest at the stop and computes the
 * cost. Intervals of a charging point without an open session are not written (thousands of idle
 * OCPP chargers cost no database work).
 */
@Component(configurationPid = SessionCostRecorder.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = SessionCostRecorder.class, immediate = true)
@Designate(ocd = SessionCostRecorderConfig.class)
public class SessionCostRecorder {

    public static final String PID = "org.chargingmanager.billing.costs";
    private static final Logger LOG = LoggerFactory.getLogger(SessionCostRecorder.class);

    private final JdbcTransactionLog log;
    private final Clock clock;
    private final ReadingTracker tracker;
    private final Map<Evse, Boolean> evses = new ConcurrentHashMap<>();
    private final Map<String, String> lastError = new HashMap<>();
    private final ScheduledExecutorService executor;
    private EvseDirectory.Subscription evseSubscription;

    @Activate
    public SessionCostRecorder(@Reference JdbcTransactionLog log, @Reference EvseDirectory evseDirectory,
            SessionCostRecorderConfig config) {
        this(log, Clock.systemUTC(), Duration.ofSeconds(Math.max(10, config.maxReadingSeconds())),
                config.enabled() ? Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "chargingmanager-session-costs");
                    thread.setDaemon(true);
                    return thread;
                }) : null);
        evseSubscription = evseDirectory.subscribe(EvseDirectory.Listener.of(this::addEvse, this::removeEvse));
        if (executor != null) {
            executor.scheduleWithFixedDelay(this::pollSafely, config.pollMillis(), Math.max(100, config.pollMillis()),
                    TimeUnit.MILLISECONDS);
        }
    }

    SessionCostRecorder(JdbcTransactionLog log, Clock clock, Duration maxReadingInterval,
            ScheduledExecutorService executor) {
        this.log = log;
        this.clock = clock;
        this.tracker = new ReadingTracker(maxReadingInterval);
        this.executor = executor;
    }

    void addEvse(Evse evse) {
        evses.put(evse, Boolean.TRUE);
    }

    void removeEvse(Evse evse) {
        evses.remove(evse);
    }

    @Deactivate
    void deactivate() {
        if (evseSubscription != null) {
            evseSubscription.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.error("Session costs: unexpected error", e);
        }
    }

    /** One round over every charging point. */
    synchronized void poll() {
        Instant now = clock.instant();
        PriceForecast forecast = log.forecast();
        for (Evse evse : evses.keySet()) {
            String evseId;
            try {
                evseId = evse.info().id();
            } catch (RuntimeException gone) {
                continue;
            }
            try {
                EvseSnapshot snapshot = evse.snapshot();
                if (snapshot == null || snapshot.state() == EvseState.OFFLINE
                        || !Double.isFinite(snapshot.energyWattHours())) {
                    continue;
                }
                List<ReadingTracker.Interval> intervals = tracker.observe(evseId, now, snapshot.energyWattHours(),
                        instant -> forecast == null ? Optional.<PriceSlot>empty() : forecast.slotAt(instant));
                if (intervals.isEmpty() || !log.hasOpenSession(evseId)) {
                    continue; // without a session the energy has no one to be priced for
                }
                for (ReadingTracker.Interval interval : intervals) {
                    log.recordEnergy(evseId, interval.from(), interval.to(), interval.energyWattHours(),
                            interval.registerWattHours());
                }
                lastError.remove(evseId);
            } catch (TransactionLogException | RuntimeException e) {
                tracker.forget(evseId); // start over: the next reading is a new baseline
                String message = String.valueOf(e.getMessage());
                if (!message.equals(lastError.put(evseId, message))) {
                    LOG.error("Session costs at EVSE {}: cannot record the energy: {}", evseId, message);
                }
            }
        }
    }
}
