package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;

/**
 * openHAB in all but name: the full Apache Karaf distribution from Maven Central on
 * <b>Equinox</b>, with {@code scr}, {@code http} and {@code http-whiteboard} (pax-web 8 on Jetty
 * 9.4, openHAB's web stack) and an "openHAB" Gson 2.10.1 installed while online. Then it is
 * switched <b>offline</b> as an openHAB box is: no remote repository, an empty local repository,
 * only the distribution's {@code system/} folder. The KAR is dropped into {@code deploy/}; it
 * must bring everything it needs, install the umbrella feature by itself, and every endpoint
 * must answer through pax-web.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class KarafEquinoxOfflineIT {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(4);
    private static final String ADMIN_PASSWORD = StandaloneRuntime.ADMIN_PASSWORD;
    /** The Gson openHAB 4.x ships; the KAR carries 2.11.0 and must not install it beside this one. */
    private static final String OPENHAB_GSON = "mvn:com.google.code.gson/gson/2.10.1";

    private static KarafInstance karaf;
    /** The MQTT broker an openHAB box would run beside it (Moquette on loopback). */
    private static MqttBroker broker;
    private static int ocppPort;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeClass
    public static void installKarInOfflineKaraf() throws Exception {
        Path archive = Path.of(System.getProperty("chargingmanager.karaf.archive"));
        Path kar = Path.of(System.getProperty("chargingmanager.kar"));
        assertTrue("the KAR is built before the itests: " + kar, Files.isRegularFile(kar));
        karaf = KarafInstance.unpack(archive, Path.of("target", "karaf-equinox").toAbsolutePath());
        ocppPort = StandaloneRuntime.freePort();

        // online: the container's own web stack, as openHAB's distribution has it in system/
        String localMaven = System.getProperty("org.ops4j.pax.url.mvn.localRepository",
                System.getProperty("user.home") + "/.m2/repository");
        karaf.configure("equinox")
                .bootFeatures("scr", "http", "http-whiteboard")
                .setProperty("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories",
                        Path.of(localMaven).toUri() + "@id=build-machine, https://repo1.maven.org/maven2@id=central")
                .setProperty("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        karaf.home.resolve("system").toString())
                .environment("CHARGINGMANAGER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        karaf.start();
        awaitFeatureStarted("http-whiteboard");
        String gson = karaf.console("bundle:install -s " + OPENHAB_GSON);
        assertFalse("openHAB's Gson installed: " + gson, gson.toLowerCase().contains("error"));
        karaf.stop();

        // offline: nothing but system/ and what the KAR brings
        Path emptyLocalRepository = Files.createDirectories(karaf.home.resolve("empty-local-repository"));
        Path noRemote = Files.createDirectories(karaf.home.resolve("no-remote-repository"));
        karaf.setProperty("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories",
                        noRemote.toUri() + "@id=none")
                .setProperty("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        emptyLocalRepository.toString())
                .setProperty("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.offline", "true")
                .setProperty("etc/org.chargingmanager.ocpp.server.cfg", "port", String.valueOf(ocppPort))
                .setProperty("etc/org.chargingmanager.ocpp.server.cfg", "host", "127.0.0.1");
        broker = new MqttBroker(StandaloneRuntime.freePort());
        karaf.setProperty("etc/org.chargingmanager.mqtt.cfg", "brokerUrl", broker.url());
        karaf.start();
        awaitFeatureStarted("http-whiteboard");
        Files.copy(kar, karaf.home.resolve("deploy").resolve(kar.getFileName()));
        awaitFeatureStarted("chargingmanager");
        // "Started" means the bundles are active; their DS components and servlets follow within seconds
        for (String path : List.of("/cnf?cmd=get_cm_vars", "/api/v1/evses", "/api/v1/transactions.csv",
                "/api/v1/trusted-keys", "/api/v1/ocpp/chargepoints")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (get(path, ADMIN_PASSWORD).statusCode() == 404 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
        }
    }

    @AfterClass
    public static void stopKaraf() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    public void theKarInstallsTheUmbrellaFeatureOfflineAndTheOthersFromItsOwnRepository() throws Exception {
        List<String> features = installedFeatures(karaf.console("feature:list -i"));
        for (String feature : List.of("chargingmanager", "chargingmanager-core", "chargingmanager-web",
                "chargingmanager-ocpp", "chargingmanager-ocpp-server", "chargingmanager-ocpp-gateway",
                "chargingmanager-billing",
                "chargingmanager-eichrecht", "chargingmanager-mqtt", "chargingmanager-openhab", "chargingmanager-modbus",
                "chargingmanager-wallbox-cfos", "chargingmanager-meter-eastron", "chargingmanager-wallbox-keba",
                "chargingmanager-wallbox-goe", "chargingmanager-meter-shelly", "chargingmanager-wallbox-alfen",
                "chargingmanager-wallbox-abl", "chargingmanager-meter-sma",
                "chargingmanager-wallbox-phoenix", "chargingmanager-meter-sunspec",
                "chargingmanager-device-definition",
                "chargingmanager-tariff-fixed",
                "chargingmanager-tariff-awattar", "chargingmanager-tariff-tibber",
                "chargingmanager-tariff-entsoe", "chargingmanager-forecast-solar")) {
            assertTrue(feature + " is installed and started: " + features, features.contains(feature));
        }
        assertFalse("the simulator is not part of the umbrella feature", features.contains("chargingmanager-simulator"));

        String simulator = karaf.console("feature:install chargingmanager-simulator");
        assertFalse("the simulator installs offline: " + simulator, simulator.contains("Error"));
        awaitFeatureStarted("chargingmanager-simulator");

        List<String> all = availableFeatures(karaf.console("feature:list"));
        List<String> notStarted = new ArrayList<>(all);
        notStarted.removeAll(installedFeatures(karaf.console("feature:list -i")));
        assertTrue("every chargingmanager feature is installed and started; not: " + notStarted, notStarted.isEmpty());

        String log = karaf.log();
        assertFalse("nothing had to be downloaded:\n" + karaf.logTail(60), log.contains("Error downloading"));
        assertFalse("pax-web registered every servlet:\n" + karaf.logTail(60), log.contains("Skipped registration"));
    }

    @Test
    public void openHabsGsonIsUsedInsteadOfASecondCopy() throws Exception {
        String bundles = karaf.console("bundle:list -s -t 0");
        List<String> gsonLines = bundles.lines().filter(line -> line.contains("com.google.gson")).toList();
        assertEquals("one Gson bundle: " + gsonLines, 1, gsonLines.size());
        assertTrue("it is openHAB's 2.10.1: " + gsonLines, gsonLines.get(0).contains("2.10.1"));
        assertTrue("and active: " + gsonLines, gsonLines.get(0).contains("Active"));
        for (String bundle : List.of("org.chargingmanager.web", "org.chargingmanager.ocpp",
                "org.chargingmanager.ocpp.server", "org.chargingmanager.ocpp.gateway", "org.chargingmanager.billing",
                "org.chargingmanager.eichrecht",
                "org.chargingmanager.mqtt", "org.chargingmanager.openhab", "org.eclipse.paho.client.mqttv3",
                "org.chargingmanager.modbus", "com.ghgande.j2mod", "com.fazecast.jSerialComm",
                "org.chargingmanager.wallbox.cfos", "org.chargingmanager.meter.eastron",
                "org.chargingmanager.wallbox.keba", "org.chargingmanager.wallbox.goe",
                "org.chargingmanager.meter.shelly", "org.chargingmanager.wallbox.alfen", "org.chargingmanager.wallbox.abl",
                "org.chargingmanager.meter.sma", "org.chargingmanager.wallbox.phoenix",
                "org.chargingmanager.meter.sunspec", "org.chargingmanager.device.definition")) {
            String line = bundles.lines().filter(l -> l.contains(" " + bundle + " ") || l.endsWith(" " + bundle))
                    .findFirst().orElseThrow(() -> new AssertionError(bundle + " not installed:\n" + bundles));
            assertTrue(bundle + " is active: " + line, line.contains("Active"));
        }
    }

    @Test
    public void theGridOperatorApiAnswersThroughPaxWeb() throws Exception {
        HttpResponse<String> anonymous = get("/cnf?cmd=get_cm_vars", null);
        assertEquals(anonymous.body(), 401, anonymous.statusCode());
        HttpResponse<String> wrong = get("/cnf?cmd=get_cm_vars", "wrong-password");
        assertEquals(wrong.body(), 401, wrong.statusCode());

        HttpResponse<String> set = get("/cnf?cmd=set_cm_vars&name=AVAIL&val=37", ADMIN_PASSWORD);
        assertEquals(set.body(), 200, set.statusCode());
        HttpResponse<String> vars = get("/cnf?cmd=get_cm_vars", ADMIN_PASSWORD);
        assertEquals(vars.body(), 200, vars.statusCode());
        assertEquals(37.0, variableValue(vars.body(), "AVAIL"), 0.0);

        HttpResponse<String> bad = get("/cnf?cmd=set_cm_vars&name=AVAIL&val=37*", ADMIN_PASSWORD);
        assertEquals(bad.body(), 400, bad.statusCode());
        assertEquals(37.0, variableValue(get("/cnf?cmd=get_cm_vars", ADMIN_PASSWORD).body(), "AVAIL"), 0.0);
    }

    /** Issue 14 on openHAB's pax-web: the web UI's files, the login with its cookie, CSRF, the settings forms. */
    @Test
    public void theWebUiItsLoginAndItsSettingsFormsWorkOnPaxWeb() throws Exception {
        HttpResponse<String> page = get("/chargingmanager/", null);
        assertEquals(page.body(), 200, page.statusCode());
        assertTrue(page.body(), page.body().contains("<title>Charging Manager</title>"));
        assertEquals(200, get("/chargingmanager/app.js", null).statusCode());

        HttpResponse<String> login = HTTP.send(request("/api/v1/session", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(login.body(), 200, login.statusCode());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie, setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"));
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String token = com.google.gson.JsonParser.parseString(login.body()).getAsJsonObject().get("csrfToken").getAsString();

        HttpResponse<String> forms = HTTP.send(request("/api/v1/config", null).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(forms.body(), 200, forms.statusCode());
        assertTrue(forms.body(), forms.body().contains("org.chargingmanager.core.loadmanager"));
        HttpResponse<String> withoutToken = HTTP.send(request("/api/v1/variables/WEBUI", null).header("Cookie", cookie)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"expr\":\"1\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(withoutToken.body(), 403, withoutToken.statusCode());
        HttpResponse<String> withToken = HTTP.send(request("/api/v1/variables/WEBUI", null).header("Cookie", cookie)
                .header("X-CSRF-Token", token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"expr\":\"1\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(withToken.body(), 200, withToken.statusCode());
        HttpResponse<String> deleted = HTTP.send(request("/api/v1/variables/WEBUI", null).header("Cookie", cookie)
                .header("X-CSRF-Token", token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(deleted.body(), 200, deleted.statusCode());
    }

    @Test
    public void everyEndpointOfEveryBundleAnswers() throws Exception {
        for (String path : List.of("/api/v1/evses", "/api/v1/meters", "/api/v1/variables", "/api/v1/users",
                "/api/v1/transactions", "/api/v1/transactions.csv", "/api/v1/transactions/retention",
                "/api/v1/trusted-keys", "/api/v1/eichrecht/internal-signing-key", "/api/v1/signed-values.xml",
                "/api/v1/ocpp/chargepoints", "/api/v1/ocpp/server-certificate.pem",
                "/api/v1/ocpp/charge-point-ca.pem")) {
            HttpResponse<String> response = get(path, ADMIN_PASSWORD);
            assertEquals(path + " answers: " + response.body(), 200, response.statusCode());
            assertEquals(path + " needs the admin password", 401, get(path, null).statusCode());
        }
    }

    @Test
    public void anOcppChargePointCompletesATransactionThatAppearsInTheCsv() throws Exception {
        String user = "{\"id\":\"karaf-user\",\"name\":\"Karaf User\",\"rfidTags\":[\"RFID-KARAF\"]}";
        HttpResponse<String> created = HTTP.send(request("/api/v1/users", ADMIN_PASSWORD)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(created.body(), 201, created.statusCode());

        int transactionId;
        try (OcaWallbox wallbox = new OcaWallbox("KARAF-CP")) {
            wallbox.connect("ws://127.0.0.1:" + ocppPort + "/ocpp");
            BootNotificationConfirmation boot = wallbox.send(new BootNotificationRequest("Karaf", "Equinox-11"));
            assertEquals(RegistrationStatus.Accepted, boot.getStatus());
            wallbox.send(new StatusNotificationRequest(1, ChargePointErrorCode.NoError, ChargePointStatus.Preparing));
            StartTransactionConfirmation started = wallbox.send(
                    new StartTransactionRequest(1, "RFID-KARAF", 2_000, ZonedDateTime.now()));
            assertEquals(AuthorizationStatus.Accepted, started.getIdTagInfo().getStatus());
            transactionId = started.getTransactionId();
            wallbox.send(new StatusNotificationRequest(1, ChargePointErrorCode.NoError, ChargePointStatus.Charging));
            StopTransactionRequest stop = new StopTransactionRequest(2_750, ZonedDateTime.now(), transactionId);
            stop.setIdTag("RFID-KARAF");
            stop.setReason(Reason.Local);
            wallbox.send(stop);
        }

        HttpResponse<String> csv = get("/api/v1/transactions.csv", ADMIN_PASSWORD);
        assertEquals(csv.body(), 200, csv.statusCode());
        String row = csv.body().lines().filter(line -> line.startsWith(transactionId + ",")).findFirst()
                .orElseThrow(() -> new AssertionError("transaction " + transactionId + " in the CSV:\n" + csv.body()));
        assertTrue(row, row.contains("ocpp-KARAF-CP-1"));
        assertTrue(row, row.contains("karaf-user"));
        assertTrue(row, row.contains("RFID-KARAF"));
        assertTrue(row, row.contains(",2000,2750,750,"));
    }

    /** What docs/openhab.md promises: TARIF and AVAIL reach openHAB's MQTT binding as Homie, and come back. */
    @Test
    public void homieCarriesTheVariablesBothWaysFromInsideKaraf() throws Exception {
        String device = "homie/chargingmanager/";
        try (MqttBroker.Watcher openhab = new MqttBroker.Watcher(broker.url())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // the broker hands retained messages to a new subscriber in no particular order: wait for all we read
            while (!("ready".equals(openhab.get(device + "$state")) && openhab.get(device + "$homie") != null
                    && openhab.get(device + "variables/tarif/$datatype") != null
                    && openhab.get(device + "variables/avail/$settable") != null) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals("4.0.0", openhab.get(device + "$homie"));
            assertEquals("ready", openhab.get(device + "$state"));
            assertEquals("float", openhab.get(device + "variables/tarif/$datatype"));
            assertEquals("true", openhab.get(device + "variables/avail/$settable"));

            assertEquals(200, get("/cnf?cmd=set_cm_vars&name=AVAIL&val=42", ADMIN_PASSWORD).statusCode());
            long setAt = System.nanoTime();
            while (!"42".equals(openhab.get(device + "variables/avail"))
                    && System.nanoTime() - setAt < Duration.ofSeconds(2).toNanos()) {
                Thread.sleep(20);
            }
            assertEquals("AVAIL over /cnf is on MQTT within 2 s", "42", openhab.get(device + "variables/avail"));

            openhab.send(device + "variables/tarif/set", "1");
            long sentAt = System.nanoTime();
            double tarif = Double.NaN;
            while (System.nanoTime() - sentAt < Duration.ofSeconds(5).toNanos()) {
                tarif = variableValue(get("/cnf?cmd=get_cm_vars", ADMIN_PASSWORD).body(), "TARIF");
                if (tarif == 1.0) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals("a command from openHAB sets TARIF", 1.0, tarif, 0.0);
        }
    }

    /** Runs last (the methods run in name order): deleting the KAR from deploy/ uninstalls it. */
    @Test
    public void zzDeletingTheKarUninstallsEveryFeatureAndKeepsTheData() throws Exception {
        Files.delete(karaf.home.resolve("deploy").resolve(Path.of(System.getProperty("chargingmanager.kar")).getFileName()));
        long deadline = System.nanoTime() + INSTALL_TIMEOUT.toNanos();
        List<String> left;
        do {
            Thread.sleep(1_000);
            left = installedFeatures(karaf.console("feature:list -i")).stream()
                    .filter(name -> name.startsWith("chargingmanager")).toList();
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        assertTrue("no chargingmanager feature left: " + left, left.isEmpty());
        assertEquals("the web server no longer serves /cnf", 404, get("/cnf?cmd=get_cm_vars", ADMIN_PASSWORD).statusCode());
        assertTrue("the data directory stays",
                Files.isRegularFile(karaf.home.resolve("data/chargingmanager/security/admin-password")));
    }

    private static void awaitFeatureStarted(String feature) throws Exception {
        long deadline = System.nanoTime() + INSTALL_TIMEOUT.toNanos();
        String listing = "";
        while (System.nanoTime() < deadline) {
            listing = karaf.console("feature:list -i");
            if (installedFeatures(listing).contains(feature)) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("feature " + feature + " not started after " + INSTALL_TIMEOUT + ":\n" + listing
                + "\n--- karaf.log:\n" + karaf.logTail(80));
    }

    /** Names of the features in a {@code feature:list} table whose state is Started. */
    private static List<String> installedFeatures(String listing) {
        return listing.lines().map(line -> line.split("\\s*│\\s*|\\s*\\|\\s*"))
                .filter(cells -> cells.length > 4 && cells[3].trim().equals("Started"))
                .map(cells -> cells[0].trim()).toList();
    }

    /** Names of the charging manager's features in a {@code feature:list} table. */
    private static List<String> availableFeatures(String listing) {
        return listing.lines().map(line -> line.split("\\s*│\\s*|\\s*\\|\\s*"))
                .filter(cells -> cells.length > 4 && cells[0].trim().startsWith("chargingmanager"))
                .map(cells -> cells[0].trim()).distinct().toList();
    }

    private static double variableValue(String json, String name) {
        JsonObject body = JsonParser.parseString(json).getAsJsonObject();
        JsonArray vars = body.getAsJsonArray("vars");
        for (int i = 0; i < vars.size(); i++) {
            JsonObject variable = vars.get(i).getAsJsonObject();
            if (name.equalsIgnoreCase(variable.get("name").getAsString())) {
                return variable.get("value").getAsDouble();
            }
        }
        throw new AssertionError("no variable " + name + " in " + json);
    }

    private static HttpResponse<String> get(String path, String password) throws IOException, InterruptedException {
        return HTTP.send(request(path, password).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path, String password) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + karaf.httpPort + path))
                .timeout(Duration.ofSeconds(30));
        if (password != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }
}
