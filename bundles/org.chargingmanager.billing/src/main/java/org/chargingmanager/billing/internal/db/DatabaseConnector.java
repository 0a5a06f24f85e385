package org.chargingmanager.billing.internal.db;

import java.io.IOException;
import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.chargingmanager.api.platform.DataDirectory;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the billing database (PID {@value Database#PID}) and offers it as the {@link Database}
 * service, on which the transaction log and the user directory depend. A database that cannot be
 * opened yet — PostgreSQL starting after the charging manager, the network still down at boot —
 * is tried again after 2 s, then twice as long each time up to once a minute, until it opens or
 * the configuration changes. A JDBC URL of an unsupported kind is not retried. The service is
 * registered by hand, so the capability is declared here for resolvers (Karaf).
 */
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=org.chargingmanager.billing.internal.db.Database")
@Component(immediate = true, configurationPid = Database.PID)
@Designate(ocd = DatabaseConfig.class)
public class DatabaseConnector {

    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConnector.class);

    private final Callable<Database> opener;
    private final Consumer<Database> publisher;
    private final Duration firstRetry;
    private final Duration longestRetry;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "billing-database-connector");
        thread.setDaemon(true);
        return thread;
    });
    private Database database;
    private ServiceRegistration<Database> registration;
    private int failedAttempts;
    private volatile boolean closed;

    @Activate
    public DatabaseConnector(BundleContext context, @Reference DataDirectory dataDirectory, DatabaseConfig config)
            throws IOException {
        this(opener(jdbcUrl(dataDirectory, config), config), null, FIRST_RETRY, LONGEST_RETRY, context);
    }

    /** Service properties: the JDBC URL (without any password in it) and the user, for filters and the console. */
    private static Hashtable<String, Object> serviceProperties(Database database, String jdbcUrl, String user) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("jdbcUrl", Database.redact(jdbcUrl));
        properties.put("dialect", database.dialect().name());
        if (user != null && !user.isBlank()) {
            properties.put("user", user);
        }
        return properties;
    }

    DatabaseConnector(Callable<Database> opener, Consumer<Database> publisher, Duration firstRetry, Duration longestRetry) {
        this(opener, publisher, firstRetry, longestRetry, null);
    }

    private DatabaseConnector(Callable<Database> opener, Consumer<Database> publisher, Duration firstRetry,
            Duration longestRetry, BundleContext context) {
        this.opener = opener;
        this.publisher = publisher != null ? publisher
                : opened -> registration = context.registerService(Database.class, opened,
                        serviceProperties(opened, opened.jdbcUrl(), opened.user()));
        this.firstRetry = firstRetry;
        this.longestRetry = longestRetry;
        scheduler.execute(this::attempt);
    }

    private static String jdbcUrl(DataDirectory dataDirectory, DatabaseConfig config) throws IOException {
        return config.jdbcUrl() == null || config.jdbcUrl().isBlank() ? Database.h2Url(dataDirectory.subdirectory("db"))
                : config.jdbcUrl().trim();
    }

    private static Callable<Database> opener(String jdbcUrl, DatabaseConfig config) {
        return () -> new Database(jdbcUrl, config.user(), config._password(), config.maxPoolSize());
    }

    private synchronized void attempt() {
        if (closed) {
            return;
        }
        try {
            database = opener.call();
            if (failedAttempts > 0) {
                LOG.info("Billing database {} opened after {} failed attempts", database.description(), failedAttempts);
            }
            publisher.accept(database);
        } catch (IllegalArgumentException e) {
            LOG.error("Billing database not opened, fix its configuration: {}", e.getMessage());
        } catch (Exception e) {
            failedAttempts++;
            Duration wait = retryDelay(failedAttempts);
            LOG.warn("Billing database not reachable (attempt {}): {}; next attempt in {} s", failedAttempts, e.getMessage(),
                    wait.toSeconds());
            scheduler.schedule(this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** 2 s, 4 s, 8 s ... up to the longest delay. */
    Duration retryDelay(int failedAttempts) {
        long factor = 1L << Math.min(20, failedAttempts - 1);
        Duration delay = firstRetry.multipliedBy(factor);
        return delay.compareTo(longestRetry) > 0 ? longestRetry : delay;
    }

    @Deactivate
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the bundle stopped first
                }
                registration = null;
            }
            if (database != null) {
                database.close();
                database = null;
            }
        }
    }
}
