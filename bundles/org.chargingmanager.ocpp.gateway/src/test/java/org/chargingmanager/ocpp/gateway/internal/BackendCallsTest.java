package org.chargingmanager.ocpp.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.testkit.Await;
import org.chargingmanager.testkit.devices.FakeEvse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.model.Confirmation;
import eu.chargetime.ocpp.model.Request;
import eu.chargetime.ocpp.model.core.AuthorizeRequest;
import eu.chargetime.ocpp.model.core.AvailabilityStatus;
import eu.chargetime.ocpp.model.core.AvailabilityType;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChangeAvailabilityConfirmation;
import eu.chargetime.ocpp.model.core.ChangeAvailabilityRequest;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.RemoteStartStopStatus;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionRequest;
import eu.chargetime.ocpp.model.core.ResetConfirmation;
import eu.chargetime.ocpp.model.core.ResetRequest;
import eu.chargetime.ocpp.model.core.ResetStatus;
import eu.chargetime.ocpp.model.core.ResetType;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import eu.chargetime.ocpp.model.core.UnlockConnectorConfirmation;
import eu.chargetime.ocpp.model.core.UnlockConnectorRequest;
import eu.chargetime.ocpp.model.core.UnlockStatus;
import eu.chargetime.ocpp.model.smartcharging.ClearChargingProfileConfirmation;
import eu.chargetime.ocpp.model.smartcharging.ClearChargingProfileRequest;
import eu.chargetime.ocpp.model.smartcharging.ClearChargingProfileStatus;

/** RFID authorization by the backend and the backend's operator CALLs, over a real WebSocket to JSONServer. */
class BackendCallsTest {

    @TempDir
    Path directory;

    private final GatewayTestSupport support = new GatewayTestSupport();
    private OcaBackend backend;
    private Gateway gateway;

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void theBackendDecidesOnRfidTagsAndStopsResetsAndSwitchesOffTheChargePoint() throws Exception {
        backend = new OcaBackend(OcaBackend.freePort(), null);
        FakeEvse evse = FakeEvse.threePhase("sim-1", support.clock).carFollowsLimit(16_000).carConnected(true)
                .idTag("BLOCKED-CARD");
        support.evses.put("sim-1", evse);
        gateway = support.gateway(GatewayTestSupport.settings("ws://127.0.0.1:" + backend.port, "CB-CALLS", "", "",
                "sim-1"), directory);

        Await.until("the blocked card asked about", () -> !backend.received(AuthorizeRequest.class).isEmpty());
        Await.until("Preparing", () -> statusIs(ChargePointStatus.Preparing));
        assertThat(backend.received(StartTransactionRequest.class)).isEmpty();
        assertThat(gateway.status().connectors().get(0).capMilliamps()).as("no charging without the backend's yes")
                .isZero();
        assertThat(backend.received(AuthorizeRequest.class)).as("asked once, not every second").hasSize(1);

        evse.idTag("GOOD-CARD");
        Await.until("the good card starts", () -> !backend.received(StartTransactionRequest.class).isEmpty());
        assertThat(backend.received(StartTransactionRequest.class).get(0).getIdTag()).isEqualTo("GOOD-CARD");
        Await.until("transaction 100", () -> gateway.status().connectors().get(0).transactionId() != null);

        assertThat(((UnlockConnectorConfirmation) send(new UnlockConnectorRequest(1))).getStatus())
                .isEqualTo(UnlockStatus.NotSupported);
        assertThat(((RemoteStopTransactionConfirmation) send(new RemoteStopTransactionRequest(4711))).getStatus())
                .as("unknown transaction").isEqualTo(RemoteStartStopStatus.Rejected);
        assertThat(((RemoteStopTransactionConfirmation) send(new RemoteStopTransactionRequest(100))).getStatus())
                .isEqualTo(RemoteStartStopStatus.Accepted);
        Await.until("StopTransaction Remote", () -> !backend.received(StopTransactionRequest.class).isEmpty());
        assertThat(backend.received(StopTransactionRequest.class).get(0).getReason().toString()).isEqualTo("Remote");
        assertThat(backend.received(StopTransactionRequest.class).get(0).getTransactionId()).isEqualTo(100);
        Await.until("Finishing: the car is still there", () -> statusIs(ChargePointStatus.Finishing));
        assertThat(backend.received(StartTransactionRequest.class)).as("no new session with the same card")
                .hasSize(1);

        assertThat(((ChangeAvailabilityConfirmation) send(new ChangeAvailabilityRequest(1,
                AvailabilityType.Inoperative))).getStatus()).isEqualTo(AvailabilityStatus.Accepted);
        Await.until("Unavailable", () -> statusIs(ChargePointStatus.Unavailable));
        assertThat(gateway.status().connectors().get(0).capMilliamps()).isZero();
        assertThat(((ChangeAvailabilityConfirmation) send(new ChangeAvailabilityRequest(1,
                AvailabilityType.Operative))).getStatus()).isEqualTo(AvailabilityStatus.Accepted);

        ClearChargingProfileRequest clear = new ClearChargingProfileRequest();
        clear.setId(99);
        assertThat(((ClearChargingProfileConfirmation) send(clear)).getStatus())
                .isEqualTo(ClearChargingProfileStatus.Unknown);

        int boots = backend.received(BootNotificationRequest.class).size();
        assertThat(((ResetConfirmation) send(new ResetRequest(ResetType.Soft))).getStatus())
                .isEqualTo(ResetStatus.Accepted);
        Await.until("connected and booted again", () -> backend.received(BootNotificationRequest.class).size() > boots
                && backend.identities.size() == 2);
    }

    private boolean statusIs(ChargePointStatus expected) {
        var statuses = backend.received(StatusNotificationRequest.class).stream().filter(s -> s.getConnectorId() == 1)
                .toList();
        return !statuses.isEmpty() && statuses.get(statuses.size() - 1).getStatus() == expected;
    }

    private Confirmation send(Request request) throws Exception {
        return backend.send(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
