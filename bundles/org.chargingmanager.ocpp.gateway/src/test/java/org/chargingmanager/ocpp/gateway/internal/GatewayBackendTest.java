package org.chargingmanager.ocpp.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.chargingmanager.testkit.Await;
import org.chargingmanager.testkit.devices.FakeEvse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.model.Confirmation;
import eu.chargetime.ocpp.model.core.AuthorizeRequest;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.ChargingProfile;
import eu.chargetime.ocpp.model.core.ChargingProfileKindType;
import eu.chargetime.ocpp.model.core.ChargingProfilePurposeType;
import eu.chargetime.ocpp.model.core.ChargingRateUnitType;
import eu.chargetime.ocpp.model.core.ChargingSchedule;
import eu.chargetime.ocpp.model.core.ChargingSchedulePeriod;
import eu.chargetime.ocpp.model.core.MeterValuesRequest;
import eu.chargetime.ocpp.model.core.RemoteStartStopStatus;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import eu.chargetime.ocpp.model.smartcharging.ChargingProfileStatus;
import eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleConfirmation;
import eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleRequest;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileConfirmation;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileRequest;

/** A simulated wallbox (no OCPP) as a virtual charge point towards Java-OCA-OCPP's JSONServer over real WebSockets. */
class GatewayBackendTest {

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

    private FakeEvse wallbox(String id) {
        FakeEvse evse = FakeEvse.threePhase(id, support.clock).carFollowsLimit(16_000).carConnected(false)
                .energyWattHours(1000);
        support.evses.put(id, evse);
        return evse;
    }

    @Test
    void aSimulatedWallboxBootsChargesAtTheBackendsLimitAndStops() throws Exception {
        backend = new OcaBackend(OcaBackend.freePort(), null);
        backend.requiredPassword = "secret-password-1";
        FakeEvse evse = wallbox("sim-1");
        gateway = support.gateway(GatewayTestSupport.settings("ws://127.0.0.1:" + backend.port + "/ocpp/", "CB-GW-1",
                "secret-password-1", "FIXED1", "sim-1"), directory);

        Await.until("boot and the status of connector 1", () -> backend.received(StatusNotificationRequest.class)
                .stream().anyMatch(s -> s.getConnectorId() == 1));
        assertThat(backend.identities).containsExactly("/ocpp/CB-GW-1");
        assertThat(backend.username).isEqualTo("CB-GW-1");
        assertThat(new String(backend.password, StandardCharsets.UTF_8)).isEqualTo("secret-password-1");
        BootNotificationRequest boot = backend.received(BootNotificationRequest.class).get(0);
        assertThat(boot.getChargePointVendor()).isEqualTo("Charging Manager");
        assertThat(backend.received(StatusNotificationRequest.class).get(1).getStatus())
                .isEqualTo(ChargePointStatus.Available);

        // before a session the backend allows nothing: the cap is 0
        GatewayTestSupport.loadManagerCycle(gateway, evse, 16_000, support.clock.instant());
        assertThat(evse.limit().currentMilliamps()).isZero();

        evse.carConnected(true);
        Await.until("Authorize and StartTransaction", () -> !backend.received(StartTransactionRequest.class).isEmpty());
        assertThat(backend.received(AuthorizeRequest.class).get(0).getIdTag()).isEqualTo("FIXED1");
        StartTransactionRequest start = backend.received(StartTransactionRequest.class).get(0);
        assertThat(start.getConnectorId()).isEqualTo(1);
        assertThat(start.getIdTag()).isEqualTo("FIXED1");
        assertThat(start.getMeterStart()).isEqualTo(1000);
        Await.until("transaction 100 known", () -> gateway.status().connectors().get(0).transactionId() != null);

        // the transaction ID and the lifted cap are set by the same answer, but not in one step
        Await.until("no profile: the local limit", () -> {
            GatewayTestSupport.loadManagerCycle(gateway, evse, 16_000, support.clock.instant());
            return evse.drawnMilliamps() == 16_000;
        });
        Await.until("Charging", () -> backend.received(StatusNotificationRequest.class).stream()
                .anyMatch(s -> s.getStatus() == ChargePointStatus.Charging));

        evse.energyWattHours(1500);
        support.clock.advance(Duration.ofSeconds(61));
        Await.until("MeterValues", () -> !backend.received(MeterValuesRequest.class).isEmpty());
        MeterValuesRequest meterValues = backend.received(MeterValuesRequest.class).get(0);
        assertThat(meterValues.getTransactionId()).isEqualTo(100);
        List<SampledValue> sampled = Arrays.asList(meterValues.getMeterValue()[0].getSampledValue());
        assertThat(sampled).extracting(SampledValue::getMeasurand).contains("Energy.Active.Import.Register",
                "Power.Active.Import", "Current.Import", "Voltage");
        assertThat(sampled).filteredOn(v -> v.getMeasurand().equals("Energy.Active.Import.Register"))
                .extracting(SampledValue::getValue).containsExactly("1500");
        assertThat(sampled).filteredOn(v -> v.getMeasurand().equals("Current.Import"))
                .extracting(SampledValue::getPhase).containsExactly("L1", "L2", "L3");
        assertThat(sampled).filteredOn(v -> v.getMeasurand().equals("Power.Active.Import"))
                .extracting(SampledValue::getValue).containsExactly("11040");

        // the backend limits the transaction to 10 A, below the local 16 A: the car charges at 10 A
        ChargingSchedule schedule = new ChargingSchedule(ChargingRateUnitType.A,
                new ChargingSchedulePeriod[] { new ChargingSchedulePeriod(0, 10.0) });
        ChargingProfile profile = new ChargingProfile(7, 0, ChargingProfilePurposeType.TxProfile,
                ChargingProfileKindType.Relative, schedule);
        profile.setTransactionId(100);
        Confirmation answer = backend.send(new SetChargingProfileRequest(1, profile)).toCompletableFuture().get();
        assertThat(((SetChargingProfileConfirmation) answer).getStatus()).isEqualTo(ChargingProfileStatus.Accepted);
        Await.until("the cap follows the profile", () -> gateway.status().connectors().get(0).capMilliamps() != null
                && gateway.status().connectors().get(0).capMilliamps() == 10_000);
        GatewayTestSupport.loadManagerCycle(gateway, evse, 16_000, support.clock.instant());
        assertThat(evse.drawnMilliamps()).isEqualTo(10_000);

        GetCompositeScheduleConfirmation composite = (GetCompositeScheduleConfirmation) backend
                .send(new GetCompositeScheduleRequest(1, 3600)).toCompletableFuture().get();
        assertThat(composite.getChargingSchedule().getChargingSchedulePeriod()[0].getLimit()).isEqualTo(10.0);

        evse.energyWattHours(2345).carConnected(false);
        Await.until("StopTransaction", () -> !backend.received(StopTransactionRequest.class).isEmpty());
        StopTransactionRequest stop = backend.received(StopTransactionRequest.class).get(0);
        assertThat(stop.getTransactionId()).isEqualTo(100);
        assertThat(stop.getMeterStop()).isEqualTo(2345);
        assertThat(stop.getReason().toString()).isEqualTo("EVDisconnected");
        Await.until("queue empty", () -> gateway.status().queuedMessages() == 0);
        assertThat(gateway.status().state()).isEqualTo(UpstreamState.ACCEPTED);
    }

    @Test
    void remoteStartWithoutAFixedTagStartsTheWaitingCar() throws Exception {
        backend = new OcaBackend(OcaBackend.freePort(), null);
        FakeEvse evse = wallbox("sim-2");
        evse.carConnected(true);
        gateway = support.gateway(GatewayTestSupport.settings("ws://127.0.0.1:" + backend.port, "CB-GW-2", "", "",
                "sim-2"), directory);
        Await.until("Preparing: a car without a tag", () -> backend.received(StatusNotificationRequest.class).stream()
                .anyMatch(s -> s.getConnectorId() == 1 && s.getStatus() == ChargePointStatus.Preparing));
        assertThat(backend.received(StartTransactionRequest.class)).isEmpty();

        RemoteStartTransactionRequest remote = new RemoteStartTransactionRequest("REMOTE-7");
        remote.setConnectorId(1);
        Confirmation answer = backend.send(remote).toCompletableFuture().get();
        assertThat(((RemoteStartTransactionConfirmation) answer).getStatus()).isEqualTo(RemoteStartStopStatus.Accepted);
        Await.until("StartTransaction", () -> !backend.received(StartTransactionRequest.class).isEmpty());
        assertThat(backend.received(StartTransactionRequest.class).get(0).getIdTag()).isEqualTo("REMOTE-7");
        assertThat(backend.received(AuthorizeRequest.class)).as("AuthorizeRemoteTxRequests=false").isEmpty();
    }

    @Test
    void theBackendsLimitHoldsAfterARestartBeforeTheBackendIsBack() throws Exception {
        backend = new OcaBackend(OcaBackend.freePort(), null);
        FakeEvse evse = wallbox("sim-3");
        GatewaySettings settings = GatewayTestSupport.settings("ws://127.0.0.1:" + backend.port, "CB-GW-3", "",
                "FIXED1", "sim-3");
        gateway = support.gateway(settings, directory);
        Await.until("booted", () -> !backend.received(BootNotificationRequest.class).isEmpty()
                && backend.session != null && gateway.status().state() == UpstreamState.ACCEPTED);
        ChargingProfile max = new ChargingProfile(3, 0, ChargingProfilePurposeType.ChargePointMaxProfile,
                ChargingProfileKindType.Absolute, new ChargingSchedule(ChargingRateUnitType.A,
                        new ChargingSchedulePeriod[] { new ChargingSchedulePeriod(0, 10.0) }));
        max.getChargingSchedule().setStartSchedule(java.time.ZonedDateTime.parse("2026-12-01T00:00:00Z"));
        Confirmation answer = backend.send(new SetChargingProfileRequest(0, max)).toCompletableFuture().get();
        assertThat(((SetChargingProfileConfirmation) answer).getStatus()).isEqualTo(ChargingProfileStatus.Accepted);

        gateway.close();
        backend.close();
        backend = null;
        gateway = support.gateway(settings, directory); // restarted, the backend away
        evse.carConnected(true);
        Await.until("an offline session under the restored ChargePointMaxProfile",
                () -> Integer.valueOf(10_000).equals(gateway.status().connectors().get(0).capMilliamps()));
        GatewayTestSupport.loadManagerCycle(gateway, evse, 16_000, support.clock.instant());
        assertThat(evse.drawnMilliamps()).isEqualTo(10_000);
    }
}
