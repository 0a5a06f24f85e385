package org.chargingmanager.gridsignal.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.grid.GridLogException;
import org.chargingmanager.api.grid.GridSignalSource;
import org.chargingmanager.api.grid.GridSignals;
import org.chargingmanager.api.grid.GridSourceStatus;
import org.chargingmanager.api.grid.Restriction;
import org.chargingmanager.api.platform.DataDirectory;
import org.chargingmanager.api.variables.Variables;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The grid-signal service: ticks the {@link GridSignalEngine} and keeps the restriction log. */
@Component(service = GridSignals.class, configurationPid = GridSignalService.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = GridSignalConfig.class)
public class GridSignalService implements GridSignals {

    public static final String PID = "org.chargingmanager.gridsignal";
    private static final Logger LOG = LoggerFactory.getLogger(GridSignalService.class);

    private final RestrictionLog log;
    private final GridSignalEngine engine;
    private final ScheduledExecutorService executor;
    private final java.util.List<GridSignalSource> early = new java.util.ArrayList<>();

    @Activate
    public GridSignalService(@Reference Variables variables, @Reference DataDirectory dataDirectory,
            GridSignalConfig config) throws IOException {
        String url = config.jdbcUrl() == null || config.jdbcUrl().isBlank()
                ? JdbcRestrictionLog.h2Url(dataDirectory.subdirectory("db"))
                : config.jdbcUrl().trim();
        OpeningLog opening = new OpeningLog();
        this.log = opening;
        this.engine = new GridSignalEngine(variables, log, Clock.systemUTC(),
                config.powerExpression() == null || config.powerExpression().isBlank() ? "grid.power"
                        : config.powerExpression());
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chargingmanager-gridsignals");
            thread.setDaemon(true);
            return thread;
        });
        synchronized (early) {
            early.forEach(engine::add);
            early.clear();
        }
        // first on the engine's thread, so the framework's start does not wait for the database
        executor.execute(() -> open(opening, url, config));
        executor.scheduleWithFixedDelay(engine::tick, 0, config.tickMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(() -> deleteOld(config), 1, 1, TimeUnit.DAYS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(GridSignalSource source) {
        // DS may bind a dynamic reference before the constructor returns
        synchronized (early) {
            if (engine == null) {
                early.add(source);
                return;
            }
        }
        engine.add(source);
        signalChanged(source.info().id());
    }

    void removeSource(GridSignalSource source) {
        synchronized (early) {
            if (engine == null) {
                early.remove(source);
                return;
            }
        }
        engine.remove(source);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.stop();
        log.close();
    }

    @Override
    public void signalChanged(String sourceId) {
        try {
            executor.execute(engine::tick);
        } catch (RejectedExecutionException stopping) {
            // deactivated
        }
    }

    @Override
    public List<GridSourceStatus> status() {
        return engine.status();
    }

    @Override
    public List<Restriction> restrictions(Instant from, Instant to) throws GridLogException {
        return log.query(from, to);
    }

    private static void open(OpeningLog opening, String url, GridSignalConfig config) {
        try {
            JdbcRestrictionLog jdbc = new JdbcRestrictionLog(url, config.user(), config._password());
            int dangling = jdbc.closeDangling();
            int deleted = jdbc.deleteEndedBefore(Instant.now().minus(Duration.ofDays(Math.max(730, config.retentionDays()))));
            opening.opened(jdbc);
            LOG.info("Grid signals: restriction log {} ready ({} period(s) of the previous run ended, {} older than {} "
                    + "days deleted)", jdbc.description(), dangling, deleted, Math.max(730, config.retentionDays()));
        } catch (GridLogException e) {
            // the grid operator's limits must apply even without the log
            opening.failed("the restriction log could not be opened: " + e.getMessage());
            LOG.error("Grid signals: the restriction log is off: {}; limits still apply", e.getMessage());
        }
    }

    private void deleteOld(GridSignalConfig config) {
        try {
            int deleted = log.deleteEndedBefore(Instant.now().minus(Duration.ofDays(Math.max(730, config.retentionDays()))));
            if (deleted > 0) {
                LOG.info("Grid signals: {} restriction(s) past the retention deleted", deleted);
            }
        } catch (GridLogException e) {
            LOG.warn("Grid signals: {}", e.getMessage());
        }
    }
}
