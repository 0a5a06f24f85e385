package org.chargingmanager.itests;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;

import javax.inject.Inject;

import org.chargingmanager.api.platform.DataDirectory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/** The billing bundle in the standalone runtime's bundles with its default: embedded H2 under data/db. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BillingH2IT {

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private DataDirectory dataDirectory;

    @Configuration
    public Option[] configuration() {
        return StandaloneRuntime.options(StandaloneRuntime.testDirectory("billing-h2"), StandaloneRuntime.freePort(),
                name -> true);
    }

    @Test
    public void fullSessionThroughServicesAndHttp() throws Exception {
        BillingSession session = new BillingSession(context);
        session.run("h2");
        assertTrue("H2 file under data/db", Files.exists(dataDirectory.path().resolve("db/billing.mv.db")));
    }

    @Test
    public void usersOverHttp() throws Exception {
        new BillingSession(context).usersOverHttp();
    }

    @Test
    public void simulatedWallboxSessionsAreRecorded() throws Exception {
        new BillingSession(context).simulatedWallboxSession(configurationAdmin, "billing-sim");
    }
}
