package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chargingmanager.ocpp.server.internal.ScriptedCharger.booted;
import static org.chargingmanager.ocpp.server.internal.ScriptedCharger.call;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.ocpp.server.OcppCallException;
import org.chargingmanager.ocpp.v16.ChangeConfigurationConfirmation;
import org.chargingmanager.ocpp.v16.ClearCacheConfirmation;
import org.chargingmanager.ocpp.v16.ClearCacheRequest;
import org.chargingmanager.ocpp.v16.ClearCacheStatus;
import org.chargingmanager.ocpp.v16.ConfigurationStatus;
import org.chargingmanager.ocpp.v16.GetConfigurationConfirmation;
import org.chargingmanager.ocpp.v16.KeyValue;
import org.chargingmanager.ocpp.v16.RemoteStartStopStatus;
import org.chargingmanager.ocpp.v16.RemoteStartTransactionConfirmation;
import org.chargingmanager.ocpp.v16.RemoteStopTransactionConfirmation;
import org.chargingmanager.ocpp.v16.ResetConfirmation;
import org.chargingmanager.ocpp.v16.ResetStatus;
import org.chargingmanager.ocpp.v16.ResetType;
import org.chargingmanager.ocpp.v16.UnlockConnectorConfirmation;
import org.chargingmanager.ocpp.v16.UnlockStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.AuthorizeConfirmation;
import eu.chargetime.ocpp.model.core.ChangeConfigurationRequest;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.DataTransferConfirmation;
import eu.chargetime.ocpp.model.core.DataTransferStatus;
import eu.chargetime.ocpp.model.core.GetConfigurationRequest;
import eu.chargetime.ocpp.model.core.HeartbeatConfirmation;
import eu.chargetime.ocpp.model.core.MeterValue;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionRequest;
import eu.chargetime.ocpp.model.core.ResetRequest;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StopTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import eu.chargetime.ocpp.model.core.UnlockConnectorRequest;

/**
 * The core profile's central-system cases of the OCTT, step by step: the Java-OCA-OCPP client
 * plays the charge point (its answers scripted per case), the test plays the operator through
 * {@link org.chargingmanager.ocpp.server.OcppCentralSystem}, and each case asserts what the
 * central system sent, how it took the answer, and what ended up in the EVSE and the
 * transaction log.
 */
class CoreCasesTest {

    @TempDir
    static Path data;
    static TestSite site;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(data);
        site.rfids.put("RFID-OK", org.chargingmanager.api.billing.AuthorizationStatus.ACCEPTED);
        site.rfids.put("RFID-BLOCKED", org.chargingmanager.api.billing.AuthorizationStatus.BLOCKED);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static int startTransaction(ScriptedCharger charger, int connector, String idTag, int meterStart,
            ZonedDateTime at) throws Exception {
        StartTransactionConfirmation started = (StartTransactionConfirmation) charger.send(
                charger.core.createStartTransactionRequest(connector, idTag, meterStart, at));
        assertThat(started.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
        return started.getTransactionId();
    }

    private static void status(ScriptedCharger charger, int connector, ChargePointStatus status) throws Exception {
        charger.send(charger.core.createStatusNotificationRequest(connector, ChargePointErrorCode.NoError, status));
    }

    private static StopTransactionConfirmation stopTransaction(ScriptedCharger charger, int transactionId, int meterStop,
            ZonedDateTime at, Reason reason) throws Exception {
        StopTransactionRequest stop = charger.core.createStopTransactionRequest(meterStop, at, transactionId);
        stop.setReason(reason);
        return (StopTransactionConfirmation) charger.send(stop);
    }

    private static Transaction transaction(int transactionId) {
        return site.transactions.find(transactionId).orElseThrow();
    }

    @Test
    void TC_007_startWithCachedIdWithoutAuthorize() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC007")) {
            status(charger, 1, ChargePointStatus.Preparing);
            // the idTag was valid in the charger's cache: StartTransaction without an Authorize first
            int transactionId = startTransaction(charger, 1, "RFID-OK", 100, ZonedDateTime.now());
            status(charger, 1, ChargePointStatus.Charging);
            assertThat(transaction(transactionId).userId()).isEqualTo("user-RFID-OK");
            assertThat(site.evses.get("ocpp-TC007-1").snapshot().state()).isEqualTo(EvseState.CHARGING);
            assertThat(site.evses.get("ocpp-TC007-1").snapshot().idTag()).isEqualTo("RFID-OK");
            // a cached id that was blocked meanwhile: the central system's answer says so
            StartTransactionConfirmation blocked = (StartTransactionConfirmation) charger.send(
                    charger.core.createStartTransactionRequest(2, "RFID-BLOCKED", 0, ZonedDateTime.now()));
            assertThat(blocked.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Blocked);
        }
    }

    @Test
    void TC_010_remoteStartCablePluggedInFirst() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC010")) {
            status(charger, 1, ChargePointStatus.Preparing);
            var confirmation = site.server.remoteStart("TC010", 1, "RFID-OK").toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(((RemoteStartTransactionConfirmation) confirmation).status()).isEqualTo(RemoteStartStopStatus.ACCEPTED);
            RemoteStartTransactionRequest sent = charger.next(RemoteStartTransactionRequest.class);
            assertThat(sent.getConnectorId()).isEqualTo(1);
            assertThat(sent.getIdTag()).isEqualTo("RFID-OK");
            assertThat(sent.getChargingProfile()).as("no load manager limit known yet").isNull();
            // AuthorizeRemoteTxRequests = true
            assertThat(((AuthorizeConfirmation) charger.send(charger.core.createAuthorizeRequest("RFID-OK")))
                    .getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
            int transactionId = startTransaction(charger, 1, "RFID-OK", 0, ZonedDateTime.now());
            status(charger, 1, ChargePointStatus.Charging);
            assertThat(transaction(transactionId).open()).isTrue();
            assertThat(transaction(transactionId).evseId()).isEqualTo("ocpp-TC010-1");
            assertThat(site.evses.get("ocpp-TC010-1").snapshot().state()).isEqualTo(EvseState.CHARGING);
        }
    }

    @Test
    void TC_011_1_remoteStartRemoteStartFirst() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC0111")) {
            var confirmation = site.server.remoteStart("TC0111", null, "RFID-OK").toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(((RemoteStartTransactionConfirmation) confirmation).status()).isEqualTo(RemoteStartStopStatus.ACCEPTED);
            RemoteStartTransactionRequest sent = charger.next(RemoteStartTransactionRequest.class);
            assertThat(sent.getConnectorId()).as("the charge point picks the connector").isNull();
            assertThat(sent.getChargingProfile()).isNull();
            assertThat(((AuthorizeConfirmation) charger.send(charger.core.createAuthorizeRequest("RFID-OK")))
                    .getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
            status(charger, 2, ChargePointStatus.Preparing);
            int transactionId = startTransaction(charger, 2, "RFID-OK", 0, ZonedDateTime.now());
            status(charger, 2, ChargePointStatus.Charging);
            assertThat(transaction(transactionId).connectorId()).isEqualTo(2);
            assertThat(site.evses.get("ocpp-TC0111-2").snapshot().state()).isEqualTo(EvseState.CHARGING);
        }
    }

    @Test
    void TC_011_2_remoteStartTimeout() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC0112")) {
            site.server.remoteStart("TC0112", 1, "RFID-OK").toCompletableFuture().get(10, TimeUnit.SECONDS);
            charger.next(RemoteStartTransactionRequest.class);
            status(charger, 1, ChargePointStatus.Preparing);
            // no cable within ConnectionTimeOut: back to Available, no transaction
            status(charger, 1, ChargePointStatus.Available);
            assertThat(site.evses.get("ocpp-TC0112-1").snapshot().state()).isEqualTo(EvseState.AVAILABLE);
            assertThat(site.transactions.findOpen("ocpp-TC0112-1")).isEmpty();
            assertThatThrownBy(() -> site.server.remoteStop("TC0112", 1).toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(OcppCallException.class).hasMessageContaining("no running transaction");
        }
    }

    @Test
    void TC_012_remoteStopChargingSession() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC012")) {
            int transactionId = startTransaction(charger, 1, "RFID-OK", 1000, ZonedDateTime.now());
            var confirmation = site.server.remoteStop("TC012", 1).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(((RemoteStopTransactionConfirmation) confirmation).status()).isEqualTo(RemoteStartStopStatus.ACCEPTED);
            assertThat(charger.next(RemoteStopTransactionRequest.class).getTransactionId()).isEqualTo(transactionId);
            stopTransaction(charger, transactionId, 4500, ZonedDateTime.now(), Reason.Remote);
            status(charger, 1, ChargePointStatus.Finishing);
            Transaction stopped = transaction(transactionId);
            assertThat(stopped.open()).isFalse();
            assertThat(stopped.stopReason()).isEqualTo("Remote");
            assertThat(stopped.energyWattHours()).isEqualTo(3500);
            assertThat(site.evses.get("ocpp-TC012-1").snapshot().idTag()).isNull();
        }
    }

    @Test
    void TC_013_hardResetWithoutTransaction() throws Exception {
        ScriptedCharger charger = booted(site, "TC013");
        ResetConfirmation reset = call(site, "TC013", new org.chargingmanager.ocpp.v16.ResetRequest(ResetType.HARD),
                ResetConfirmation.class);
        assertThat(reset.status()).isEqualTo(ResetStatus.ACCEPTED);
        assertThat(charger.next(ResetRequest.class).getType().name()).isEqualTo("Hard");
        charger.close();
        TestSite.await("offline after the reset", () -> !site.server.chargePoint("TC013").orElseThrow().connected());
        try (ScriptedCharger rebooted = booted(site, "TC013")) {
            // set up again as on a cold boot: configuration read, default profile installed
            assertThat(rebooted.history).hasAtLeastOneElementOfType(GetConfigurationRequest.class);
            assertThat(site.server.chargePoint("TC013").orElseThrow().connected()).isTrue();
        }
        assertThat(site.server.chargePoint("TC013").orElseThrow().registration()).isEqualTo("Accepted");
    }

    @Test
    void TC_017_1_unlockConnectorNoChargingSession() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC0171")) {
            UnlockConnectorConfirmation unlocked = call(site, "TC0171",
                    new org.chargingmanager.ocpp.v16.UnlockConnectorRequest(1), UnlockConnectorConfirmation.class);
            assertThat(unlocked.status()).isEqualTo(UnlockStatus.UNLOCKED);
            assertThat(charger.next(UnlockConnectorRequest.class).getConnectorId()).isEqualTo(1);
        }
    }

    @Test
    void TC_017_2_unlockConnectorWithChargingSession() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC0172")) {
            int transactionId = startTransaction(charger, 1, "RFID-OK", 0, ZonedDateTime.now());
            UnlockConnectorConfirmation unlocked = call(site, "TC0172",
                    new org.chargingmanager.ocpp.v16.UnlockConnectorRequest(1), UnlockConnectorConfirmation.class);
            assertThat(unlocked.status()).isEqualTo(UnlockStatus.UNLOCKED);
            // the charge point ends the transaction first
            stopTransaction(charger, transactionId, 2000, ZonedDateTime.now(), Reason.UnlockCommand);
            status(charger, 1, ChargePointStatus.Finishing);
            assertThat(transaction(transactionId).stopReason()).isEqualTo("UnlockCommand");
            assertThat(transaction(transactionId).energyWattHours()).isEqualTo(2000);
        }
    }

    @Test
    void TC_018_1_unlockFailure() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC018")) {
            charger.answer(UnlockConnectorRequest.class,
                    request -> new eu.chargetime.ocpp.model.core.UnlockConnectorConfirmation(
                            eu.chargetime.ocpp.model.core.UnlockStatus.UnlockFailed));
            assertThat(call(site, "TC018", new org.chargingmanager.ocpp.v16.UnlockConnectorRequest(1),
                    UnlockConnectorConfirmation.class).status()).isEqualTo(UnlockStatus.UNLOCK_FAILED);
            // the connection goes on
            assertThat(((HeartbeatConfirmation) charger.send(charger.core.createHeartbeatRequest())).getCurrentTime()).isNotNull();
        }
    }

    @Test
    void TC_030_unlockUnknownConnector_TC_031_unlockNotSupported() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC030")) {
            charger.answer(UnlockConnectorRequest.class,
                    request -> new eu.chargetime.ocpp.model.core.UnlockConnectorConfirmation(
                            eu.chargetime.ocpp.model.core.UnlockStatus.NotSupported));
            assertThat(call(site, "TC030", new org.chargingmanager.ocpp.v16.UnlockConnectorRequest(7),
                    UnlockConnectorConfirmation.class).status()).isEqualTo(UnlockStatus.NOT_SUPPORTED);
            assertThat(charger.next(UnlockConnectorRequest.class).getConnectorId()).isEqualTo(7);
            assertThat(call(site, "TC030", new org.chargingmanager.ocpp.v16.UnlockConnectorRequest(1),
                    UnlockConnectorConfirmation.class).status()).isEqualTo(UnlockStatus.NOT_SUPPORTED);
            assertThat(site.evses).doesNotContainKey("ocpp-TC030-7");
        }
    }

    @Test
    void TC_019_1_retrieveAllConfiguration_TC_019_2_retrieveSpecificKey() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC019")) {
            GetConfigurationConfirmation all = call(site, "TC019",
                    new org.chargingmanager.ocpp.v16.GetConfigurationRequest(null), GetConfigurationConfirmation.class);
            assertThat(charger.next(GetConfigurationRequest.class).getKey()).isNullOrEmpty();
            assertThat(all.configurationKey()).extracting(KeyValue::key).contains("NumberOfConnectors", "MeterValueSampleInterval");
            assertThat(all.configurationKey()).filteredOn(key -> key.key().equals("NumberOfConnectors")).singleElement()
                    .satisfies(key -> {
                        assertThat(key.readonly()).isTrue();
                        assertThat(key.value()).isEqualTo("2");
                    });
            charger.answer(GetConfigurationRequest.class, request -> {
                var confirmation = new eu.chargetime.ocpp.model.core.GetConfigurationConfirmation();
                confirmation.setConfigurationKey(new eu.chargetime.ocpp.model.core.KeyValueType[] {
                        ScriptedCharger.key(request.getKey()[0], "60", false)});
                confirmation.setUnknownKey(new String[] {request.getKey()[1]});
                return confirmation;
            });
            GetConfigurationConfirmation one = call(site, "TC019", new org.chargingmanager.ocpp.v16.GetConfigurationRequest(
                    List.of("MeterValueSampleInterval", "NoSuchKey")), GetConfigurationConfirmation.class);
            assertThat(charger.next(GetConfigurationRequest.class).getKey()).containsExactly("MeterValueSampleInterval", "NoSuchKey");
            assertThat(one.configurationKey()).containsExactly(new KeyValue("MeterValueSampleInterval", false, "60"));
            assertThat(one.unknownKey()).containsExactly("NoSuchKey");
        }
    }

    @Test
    void TC_021_changeConfiguration_TC_040_1_unknownKey_TC_040_2_invalidValue() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC021")) {
            charger.answer(ChangeConfigurationRequest.class, request -> new eu.chargetime.ocpp.model.core.ChangeConfigurationConfirmation(
                    switch (request.getKey()) {
                        case "MeterValueSampleInterval" -> request.getValue().matches("\\d+")
                                ? eu.chargetime.ocpp.model.core.ConfigurationStatus.Accepted
                                : eu.chargetime.ocpp.model.core.ConfigurationStatus.Rejected;
                        case "WebSocketPingInterval" -> eu.chargetime.ocpp.model.core.ConfigurationStatus.RebootRequired;
                        default -> eu.chargetime.ocpp.model.core.ConfigurationStatus.NotSupported;
                    }));
            assertThat(change("TC021", "MeterValueSampleInterval", "30")).isEqualTo(ConfigurationStatus.ACCEPTED);
            ChangeConfigurationRequest sent = charger.next(ChangeConfigurationRequest.class);
            assertThat(sent.getKey()).isEqualTo("MeterValueSampleInterval");
            assertThat(sent.getValue()).isEqualTo("30");
            assertThat(change("TC021", "WebSocketPingInterval", "60")).isEqualTo(ConfigurationStatus.REBOOT_REQUIRED);
            assertThat(change("TC021", "NoSuchKey", "1")).isEqualTo(ConfigurationStatus.NOT_SUPPORTED);
            assertThat(change("TC021", "MeterValueSampleInterval", "-x")).isEqualTo(ConfigurationStatus.REJECTED);
        }
    }

    private static ConfigurationStatus change(String id, String key, String value) throws Exception {
        return call(site, id, new org.chargingmanager.ocpp.v16.ChangeConfigurationRequest(key, value),
                ChangeConfigurationConfirmation.class).status();
    }

    @Test
    void TC_024_lockFailureIsShownAsFaultedWithoutTransaction() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC024")) {
            status(charger, 1, ChargePointStatus.Preparing);
            assertThat(((AuthorizeConfirmation) charger.send(charger.core.createAuthorizeRequest("RFID-OK")))
                    .getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
            charger.send(charger.core.createStatusNotificationRequest(1, ChargePointErrorCode.ConnectorLockFailure,
                    ChargePointStatus.Faulted));
            assertThat(site.evses.get("ocpp-TC024-1").snapshot().state()).isEqualTo(EvseState.FAULTED);
            assertThat(site.transactions.findOpen("ocpp-TC024-1")).isEmpty();
        }
    }

    @Test
    void TC_026_remoteStartRejected() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC026")) {
            charger.answer(RemoteStartTransactionRequest.class, request -> new eu.chargetime.ocpp.model.core.RemoteStartTransactionConfirmation(
                    eu.chargetime.ocpp.model.core.RemoteStartStopStatus.Rejected));
            var confirmation = site.server.remoteStart("TC026", 1, "RFID-OK").toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(((RemoteStartTransactionConfirmation) confirmation).status()).isEqualTo(RemoteStartStopStatus.REJECTED);
            assertThat(site.transactions.findOpen("ocpp-TC026-1")).isEmpty();
        }
    }

    @Test
    void TC_028_remoteStopRejected() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC028")) {
            int transactionId = startTransaction(charger, 1, "RFID-OK", 0, ZonedDateTime.now());
            charger.answer(RemoteStopTransactionRequest.class, request -> new eu.chargetime.ocpp.model.core.RemoteStopTransactionConfirmation(
                    eu.chargetime.ocpp.model.core.RemoteStartStopStatus.Rejected));
            var confirmation = site.server.remoteStop("TC028", 1).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(((RemoteStopTransactionConfirmation) confirmation).status()).isEqualTo(RemoteStartStopStatus.REJECTED);
            assertThat(transaction(transactionId).open()).isTrue();
        }
    }

    @Test
    void TC_032_1_powerFailureStopsTransactionsFromBeforeTheReboot() throws Exception {
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.SECONDS);
        ZonedDateTime powerLost = started.plusMinutes(50);
        ScriptedCharger before = booted(site, "TC032");
        int transactionId = startTransaction(before, 1, "RFID-OK", 10_000, started);
        status(before, 1, ChargePointStatus.Charging);
        before.close(); // power failure
        TestSite.await("offline", () -> !site.server.chargePoint("TC032").orElseThrow().connected());
        try (ScriptedCharger after = booted(site, "TC032")) {
            status(after, 1, ChargePointStatus.Available);
            StopTransactionRequest stop = after.core.createStopTransactionRequest(17_500, powerLost, transactionId);
            stop.setReason(Reason.PowerLoss);
            stop.setIdTag("RFID-OK");
            StopTransactionConfirmation confirmation = (StopTransactionConfirmation) after.send(stop);
            assertThat(confirmation.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
            Transaction stopped = transaction(transactionId);
            assertThat(stopped.open()).isFalse();
            assertThat(stopped.start().toInstant()).isEqualTo(started.toInstant());
            assertThat(stopped.end().toInstant()).as("the time the power failed, not now").isEqualTo(powerLost.toInstant());
            assertThat(stopped.energyWattHours()).isEqualTo(7_500);
            assertThat(stopped.stopReason()).isEqualTo("PowerLoss");
            assertThat(site.evses.get("ocpp-TC032-1").snapshot().idTag()).isNull();
            assertThatThrownBy(() -> site.server.remoteStop("TC032", 1).toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void TC_037_1_offlineStartTransaction() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC0371")) {
            // started while the connection was down; the queued messages arrive now, with their times
            ZonedDateTime startedOffline = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(30).truncatedTo(ChronoUnit.SECONDS);
            status(charger, 1, ChargePointStatus.Charging);
            int transactionId = startTransaction(charger, 1, "RFID-OK", 2_000, startedOffline);
            charger.send(meterValues(charger, 1, transactionId, startedOffline.plusMinutes(15), "3.5"));
            assertThat(transaction(transactionId).start().toInstant()).isEqualTo(startedOffline.toInstant());
            assertThat(site.evses.get("ocpp-TC0371-1").snapshot().energyWattHours()).isEqualTo(3_500.0);
            ZonedDateTime end = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
            stopTransaction(charger, transactionId, 6_000, end, Reason.Local);
            Transaction stopped = transaction(transactionId);
            assertThat(stopped.end().toInstant()).isEqualTo(end.toInstant());
            assertThat(stopped.energyWattHours()).isEqualTo(4_000);
        }
    }

    @Test
    void TC_037_3_offlineStartTransactionInvalidId() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC0373")) {
            ZonedDateTime startedOffline = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(20).truncatedTo(ChronoUnit.SECONDS);
            StartTransactionConfirmation started = (StartTransactionConfirmation) charger.send(
                    charger.core.createStartTransactionRequest(1, "RFID-UNKNOWN", 500, startedOffline));
            assertThat(started.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Invalid);
            // the energy already charged is recorded all the same
            int transactionId = started.getTransactionId();
            assertThat(transaction(transactionId).start().toInstant()).isEqualTo(startedOffline.toInstant());
            ZonedDateTime end = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
            stopTransaction(charger, transactionId, 1_700, end, Reason.DeAuthorized);
            Transaction stopped = transaction(transactionId);
            assertThat(stopped.stopReason()).isEqualTo("DeAuthorized");
            assertThat(stopped.energyWattHours()).isEqualTo(1_200);
            assertThat(stopped.idTag()).isEqualTo("RFID-UNKNOWN");
        }
    }

    @Test
    void TC_039_offlineTransaction() throws Exception {
        ZonedDateTime start = ZonedDateTime.now(ZoneOffset.UTC).minusHours(3).truncatedTo(ChronoUnit.SECONDS);
        ZonedDateTime end = start.plusMinutes(95);
        try (ScriptedCharger charger = booted(site, "TC039")) {
            // the whole session happened offline: StartTransaction, MeterValues, StopTransaction come after reconnecting
            int transactionId = startTransaction(charger, 2, "RFID-OK", 40_000, start);
            charger.send(meterValues(charger, 2, transactionId, start.plusMinutes(60), "48.25"));
            StopTransactionConfirmation confirmation = stopTransaction(charger, transactionId, 51_250, end, Reason.Local);
            assertThat(confirmation).isNotNull();
            status(charger, 2, ChargePointStatus.Available);
            Transaction stopped = transaction(transactionId);
            assertThat(stopped.start().toInstant()).isEqualTo(start.toInstant());
            assertThat(stopped.end().toInstant()).isEqualTo(end.toInstant());
            assertThat(stopped.meterStartWattHours()).isEqualTo(40_000);
            assertThat(stopped.energyWattHours()).isEqualTo(11_250);
            assertThat(stopped.evseId()).isEqualTo("ocpp-TC039-2");
            assertThat(site.evses.get("ocpp-TC039-2").snapshot().idTag()).isNull();
            assertThat(site.evses.get("ocpp-TC039-2").snapshot().state()).isEqualTo(EvseState.AVAILABLE);
        }
    }

    private static eu.chargetime.ocpp.model.core.MeterValuesRequest meterValues(ScriptedCharger charger, int connector,
            int transactionId, ZonedDateTime at, String kWh) {
        SampledValue energy = new SampledValue(kWh);
        energy.setMeasurand("Energy.Active.Import.Register");
        energy.setUnit("kWh");
        var request = charger.core.createMeterValuesRequest(connector, new MeterValue(at, new SampledValue[] {energy}));
        request.setTransactionId(transactionId);
        return request;
    }

    @Test
    void TC_061_clearAuthorizationCache() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC061")) {
            assertThat(call(site, "TC061", new ClearCacheRequest(), ClearCacheConfirmation.class).status())
                    .isEqualTo(ClearCacheStatus.ACCEPTED);
            assertThat(charger.next(eu.chargetime.ocpp.model.core.ClearCacheRequest.class)).isNotNull();
            charger.answer(eu.chargetime.ocpp.model.core.ClearCacheRequest.class,
                    request -> new eu.chargetime.ocpp.model.core.ClearCacheConfirmation(
                            eu.chargetime.ocpp.model.core.ClearCacheStatus.Rejected));
            assertThat(call(site, "TC061", new ClearCacheRequest(), ClearCacheConfirmation.class).status())
                    .isEqualTo(ClearCacheStatus.REJECTED);
        }
    }

    @Test
    void TC_064_dataTransferWithUnknownVendorId() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC064")) {
            var request = charger.core.createDataTransferRequest("com.example.unknown");
            request.setMessageId("hello");
            request.setData("{\"x\":1}");
            DataTransferConfirmation answer = (DataTransferConfirmation) charger.send(request);
            assertThat(answer.getStatus()).isEqualTo(DataTransferStatus.UnknownVendorId);
            // the connection goes on
            assertThat(((HeartbeatConfirmation) charger.send(charger.core.createHeartbeatRequest())).getCurrentTime()).isNotNull();
            assertThat(site.server.chargePoint("TC064").orElseThrow().connected()).isTrue();
        }
    }
}
