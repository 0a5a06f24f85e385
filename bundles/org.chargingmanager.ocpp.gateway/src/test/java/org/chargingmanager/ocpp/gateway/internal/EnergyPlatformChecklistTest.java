package org.chargingmanager.ocpp.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.testkit.Await;
import org.chargingmanager.testkit.devices.FakeEvse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.model.Confirmation;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChangeConfigurationConfirmation;
import eu.chargetime.ocpp.model.core.ChangeConfigurationRequest;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.ChargingProfile;
import eu.chargetime.ocpp.model.core.ChargingProfileKindType;
import eu.chargetime.ocpp.model.core.ChargingProfilePurposeType;
import eu.chargetime.ocpp.model.core.ChargingRateUnitType;
import eu.chargetime.ocpp.model.core.ChargingSchedule;
import eu.chargetime.ocpp.model.core.ChargingSchedulePeriod;
import eu.chargetime.ocpp.model.core.ConfigurationStatus;
import eu.chargetime.ocpp.model.core.MeterValuesRequest;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageConfirmation;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageRequest;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageRequestType;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageStatus;
import eu.chargetime.ocpp.model.smartcharging.ChargingProfileStatus;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileConfirmation;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileRequest;

/**
 * Issue 13 item 8: what a smart-charging platform publishes as its OCPP 1.6J charger requirements,
 * checked item by item against the gateway and a third-party backend (JSONServer behind TLS 1.2).
 */
class EnergyPlatformChecklistTest {

    @TempDir
    static Path keys;

    @TempDir
    Path directory;

    private final GatewayTestSupport support = new GatewayTestSupport();
    private OcaBackend backend;
    private TlsTerminator tls;
    private Gateway gateway;

    @AfterEach
    void tearDown() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (tls != null) {
            tls.close();
        }
    }

    private GatewaySettings settings(String url, String ca) {
        return new GatewaySettings(URI.create(url), "CB-PLATFORM", true, "platform-password-1", List.of("box-1"),
                "PLATFORM", OfflineAuthorization.ACCEPT_KNOWN, ca, "", "", true, "", "", "", 1000,
                Duration.ofSeconds(30), "");
    }

    @Test
    void theGatewayMeetsThePlatformsChargerRequirements() throws Exception {
        TestCertificates certificates = new TestCertificates(keys);
        backend = new OcaBackend(OcaBackend.freePort(), null);
        backend.requiredPassword = "platform-password-1";
        tls = new TlsTerminator(certificates.backendContext(null), backend.port, new String[] { "TLSv1.2" }, false);
        FakeEvse evse = FakeEvse.threePhase("box-1", support.clock).energyWattHours(100);
        support.evses.put("box-1", evse);

        // 1. WSS with TLS 1.2 only and Basic auth (security profile 2); plain ws:// refused
        assertThatThrownBy(() -> settings("ws://127.0.0.1:" + backend.port + "/", ""))
                .hasMessageContaining("tlsOnly");
        gateway = support.gateway(settings("wss://localhost:" + tls.port() + "/platform",
                certificates.pem("backend").toString()), directory);
        Await.until("booted over TLS 1.2 with Basic auth", Duration.ofSeconds(30),
                () -> !backend.received(StatusNotificationRequest.class).isEmpty());
        assertThat(backend.username).isEqualTo("CB-PLATFORM");

        // 6. Available while unplugged
        Await.until("Available", () -> statuses().contains(ChargePointStatus.Available));

        // plugged in and charging: a session with MeterValues of power, current and voltage (2.)
        evse.state(EvseState.CHARGING).currents(org.chargingmanager.api.device.PhaseCurrents.onPhases(3, 16_000));
        Await.until("Charging", () -> statuses().contains(ChargePointStatus.Charging)
                && gateway.status().connectors().get(0).transactionId() != null);
        support.clock.advance(Duration.ofSeconds(61));
        Await.until("MeterValues", () -> !backend.received(MeterValuesRequest.class).isEmpty());
        List<String> measurands = Arrays.stream(backend.received(MeterValuesRequest.class).get(0).getMeterValue()[0]
                .getSampledValue()).map(SampledValue::getMeasurand).toList();
        assertThat(measurands).contains("Power.Active.Import", "Current.Import", "Voltage",
                "Energy.Active.Import.Register");

        // 3. SetChargingProfile with TxProfile and with ChargePointMaxProfile accepted
        ChargingProfile tx = new ChargingProfile(1, 0, ChargingProfilePurposeType.TxProfile,
                ChargingProfileKindType.Relative, new ChargingSchedule(ChargingRateUnitType.A,
                        new ChargingSchedulePeriod[] { new ChargingSchedulePeriod(0, 12.0) }));
        tx.setTransactionId(gateway.status().connectors().get(0).transactionId());
        assertThat(((SetChargingProfileConfirmation) send(new SetChargingProfileRequest(1, tx))).getStatus())
                .isEqualTo(ChargingProfileStatus.Accepted);
        ChargingProfile max = new ChargingProfile(2, 0, ChargingProfilePurposeType.ChargePointMaxProfile,
                ChargingProfileKindType.Absolute, new ChargingSchedule(ChargingRateUnitType.W,
                        new ChargingSchedulePeriod[] { new ChargingSchedulePeriod(0, 6900.0) }));
        max.getChargingSchedule().setStartSchedule(java.time.ZonedDateTime.parse("2026-12-01T00:00:00Z"));
        assertThat(((SetChargingProfileConfirmation) send(new SetChargingProfileRequest(0, max))).getStatus())
                .isEqualTo(ChargingProfileStatus.Accepted);
        Await.until("10 A: 6900 W on three phases, below the TxProfile's 12 A",
                () -> Integer.valueOf(10_000).equals(gateway.status().connectors().get(0).capMilliamps()));

        // 4. TriggerMessage BootNotification and StatusNotification
        int boots = backend.received(BootNotificationRequest.class).size();
        assertThat(((TriggerMessageConfirmation) send(new TriggerMessageRequest(
                TriggerMessageRequestType.BootNotification))).getStatus()).isEqualTo(TriggerMessageStatus.Accepted);
        Await.until("triggered BootNotification", () -> backend.received(BootNotificationRequest.class).size() > boots);
        int statusCount = backend.received(StatusNotificationRequest.class).size();
        assertThat(((TriggerMessageConfirmation) send(new TriggerMessageRequest(
                TriggerMessageRequestType.StatusNotification))).getStatus()).isEqualTo(TriggerMessageStatus.Accepted);
        Await.until("triggered StatusNotification",
                () -> backend.received(StatusNotificationRequest.class).size() > statusCount);

        // 5. ChangeConfiguration MeterValuesSampledData = Energy.Active.Import.Register accepted
        assertThat(((ChangeConfigurationConfirmation) send(new ChangeConfigurationRequest("MeterValuesSampledData",
                "Energy.Active.Import.Register"))).getStatus()).isEqualTo(ConfigurationStatus.Accepted);
        int meterValues = backend.received(MeterValuesRequest.class).size();
        support.clock.advance(Duration.ofSeconds(61));
        Await.until("MeterValues with the energy register", () -> backend.received(MeterValuesRequest.class).size()
                > meterValues);
        assertThat(backend.received(MeterValuesRequest.class).get(meterValues).getMeterValue()[0].getSampledValue())
                .extracting(SampledValue::getMeasurand).containsExactly("Energy.Active.Import.Register");

        // 6. the status values as the car's state implies
        evse.state(EvseState.SUSPENDED_EV);
        Await.until("SuspendedEV", () -> statuses().contains(ChargePointStatus.SuspendedEV));
        evse.state(EvseState.SUSPENDED_EVSE);
        Await.until("SuspendedEVSE", () -> statuses().contains(ChargePointStatus.SuspendedEVSE));
        evse.state(EvseState.FAULTED);
        Await.until("Faulted", () -> statuses().contains(ChargePointStatus.Faulted));
    }

    private Confirmation send(eu.chargetime.ocpp.model.Request request) throws Exception {
        return backend.send(request).toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private List<ChargePointStatus> statuses() {
        return backend.received(StatusNotificationRequest.class).stream().filter(s -> s.getConnectorId() == 1)
                .map(StatusNotificationRequest::getStatus).toList();
    }
}
