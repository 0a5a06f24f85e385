package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.billing.AuthorizationStatus;
import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.Firmware;
import org.chargingmanager.ocpp.v16.GetLogConfirmation;
import org.chargingmanager.ocpp.v16.GetLogRequest;
import org.chargingmanager.ocpp.v16.LogParameters;
import org.chargingmanager.ocpp.v16.LogStatus;
import org.chargingmanager.ocpp.v16.LogType;
import org.chargingmanager.ocpp.v16.Request;
import org.chargingmanager.ocpp.v16.SignedUpdateFirmwareConfirmation;
import org.chargingmanager.ocpp.v16.SignedUpdateFirmwareRequest;
import org.chargingmanager.ocpp.v16.UpdateFirmwareStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * OCTT central-system cases step by step with a raw charger (hand-written frames over a real
 * WebSocket): TC_003 plugin first, TC_005_1 EV side disconnected, TC_023_1 – TC_023_3 invalid /
 * expired / blocked idTags, and the security extension's TC_079 (GetLog) and TC_080 / TC_081
 * (SignedUpdateFirmware), which the Java-OCA-OCPP client cannot send.
 */
class SessionAndSecurityCasesTest {

    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path data;

    @Test
    void TC_003_regularChargingSessionPluginFirst() throws Exception {
        try (TestSite site = TestSite.start(data); RawCharger charger = RawCharger.booted(site, "TC003")) {
            site.rfids.put("RFID-003", AuthorizationStatus.ACCEPTED);
            status(charger, 1, "Available");
            // the cable first ...
            status(charger, 1, "Preparing");
            assertThat(evse(site, "TC003").state()).isEqualTo(EvseState.PREPARING);
            assertThat(site.transactions.findOpen("ocpp-TC003-1")).isEmpty();
            // ... then the card
            assertThat(idTagStatus(charger.call("Authorize", "{\"idTag\":\"RFID-003\"}"))).isEqualTo("Accepted");
            String started = charger.call("StartTransaction", start(1, "RFID-003", 1000));
            assertThat(idTagStatus(started)).isEqualTo("Accepted");
            int transactionId = payload(started).get("transactionId").getAsInt();
            status(charger, 1, "Charging");
            assertThat(evse(site, "TC003").state()).isEqualTo(EvseState.CHARGING);
            assertThat(evse(site, "TC003").idTag()).isEqualTo("RFID-003");
            Transaction open = site.transactions.find(transactionId).orElseThrow();
            assertThat(open.open()).isTrue();
            assertThat(open.userId()).isEqualTo("user-RFID-003");
            assertThat(open.idTag()).isEqualTo("RFID-003");
            assertThat(open.meterStartWattHours()).isEqualTo(1000);
            assertThat(charger.call("MeterValues", meterValues(1, transactionId, 2500))).startsWith("[3,");
            TestSite.await("energy metered", () -> evse(site, "TC003").energyWattHours() == 2500);

            // the user stops with the card: StopTransaction Local, then Finishing, Available
            String stopped = charger.call("StopTransaction", "{\"transactionId\":" + transactionId
                    + ",\"idTag\":\"RFID-003\",\"meterStop\":4000,\"timestamp\":\"" + Instant.now() + "\",\"reason\":\"Local\"}");
            assertThat(idTagStatus(stopped)).isEqualTo("Accepted");
            status(charger, 1, "Finishing");
            assertThat(evse(site, "TC003").state()).isEqualTo(EvseState.FINISHING);
            status(charger, 1, "Available");
            assertThat(evse(site, "TC003").state()).isEqualTo(EvseState.AVAILABLE);
            assertThat(evse(site, "TC003").idTag()).isNull();
            Transaction done = site.transactions.find(transactionId).orElseThrow();
            assertThat(done.open()).isFalse();
            assertThat(done.meterStopWattHours()).isEqualTo(4000);
            assertThat(done.energyWattHours()).isEqualTo(3000);
            assertThat(done.stopReason()).isEqualTo("Local");
        }
    }

    @Test
    void TC_005_1_evSideDisconnected() throws Exception {
        try (TestSite site = TestSite.start(data); RawCharger charger = RawCharger.booted(site, "TC005")) {
            site.rfids.put("RFID-005", AuthorizationStatus.ACCEPTED);
            status(charger, 1, "Preparing");
            String started = charger.call("StartTransaction", start(1, "RFID-005", 0));
            int transactionId = payload(started).get("transactionId").getAsInt();
            status(charger, 1, "Charging");
            assertThat(charger.call("MeterValues", meterValues(1, transactionId, 700))).startsWith("[3,");
            // the cable is pulled at the car: StopTransactionOnEVSideDisconnect stops the transaction
            status(charger, 1, "Finishing");
            String stopped = charger.call("StopTransaction", "{\"transactionId\":" + transactionId
                    + ",\"meterStop\":900,\"timestamp\":\"" + Instant.now() + "\",\"reason\":\"EVDisconnected\"}");
            assertThat(stopped).startsWith("[3,");
            status(charger, 1, "Available");
            Transaction done = site.transactions.find(transactionId).orElseThrow();
            assertThat(done.open()).isFalse();
            assertThat(done.stopReason()).isEqualTo("EVDisconnected");
            assertThat(done.energyWattHours()).isEqualTo(900);
            assertThat(evse(site, "TC005").state()).isEqualTo(EvseState.AVAILABLE);
            assertThat(evse(site, "TC005").idTag()).isNull();
            assertThat(site.server.chargePoint("TC005").orElseThrow().connected()).isTrue();
            // a new session on the same connector gets a new transaction
            String again = charger.call("StartTransaction", start(1, "RFID-005", 900));
            assertThat(payload(again).get("transactionId").getAsInt()).isNotEqualTo(transactionId);
        }
    }

    @Test
    void TC_023_1_invalid_TC_023_2_expired_TC_023_3_blockedIdTagsStartNoSession() throws Exception {
        try (TestSite site = TestSite.start(data); RawCharger charger = RawCharger.booted(site, "TC023")) {
            site.rfids.put("RFID-BLOCKED", AuthorizationStatus.BLOCKED);
            site.rfids.put("RFID-EXPIRED", AuthorizationStatus.EXPIRED);
            site.rfids.put("RFID-OK", AuthorizationStatus.ACCEPTED);
            status(charger, 1, "Preparing");
            for (var tag : List.of(List.of("RFID-UNKNOWN", "Invalid"), List.of("RFID-EXPIRED", "Expired"),
                    List.of("RFID-BLOCKED", "Blocked"))) {
                assertThat(idTagStatus(charger.call("Authorize", "{\"idTag\":\"" + tag.get(0) + "\"}")))
                        .as(tag.get(0)).isEqualTo(tag.get(1));
                // the charger starts nothing: no transaction, the EVSE keeps no idTag
                assertThat(site.transactions.findOpen("ocpp-TC023-1")).isEmpty();
                assertThat(evse(site, "TC023").idTag()).isNull();
                assertThat(evse(site, "TC023").state()).isEqualTo(EvseState.PREPARING);
            }
            // a charger that starts anyway (e.g. from its cache) learns the status from StartTransaction ...
            String started = charger.call("StartTransaction", start(1, "RFID-EXPIRED", 0));
            assertThat(idTagStatus(started)).isEqualTo("Expired");
            int transactionId = payload(started).get("transactionId").getAsInt();
            // ... and stops with DeAuthorized; the session is in the log as it happened
            String stopped = charger.call("StopTransaction", "{\"transactionId\":" + transactionId
                    + ",\"meterStop\":0,\"timestamp\":\"" + Instant.now() + "\",\"reason\":\"DeAuthorized\"}");
            assertThat(stopped).startsWith("[3,");
            assertThat(site.transactions.find(transactionId).orElseThrow().stopReason()).isEqualTo("DeAuthorized");
            assertThat(site.transactions.findOpen("ocpp-TC023-1")).isEmpty();
            // a valid tag afterwards works
            assertThat(idTagStatus(charger.call("Authorize", "{\"idTag\":\"RFID-OK\"}"))).isEqualTo("Accepted");
        }
    }

    @Test
    void TC_079_getSecurityLog() throws Exception {
        try (TestSite site = TestSite.start(data); RawCharger charger = RawCharger.booted(site, "TC079")) {
            charger.answerer = call -> call.get(2).getAsString().equals("GetLog")
                    ? "{\"status\":\"Accepted\",\"filename\":\"security-TC079.log\"}" : "{}";
            Instant oldest = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            GetLogConfirmation answer = (GetLogConfirmation) send(site, "TC079", new GetLogRequest(
                    new LogParameters("https://logs.example.com/upload", oldest, null), LogType.SECURITY_LOG, 79, 2, 60));
            assertThat(answer.status()).isEqualTo(LogStatus.ACCEPTED);
            assertThat(answer.filename()).isEqualTo("security-TC079.log");
            JsonObject request = charger.nextServerCall("GetLog").get(3).getAsJsonObject();
            assertThat(request.get("logType").getAsString()).isEqualTo("SecurityLog");
            assertThat(request.get("requestId").getAsInt()).isEqualTo(79);
            assertThat(request.getAsJsonObject("log").get("remoteLocation").getAsString())
                    .isEqualTo("https://logs.example.com/upload");
            assertThat(Instant.parse(request.getAsJsonObject("log").get("oldestTimestamp").getAsString())).isEqualTo(oldest);
            for (String status : List.of("Uploading", "Uploaded")) {
                assertThat(charger.call("LogStatusNotification", "{\"status\":\"" + status + "\",\"requestId\":79}"))
                        .startsWith("[3,");
                assertThat(site.server.chargePoint("TC079").orElseThrow().diagnosticsStatus()).isEqualTo(status);
            }
            // a failed upload is shown as well; the connection goes on
            assertThat(charger.call("LogStatusNotification", "{\"status\":\"UploadFailure\",\"requestId\":80}"))
                    .startsWith("[3,");
            assertThat(site.server.chargePoint("TC079").orElseThrow().diagnosticsStatus()).isEqualTo("UploadFailure");
            assertThat(charger.call("Heartbeat", "{}")).startsWith("[3,");
        }
    }

    @Test
    void TC_080_secureFirmwareUpdate() throws Exception {
        try (TestSite site = TestSite.start(data)) {
            try (RawCharger charger = RawCharger.booted(site, "TC080")) {
                signedUpdateFirmware(site, charger, "TC080", 80);
                for (String status : List.of("Downloading", "Downloaded", "SignatureVerified", "Installing")) {
                    firmwareStatus(site, charger, "TC080", status, 80);
                }
            } // reboots into the new firmware
            TestSite.await("TC080 offline", () -> !site.server.chargePoint("TC080").orElseThrow().connected());
            try (RawCharger rebooted = new RawCharger(site.url("/ocpp/TC080"))) {
                String boot = rebooted.call("BootNotification",
                        "{\"chargePointVendor\":\"Raw\",\"chargePointModel\":\"Test\",\"firmwareVersion\":\"2.0-signed\"}");
                assertThat(boot).contains("Accepted");
                firmwareStatus(site, rebooted, "TC080", "Installed", 80);
                assertThat(site.server.chargePoint("TC080").orElseThrow().firmwareVersion()).isEqualTo("2.0-signed");
            }
        }
    }

    @Test
    void TC_081_secureFirmwareUpdateInvalidSignature() throws Exception {
        try (TestSite site = TestSite.start(data); RawCharger charger = RawCharger.booted(site, "TC081")) {
            signedUpdateFirmware(site, charger, "TC081", 81);
            firmwareStatus(site, charger, "TC081", "Downloading", 81);
            firmwareStatus(site, charger, "TC081", "Downloaded", 81);
            firmwareStatus(site, charger, "TC081", "InvalidSignature", 81);
            // the charger reports it as a security event too; answered, the connection goes on
            assertThat(charger.call("SecurityEventNotification", "{\"type\":\"InvalidFirmwareSignature\",\"timestamp\":\""
                    + Instant.now() + "\"}")).startsWith("[3,");
            assertThat(site.server.chargePoint("TC081").orElseThrow().firmwareStatus()).isEqualTo("InvalidSignature");
            assertThat(site.server.chargePoint("TC081").orElseThrow().firmwareVersion()).isEmpty();
            assertThat(charger.call("Heartbeat", "{}")).startsWith("[3,");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void signedUpdateFirmware(TestSite site, RawCharger charger, String id, int requestId) throws Exception {
        charger.answerer = call -> call.get(2).getAsString().equals("SignedUpdateFirmware") ? "{\"status\":\"Accepted\"}" : "{}";
        Instant retrieve = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SignedUpdateFirmwareConfirmation answer = (SignedUpdateFirmwareConfirmation) send(site, id,
                new SignedUpdateFirmwareRequest(3, 30, requestId, new Firmware("https://firmware.example.com/2.0.bin",
                        retrieve, null, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", "c2lnbmF0dXJl")));
        assertThat(answer.status()).isEqualTo(UpdateFirmwareStatus.ACCEPTED);
        JsonObject request = charger.nextServerCall("SignedUpdateFirmware").get(3).getAsJsonObject();
        assertThat(request.get("requestId").getAsInt()).isEqualTo(requestId);
        JsonObject firmware = request.getAsJsonObject("firmware");
        assertThat(firmware.get("location").getAsString()).isEqualTo("https://firmware.example.com/2.0.bin");
        assertThat(Instant.parse(firmware.get("retrieveDateTime").getAsString())).isEqualTo(retrieve);
        assertThat(firmware.get("signingCertificate").getAsString()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(firmware.get("signature").getAsString()).isEqualTo("c2lnbmF0dXJl");
    }

    private static void firmwareStatus(TestSite site, RawCharger charger, String id, String status, int requestId)
            throws Exception {
        assertThat(charger.call("SignedFirmwareStatusNotification",
                "{\"status\":\"" + status + "\",\"requestId\":" + requestId + "}")).startsWith("[3,");
        assertThat(site.server.chargePoint(id).orElseThrow().firmwareStatus()).isEqualTo(status);
    }

    private static Confirmation send(TestSite site, String id, Request request) throws Exception {
        return site.server.send(id, request).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static void status(RawCharger charger, int connector, String status) throws InterruptedException {
        String answer = charger.call("StatusNotification", "{\"connectorId\":" + connector
                + ",\"errorCode\":\"NoError\",\"status\":\"" + status + "\",\"timestamp\":\"" + Instant.now() + "\"}");
        assertThat(answer).startsWith("[3,");
    }

    private static String start(int connector, String idTag, int meterStart) {
        return "{\"connectorId\":" + connector + ",\"idTag\":\"" + idTag + "\",\"meterStart\":" + meterStart
                + ",\"timestamp\":\"" + Instant.now() + "\"}";
    }

    private static String meterValues(int connector, int transactionId, int wattHours) {
        return "{\"connectorId\":" + connector + ",\"transactionId\":" + transactionId + ",\"meterValue\":[{\"timestamp\":\""
                + Instant.now() + "\",\"sampledValue\":[{\"value\":\"" + wattHours
                + "\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}]}]}";
    }

    private static JsonObject payload(String frame) {
        JsonArray array = JsonParser.parseString(frame).getAsJsonArray();
        assertThat(array.get(0).getAsInt()).as(frame).isEqualTo(3);
        return array.get(2).getAsJsonObject();
    }

    private static String idTagStatus(String frame) {
        return payload(frame).getAsJsonObject("idTagInfo").get("status").getAsString();
    }

    private static EvseSnapshot evse(TestSite site, String id) {
        return site.evses.get("ocpp-" + id + "-1").snapshot();
    }
}
