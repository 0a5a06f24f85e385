package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargingmanager.ocpp.server.internal.ScriptedCharger.booted;
import static org.chargingmanager.ocpp.server.internal.ScriptedCharger.call;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.ocpp.server.Reservation;
import org.chargingmanager.ocpp.v16.AuthorizationData;
import org.chargingmanager.ocpp.v16.CancelReservationConfirmation;
import org.chargingmanager.ocpp.v16.CancelReservationStatus;
import org.chargingmanager.ocpp.v16.ChargingRateUnit;
import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.GetCompositeScheduleConfirmation;
import org.chargingmanager.ocpp.v16.GetCompositeScheduleStatus;
import org.chargingmanager.ocpp.v16.GetDiagnosticsConfirmation;
import org.chargingmanager.ocpp.v16.GetLocalListVersionConfirmation;
import org.chargingmanager.ocpp.v16.IdTagInfo;
import org.chargingmanager.ocpp.v16.MessageTrigger;
import org.chargingmanager.ocpp.v16.ReservationStatus;
import org.chargingmanager.ocpp.v16.ReserveNowConfirmation;
import org.chargingmanager.ocpp.v16.SendLocalListConfirmation;
import org.chargingmanager.ocpp.v16.TriggerMessageConfirmation;
import org.chargingmanager.ocpp.v16.TriggerMessageStatus;
import org.chargingmanager.ocpp.v16.UpdateFirmwareConfirmation;
import org.chargingmanager.ocpp.v16.UpdateStatus;
import org.chargingmanager.ocpp.v16.UpdateType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.AuthorizeConfirmation;
import eu.chargetime.ocpp.model.core.AvailabilityType;
import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.ChangeAvailabilityRequest;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.ChargingProfileKindType;
import eu.chargetime.ocpp.model.core.ChargingProfilePurposeType;
import eu.chargetime.ocpp.model.core.ChargingRateUnitType;
import eu.chargetime.ocpp.model.core.ChargingSchedule;
import eu.chargetime.ocpp.model.core.ChargingSchedulePeriod;
import eu.chargetime.ocpp.model.core.HeartbeatConfirmation;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.firmware.DiagnosticsStatus;
import eu.chargetime.ocpp.model.firmware.FirmwareStatus;
import eu.chargetime.ocpp.model.firmware.GetDiagnosticsRequest;
import eu.chargetime.ocpp.model.firmware.UpdateFirmwareRequest;
import eu.chargetime.ocpp.model.localauthlist.GetLocalListVersionRequest;
import eu.chargetime.ocpp.model.localauthlist.SendLocalListRequest;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageRequest;
import eu.chargetime.ocpp.model.reservation.CancelReservationRequest;
import eu.chargetime.ocpp.model.reservation.ReserveNowRequest;
import eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleRequest;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileRequest;

/**
 * The OCTT's central-system cases of the optional profiles — local authorization list,
 * firmware management, reservation, remote trigger, smart charging — step by step with the
 * Java-OCA-OCPP client as the charge point.
 */
class ProfileCasesTest {

    @TempDir
    static Path data;
    static TestSite site;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(data);
        site.rfids.put("RFID-OK", org.chargingmanager.api.billing.AuthorizationStatus.ACCEPTED);
        site.rfids.put("RFID-FRIEND", org.chargingmanager.api.billing.AuthorizationStatus.ACCEPTED);
        site.parents.put("RFID-OK", "GROUP-1");
        site.parents.put("RFID-FRIEND", "GROUP-1");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static Confirmation await(java.util.concurrent.CompletionStage<Confirmation> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void status(ScriptedCharger charger, int connector, ChargePointStatus status) throws Exception {
        charger.send(charger.core.createStatusNotificationRequest(connector, ChargePointErrorCode.NoError, status));
    }

    // ---- local authorization list

    @Test
    void TC_042_1_getLocalListVersionNotSupported_TC_042_2_getLocalListVersion() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC042")) {
            charger.answer(GetLocalListVersionRequest.class,
                    request -> new eu.chargetime.ocpp.model.localauthlist.GetLocalListVersionConfirmation(-1));
            assertThat(call(site, "TC042", new org.chargingmanager.ocpp.v16.GetLocalListVersionRequest(),
                    GetLocalListVersionConfirmation.class).listVersion()).isEqualTo(-1);
            charger.answer(GetLocalListVersionRequest.class,
                    request -> new eu.chargetime.ocpp.model.localauthlist.GetLocalListVersionConfirmation(7));
            assertThat(call(site, "TC042", new org.chargingmanager.ocpp.v16.GetLocalListVersionRequest(),
                    GetLocalListVersionConfirmation.class).listVersion()).isEqualTo(7);
        }
    }

    private static org.chargingmanager.ocpp.v16.SendLocalListRequest localList(int version, UpdateType type, String... idTags) {
        return new org.chargingmanager.ocpp.v16.SendLocalListRequest(version, java.util.Arrays.stream(idTags)
                .map(idTag -> new AuthorizationData(idTag, new IdTagInfo(null, "GROUP-1",
                        org.chargingmanager.ocpp.v16.AuthorizationStatus.ACCEPTED)))
                .toList(), type);
    }

    @Test
    void TC_043_1_notSupported_TC_043_3_failed_TC_043_4_full_TC_043_5_differential() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC043")) {
            charger.answer(SendLocalListRequest.class, request -> new eu.chargetime.ocpp.model.localauthlist.SendLocalListConfirmation(
                    eu.chargetime.ocpp.model.localauthlist.UpdateStatus.NotSupported));
            assertThat(call(site, "TC043", localList(1, UpdateType.FULL, "RFID-OK"), SendLocalListConfirmation.class)
                    .status()).isEqualTo(UpdateStatus.NOT_SUPPORTED);
            charger.next(SendLocalListRequest.class);
            charger.answer(SendLocalListRequest.class, request -> new eu.chargetime.ocpp.model.localauthlist.SendLocalListConfirmation(
                    eu.chargetime.ocpp.model.localauthlist.UpdateStatus.Failed));
            assertThat(call(site, "TC043", localList(2, UpdateType.FULL, "RFID-OK"), SendLocalListConfirmation.class)
                    .status()).isEqualTo(UpdateStatus.FAILED);
            charger.next(SendLocalListRequest.class);
            charger.answer(SendLocalListRequest.class, request -> new eu.chargetime.ocpp.model.localauthlist.SendLocalListConfirmation(
                    eu.chargetime.ocpp.model.localauthlist.UpdateStatus.Accepted));
            assertThat(call(site, "TC043", localList(3, UpdateType.FULL, "RFID-OK", "RFID-FRIEND"),
                    SendLocalListConfirmation.class).status()).isEqualTo(UpdateStatus.ACCEPTED);
            SendLocalListRequest full = charger.next(SendLocalListRequest.class);
            assertThat(full.getUpdateType().name()).isEqualTo("Full");
            assertThat(full.getListVersion()).isEqualTo(3);
            assertThat(full.getLocalAuthorizationList()).hasSize(2).allSatisfy(entry -> {
                assertThat(entry.getIdTagInfo()).isNotNull();
                assertThat(entry.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
                assertThat(entry.getIdTagInfo().getParentIdTag()).isEqualTo("GROUP-1");
            });
            assertThat(call(site, "TC043", localList(4, UpdateType.DIFFERENTIAL, "RFID-NEW"),
                    SendLocalListConfirmation.class).status()).isEqualTo(UpdateStatus.ACCEPTED);
            SendLocalListRequest differential = charger.next(SendLocalListRequest.class);
            assertThat(differential.getUpdateType().name()).isEqualTo("Differential");
            assertThat(differential.getListVersion()).isGreaterThan(full.getListVersion());
            assertThat(differential.getLocalAuthorizationList()).singleElement()
                    .satisfies(entry -> assertThat(entry.getIdTag()).isEqualTo("RFID-NEW"));
            charger.answer(SendLocalListRequest.class, request -> new eu.chargetime.ocpp.model.localauthlist.SendLocalListConfirmation(
                    eu.chargetime.ocpp.model.localauthlist.UpdateStatus.VersionMismatch));
            assertThat(call(site, "TC043", localList(4, UpdateType.DIFFERENTIAL, "RFID-NEW"),
                    SendLocalListConfirmation.class).status()).isEqualTo(UpdateStatus.VERSION_MISMATCH);
        }
    }

    // ---- firmware management

    private static UpdateFirmwareRequest updateFirmware(ScriptedCharger charger, String id) throws Exception {
        Instant retrieve = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(60);
        assertThat(call(site, id, new org.chargingmanager.ocpp.v16.UpdateFirmwareRequest(
                "https://firmware.example.com/cp-2.0.bin", 3, retrieve, 30), UpdateFirmwareConfirmation.class)).isNotNull();
        UpdateFirmwareRequest sent = charger.next(UpdateFirmwareRequest.class);
        assertThat(sent.getLocation()).isEqualTo("https://firmware.example.com/cp-2.0.bin");
        assertThat(sent.getRetrieveDate().toInstant()).isEqualTo(retrieve);
        assertThat(sent.getRetries()).isEqualTo(3);
        return sent;
    }

    private static void firmwareStatus(ScriptedCharger charger, String id, FirmwareStatus status) throws Exception {
        charger.send(charger.firmware.createFirmwareStatusNotificationRequest(status));
        assertThat(site.server.chargePoint(id).orElseThrow().firmwareStatus()).isEqualTo(status.name());
    }

    @Test
    void TC_044_1_firmwareUpdateInstalled() throws Exception {
        ScriptedCharger charger = booted(site, "TC0441");
        updateFirmware(charger, "TC0441");
        firmwareStatus(charger, "TC0441", FirmwareStatus.Downloading);
        firmwareStatus(charger, "TC0441", FirmwareStatus.Downloaded);
        firmwareStatus(charger, "TC0441", FirmwareStatus.Installing);
        charger.close(); // reboots into the new firmware
        TestSite.await("offline", () -> !site.server.chargePoint("TC0441").orElseThrow().connected());
        try (ScriptedCharger rebooted = new ScriptedCharger("TC0441").connect(site.url("/ocpp"))) {
            var boot = rebooted.core.createBootNotificationRequest("OCA", "Scripted");
            boot.setFirmwareVersion("2.0");
            assertThat(((BootNotificationConfirmation) rebooted.send(boot)).getStatus()).isEqualTo(RegistrationStatus.Accepted);
            firmwareStatus(rebooted, "TC0441", FirmwareStatus.Installed);
            assertThat(site.server.chargePoint("TC0441").orElseThrow().firmwareVersion()).isEqualTo("2.0");
        }
    }

    @Test
    void TC_044_2_firmwareDownloadFailed_TC_044_3_installationFailed() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC0442")) {
            updateFirmware(charger, "TC0442");
            firmwareStatus(charger, "TC0442", FirmwareStatus.Downloading);
            firmwareStatus(charger, "TC0442", FirmwareStatus.DownloadFailed);
            updateFirmware(charger, "TC0442");
            firmwareStatus(charger, "TC0442", FirmwareStatus.Downloaded);
            firmwareStatus(charger, "TC0442", FirmwareStatus.Installing);
            firmwareStatus(charger, "TC0442", FirmwareStatus.InstallationFailed);
            firmwareStatus(charger, "TC0442", FirmwareStatus.Idle);
        }
    }

    @Test
    void TC_045_1_getDiagnostics_TC_045_2_uploadFailed() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC045")) {
            GetDiagnosticsConfirmation answer = call(site, "TC045", new org.chargingmanager.ocpp.v16.GetDiagnosticsRequest(
                    "ftp://diagnostics.example.com/upload/", null, null, null, null), GetDiagnosticsConfirmation.class);
            assertThat(answer.fileName()).isEqualTo("diagnostics-TC045.zip");
            assertThat(charger.next(GetDiagnosticsRequest.class).getLocation()).isEqualTo("ftp://diagnostics.example.com/upload/");
            for (DiagnosticsStatus status : List.of(DiagnosticsStatus.Uploading, DiagnosticsStatus.Uploaded,
                    DiagnosticsStatus.Uploading, DiagnosticsStatus.UploadFailed)) {
                charger.send(charger.firmware.createDiagnosticsStatusNotificationRequest(status));
                assertThat(site.server.chargePoint("TC045").orElseThrow().diagnosticsStatus()).isEqualTo(status.name());
            }
            // nothing to upload: no fileName in the answer
            charger.answer(GetDiagnosticsRequest.class, request -> new eu.chargetime.ocpp.model.firmware.GetDiagnosticsConfirmation());
            assertThat(call(site, "TC045", new org.chargingmanager.ocpp.v16.GetDiagnosticsRequest(
                    "ftp://diagnostics.example.com/upload/", 1, 10, null, null), GetDiagnosticsConfirmation.class).fileName()).isNull();
        }
    }

    // ---- reservation

    private static Reservation reserved(String id, int connector, String idTag, String parent, Instant expiry) throws Exception {
        ReserveNowConfirmation answer = (ReserveNowConfirmation) await(site.server.reserveNow(id, connector, idTag, parent, expiry));
        assertThat(answer.status()).isEqualTo(ReservationStatus.ACCEPTED);
        return site.server.reservations(id).stream().filter(r -> r.connectorId() == connector).findFirst().orElseThrow();
    }

    @Test
    void TC_046_reservationOfAConnectorUsedByTheTransaction() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC046")) {
            Instant expiry = Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
            Reservation reservation = reserved("TC046", 1, "RFID-OK", null, expiry);
            ReserveNowRequest sent = charger.next(ReserveNowRequest.class);
            assertThat(sent.getConnectorId()).isEqualTo(1);
            assertThat(sent.getIdTag()).isEqualTo("RFID-OK");
            assertThat(sent.getExpiryDate().toInstant()).isEqualTo(expiry);
            assertThat(sent.getReservationId()).isEqualTo(reservation.reservationId());
            assertThat(reservation).isEqualTo(new Reservation(sent.getReservationId(), 1, "RFID-OK", null, expiry));
            status(charger, 1, ChargePointStatus.Reserved);
            status(charger, 1, ChargePointStatus.Preparing);
            assertThat(site.server.reservations("TC046")).containsExactly(reservation);
            StartTransactionRequest start = charger.core.createStartTransactionRequest(1, "RFID-OK", 0, ZonedDateTime.now());
            start.setReservationId(reservation.reservationId());
            StartTransactionConfirmation started = (StartTransactionConfirmation) charger.send(start);
            assertThat(started.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
            status(charger, 1, ChargePointStatus.Charging);
            assertThat(site.server.reservations("TC046")).as("the transaction used it").isEmpty();
            assertThat(site.transactions.find(started.getTransactionId()).orElseThrow().open()).isTrue();
        }
    }

    @Test
    void TC_047_reservationExpires() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC047")) {
            // released by the charge point: Reserved, then Available at the expiry date
            reserved("TC047", 1, "RFID-OK", null, Instant.now().plusSeconds(600));
            status(charger, 1, ChargePointStatus.Reserved);
            status(charger, 1, ChargePointStatus.Available);
            assertThat(site.server.reservations("TC047")).isEmpty();
            // the central system drops it at its expiry date even without that StatusNotification
            reserved("TC047", 2, "RFID-OK", null, Instant.now().plusMillis(1200));
            TestSite.await("expired", () -> site.server.reservations("TC047").isEmpty());
        }
    }

    @Test
    void TC_048_1_faulted_TC_048_2_occupied_TC_048_3_unavailable_TC_048_4_rejected() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC048")) {
            Instant expiry = Instant.now().plusSeconds(600);
            charger.answer(ReserveNowRequest.class, request -> new eu.chargetime.ocpp.model.reservation.ReserveNowConfirmation(
                    eu.chargetime.ocpp.model.reservation.ReservationStatus.Faulted));
            charger.send(charger.core.createStatusNotificationRequest(1, ChargePointErrorCode.GroundFailure, ChargePointStatus.Faulted));
            assertThat(((ReserveNowConfirmation) await(site.server.reserveNow("TC048", 1, "RFID-OK", null, expiry))).status())
                    .isEqualTo(ReservationStatus.FAULTED);
            status(charger, 1, ChargePointStatus.Preparing);
            charger.answer(ReserveNowRequest.class, request -> new eu.chargetime.ocpp.model.reservation.ReserveNowConfirmation(
                    eu.chargetime.ocpp.model.reservation.ReservationStatus.Occupied));
            assertThat(((ReserveNowConfirmation) await(site.server.reserveNow("TC048", 1, "RFID-OK", null, expiry))).status())
                    .isEqualTo(ReservationStatus.OCCUPIED);
            assertThat(((org.chargingmanager.ocpp.v16.ChangeAvailabilityConfirmation) await(site.server.send("TC048",
                    new org.chargingmanager.ocpp.v16.ChangeAvailabilityRequest(1,
                            org.chargingmanager.ocpp.v16.AvailabilityType.INOPERATIVE)))).status().wireValue()).isEqualTo("Accepted");
            assertThat(charger.next(ChangeAvailabilityRequest.class).getType()).isEqualTo(AvailabilityType.Inoperative);
            status(charger, 1, ChargePointStatus.Unavailable);
            charger.answer(ReserveNowRequest.class, request -> new eu.chargetime.ocpp.model.reservation.ReserveNowConfirmation(
                    eu.chargetime.ocpp.model.reservation.ReservationStatus.Unavailable));
            assertThat(((ReserveNowConfirmation) await(site.server.reserveNow("TC048", 1, "RFID-OK", null, expiry))).status())
                    .isEqualTo(ReservationStatus.UNAVAILABLE);
            charger.answer(ReserveNowRequest.class, request -> new eu.chargetime.ocpp.model.reservation.ReserveNowConfirmation(
                    eu.chargetime.ocpp.model.reservation.ReservationStatus.Rejected));
            assertThat(((ReserveNowConfirmation) await(site.server.reserveNow("TC048", 1, "RFID-OK", null, expiry))).status())
                    .isEqualTo(ReservationStatus.REJECTED);
            assertThat(site.server.reservations("TC048")).as("none of them was made").isEmpty();
        }
    }

    @Test
    void TC_049_reservationOfTheChargePointUsedOnAnyConnector() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC049")) {
            Reservation reservation = reserved("TC049", 0, "RFID-OK", null, Instant.now().plusSeconds(600));
            assertThat(charger.next(ReserveNowRequest.class).getConnectorId()).isZero();
            StartTransactionRequest start = charger.core.createStartTransactionRequest(2, "RFID-OK", 0, ZonedDateTime.now());
            start.setReservationId(reservation.reservationId());
            assertThat(((StartTransactionConfirmation) charger.send(start)).getIdTagInfo().getStatus())
                    .isEqualTo(AuthorizationStatus.Accepted);
            assertThat(site.server.reservations("TC049")).isEmpty();
        }
    }

    @Test
    void TC_051_cancelReservation_TC_052_cancelReservationRejected() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC051")) {
            Reservation reservation = reserved("TC051", 1, "RFID-OK", null, Instant.now().plusSeconds(600));
            status(charger, 1, ChargePointStatus.Reserved);
            CancelReservationConfirmation cancelled = call(site, "TC051",
                    new org.chargingmanager.ocpp.v16.CancelReservationRequest(reservation.reservationId()),
                    CancelReservationConfirmation.class);
            assertThat(cancelled.status()).isEqualTo(CancelReservationStatus.ACCEPTED);
            assertThat(charger.next(CancelReservationRequest.class).getReservationId()).isEqualTo(reservation.reservationId());
            assertThat(site.server.reservations("TC051")).isEmpty();
            status(charger, 1, ChargePointStatus.Available);

            charger.answer(CancelReservationRequest.class, request -> new eu.chargetime.ocpp.model.reservation.CancelReservationConfirmation(
                    eu.chargetime.ocpp.model.reservation.CancelReservationStatus.Rejected));
            assertThat(call(site, "TC051", new org.chargingmanager.ocpp.v16.CancelReservationRequest(reservation.reservationId()),
                    CancelReservationConfirmation.class).status()).isEqualTo(CancelReservationStatus.REJECTED);
        }
    }

    @Test
    void TC_053_reservedConnectorUsedWithTheParentIdTag() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC053")) {
            Reservation reservation = reserved("TC053", 1, "RFID-OK", "GROUP-1", Instant.now().plusSeconds(600));
            ReserveNowRequest sent = charger.next(ReserveNowRequest.class);
            assertThat(sent.getConnectorId()).isNotZero();
            assertThat(sent.getParentIdTag()).isEqualTo("GROUP-1");
            status(charger, 1, ChargePointStatus.Reserved);
            // another card of the same group: the charge point learns its parent from Authorize
            AuthorizeConfirmation authorized = (AuthorizeConfirmation) charger.send(charger.core.createAuthorizeRequest("RFID-FRIEND"));
            assertThat(authorized.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
            assertThat(authorized.getIdTagInfo().getParentIdTag()).isEqualTo("GROUP-1");
            // a charge point that leaves out the reservationId: the central system matches by connector and parent
            StartTransactionConfirmation started = (StartTransactionConfirmation) charger.send(
                    charger.core.createStartTransactionRequest(1, "RFID-FRIEND", 0, ZonedDateTime.now()));
            assertThat(started.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
            assertThat(started.getIdTagInfo().getParentIdTag()).isEqualTo("GROUP-1");
            assertThat(site.server.reservations("TC053")).doesNotContain(reservation).isEmpty();
        }
    }

    // ---- remote trigger

    @Test
    void TC_054_triggerMessage() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC054")) {
            // BootNotification last: an accepted boot starts the connect setup again (which triggers a StatusNotification)
            List<MessageTrigger> triggers = List.of(MessageTrigger.HEARTBEAT, MessageTrigger.STATUS_NOTIFICATION,
                    MessageTrigger.METER_VALUES, MessageTrigger.FIRMWARE_STATUS_NOTIFICATION,
                    MessageTrigger.DIAGNOSTICS_STATUS_NOTIFICATION, MessageTrigger.BOOT_NOTIFICATION);
            assertThat(triggers).containsExactlyInAnyOrder(MessageTrigger.values());
            for (MessageTrigger trigger : triggers) {
                Integer connector = trigger == MessageTrigger.STATUS_NOTIFICATION || trigger == MessageTrigger.METER_VALUES ? 1 : null;
                TriggerMessageConfirmation answer = call(site, "TC054",
                        new org.chargingmanager.ocpp.v16.TriggerMessageRequest(trigger, connector), TriggerMessageConfirmation.class);
                assertThat(answer.status()).isEqualTo(TriggerMessageStatus.ACCEPTED);
                TriggerMessageRequest sent = charger.next(TriggerMessageRequest.class);
                assertThat(sent.getRequestedMessage().name()).isEqualTo(trigger.wireValue());
                assertThat(sent.getConnectorId()).isEqualTo(connector);
                // the charge point sends the requested message; the central system answers it as usual
                switch (trigger) {
                    case BOOT_NOTIFICATION -> assertThat(((BootNotificationConfirmation) charger.send(
                            charger.core.createBootNotificationRequest("OCA", "Scripted"))).getStatus()).isEqualTo(RegistrationStatus.Accepted);
                    case HEARTBEAT -> assertThat(((HeartbeatConfirmation) charger.send(charger.core.createHeartbeatRequest()))
                            .getCurrentTime()).isNotNull();
                    case STATUS_NOTIFICATION -> status(charger, 1, ChargePointStatus.Available);
                    case METER_VALUES -> charger.send(charger.core.createMeterValuesRequest(1, ZonedDateTime.now(), "1234"));
                    case FIRMWARE_STATUS_NOTIFICATION -> charger.send(charger.firmware.createFirmwareStatusNotificationRequest(FirmwareStatus.Idle));
                    case DIAGNOSTICS_STATUS_NOTIFICATION -> charger.send(charger.firmware.createDiagnosticsStatusNotificationRequest(DiagnosticsStatus.Idle));
                }
            }
            assertThat(site.server.chargePoint("TC054").orElseThrow().firmwareStatus()).isEqualTo("Idle");
            assertThat(site.evses.get("ocpp-TC054-1").snapshot().state()).isEqualTo(org.chargingmanager.api.evse.EvseState.AVAILABLE);
        }
    }

    @Test
    void TC_055_triggerMessageRejectedOrNotImplemented() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC055")) {
            charger.answer(TriggerMessageRequest.class, request -> new eu.chargetime.ocpp.model.remotetrigger.TriggerMessageConfirmation(
                    request.getRequestedMessage().name().equals("MeterValues")
                            ? eu.chargetime.ocpp.model.remotetrigger.TriggerMessageStatus.Rejected
                            : eu.chargetime.ocpp.model.remotetrigger.TriggerMessageStatus.NotImplemented));
            assertThat(call(site, "TC055", new org.chargingmanager.ocpp.v16.TriggerMessageRequest(MessageTrigger.METER_VALUES, 5),
                    TriggerMessageConfirmation.class).status()).isEqualTo(TriggerMessageStatus.REJECTED);
            assertThat(call(site, "TC055", new org.chargingmanager.ocpp.v16.TriggerMessageRequest(
                    MessageTrigger.DIAGNOSTICS_STATUS_NOTIFICATION, null), TriggerMessageConfirmation.class).status())
                    .isEqualTo(TriggerMessageStatus.NOT_IMPLEMENTED);
            assertThat(site.server.chargePoint("TC055").orElseThrow().connected()).isTrue();
        }
    }

    // ---- smart charging

    private static SetChargingProfileRequest profileWithLimit(ScriptedCharger charger, double limit) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            SetChargingProfileRequest request = charger.next(SetChargingProfileRequest.class);
            if (request.getCsChargingProfiles().getChargingSchedule().getChargingSchedulePeriod()[0].getLimit() == limit) {
                return request;
            }
        }
        throw new AssertionError("no SetChargingProfile with limit " + limit);
    }

    @Test
    void TC_059_remoteStartWithTheLoadManagersLimitAsTxProfile() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC059")) {
            var evse = site.evses.get("ocpp-TC059-1");
            evse.applyLimit(new ChargingLimit(13_000, LimitReason.HOUSE_LIMIT, ""));
            profileWithLimit(charger, 13.0);
            TestSite.await("applied", () -> evse.snapshot().appliedLimit().currentMilliamps() == 13_000);

            await(site.server.remoteStart("TC059", 1, "RFID-OK"));
            RemoteStartTransactionRequest sent = charger.next(RemoteStartTransactionRequest.class);
            assertThat(sent.getConnectorId()).isEqualTo(1);
            var profile = sent.getChargingProfile();
            assertThat(profile).isNotNull();
            assertThat(profile.getChargingProfilePurpose()).isEqualTo(ChargingProfilePurposeType.TxProfile);
            assertThat(profile.getTransactionId()).as("not known yet; must not be set").isNull();
            assertThat(profile.getChargingProfileKind()).isEqualTo(ChargingProfileKindType.Relative);
            assertThat(profile.getStackLevel()).isNotNull();
            assertThat(profile.getChargingSchedule().getChargingRateUnit()).isEqualTo(ChargingRateUnitType.A);
            assertThat(profile.getChargingSchedule().getChargingSchedulePeriod()[0].getLimit()).isEqualTo(13.0);

            StartTransactionConfirmation started = (StartTransactionConfirmation) charger.send(
                    charger.core.createStartTransactionRequest(1, "RFID-OK", 0, ZonedDateTime.now()));
            status(charger, 1, ChargePointStatus.Charging);
            // the load manager's next limit replaces that profile (same id) for the transaction
            evse.applyLimit(new ChargingLimit(9_000, LimitReason.HOUSE_LIMIT, ""));
            SetChargingProfileRequest next = profileWithLimit(charger, 9.0);
            assertThat(next.getCsChargingProfiles().getChargingProfilePurpose()).isEqualTo(ChargingProfilePurposeType.TxProfile);
            assertThat(next.getCsChargingProfiles().getTransactionId()).isEqualTo(started.getTransactionId());
            assertThat(next.getCsChargingProfiles().getChargingProfileId()).isEqualTo(profile.getChargingProfileId());

            // a connector without a known limit: no profile
            await(site.server.remoteStart("TC059", 2, "RFID-OK"));
            assertThat(charger.next(RemoteStartTransactionRequest.class).getChargingProfile()).isNull();
        }
    }

    @Test
    void TC_066_getCompositeSchedule() throws Exception {
        try (ScriptedCharger charger = booted(site, "TC066")) {
            ZonedDateTime start = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
            charger.answer(GetCompositeScheduleRequest.class, request -> {
                var confirmation = new eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleConfirmation(
                        eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleStatus.Accepted);
                confirmation.setConnectorId(request.getConnectorId());
                confirmation.setScheduleStart(start);
                ChargingSchedulePeriod first = new ChargingSchedulePeriod(0, 16.0);
                ChargingSchedulePeriod second = new ChargingSchedulePeriod(1800, 10.0);
                second.setNumberPhases(1);
                ChargingSchedule schedule = new ChargingSchedule(ChargingRateUnitType.A, new ChargingSchedulePeriod[] {first, second});
                schedule.setDuration(request.getDuration());
                schedule.setStartSchedule(start);
                confirmation.setChargingSchedule(schedule);
                return confirmation;
            });
            GetCompositeScheduleConfirmation answer = call(site, "TC066",
                    new org.chargingmanager.ocpp.v16.GetCompositeScheduleRequest(1, 3600, ChargingRateUnit.AMPERES),
                    GetCompositeScheduleConfirmation.class);
            GetCompositeScheduleRequest sent = charger.next(GetCompositeScheduleRequest.class);
            assertThat(sent.getConnectorId()).isEqualTo(1);
            assertThat(sent.getDuration()).isEqualTo(3600);
            assertThat(sent.getChargingRateUnit().name()).isEqualTo("A");
            assertThat(answer.status()).isEqualTo(GetCompositeScheduleStatus.ACCEPTED);
            assertThat(answer.connectorId()).isEqualTo(1);
            assertThat(answer.scheduleStart()).isEqualTo(start.toInstant());
            assertThat(answer.chargingSchedule().duration()).isEqualTo(3600);
            assertThat(answer.chargingSchedule().chargingRateUnit()).isEqualTo(ChargingRateUnit.AMPERES);
            assertThat(answer.chargingSchedule().chargingSchedulePeriod()).containsExactly(
                    new org.chargingmanager.ocpp.v16.ChargingSchedulePeriod(0, 16.0, 3), // the OCA client sends 3 unless told
                    new org.chargingmanager.ocpp.v16.ChargingSchedulePeriod(1800, 10.0, 1));
            // Rejected: a bare status
            charger.answer(GetCompositeScheduleRequest.class, request -> new eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleConfirmation(
                    eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleStatus.Rejected));
            GetCompositeScheduleConfirmation rejected = call(site, "TC066",
                    new org.chargingmanager.ocpp.v16.GetCompositeScheduleRequest(0, 600, null), GetCompositeScheduleConfirmation.class);
            assertThat(rejected.status()).isEqualTo(GetCompositeScheduleStatus.REJECTED);
            assertThat(rejected.chargingSchedule()).isNull();
        }
    }
}
