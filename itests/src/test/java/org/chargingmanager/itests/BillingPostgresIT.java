package org.chargingmanager.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() throws IOException {
        Path testDirectory = StandaloneRuntime.testDirectory("billing-postgres");
        Option[] options = StandaloneRuntime.options(testDirectory, StandaloneRuntime.freePort(), name -> true);
        String url = "jdbc:postgresql://127.0.0.1:" + EmbeddedPostgresServer.port() + "/postgres";
        Files.writeString(testDirectory.resolve("watched/org.chargingmanager.billing.database.config"),
                "jdbcUrl=\"" + url + "\"\nuser=\"postgres\"\n.password=\"not-needed-by-trust-auth\"\n",
                StandardCharsets.UTF_8);
        return options;
    }

    @Test
    public void fullSessionOnPostgresql() throws Exception {
        BillingSession session = new BillingSession(context);
        Await.until("the billing database on PostgreSQL", BillingSession.TIMEOUT,
                () -> session.databaseUp("jdbc:postgresql:"));
        // DS may have started on H2 before FileInstall delivered the configuration: let it settle
        Await.until("only the PostgreSQL database", BillingSession.TIMEOUT, () -> !session.databaseUp("jdbc:h2:"));
        session.run("pg");
        session.simulatedWallboxSession(configurationAdmin, "billing-pg-sim");
    }
}
