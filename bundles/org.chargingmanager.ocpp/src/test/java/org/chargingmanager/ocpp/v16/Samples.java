package org.chargingmanager.ocpp.v16;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A realistic request and confirmation of every action, shaped after the specification's examples. */
final class Samples {

    static final Instant T0 = Instant.parse("2024-05-01T10:15:30Z");
    static final Instant T1 = Instant.parse("2024-05-01T11:45:00.250Z");

    /** An OCMF record as an Eichrecht meter signs it: quotes, slashes, '=' and '+' must survive untouched. */
    static final String OCMF = "OCMF|{\"FV\":\"1.0\",\"GI\":\"KEBA_KCP30\",\"GS\":\"17619300\",\"GV\":\"2.8.5\","
            + "\"PG\":\"T32\",\"MV\":\"Phoenix Contact\",\"MM\":\"EEM-350-D-MCB\",\"IS\":true,\"IF\":[\"RFID_PLAIN\"],"
            + "\"IT\":\"ISO14443\",\"ID\":\"1F2D3A4B\",\"RD\":[{\"TM\":\"2024-05-01T10:15:30,000+0200 S\","
            + "\"TX\":\"B\",\"RV\":0.2596,\"RI\":\"1-b:1.8.0\",\"RU\":\"kWh\",\"RT\":\"AC\",\"EF\":\"\",\"ST\":\"G\"}]}"
            + "|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"3045022100B6/Ab+cD==0220\\u00e4</x>\"}";

    static final ChargingProfile TX_DEFAULT_PROFILE = new ChargingProfile(1, null, 0,
            ChargingProfilePurpose.TX_DEFAULT_PROFILE, ChargingProfileKind.ABSOLUTE, null, null, null,
            new ChargingSchedule(null, T0, ChargingRateUnit.AMPERES, List.of(
                    new ChargingSchedulePeriod(0, 0.0, null)), null));

    static final ChargingProfile TX_PROFILE = new ChargingProfile(7, 4711, 2,
            ChargingProfilePurpose.TX_PROFILE, ChargingProfileKind.RELATIVE, null, T0, T1,
            new ChargingSchedule(3600, null, ChargingRateUnit.WATTS, List.of(
                    new ChargingSchedulePeriod(0, 11000.0, 3),
                    new ChargingSchedulePeriod(900, 7400.5, 1),
                    new ChargingSchedulePeriod(1800, 4200.0, null)), 1380.0));

    static final ChargingProfile RECURRING_MAX_PROFILE = new ChargingProfile(3, null, 5,
            ChargingProfilePurpose.CHARGE_POINT_MAX_PROFILE, ChargingProfileKind.RECURRING, RecurrencyKind.DAILY,
            null, null, new ChargingSchedule(86400, T0, ChargingRateUnit.AMPERES, List.of(
                    new ChargingSchedulePeriod(0, 32.0, null),
                    new ChargingSchedulePeriod(28800, 16.5, null)), 6.0));

    static final MeterValue PERIODIC_METER_VALUE = new MeterValue(T0, List.of(
            new SampledValue("15234.5", ReadingContext.SAMPLE_PERIODIC, ValueFormat.RAW,
                    Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, null, Location.OUTLET, UnitOfMeasure.WATT_HOURS),
            new SampledValue("11.04", ReadingContext.SAMPLE_PERIODIC, null, Measurand.POWER_ACTIVE_IMPORT, null,
                    null, UnitOfMeasure.KILOWATTS),
            new SampledValue("16.1", null, null, Measurand.CURRENT_IMPORT, Phase.L1, null, UnitOfMeasure.AMPERES),
            new SampledValue("15.9", null, null, Measurand.CURRENT_IMPORT, Phase.L2, null, UnitOfMeasure.AMPERES),
            new SampledValue("16.0", null, null, Measurand.CURRENT_IMPORT, Phase.L3, null, UnitOfMeasure.AMPERES),
            new SampledValue("231.2", null, null, Measurand.VOLTAGE, Phase.L1_N, null, UnitOfMeasure.VOLTS),
            new SampledValue("229.8", null, null, Measurand.VOLTAGE, Phase.L2_N, null, UnitOfMeasure.VOLTS),
            new SampledValue("230.4", null, null, Measurand.VOLTAGE, Phase.L3_N, null, UnitOfMeasure.VOLTS),
            new SampledValue("64", null, null, Measurand.STATE_OF_CHARGE, null, Location.EV, UnitOfMeasure.PERCENT)));

    static final MeterValue SIGNED_METER_VALUE = new MeterValue(T1, List.of(
            new SampledValue("25971.2", ReadingContext.TRANSACTION_END, null, Measurand.ENERGY_ACTIVE_IMPORT_REGISTER,
                    null, null, UnitOfMeasure.WATT_HOURS),
            new SampledValue(OCMF, ReadingContext.TRANSACTION_END, ValueFormat.SIGNED_DATA,
                    Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, null, Location.OUTLET, UnitOfMeasure.WATT_HOURS)));

    static final IdTagInfo ACCEPTED = new IdTagInfo(Instant.parse("2025-01-01T00:00:00Z"), "FLEET-42",
            AuthorizationStatus.ACCEPTED);

    static final CertificateHashData CERTIFICATE_HASH = new CertificateHashData(HashAlgorithm.SHA256,
            "9a8d2f0e5c1b4a7d3e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5",
            "1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f70819", "3f1a92c4");

    static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUP+/=\n-----END CERTIFICATE-----\n";

    private Samples() {
    }

    static Map<Action, Request> requests() {
        Map<Action, Request> requests = new LinkedHashMap<>();
        put(requests, new AuthorizeRequest("04A2B3C4D5E6F7"));
        put(requests, new BootNotificationRequest("KEBA AG", "KC-P30-EC2401B2-M0R", "17619300", null,
                "1.15.0", "89490200001234567890", "262011234567890", "EEM-350-D-MCB", "2109001234"));
        put(requests, new ChangeAvailabilityRequest(0, AvailabilityType.INOPERATIVE));
        put(requests, new ChangeConfigurationRequest("MeterValuesSampledData",
                "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage"));
        put(requests, new ClearCacheRequest());
        put(requests, new ClearChargingProfileRequest(null, 1, ChargingProfilePurpose.TX_DEFAULT_PROFILE, 0));
        put(requests, new DataTransferRequest("com.giro-e", "PaymentTerminalData", "{\"amount\":\"12.34\",\"currency\":\"EUR\"}"));
        put(requests, new DiagnosticsStatusNotificationRequest(DiagnosticsStatus.UPLOADED));
        put(requests, new FirmwareStatusNotificationRequest(FirmwareStatus.INSTALLATION_FAILED));
        put(requests, new GetCompositeScheduleRequest(1, 3600, ChargingRateUnit.AMPERES));
        put(requests, new GetConfigurationRequest(List.of("ChargeProfileMaxStackLevel",
                "ChargingScheduleAllowedChargingRateUnit", "MeterValueSampleInterval")));
        put(requests, new GetDiagnosticsRequest("ftp://diag:secret@192.168.178.42/uploads/", 3, 60, T0, T1));
        put(requests, new GetLocalListVersionRequest());
        put(requests, new HeartbeatRequest());
        put(requests, new MeterValuesRequest(1, 4711, List.of(PERIODIC_METER_VALUE)));
        put(requests, new RemoteStartTransactionRequest(2, "04A2B3C4D5E6F7", TX_PROFILE));
        put(requests, new RemoteStopTransactionRequest(4711));
        put(requests, new ReserveNowRequest(0, T1, "04A2B3C4D5E6F7", "FLEET-42", 99));
        put(requests, new CancelReservationRequest(99));
        put(requests, new ResetRequest(ResetType.SOFT));
        put(requests, new SendLocalListRequest(8, List.of(
                new AuthorizationData("04A2B3C4D5E6F7", ACCEPTED),
                new AuthorizationData("DEADBEEF", new IdTagInfo(null, null, AuthorizationStatus.BLOCKED)),
                new AuthorizationData("0011223344", null)), UpdateType.DIFFERENTIAL));
        put(requests, new SetChargingProfileRequest(0, RECURRING_MAX_PROFILE));
        put(requests, new StartTransactionRequest(1, "04A2B3C4D5E6F7", 15234, 99, T0));
        put(requests, new StatusNotificationRequest(1, ChargePointErrorCode.NO_ERROR, null,
                ChargePointStatus.SUSPENDED_EVSE, T0, null, null));
        put(requests, new StopTransactionRequest("04A2B3C4D5E6F7", 25971, T1, 4711, Reason.EV_DISCONNECTED,
                List.of(SIGNED_METER_VALUE)));
        put(requests, new TriggerMessageRequest(MessageTrigger.STATUS_NOTIFICATION, 2));
        put(requests, new UnlockConnectorRequest(1));
        put(requests, new UpdateFirmwareRequest("https://firmware.example.com/kcp30/1.16.0.bin", 5, T1, 120));
        put(requests, new CertificateSignedRequest(PEM + PEM));
        put(requests, new DeleteCertificateRequest(CERTIFICATE_HASH));
        put(requests, new ExtendedTriggerMessageRequest(MessageTriggerExtended.SIGN_CHARGE_POINT_CERTIFICATE, null));
        put(requests, new GetInstalledCertificateIdsRequest(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE));
        put(requests, new GetLogRequest(new LogParameters("https://logs.example.com/upload", T0, T1),
                LogType.SECURITY_LOG, 17, 2, 30));
        put(requests, new InstallCertificateRequest(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE, PEM));
        put(requests, new LogStatusNotificationRequest(UploadLogStatus.UPLOADING, 17));
        put(requests, new SecurityEventNotificationRequest("InvalidCentralSystemCertificate", T0,
                "certificate expired 2024-04-30"));
        put(requests, new SignCertificateRequest("-----BEGIN CERTIFICATE REQUEST-----\nMIIC/=\n-----END CERTIFICATE REQUEST-----\n"));
        put(requests, new SignedFirmwareStatusNotificationRequest(SignedFirmwareStatus.SIGNATURE_VERIFIED, 23));
        put(requests, new SignedUpdateFirmwareRequest(3, 60, 23, new Firmware(
                "https://firmware.example.com/kcp30/1.16.0.bin", T0, T1, PEM, "MEUCIQDk2+/abc=")));
        return requests;
    }

    static Map<Action, Confirmation> confirmations() {
        Map<Action, Confirmation> confirmations = new LinkedHashMap<>();
        put(confirmations, new AuthorizeConfirmation(ACCEPTED));
        put(confirmations, new BootNotificationConfirmation(RegistrationStatus.ACCEPTED, T0, 300));
        put(confirmations, new ChangeAvailabilityConfirmation(AvailabilityStatus.SCHEDULED));
        put(confirmations, new ChangeConfigurationConfirmation(ConfigurationStatus.REBOOT_REQUIRED));
        put(confirmations, new ClearCacheConfirmation(ClearCacheStatus.ACCEPTED));
        put(confirmations, new ClearChargingProfileConfirmation(ClearChargingProfileStatus.UNKNOWN));
        put(confirmations, new DataTransferConfirmation(DataTransferStatus.UNKNOWN_MESSAGE_ID, null));
        put(confirmations, new DiagnosticsStatusNotificationConfirmation());
        put(confirmations, new FirmwareStatusNotificationConfirmation());
        put(confirmations, new GetCompositeScheduleConfirmation(GetCompositeScheduleStatus.ACCEPTED, 1, T0,
                new ChargingSchedule(3600, T0, ChargingRateUnit.AMPERES, List.of(
                        new ChargingSchedulePeriod(0, 16.0, 3), new ChargingSchedulePeriod(1200, 10.0, 3)), null)));
        put(confirmations, new GetConfigurationConfirmation(List.of(
                new KeyValue("ChargeProfileMaxStackLevel", true, "8"),
                new KeyValue("ChargingScheduleAllowedChargingRateUnit", true, "Current,Power"),
                new KeyValue("AuthorizationKey", false, null)), List.of("MeterValueSampleInterval")));
        put(confirmations, new GetDiagnosticsConfirmation("diagnostics-17619300-20240501.zip"));
        put(confirmations, new GetLocalListVersionConfirmation(-1));
        put(confirmations, new HeartbeatConfirmation(T1));
        put(confirmations, new MeterValuesConfirmation());
        put(confirmations, new RemoteStartTransactionConfirmation(RemoteStartStopStatus.ACCEPTED));
        put(confirmations, new RemoteStopTransactionConfirmation(RemoteStartStopStatus.REJECTED));
        put(confirmations, new ReserveNowConfirmation(ReservationStatus.OCCUPIED));
        put(confirmations, new CancelReservationConfirmation(CancelReservationStatus.ACCEPTED));
        put(confirmations, new ResetConfirmation(ResetStatus.ACCEPTED));
        put(confirmations, new SendLocalListConfirmation(UpdateStatus.VERSION_MISMATCH));
        put(confirmations, new SetChargingProfileConfirmation(ChargingProfileStatus.NOT_SUPPORTED));
        put(confirmations, new StartTransactionConfirmation(ACCEPTED, 4711));
        put(confirmations, new StatusNotificationConfirmation());
        put(confirmations, new StopTransactionConfirmation(new IdTagInfo(null, null, AuthorizationStatus.EXPIRED)));
        put(confirmations, new TriggerMessageConfirmation(TriggerMessageStatus.NOT_IMPLEMENTED));
        put(confirmations, new UnlockConnectorConfirmation(UnlockStatus.UNLOCK_FAILED));
        put(confirmations, new UpdateFirmwareConfirmation());
        put(confirmations, new CertificateSignedConfirmation(CertificateSignedStatus.ACCEPTED));
        put(confirmations, new DeleteCertificateConfirmation(DeleteCertificateStatus.NOT_FOUND));
        put(confirmations, new ExtendedTriggerMessageConfirmation(TriggerMessageStatus.ACCEPTED));
        put(confirmations, new GetInstalledCertificateIdsConfirmation(List.of(CERTIFICATE_HASH),
                GetInstalledCertificateStatus.ACCEPTED));
        put(confirmations, new GetLogConfirmation(LogStatus.ACCEPTED_CANCELED, "security-17619300.log"));
        put(confirmations, new InstallCertificateConfirmation(CertificateStatus.REJECTED));
        put(confirmations, new LogStatusNotificationConfirmation());
        put(confirmations, new SecurityEventNotificationConfirmation());
        put(confirmations, new SignCertificateConfirmation(SignCertificateStatus.ACCEPTED));
        put(confirmations, new SignedFirmwareStatusNotificationConfirmation());
        put(confirmations, new SignedUpdateFirmwareConfirmation(UpdateFirmwareStatus.INVALID_CERTIFICATE));
        return confirmations;
    }

    private static void put(Map<Action, Request> requests, Request request) {
        requests.put(request.action(), request);
    }

    private static void put(Map<Action, Confirmation> confirmations, Confirmation confirmation) {
        confirmations.put(confirmation.action(), confirmation);
    }
}
