package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZonedDateTime;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.ocpp.v16.ResetType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.AuthorizeConfirmation;
import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.ChangeConfigurationRequest;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.ChargingProfilePurposeType;
import eu.chargetime.ocpp.model.core.ChargingRateUnitType;
import eu.chargetime.ocpp.model.core.GetConfigurationRequest;
import eu.chargetime.ocpp.model.core.HeartbeatConfirmation;
import eu.chargetime.ocpp.model.core.MeterValue;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import eu.chargetime.ocpp.model.core.ResetRequest;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import eu.chargetime.ocpp.model.core.ValueFormat;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileRequest;

/** The core and smart charging profiles, driven by the Java-OCA-OCPP client over ws://. */
class CoreProfileTest {

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

    private static OcaCharger booted(String id) throws Exception {
        OcaCharger charger = new OcaCharger(id, null, null).connect(site.url("/ocpp"));
        BootNotificationConfirmation boot = (BootNotificationConfirmation) charger.send(
                charger.core.createBootNotificationRequest("OCA", "Java"));
        assertThat(boot.getStatus()).isEqualTo(RegistrationStatus.Accepted);
        assertThat(boot.getInterval()).as("the configured 300 s with 10 %% jitter").isBetween(270, 330);
        return charger;
    }

    @Test
    void TC_001_coldBootAcceptedThenConfigurationAndDefaultProfile() throws Exception {
        try (OcaCharger charger = booted("CP-BOOT")) {
            assertThat(charger.next(GetConfigurationRequest.class)).isNotNull();
            ChangeConfigurationRequest measurands = charger.next(ChangeConfigurationRequest.class);
            assertThat(measurands.getKey()).isEqualTo("MeterValuesSampledData");
            assertThat(measurands.getValue()).isEqualTo("Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage");
            assertThat(charger.next(ChangeConfigurationRequest.class).getKey()).isEqualTo("MeterValueSampleInterval");
            // until allocated: a TxDefaultProfile of 0 A on connector 0
            SetChargingProfileRequest profile = charger.profileWithLimit(0.0);
            assertThat(profile.getConnectorId()).isZero();
            assertThat(profile.getCsChargingProfiles().getChargingProfilePurpose()).isEqualTo(ChargingProfilePurposeType.TxDefaultProfile);
            assertThat(profile.getCsChargingProfiles().getStackLevel()).isEqualTo(1);
            assertThat(site.evses).containsKey("ocpp-CP-BOOT-1");
            assertThat(site.server.chargePoint("CP-BOOT").orElseThrow().vendor()).isEqualTo("OCA");
        }
    }

    @Test
    void measurandsTheChargerAlreadyHasAreNotSetAgainOnTheNextConnect() throws Exception {
        OcaCharger first = booted("CP-AGAIN");
        first.next(GetConfigurationRequest.class);
        assertThat(first.next(ChangeConfigurationRequest.class).getKey()).isEqualTo("MeterValuesSampledData");
        assertThat(first.next(ChangeConfigurationRequest.class).getKey()).isEqualTo("MeterValueSampleInterval");
        first.profileWithLimit(0.0);
        first.close();

        OcaCharger again = new OcaCharger("CP-AGAIN", null, null);
        again.configuration.putAll(first.configuration); // the charger kept what it was told
        again.connect(site.url("/ocpp"));
        try (again) {
            again.send(again.core.createBootNotificationRequest("OCA", "Java"));
            again.next(GetConfigurationRequest.class);
            // nothing to change: straight on to the status and the default profile
            again.profileWithLimit(0.0);
            assertThat(again.received).noneMatch(ChangeConfigurationRequest.class::isInstance);
        }
    }

    @Test
    void TC_003_heartbeatAndStatusNotificationBecomeEvseState() throws Exception {
        try (OcaCharger charger = booted("CP-STATUS")) {
            assertThat(((HeartbeatConfirmation) charger.send(charger.core.createHeartbeatRequest())).getCurrentTime()).isNotNull();
            charger.send(charger.core.createStatusNotificationRequest(1, ChargePointErrorCode.NoError, ChargePointStatus.Preparing));
            assertThat(site.evses.get("ocpp-CP-STATUS-1").snapshot().state()).isEqualTo(EvseState.PREPARING);
            charger.send(charger.core.createStatusNotificationRequest(0, ChargePointErrorCode.GroundFailure, ChargePointStatus.Faulted));
            assertThat(site.evses.get("ocpp-CP-STATUS-1").snapshot().state()).isEqualTo(EvseState.FAULTED);
        }
        TestSite.await("offline after disconnect", () -> site.evses.get("ocpp-CP-STATUS-1").snapshot().state() == EvseState.OFFLINE);
    }

    @Test
    void TC_004_TC_005_TC_068_authorizeStartMeterValuesStopWithSignedData() throws Exception {
        try (OcaCharger charger = booted("CP-TX")) {
            assertThat(((AuthorizeConfirmation) charger.send(charger.core.createAuthorizeRequest("RFID-OK")))
                    .getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
            assertThat(((AuthorizeConfirmation) charger.send(charger.core.createAuthorizeRequest("RFID-BLOCKED")))
                    .getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Blocked);
            assertThat(((AuthorizeConfirmation) charger.send(charger.core.createAuthorizeRequest("NOBODY")))
                    .getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Invalid);
            StartTransactionConfirmation started = (StartTransactionConfirmation) charger.send(
                    charger.core.createStartTransactionRequest(1, "RFID-OK", 1000, ZonedDateTime.now()));
            int transactionId = started.getTransactionId();
            Transaction open = site.transactions.find(transactionId).orElseThrow();
            assertThat(open.open()).isTrue();
            assertThat(open.userId()).isEqualTo("user-RFID-OK");
            assertThat(open.evseId()).isEqualTo("ocpp-CP-TX-1");

            SampledValue energy = new SampledValue("2.5");
            energy.setMeasurand("Energy.Active.Import.Register");
            energy.setUnit("kWh");
            SampledValue power = new SampledValue("7.2");
            power.setMeasurand("Power.Active.Import");
            power.setUnit("kW");
            SampledValue current = new SampledValue("10.5");
            current.setMeasurand("Current.Import");
            current.setPhase("L1");
            current.setUnit("A");
            var meterValues = charger.core.createMeterValuesRequest(1, new MeterValue(ZonedDateTime.now(),
                    new SampledValue[] {energy, power, current}));
            meterValues.setTransactionId(transactionId);
            charger.send(meterValues);
            var snapshot = site.evses.get("ocpp-CP-TX-1").snapshot();
            assertThat(snapshot.energyWattHours()).isEqualTo(2500.0);
            assertThat(snapshot.powerWatts()).isEqualTo(7200.0);
            assertThat(snapshot.currents().l1Milliamps()).isEqualTo(10500);
            assertThat(snapshot.idTag()).isEqualTo("RFID-OK");

            String ocmf = "OCMF|{\"FV\":\"1.0\",\"RD\":[{\"TM\":\"2026-11-22T10:00:00,000+0000 S\",\"RV\":12.345}]}|{\"SD\":\"3045\"}";
            SampledValue signed = new SampledValue(ocmf);
            signed.setFormat(ValueFormat.SignedData);
            signed.setContext("Transaction.End");
            StopTransactionRequest stop = charger.core.createStopTransactionRequest(12345, ZonedDateTime.now(), transactionId);
            stop.setTransactionData(new MeterValue[] {new MeterValue(ZonedDateTime.now(), new SampledValue[] {signed})});
            charger.send(stop);
            Transaction closed = site.transactions.find(transactionId).orElseThrow();
            assertThat(closed.open()).isFalse();
            assertThat(closed.energyWattHours()).isEqualTo(11345);
            assertThat(closed.signedMeterValues()).singleElement().satisfies(value -> {
                assertThat(value.rawData()).isEqualTo(ocmf);
                assertThat(value.context()).isEqualTo("Transaction.End");
            });
        }
    }

    @Test
    void TC_056_TC_057_loadManagerLimitBecomesSetChargingProfile() throws Exception {
        try (OcaCharger charger = booted("CP-SMART")) {
            charger.profileWithLimit(0.0);
            TestSite.await("EVSE", () -> site.evses.containsKey("ocpp-CP-SMART-1"));
            var evse = site.evses.get("ocpp-CP-SMART-1");
            evse.applyLimit(new ChargingLimit(16_049, LimitReason.HOUSE_LIMIT, ""));
            SetChargingProfileRequest tx = charger.profileWithLimit(16.0);
            assertThat(tx.getConnectorId()).isEqualTo(1);
            assertThat(tx.getCsChargingProfiles().getChargingProfilePurpose()).isEqualTo(ChargingProfilePurposeType.TxDefaultProfile);
            assertThat(tx.getCsChargingProfiles().getChargingSchedule().getChargingRateUnit()).isEqualTo(ChargingRateUnitType.A);
            TestSite.await("applied", () -> evse.snapshot().appliedLimit().currentMilliamps() == 16_049);

            StartTransactionConfirmation started = (StartTransactionConfirmation) charger.send(
                    charger.core.createStartTransactionRequest(1, "RFID-OK", 0, ZonedDateTime.now()));
            evse.applyLimit(new ChargingLimit(10_000, LimitReason.HOUSE_LIMIT, ""));
            SetChargingProfileRequest txProfile = charger.profileWithLimit(10.0);
            assertThat(txProfile.getCsChargingProfiles().getChargingProfilePurpose()).isEqualTo(ChargingProfilePurposeType.TxProfile);
            assertThat(txProfile.getCsChargingProfiles().getTransactionId()).isEqualTo(started.getTransactionId());

            // the charger refuses TxProfile and TxDefaultProfile: ChargePointMaxProfile, and it is shown
            charger.rejectedPurposes = java.util.List.of(ChargingProfilePurposeType.TxProfile, ChargingProfilePurposeType.TxDefaultProfile);
            evse.applyLimit(new ChargingLimit(8_000, LimitReason.HOUSE_LIMIT, ""));
            SetChargingProfileRequest max = charger.profileWithLimit(8.0);
            while (max.getCsChargingProfiles().getChargingProfilePurpose() != ChargingProfilePurposeType.ChargePointMaxProfile) {
                max = charger.profileWithLimit(8.0);
            }
            assertThat(max.getConnectorId()).isZero();
            TestSite.await("shown", () -> site.server.chargePoint("CP-SMART").orElseThrow().chargingProfileKind()
                    .startsWith("ChargePointMaxProfile"));
            assertThat(site.server.chargePoint("CP-SMART").orElseThrow().chargingProfileKind()).contains("rejected");
        }
    }

    @Test
    void operatorMessagesReachTheCharger() throws Exception {
        try (OcaCharger charger = booted("CP-OPS")) {
            var confirmation = site.server.send("CP-OPS", new org.chargingmanager.ocpp.v16.ResetRequest(ResetType.SOFT))
                    .toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(confirmation).isInstanceOf(org.chargingmanager.ocpp.v16.ResetConfirmation.class);
            assertThat(charger.next(ResetRequest.class).getType().name()).isEqualTo("Soft");
            assertThat(site.server.clearChargingProfiles("CP-OPS").toCompletableFuture()
                    .get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo(new org.chargingmanager.ocpp.v16.ClearChargingProfileConfirmation(
                            org.chargingmanager.ocpp.v16.ClearChargingProfileStatus.ACCEPTED));
            // TC_067: the charger really got a ClearChargingProfile, without filter (every profile)
            var clear = charger.next(eu.chargetime.ocpp.model.smartcharging.ClearChargingProfileRequest.class);
            assertThat(clear.getId()).isNull();
            assertThat(clear.getConnectorId()).isNull();
            assertThat(clear.getChargingProfilePurpose()).isNull();
            assertThat(clear.getStackLevel()).isNull();
        }
    }
}
