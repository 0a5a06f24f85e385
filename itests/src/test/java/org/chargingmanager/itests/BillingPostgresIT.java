package org.chargingmanager.itests;


import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

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
        Option[] runtime = StandaloneRuntime.options(StandaloneRuntime.testDirectory("billing-postgres"),
                StandaloneRuntime.freePort(), name -> true);
        // the server runs in the test JVM, outside OSGi; the test reaches it by URL
        Option[] options = java.util.Arrays.copyOf(runtime, runtime.length + 1);
        options[runtime.length] = org.ops4j.pax.exam.CoreOptions.frameworkProperty(POSTGRES_URL)
                .value("jdbc:postgresql://127.0.0.1:" + EmbeddedPostgresServer.port() + "/postgres");
        return options;
    }

    @Test
    public void fullSessionOnPostgresql() throws Exception {
        org.osgi.service.cm.Configuration database = configurationAdmin
                .getConfiguration("org.chargingmanager.billing.database", "?");
        java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>();
        properties.put("jdbcUrl", context.getProperty(POSTGRES_URL));
        properties.put("user", "postgres");
        properties.put(".password", "not-needed-by-trust-auth");
        database.update(properties);
        BillingSession session = new BillingSession(context);
        Await.until("the billing database on PostgreSQL", BillingSession.TIMEOUT,
                () -> session.databaseUp("jdbc:postgresql:"));
        // DS may have started on H2 before FileInstall delivered the configuration: let it settle
        Await.until("only the PostgreSQL database", BillingSession.TIMEOUT, () -> !session.databaseUp("jdbc:h2:"));
        session.run("pg");
        session.simulatedWallboxSession(configurationAdmin, "billing-pg-sim");
    }
}
