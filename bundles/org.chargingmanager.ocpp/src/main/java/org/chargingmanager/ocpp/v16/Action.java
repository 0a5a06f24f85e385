package org.chargingmanager.ocpp.v16;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every OCPP 1.6 action, with the security extension's: its name on the wire, who may send
 * the CALL, and the records of its request and confirmation.
 */
public enum Action {
    AUTHORIZE("Authorize", Role.CHARGE_POINT, AuthorizeRequest.class, AuthorizeConfirmation.class),
    BOOT_NOTIFICATION("BootNotification", Role.CHARGE_POINT, BootNotificationRequest.class, BootNotificationConfirmation.class),
    CHANGE_AVAILABILITY("ChangeAvailability", Role.CENTRAL_SYSTEM, ChangeAvailabilityRequest.class, ChangeAvailabilityConfirmation.class),
    CHANGE_CONFIGURATION("ChangeConfiguration", Role.CENTRAL_SYSTEM, ChangeConfigurationRequest.class, ChangeConfigurationConfirmation.class),
    CLEAR_CACHE("ClearCache", Role.CENTRAL_SYSTEM, ClearCacheRequest.class, ClearCacheConfirmation.class),
    CLEAR_CHARGING_PROFILE("ClearChargingProfile", Role.CENTRAL_SYSTEM, ClearChargingProfileRequest.class, ClearChargingProfileConfirmation.class),
    DATA_TRANSFER("DataTransfer", null, DataTransferRequest.class, DataTransferConfirmation.class),
    DIAGNOSTICS_STATUS_NOTIFICATION("DiagnosticsStatusNotification", Role.CHARGE_POINT, DiagnosticsStatusNotificationRequest.class, DiagnosticsStatusNotificationConfirmation.class),
    FIRMWARE_STATUS_NOTIFICATION("FirmwareStatusNotification", Role.CHARGE_POINT, FirmwareStatusNotificationRequest.class, FirmwareStatusNotificationConfirmation.class),
    GET_COMPOSITE_SCHEDULE("GetCompositeSchedule", Role.CENTRAL_SYSTEM, GetCompositeScheduleRequest.class, GetCompositeScheduleConfirmation.class),
    GET_CONFIGURATION("GetConfiguration", Role.CENTRAL_SYSTEM, GetConfigurationRequest.class, GetConfigurationConfirmation.class),
    GET_DIAGNOSTICS("GetDiagnostics", Role.CENTRAL_SYSTEM, GetDiagnosticsRequest.class, GetDiagnosticsConfirmation.class),
    GET_LOCAL_LIST_VERSION("GetLocalListVersion", Role.CENTRAL_SYSTEM, GetLocalListVersionRequest.class, GetLocalListVersionConfirmation.class),
    HEARTBEAT("Heartbeat", Role.CHARGE_POINT, HeartbeatRequest.class, HeartbeatConfirmation.class),
    METER_VALUES("MeterValues", Role.CHARGE_POINT, MeterValuesRequest.class, MeterValuesConfirmation.class),
    REMOTE_START_TRANSACTION("RemoteStartTransaction", Role.CENTRAL_SYSTEM, RemoteStartTransactionRequest.class, RemoteStartTransactionConfirmation.class),
    REMOTE_STOP_TRANSACTION("RemoteStopTransaction", Role.CENTRAL_SYSTEM, RemoteStopTransactionRequest.class, RemoteStopTransactionConfirmation.class),
    RESERVE_NOW("ReserveNow", Role.CENTRAL_SYSTEM, ReserveNowRequest.class, ReserveNowConfirmation.class),
    CANCEL_RESERVATION("CancelReservation", Role.CENTRAL_SYSTEM, CancelReservationRequest.class, CancelReservationConfirmation.class),
    RESET("Reset", Role.CENTRAL_SYSTEM, ResetRequest.class, ResetConfirmation.class),
    SEND_LOCAL_LIST("SendLocalList", Role.CENTRAL_SYSTEM, SendLocalListRequest.class, SendLocalListConfirmation.class),
    SET_CHARGING_PROFILE("SetChargingProfile", Role.CENTRAL_SYSTEM, SetChargingProfileRequest.class, SetChargingProfileConfirmation.class),
    START_TRANSACTION("StartTransaction", Role.CHARGE_POINT, StartTransactionRequest.class, StartTransactionConfirmation.class),
    STATUS_NOTIFICATION("StatusNotification", Role.CHARGE_POINT, StatusNotificationRequest.class, StatusNotificationConfirmation.class),
    STOP_TRANSACTION("StopTransaction", Role.CHARGE_POINT, StopTransactionRequest.class, StopTransactionConfirmation.class),
    TRIGGER_MESSAGE("TriggerMessage", Role.CENTRAL_SYSTEM, TriggerMessageRequest.class, TriggerMessageConfirmation.class),
    UNLOCK_CONNECTOR("UnlockConnector", Role.CENTRAL_SYSTEM, UnlockConnectorRequest.class, UnlockConnectorConfirmation.class),
    UPDATE_FIRMWARE("UpdateFirmware", Role.CENTRAL_SYSTEM, UpdateFirmwareRequest.class, UpdateFirmwareConfirmation.class),
    CERTIFICATE_SIGNED("CertificateSigned", Role.CENTRAL_SYSTEM, CertificateSignedRequest.class, CertificateSignedConfirmation.class),
    DELETE_CERTIFICATE("DeleteCertificate", Role.CENTRAL_SYSTEM, DeleteCertificateRequest.class, DeleteCertificateConfirmation.class),
    EXTENDED_TRIGGER_MESSAGE("ExtendedTriggerMessage", Role.CENTRAL_SYSTEM, ExtendedTriggerMessageRequest.class, ExtendedTriggerMessageConfirmation.class),
    GET_INSTALLED_CERTIFICATE_IDS("GetInstalledCertificateIds", Role.CENTRAL_SYSTEM, GetInstalledCertificateIdsRequest.class, GetInstalledCertificateIdsConfirmation.class),
    GET_LOG("GetLog", Role.CENTRAL_SYSTEM, GetLogRequest.class, GetLogConfirmation.class),
    INSTALL_CERTIFICATE("InstallCertificate", Role.CENTRAL_SYSTEM, InstallCertificateRequest.class, InstallCertificateConfirmation.class),
    LOG_STATUS_NOTIFICATION("LogStatusNotification", Role.CHARGE_POINT, LogStatusNotificationRequest.class, LogStatusNotificationConfirmation.class),
    SECURITY_EVENT_NOTIFICATION("SecurityEventNotification", Role.CHARGE_POINT, SecurityEventNotificationRequest.class, SecurityEventNotificationConfirmation.class),
    SIGN_CERTIFICATE("SignCertificate", Role.CHARGE_POINT, SignCertificateRequest.class, SignCertificateConfirmation.class),
    SIGNED_FIRMWARE_STATUS_NOTIFICATION("SignedFirmwareStatusNotification", Role.CHARGE_POINT, SignedFirmwareStatusNotificationRequest.class, SignedFirmwareStatusNotificationConfirmation.class),
    SIGNED_UPDATE_FIRMWARE("SignedUpdateFirmware", Role.CENTRAL_SYSTEM, SignedUpdateFirmwareRequest.class, SignedUpdateFirmwareConfirmation.class);

    private static final Map<String, Action> BY_WIRE_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(Action::wireName, Function.identity()));

    private final String wireName;
    private final Role sender;
    private final Class<? extends Request> requestType;
    private final Class<? extends Confirmation> confirmationType;

    Action(String wireName, Role sender, Class<? extends Request> requestType,
            Class<? extends Confirmation> confirmationType) {
        this.wireName = wireName;
        this.sender = sender;
        this.requestType = requestType;
        this.confirmationType = confirmationType;
    }

    /** The action's name in a CALL, e.g. {@code BootNotification}. */
    public String wireName() {
        return wireName;
    }

    /** Whether a party in this role may send this action's CALL (DataTransfer: both). */
    public boolean isSentBy(Role role) {
        return sender == null || sender == role;
    }

    public Class<? extends Request> requestType() {
        return requestType;
    }

    public Class<? extends Confirmation> confirmationType() {
        return confirmationType;
    }

    /** The action with this exact (case-sensitive) name, if OCPP 1.6 knows it. */
    public static Optional<Action> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
