package org.chargingmanager.itests;


import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.ZonedDateTime;
import java.util.concurrent.ExecutionException;

import javax.inject.Inject;

import org.chargingmanager.api.billing.TransactionLog;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import eu.chargetime.ocpp.CallErrorException;
import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;

/**
 * The billing bundle on a real PostgreSQL server, started by this test (outside OSGi, from
 * Maven Central's binaries) and configured like an operator would: a {@code .config} file with
 * the JDBC URL, user and password, picked up by FileInstall.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BillingPostgresIT {

    private static final String POSTGRES_URL = "itest.postgres.url";

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        Option[] runtime = StandaloneRuntime.withOcaClient(StandaloneRuntime.options(
                StandaloneRuntime.testDirectory("billing-postgres"), StandaloneRuntime.freePort(), name -> true));
        // the server runs in the test JVM, outside OSGi; the test reaches it by URL
        Option[] options = java.util.Arrays.copyOf(runtime, runtime.length + 1);
        options[runtime.length] = org.ops4j.pax.exam.CoreOptions.frameworkProperty(POSTGRES_URL)
                .value("jdbc:postgresql://127.0.0.1:" + EmbeddedPostgresServer.port() + "/postgres");
        return options;
    }

    /**
     * First the database cannot be reached (nothing listens on its port): a wallbox's
     * StartTransaction is refused with CALLERROR InternalError, so it sends it again, instead of
     * getting an ID no log holds; once the database is there, the same StartTransaction is
     * recorded. Then a whole session on PostgreSQL.
     */
    @Test
    public void fullSessionOnPostgresql() throws Exception {
        org.osgi.service.cm.Configuration database = configurationAdmin
                .getConfiguration("org.chargingmanager.billing.database", "?");
        database.update(databaseProperties("jdbc:postgresql://127.0.0.1:" + StandaloneRuntime.freePort() + "/postgres"));
        BillingSession session = new BillingSession(context);
        Await.until("the billing database down, its refusing log offered", BillingSession.TIMEOUT,
                () -> !session.databaseUp(null)
                        && Services.service(context, TransactionLog.class, "(transactionLog.available=false)") != null
                        && Services.service(context, TransactionLog.class, Services.REAL_TRANSACTION_LOG) == null);
        try (OcaWallbox wallbox = new OcaWallbox("PG-LATE")) {
            wallbox.connect(StandaloneRuntime.ocppBaseUrl(context));
            BootNotificationConfirmation boot = wallbox.send(new BootNotificationRequest("PG", "Late"));
            assertEquals(RegistrationStatus.Accepted, boot.getStatus());
            StartTransactionRequest start = new StartTransactionRequest(1, "RFID-LATE", 5_000, ZonedDateTime.now());
            try {
                wallbox.send(start);
                fail("StartTransaction confirmed while the billing database is down");
            } catch (ExecutionException refused) {
                assertTrue(String.valueOf(refused.getCause()), refused.getCause() instanceof CallErrorException);
                assertEquals("InternalError", ((CallErrorException) refused.getCause()).getErrorCode());
            }

            database.update(databaseProperties(context.getProperty(POSTGRES_URL)));
            Await.until("the billing database on PostgreSQL", BillingSession.TIMEOUT,
                    () -> session.databaseUp("jdbc:postgresql:"));
            StartTransactionConfirmation started = Await.value("StartTransaction recorded", BillingSession.TIMEOUT,
                    () -> BillingSession.quietly(() -> wallbox.send(start)));
            TransactionLog log = Services.service(context, TransactionLog.class, Services.REAL_TRANSACTION_LOG);
            assertEquals("RFID-LATE", log.find(started.getTransactionId()).orElseThrow().idTag());
        }

        Await.until("the billing database on PostgreSQL", BillingSession.TIMEOUT,
                () -> session.databaseUp("jdbc:postgresql:"));
        // DS may have started on H2 before FileInstall delivered the configuration: let it settle
        Await.until("only the PostgreSQL database", BillingSession.TIMEOUT, () -> !session.databaseUp("jdbc:h2:"));
        session.run("pg");
        session.simulatedWallboxSession(configurationAdmin, "billing-pg-sim");
    }

    private static java.util.Hashtable<String, Object> databaseProperties(String jdbcUrl) {
        java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>();
        properties.put("jdbcUrl", jdbcUrl);
        properties.put("user", "postgres");
        properties.put(".password", "not-needed-by-trust-auth");
        return properties;
    }
}
