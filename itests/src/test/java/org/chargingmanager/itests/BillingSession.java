package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import org.chargingmanager.api.billing.Authorization;
import org.chargingmanager.api.billing.AuthorizationStatus;
import org.chargingmanager.api.billing.Authorizer;
import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionStart;
import org.chargingmanager.api.billing.TransactionStop;
import org.chargingmanager.api.billing.User;
import org.chargingmanager.api.billing.UserDirectory;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.api.tariff.Tariff;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A full charging session through the billing bundle's services and its HTTP endpoints, run by
 * {@link BillingH2IT} and {@link BillingPostgresIT} inside the booted runtime.
 */
final class BillingSession {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BundleContext context;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    BillingSession(BundleContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port");
    }

    void run(String prefix) throws Exception {
        UserDirectory users = Await.value("UserDirectory", TIMEOUT, () -> service(UserDirectory.class, null));
        Authorizer authorizer = Await.value("Authorizer", TIMEOUT, () -> service(Authorizer.class, null));
        TransactionLog log = Await.value("TransactionLog", TIMEOUT, () -> service(TransactionLog.class, Services.REAL_TRANSACTION_LOG));
        String evse = prefix + "-garage-1";

        users.save(new User(prefix + "-alice", "Müller, \"Alice\"", List.of(prefix + "-04A1B2"), List.of(),
                Set.of(evse), 0, null, false));
        Authorization authorization = authorizer.authorize(prefix.toLowerCase() + "-04a1b2", evse);
        assertEquals(AuthorizationStatus.ACCEPTED, authorization.status());
        assertEquals(prefix + "-alice", authorization.userId());
        assertEquals(AuthorizationStatus.INVALID, authorizer.authorize("unknown-tag", evse).status());

        OffsetDateTime start = OffsetDateTime.of(2026, 1, 15, 18, 0, 0, 0, ZoneOffset.ofHours(1));
        // the site's tariff (highest ranking): 0.30 EUR/kWh all day, so the session gets a cost
        PriceForecast day = new PriceForecast("EUR", List.of(PriceSlot.importOnly(Instant.parse("2026-01-15T00:00:00Z"),
                Instant.parse("2026-01-16T00:00:00Z"), 0.30)), Instant.parse("2026-01-14T13:00:00Z"), "");
        Hashtable<String, Object> tariffProperties = new Hashtable<>();
        tariffProperties.put(Tariff.ID_PROPERTY, prefix + "-flat");
        tariffProperties.put(Constants.SERVICE_RANKING, 1_000);
        ServiceRegistration<Tariff> tariff = context.registerService(Tariff.class, new Tariff() {
            @Override
            public String id() {
                return prefix + "-flat";
            }

            @Override
            public PriceForecast forecast() {
                return day;
            }
        }, tariffProperties);
        Transaction started = log.start(new TransactionStart(evse, "CB-" + prefix, 1, authorization.userId(),
                prefix + "-04A1B2", start, 100_000));
        assertEquals(started, log.findOpen(evse).orElseThrow());
        String signed = "OCMF|{\"GI\":\"Zähler ⚡\"}|{\"SD\":\"30\"}";
        log.attachSignedMeterValue(started.id(), new SignedMeterValue(signed, "Transaction.End", Instant.now(),
                VerificationStatus.NOT_VERIFIABLE, "no trusted key"));
        Transaction stopped = log.stop(started.id(), new TransactionStop(start.plusHours(2), 112_345, "EVDisconnected"));
        tariff.unregister();
        assertEquals(12_345, stopped.energyWattHours());
        assertEquals("3.70", String.valueOf(stopped.cost().cost())); // 12.345 kWh x 0.30 EUR
        assertEquals("EUR", stopped.cost().currency());
        assertEquals(signed, log.find(started.id()).orElseThrow().signedMeterValues().get(0).rawData());
        assertFalse(log.findOpen(evse).isPresent());

        String filter = "?evse=" + URLEncoder.encode(evse, StandardCharsets.UTF_8);
        Await.until("the HTTP endpoints", TIMEOUT, () -> status("/api/v1/transactions.csv" + filter, true) == 200);
        HttpResponse<String> csv = get("/api/v1/transactions.csv" + filter, true);
        assertEquals(200, csv.statusCode());
        String contentType = csv.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType, contentType.startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("transaction_id,evse_id,"));
        assertEquals(started.id() + "," + evse + ",CB-" + prefix + ",1," + prefix + "-alice,\"Müller, \"\"Alice\"\"\","
                + prefix + "-04A1B2,2026-01-15T18:00:00+01:00,2026-01-15T20:00:00+01:00,100000,112345,12345,12.345,"
                + "EVDisconnected,NOT_VERIFIABLE,1,3.70,EUR", lines[1]);

        HttpResponse<String> semicolon = get("/api/v1/transactions.csv" + filter + "&separator=semicolon", true);
        assertTrue(semicolon.body().startsWith("\uFEFFtransaction_id;evse_id;"));
        assertTrue(semicolon.body().contains(";12345;12,345;EVDisconnected;"));
        assertTrue(semicolon.body(), semicolon.body().contains(";NOT_VERIFIABLE;1;3,70;EUR\r\n"));

        HttpResponse<String> json = get("/api/v1/transactions" + filter + "&limit=1", true);
        assertEquals(200, json.statusCode());
        assertTrue(json.body(), json.body().contains("\"id\":" + started.id()));
        assertTrue(json.body(), json.body().contains("\"energyWattHours\":12345"));
        assertTrue(json.body(), json.body().contains("\"cost\":3.70,\"currency\":\"EUR\""));
        assertTrue(json.body(), json.body().contains("\"pricePerKilowattHour\":0.3,\"energyWattHours\":12345.0"));
        assertTrue(json.body(), json.body().contains("\"next\":null"));

        assertEquals(401, status("/api/v1/transactions.csv", false));
        assertEquals(401, status("/api/v1/transactions", false));
        HttpResponse<String> bad = get("/api/v1/transactions.csv?from=yesterday", true);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("\"parameter\":\"from\""));
        HttpResponse<String> young = client.send(request("/api/v1/transactions/retention", true)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"endedBefore\":\"2026-01-16T00:00:00Z\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, young.statusCode());
        assertTrue(young.body(), young.body().contains("6 years"));
        assertTrue(log.find(started.id()).isPresent());
    }

    /** Users created, read, replaced and deleted over HTTP, and what the authorizer makes of them. */
    void usersOverHttp() throws Exception {
        Authorizer authorizer = Await.value("Authorizer", TIMEOUT, () -> service(Authorizer.class, null));
        Await.until("the users endpoint", TIMEOUT, () -> status("/api/v1/users", true) == 200);
        assertEquals(401, status("/api/v1/users", false));

        HttpResponse<String> created = send("POST", "/api/v1/users", "{\"id\":\"http-carol\",\"name\":\"Carol\","
                + "\"rfidTags\":[\"HTTP-04C1\"],\"pins\":[\"4711\"],\"allowedEvseIds\":[\"http-garage\"],"
                + "\"priority\":3,\"expiry\":\"2099-12-31T23:59:59+01:00\",\"blocked\":false}");
        assertEquals(created.body(), 201, created.statusCode());
        assertTrue(created.body(), created.body().contains("\"expiry\":\"2099-12-31T22:59:59Z\""));
        assertEquals("/api/v1/users/http-carol", created.headers().firstValue("Location").orElse(""));
        assertEquals(AuthorizationStatus.ACCEPTED, authorizer.authorize("http-04c1", "http-garage").status());
        assertEquals("http-carol", authorizer.authorize("4711", "http-garage").userId());

        HttpResponse<String> one = get("/api/v1/users/http-carol", true);
        assertEquals(200, one.statusCode());
        assertTrue(one.body(), one.body().contains("\"rfidTags\":[\"HTTP-04C1\"]"));
        assertTrue(one.body(), one.body().contains("\"priority\":3"));
        assertTrue(get("/api/v1/users", true).body().contains("\"id\":\"http-carol\""));

        HttpResponse<String> again = send("POST", "/api/v1/users", "{\"id\":\"http-carol\"}");
        assertEquals(409, again.statusCode());
        HttpResponse<String> taken = send("POST", "/api/v1/users", "{\"id\":\"http-dave\",\"rfidTags\":[\"http-04c1\"]}");
        assertEquals(taken.body(), 409, taken.statusCode());
        assertTrue(taken.body(), taken.body().contains("\"parameter\":\"rfidTags\""));
        assertEquals(404, get("/api/v1/users/http-dave", true).statusCode());
        HttpResponse<String> bad = send("POST", "/api/v1/users", "{\"id\":\"http-dave\",\"expiry\":\"tomorrow\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("\"parameter\":\"expiry\""));
        HttpResponse<String> notJson = send("POST", "/api/v1/users", "{\"id\":");
        assertEquals(400, notJson.statusCode());

        HttpResponse<String> blocked = send("PUT", "/api/v1/users/http-carol",
                "{\"name\":\"Carol\",\"rfidTags\":[\"HTTP-04C1\"],\"blocked\":true}");
        assertEquals(blocked.body(), 200, blocked.statusCode());
        assertEquals(AuthorizationStatus.BLOCKED, authorizer.authorize("HTTP-04C1", "http-garage").status());
        assertEquals(AuthorizationStatus.INVALID, authorizer.authorize("4711", "http-garage").status());
        assertEquals(201, send("PUT", "/api/v1/users/http-erin+1", "{\"name\":\"Erin\"}").statusCode());
        assertTrue(get("/api/v1/users/http-erin+1", true).body().contains("\"id\":\"http-erin+1\""));

        assertEquals(204, send("DELETE", "/api/v1/users/http-carol", null).statusCode());
        assertEquals(404, send("DELETE", "/api/v1/users/http-carol", null).statusCode());
        assertEquals(404, get("/api/v1/users/http-carol", true).statusCode());
        assertEquals(AuthorizationStatus.INVALID, authorizer.authorize("HTTP-04C1", "http-garage").status());
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path, true);
        if (json == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A simulated wallbox (driver without transactions): plugging the car in and out is a session. */
    void simulatedWallboxSession(ConfigurationAdmin configurationAdmin, String id) throws Exception {
        TransactionLog log = Await.value("TransactionLog", TIMEOUT, () -> service(TransactionLog.class, Services.REAL_TRANSACTION_LOG));
        org.osgi.service.cm.Configuration wallbox = configurationAdmin
                .getFactoryConfiguration("org.chargingmanager.simulator.wallbox", id, "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("id", id);
        properties.put("carPluggedIn", true);
        wallbox.update(properties);
        try {
            Transaction open = Await.value("session opened at " + id + "-1", TIMEOUT,
                    () -> quietly(() -> log.findOpen(id + "-1").orElse(null)));
            properties.put("carPluggedIn", false);
            wallbox.update(properties);
            Transaction closed = Await.value("session closed", TIMEOUT,
                    () -> quietly(() -> log.find(open.id()).filter(t -> !t.open()).orElse(null)));
            assertEquals("EVDisconnected", closed.stopReason());
            assertTrue(closed.energyWattHours() >= 0);
        } finally {
            wallbox.delete();
        }
    }

    interface Call<T> {
        T call() throws Exception;
    }

    static <T> T quietly(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            return null;
        }
    }

    private HttpRequest.Builder request(String path, boolean authenticated) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (authenticated) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    ("admin:" + StandaloneRuntime.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private HttpResponse<String> get(String path, boolean authenticated) throws IOException, InterruptedException {
        return client.send(request(path, authenticated).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int status(String path, boolean authenticated) {
        try {
            return get(path, authenticated).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    <T> T service(Class<T> type, String filter) {
        try {
            Collection<ServiceReference<T>> references = context.getServiceReferences(type, filter);
            return references.isEmpty() ? null : context.getService(references.iterator().next());
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Whether the billing database service is up, optionally with a JDBC URL starting with {@code urlPrefix}. */
    boolean databaseUp(String urlPrefix) {
        try {
            ServiceReference<?>[] references = context.getServiceReferences((String) null,
                    "(&(objectClass=org.chargingmanager.billing.internal.db.Database)"
                            + (urlPrefix == null ? "" : "(jdbcUrl=" + urlPrefix + "*)") + ")");
            return references != null && references.length > 0;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
