package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.chargingmanager.ocpp.server.OcppCentralSystem;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import eu.chargetime.ocpp.model.Request;
import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.core.UnlockConnectorRequest;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageRequest;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageRequestType;

/**
 * The operator's HTTP API of the OCPP server in the standalone runtime's Felix, with the policy
 * "unknown charge points wait for approval": a new wallbox boots Pending, the admin sees it and
 * approves it over HTTP, then sends it operator CALLs (RemoteStartTransaction, UnlockConnector)
 * and gets the wallbox's answers; bad requests are refused with a reason.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OcppOperatorApiIT {

    private static final String PID = "org.chargingmanager.ocpp.server";
    /** HTTP/1.1: the JDK client's h2c upgrade attempt on plain http:// is nothing the runtime offers. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        return StandaloneRuntime.withOcaClient(StandaloneRuntime.options(StandaloneRuntime.testDirectory("ocpp-operator"),
                StandaloneRuntime.freePort(), name -> true));
    }

    @Before
    public void unknownChargePointsWaitForApproval() throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(PID, null);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("unknownChargePoints", "PENDING");
        configuration.updateIfDifferent(properties);
        Await.until("the OCPP server with policy PENDING", Duration.ofSeconds(20),
                () -> {
                    try {
                        return !context.getServiceReferences(OcppCentralSystem.class, "(unknownChargePoints=PENDING)").isEmpty();
                    } catch (org.osgi.framework.InvalidSyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                });
        // the operator servlet follows the restarted OCPP server a moment later
        Await.until("the operator API of the restarted OCPP server", Duration.ofSeconds(20),
                () -> request("GET", "/api/v1/ocpp/chargepoints", null, true).statusCode() == 200);
    }

    @Test
    public void anAdminApprovesAPendingWallboxAndSendsItOperatorCalls() throws Exception {
        try (OcaWallbox wallbox = new OcaWallbox("OP-CP-1")) {
            wallbox.connect(StandaloneRuntime.ocppBaseUrl(context));
            BootNotificationConfirmation first = wallbox.send(new BootNotificationRequest("OP", "Pending-first"));
            assertEquals(RegistrationStatus.Pending, first.getStatus());

            assertEquals(401, request("GET", "/api/v1/ocpp/chargepoints", null, false).statusCode());
            assertEquals(401, request("POST", "/api/v1/ocpp/chargepoints/OP-CP-1/approve", "", false).statusCode());
            JsonObject listed = find(json(request("GET", "/api/v1/ocpp/chargepoints", null, true)), "OP-CP-1");
            assertEquals("Pending", listed.get("registration").getAsString());
            assertTrue(listed.get("connected").getAsBoolean());
            assertEquals("OP", listed.get("vendor").getAsString());

            HttpResponse<String> approved = request("POST", "/api/v1/ocpp/chargepoints/OP-CP-1/approve", "", true);
            assertEquals(approved.body(), 200, approved.statusCode());
            TriggerMessageRequest trigger = (TriggerMessageRequest) poll(wallbox, TriggerMessageRequest.class);
            assertEquals(TriggerMessageRequestType.BootNotification, trigger.getRequestedMessage());
            BootNotificationConfirmation second = wallbox.send(new BootNotificationRequest("OP", "Pending-first"));
            assertEquals(RegistrationStatus.Accepted, second.getStatus());
            wallbox.send(new StatusNotificationRequest(1, ChargePointErrorCode.NoError, ChargePointStatus.Available));
            assertEquals("Accepted", json(request("GET", "/api/v1/ocpp/chargepoints/OP-CP-1", null, true))
                    .get("registration").getAsString());

            HttpResponse<String> remoteStart = request("POST",
                    "/api/v1/ocpp/chargepoints/OP-CP-1/calls/RemoteStartTransaction",
                    "{\"connectorId\":1,\"idTag\":\"RFID-REMOTE\"}", true);
            assertEquals(remoteStart.body(), 200, remoteStart.statusCode());
            assertEquals("Rejected", json(remoteStart).getAsJsonObject("confirmation").get("status").getAsString());
            RemoteStartTransactionRequest sent = (RemoteStartTransactionRequest) poll(wallbox, RemoteStartTransactionRequest.class);
            assertEquals("RFID-REMOTE", sent.getIdTag());
            assertEquals(Integer.valueOf(1), sent.getConnectorId());

            HttpResponse<String> unlock = request("POST", "/api/v1/ocpp/chargepoints/OP-CP-1/calls/UnlockConnector",
                    "{\"connectorId\":1}", true);
            assertEquals("NotSupported", json(unlock).getAsJsonObject("confirmation").get("status").getAsString());
            assertEquals(Integer.valueOf(1), ((UnlockConnectorRequest) poll(wallbox, UnlockConnectorRequest.class)).getConnectorId());

            JsonObject reservations = json(request("GET", "/api/v1/ocpp/chargepoints/OP-CP-1/reservations", null, true));
            assertEquals(0, reservations.getAsJsonArray("reservations").size());
            HttpResponse<String> reserve = request("POST", "/api/v1/ocpp/chargepoints/OP-CP-1/calls/ReserveNow",
                    "{\"connectorId\":1,\"expiryDate\":\"2030-01-01T00:00:00Z\",\"idTag\":\"RFID-R\",\"reservationId\":7}", true);
            assertEquals(reserve.body(), 502, reserve.statusCode()); // this wallbox has no reservation profile: CALLERROR
            assertTrue(reserve.body(), json(reserve).get("ocppErrorCode").getAsString().startsWith("Not"));

            HttpResponse<String> changed = request("POST", "/api/v1/ocpp/chargepoints/OP-CP-1/change-password", "", true);
            assertEquals(changed.body(), 200, changed.statusCode());
            assertTrue(changed.body(), json(changed).get("passwordChanged").getAsBoolean());
            eu.chargetime.ocpp.model.core.ChangeConfigurationRequest key = null;
            while (key == null || !"AuthorizationKey".equals(key.getKey())) {
                key = (eu.chargetime.ocpp.model.core.ChangeConfigurationRequest) poll(wallbox,
                        eu.chargetime.ocpp.model.core.ChangeConfigurationRequest.class);
            }
            assertTrue(key.getValue(), key.getValue().matches("[0-9a-f]{32,40}"));
            assertTrue("the password is not shown", !changed.body().contains(key.getValue()));

            // security profile: shown per connection; an upgrade the server cannot serve is refused
            // before anything is sent (no client certificates verified here)
            assertEquals(0, json(request("GET", "/api/v1/ocpp/chargepoints/OP-CP-1", null, true)).get("securityProfile")
                    .getAsInt());
            HttpResponse<String> upgrade = request("POST", "/api/v1/ocpp/chargepoints/OP-CP-1/security-profile",
                    "{\"securityProfile\":3}", true);
            assertEquals(upgrade.body(), 409, upgrade.statusCode());
            assertEquals("Refused", json(upgrade).get("ocppErrorCode").getAsString());
            assertBadRequest("/api/v1/ocpp/chargepoints/OP-CP-1/security-profile", "{\"securityProfile\":5}", "1 to 3");
            assertBadRequest("/api/v1/ocpp/chargepoints/OP-CP-1/calls/ChangeConfiguration",
                    "{\"key\":\"SecurityProfile\",\"value\":\"3\"}", "security-profile");

            assertBadRequest("/api/v1/ocpp/chargepoints/OP-CP-1/calls/Reset", "{\"type\":\"Warm\"}", "type");
            assertBadRequest("/api/v1/ocpp/chargepoints/OP-CP-1/calls/RemoteStartTransaction", "{\"connectorId\":1}", "idTag");
            assertBadRequest("/api/v1/ocpp/chargepoints/OP-CP-1/calls/Heartbeat", "{}", "not sent by a central system");
            assertBadRequest("/api/v1/ocpp/chargepoints/OP-CP-1/calls/SelfDestruct", "{}", "unknown OCPP action");
            assertBadRequest("/api/v1/ocpp/chargepoints/OP-CP-1/calls/Reset", "{\"type\":", "not valid JSON");
            assertBadRequest("/api/v1/ocpp/chargepoints/OP-CP-1/calls/ChangeConfiguration",
                    "{\"key\":\"AuthorizationKey\",\"value\":\"0123456789abcdef0123\"}", "change-password");
            assertEquals(404, request("POST", "/api/v1/ocpp/chargepoints/NO-SUCH-CP/calls/Reset", "{\"type\":\"Soft\"}", true)
                    .statusCode());
            assertEquals(413, request("POST", "/api/v1/ocpp/chargepoints/OP-CP-1/calls/DataTransfer",
                    "{\"vendorId\":\"x\",\"data\":\"" + "a".repeat(70_000) + "\"}", true).statusCode());
        }

        Await.until("OP-CP-1 offline", Duration.ofSeconds(20), () -> !json(request("GET",
                "/api/v1/ocpp/chargepoints/OP-CP-1", null, true)).get("connected").getAsBoolean());
        HttpResponse<String> offline = request("POST", "/api/v1/ocpp/chargepoints/OP-CP-1/calls/Reset",
                "{\"type\":\"Soft\"}", true);
        assertEquals(offline.body(), 409, offline.statusCode());
        assertEquals("Offline", json(offline).get("ocppErrorCode").getAsString());
    }

    @Test
    public void anInstallerSetsAWallboxPasswordBeforeItFirstConnects() throws Exception {
        assertEquals(401, request("PUT", "/api/v1/ocpp/chargepoints/OP-CP-2/password", "{\"password\":\"Wallbox-Secret-2\"}",
                false).statusCode());
        HttpResponse<String> tooShort = request("PUT", "/api/v1/ocpp/chargepoints/OP-CP-2/password", "{\"password\":\"short\"}", true);
        assertEquals(400, tooShort.statusCode());
        assertEquals(204, request("PUT", "/api/v1/ocpp/chargepoints/OP-CP-2/password",
                "{\"password\":\"Wallbox-Secret-2\"}", true).statusCode());

        assertEquals(-401, handshake("OP-CP-2", null));
        assertEquals(-401, handshake("OP-CP-2", "wrong-password"));
        assertEquals(101, handshake("OP-CP-2", "Wallbox-Secret-2"));

        // a minimum security profile of 2 (TLS) refuses the password over plain ws://; lowering lets it in
        HttpResponse<String> minimum = request("PUT", "/api/v1/ocpp/chargepoints/OP-CP-2/minimum-security-profile",
                "{\"minimumSecurityProfile\":2}", true);
        assertEquals(minimum.body(), 200, minimum.statusCode());
        assertEquals(2, json(minimum).get("minimumSecurityProfile").getAsInt());
        assertEquals(-403, handshake("OP-CP-2", "Wallbox-Secret-2"));
        assertEquals(200, request("PUT", "/api/v1/ocpp/chargepoints/OP-CP-2/minimum-security-profile",
                "{\"minimumSecurityProfile\":1}", true).statusCode());
        assertEquals(101, handshake("OP-CP-2", "Wallbox-Secret-2"));
        assertEquals(200, request("PUT", "/api/v1/ocpp/chargepoints/OP-CP-2/minimum-security-profile",
                "{\"minimumSecurityProfile\":0}", true).statusCode());

        assertEquals(204, request("DELETE", "/api/v1/ocpp/chargepoints/OP-CP-2/password", null, true).statusCode());
        assertEquals(101, handshake("OP-CP-2", null));
    }

    @Test
    public void anInstallerDownloadsTheCertificatesForTheWallbox() throws Exception {
        assertEquals(401, request("GET", "/api/v1/ocpp/server-certificate.pem", null, false).statusCode());
        HttpResponse<String> server = request("GET", "/api/v1/ocpp/server-certificate.pem", null, true);
        assertEquals(server.body(), 200, server.statusCode());
        assertTrue(server.body(), server.body().startsWith("-----BEGIN CERTIFICATE-----\n"));
        assertTrue(server.body(), !server.body().contains("PRIVATE KEY"));
        java.security.cert.X509Certificate certificate = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                .getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(server.body().getBytes(StandardCharsets.US_ASCII)));
        assertTrue(String.valueOf(certificate.getSubjectAlternativeNames()),
                certificate.getSubjectAlternativeNames().stream().anyMatch(name -> "localhost".equals(name.get(1))));

        HttpResponse<String> ca = request("GET", "/api/v1/ocpp/charge-point-ca.pem", null, true);
        assertEquals(ca.body(), 200, ca.statusCode());
        java.security.cert.X509Certificate caCertificate = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                .getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(ca.body().getBytes(StandardCharsets.US_ASCII)));
        assertTrue("a CA certificate", caCertificate.getBasicConstraints() >= 0);
        assertTrue(!ca.body().contains("PRIVATE KEY"));
    }

    /** 101 when the WebSocket opened, minus the HTTP status when the server refused it. */
    private int handshake(String chargeBoxId, String password) throws Exception {
        java.net.http.WebSocket.Builder builder = http.newWebSocketBuilder().subprotocols("ocpp1.6")
                .connectTimeout(Duration.ofSeconds(10));
        if (password != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (chargeBoxId + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            java.net.http.WebSocket socket = builder.buildAsync(URI.create(StandaloneRuntime.ocppBaseUrl(context) + "/" + chargeBoxId),
                    new java.net.http.WebSocket.Listener() {
                    }).get(10, TimeUnit.SECONDS);
            socket.abort();
            return 101;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                return -refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private void assertBadRequest(String path, String body, String reason) throws Exception {
        HttpResponse<String> response = request("POST", path, body, true);
        assertEquals(response.body(), 400, response.statusCode());
        String error = json(response).get("error").getAsString();
        assertTrue(error, error.contains(reason));
    }

    private static Request poll(OcaWallbox wallbox, Class<? extends Request> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Request request = wallbox.received.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(request)) {
                return request;
            }
        }
        throw new AssertionError("the wallbox received no " + type.getSimpleName());
    }

    private static JsonObject find(JsonObject list, String chargeBoxId) {
        JsonArray chargePoints = list.getAsJsonArray("chargePoints");
        for (int i = 0; i < chargePoints.size(); i++) {
            JsonObject chargePoint = chargePoints.get(i).getAsJsonObject();
            if (chargeBoxId.equals(chargePoint.get("chargeBoxId").getAsString())) {
                return chargePoint;
            }
        }
        throw new AssertionError(chargeBoxId + " not listed: " + list);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private HttpResponse<String> request(String method, String path, String body, boolean authenticated) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + context.getProperty("org.osgi.service.http.port") + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authenticated) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    ("admin:" + StandaloneRuntime.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            // a new client per request, like curl: after the 413 (body not read to its end) the server
            // closes the connection, and the JDK client sometimes reused it (EOFException)
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }
}
