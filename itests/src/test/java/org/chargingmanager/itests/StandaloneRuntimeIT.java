package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.platform.AdminAuthenticator;
import org.chargingmanager.api.platform.DataDirectory;
import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.ocpp.v16.BootNotificationConfirmation;
import org.chargingmanager.ocpp.v16.BootNotificationRequest;
import org.chargingmanager.ocpp.v16.Inbound;
import org.chargingmanager.ocpp.v16.Ocpp16JsonCodec;
import org.chargingmanager.ocpp.v16.PendingActionLookup;
import org.chargingmanager.ocpp.v16.RegistrationStatus;
import org.chargingmanager.ocpp.v16.Role;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/** Boots every bundle of the standalone runtime in a real Felix framework. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StandaloneRuntimeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private DataDirectory dataDirectory;

    @Inject
    private AdminAuthenticator adminAuthenticator;

    @Configuration
    public Option[] configuration() {
        return StandaloneRuntime.options(StandaloneRuntime.testDirectory("standalone"), StandaloneRuntime.freePort(),
                name -> true);
    }

    @Test
    public void everyBundleResolvesAndIsActive() {
        List<String> notActive = Stream.of(context.getBundles())
                .filter(bundle -> bundle.getHeaders().get("Fragment-Host") == null)
                .filter(bundle -> bundle.getState() != Bundle.ACTIVE)
                .map(bundle -> bundle.getSymbolicName() + " " + bundle.getState())
                .collect(Collectors.toList());
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());
        for (String name : List.of("org.chargingmanager.api", "org.chargingmanager.core",
                "org.chargingmanager.simulator", "org.chargingmanager.runtime", "org.apache.felix.scr",
                "org.apache.felix.webconsole", "org.apache.felix.http.jetty12", "org.apache.felix.fileinstall",
                "org.chargingmanager.ocpp", "com.google.gson")) {
            assertTrue(name + " is installed",
                    Stream.of(context.getBundles()).anyMatch(bundle -> name.equals(bundle.getSymbolicName())));
        }
    }

    /** The codec's records are read by reflection and parsed by Gson: both across bundle class loaders. */
    @Test
    public void ocppCodecWorksInsideTheFramework() {
        String text = "[2,\"1\",\"BootNotification\",{\"chargePointVendor\":\"KEBA\",\"chargePointModel\":\"P30\"}]";

        Inbound inbound = Ocpp16JsonCodec.forRole(Role.CENTRAL_SYSTEM).decode(text, PendingActionLookup.none());

        assertEquals(new Inbound.Call("1", new BootNotificationRequest("KEBA", "P30", null, null, null, null, null,
                null, null)), inbound);
        assertEquals("[3,\"1\",{\"status\":\"Accepted\",\"currentTime\":\"2024-05-01T10:15:30Z\",\"interval\":300}]",
                Ocpp16JsonCodec.forRole(Role.CENTRAL_SYSTEM).encodeConfirmation("1", new BootNotificationConfirmation(
                        RegistrationStatus.ACCEPTED, Instant.parse("2024-05-01T10:15:30Z"), 300)));
    }

    @Test
    public void coreServicesUseTheConfiguredDataDirectoryAndAdminPassword() {
        assertEquals(Path.of(context.getProperty("chargingmanager.data")).toAbsolutePath().normalize(),
                dataDirectory.path());
        assertTrue(Files.exists(dataDirectory.path().resolve("security/admin-password")));
        assertTrue(adminAuthenticator.authenticate("admin", StandaloneRuntime.ADMIN_PASSWORD.toCharArray()));
        assertTrue(!adminAuthenticator.authenticate("admin", "admin".toCharArray()));
    }

    @Test
    public void simulatedWallboxConfiguredThroughConfigAdminComesAndGoesAsEvse() throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin
                .getFactoryConfiguration("org.chargingmanager.simulator.wallbox", "itest-lifecycle", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("id", "lifecycle");
        properties.put("connectors", 2);
        properties.put("phases", 1);
        properties.put("maxCurrentAmps", 32.0);
        configuration.update(properties);

        Evse first = Await.value("EVSE lifecycle-1", TIMEOUT, () -> Services.evse(context, "lifecycle-1"));
        assertNotNull(Await.value("EVSE lifecycle-2", TIMEOUT, () -> Services.evse(context, "lifecycle-2")));
        assertEquals(1, first.info().phases());
        assertEquals(32_000, first.info().maxCurrentMilliamps());
        assertEquals("simulator", first.info().driver());

        configuration.delete();
        Await.until("EVSEs of the deleted configuration to disappear", TIMEOUT,
                () -> Services.evse(context, "lifecycle-1") == null && Services.evse(context, "lifecycle-2") == null);
    }

    @Test
    public void loadManagerLimitsTheSimulatedCarToTheHouseConnectionAndTheGridMeterSeesIt() throws Exception {
        org.osgi.service.cm.Configuration loadManagement = configurationAdmin
                .getConfiguration("org.chargingmanager.core.loadmanager", "?");
        Hashtable<String, Object> limits = new Hashtable<>();
        limits.put("houseConnectionCurrentAmps", "10");
        limits.put("houseConnectionPowerWatts", "");
        loadManagement.update(limits);
        org.osgi.service.cm.Configuration wallbox = configurationAdmin
                .getFactoryConfiguration("org.chargingmanager.simulator.wallbox", "itest-charging", "?");
        Hashtable<String, Object> wallboxProperties = new Hashtable<>();
        wallboxProperties.put("id", "charging");
        wallboxProperties.put("carPluggedIn", true);
        wallbox.update(wallboxProperties);
        org.osgi.service.cm.Configuration meter = configurationAdmin
                .getFactoryConfiguration("org.chargingmanager.simulator.meter", "itest-grid", "?");
        Hashtable<String, Object> meterProperties = new Hashtable<>();
        meterProperties.put("id", "itest-grid");
        meterProperties.put("baseLoadL1Watts", 0.0);
        meterProperties.put("baseLoadL2Watts", 0.0);
        meterProperties.put("baseLoadL3Watts", 0.0);
        meter.update(meterProperties);
        try {
            Evse evse = Await.value("EVSE charging-1", TIMEOUT, () -> Services.evse(context, "charging-1"));
            Meter grid = Await.value("meter itest-grid", TIMEOUT, () -> Services.meter(context, "itest-grid"));

            Await.until("the load manager lets the car charge at 10 A", TIMEOUT,
                    () -> evse.snapshot().state() == EvseState.CHARGING
                            && evse.snapshot().currents().maxMilliamps() == 10_000);
            assertEquals(LimitReason.HOUSE_LIMIT, evse.snapshot().appliedLimit().reason());
            assertEquals(3 * 230 * 10, evse.snapshot().powerWatts(), 0.5);
            Await.until("grid meter sees 6.9 kW", TIMEOUT, () -> Math.abs(grid.reading().powerWatts() - 6900) < 1);

            wallboxProperties.put("carPluggedIn", false);
            wallbox.update(wallboxProperties);
            Await.until("car unplugged", TIMEOUT, () -> evse.snapshot().state() == EvseState.AVAILABLE);
            Await.until("grid meter back to 0 W", TIMEOUT, () -> Math.abs(grid.reading().powerWatts()) < 1);
            Await.until("no car, no current", TIMEOUT, () -> evse.snapshot().appliedLimit().currentMilliamps() == 0);
        } finally {
            wallbox.delete();
            meter.delete();
            loadManagement.delete();
        }
    }

    @Test
    public void webConsoleListsSimulatorFormsOnlyForTheAdmin() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI configManager = URI.create("http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port")
                + "/system/console/configMgr");
        Await.until("Web Console to answer", TIMEOUT, () -> status(client, configManager, null) != 404
                && status(client, configManager, null) != -1);

        assertEquals(401, status(client, configManager, null));
        assertEquals(401, status(client, configManager, "admin:admin"));
        assertEquals(401, status(client, configManager, "admin:wrong"));

        HttpResponse<String> page = client.send(request(configManager, "admin:" + StandaloneRuntime.ADMIN_PASSWORD),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Charging Manager: simulated wallbox"));
        assertTrue(page.body().contains("Charging Manager: simulated meter"));
    }

    private static HttpRequest request(URI uri, String credentials) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (credentials != null) {
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder.build();
    }

    private static int status(HttpClient client, URI uri, String credentials) {
        try {
            return client.send(request(uri, credentials), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * pax-web 8 (openHAB, Karaf) keeps one whiteboard servlet per name, and openHAB owns the root
     * and /rest, /auth, /icon, /chart, /ws, /audio: every servlet of the charging manager has a
     * name of its own and serves only /cnf, paths below /api/v1/ and the web UI below
     * /chargingmanager/, in the charging manager's own whiteboard context (the standalone
     * runtime's own root servlet aside).
     */
    @Test
    public void everyServletHasItsOwnNameAndStaysOffOpenHabsPaths() throws Exception {
        List<ServiceReference<?>> servlets = Stream.of(context.getServiceReferences((String) null,
                "(objectClass=javax.servlet.Servlet)"))
                .filter(reference -> reference.getBundle().getSymbolicName().startsWith("org.chargingmanager."))
                .collect(Collectors.toList());
        assertTrue("the runtime registers its servlets: " + servlets, servlets.size() >= 10);
        Set<String> names = new HashSet<>();
        for (ServiceReference<?> servlet : servlets) {
            String bundle = servlet.getBundle().getSymbolicName();
            Object name = servlet.getProperty("osgi.http.whiteboard.servlet.name");
            assertTrue(bundle + ": servlet without " + "osgi.http.whiteboard.servlet.name",
                    name instanceof String && ((String) name).startsWith("chargingmanager-"));
            assertTrue("servlet name " + name + " is used twice", names.add((String) name));
            Object patterns = servlet.getProperty("osgi.http.whiteboard.servlet.pattern");
            if (patterns == null) {
                // an error page of the charging manager's own context serves no path of its own
                assertTrue(name + " has neither a pattern nor an error page",
                        servlet.getProperty("osgi.http.whiteboard.servlet.errorPage") != null);
                assertEquals(name + " selects the charging manager's context", WebContext.SELECT_FILTER,
                        servlet.getProperty("osgi.http.whiteboard.context.select"));
                continue;
            }
            String[] all = patterns instanceof String[] ? (String[]) patterns : new String[] { (String) patterns };
            if (bundle.equals("org.chargingmanager.runtime")) {
                // standalone only (not in any Karaf feature): / and the 503 while starting, in the default context
                assertEquals("chargingmanager-root", name);
                assertEquals(List.of("/"), List.of(all));
                continue;
            }
            assertEquals(name + " selects the charging manager's context", WebContext.SELECT_FILTER,
                    servlet.getProperty("osgi.http.whiteboard.context.select"));
            for (String pattern : all) {
                assertTrue(name + " serves " + pattern, pattern.equals("/cnf") || pattern.startsWith("/api/v1/")
                        || pattern.equals("/chargingmanager") || pattern.startsWith("/chargingmanager/"));
            }
        }
    }
}
