package org.chargingmanager.ocpp.server.internal;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import eu.chargetime.ocpp.ClientEvents;
import eu.chargetime.ocpp.JSONClient;
import eu.chargetime.ocpp.JSONConfiguration;
import eu.chargetime.ocpp.feature.profile.ClientCoreEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientCoreProfile;
import eu.chargetime.ocpp.feature.profile.ClientFirmwareManagementEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientFirmwareManagementProfile;
import eu.chargetime.ocpp.feature.profile.ClientLocalAuthListEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientLocalAuthListProfile;
import eu.chargetime.ocpp.feature.profile.ClientRemoteTriggerProfile;
import eu.chargetime.ocpp.feature.profile.ClientReservationEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientReservationProfile;
import eu.chargetime.ocpp.feature.profile.ClientSmartChargingEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientSmartChargingProfile;
import eu.chargetime.ocpp.model.Confirmation;
import eu.chargetime.ocpp.model.Request;
import eu.chargetime.ocpp.model.core.*;
import eu.chargetime.ocpp.model.firmware.GetDiagnosticsConfirmation;
import eu.chargetime.ocpp.model.firmware.GetDiagnosticsRequest;
import eu.chargetime.ocpp.model.firmware.UpdateFirmwareConfirmation;
import eu.chargetime.ocpp.model.firmware.UpdateFirmwareRequest;
import eu.chargetime.ocpp.model.localauthlist.GetLocalListVersionConfirmation;
import eu.chargetime.ocpp.model.localauthlist.GetLocalListVersionRequest;
import eu.chargetime.ocpp.model.localauthlist.SendLocalListConfirmation;
import eu.chargetime.ocpp.model.localauthlist.SendLocalListRequest;
import eu.chargetime.ocpp.model.localauthlist.UpdateStatus;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageConfirmation;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageStatus;
import eu.chargetime.ocpp.model.reservation.CancelReservationConfirmation;
import eu.chargetime.ocpp.model.reservation.CancelReservationRequest;
import eu.chargetime.ocpp.model.reservation.CancelReservationStatus;
import eu.chargetime.ocpp.model.reservation.ReservationStatus;
import eu.chargetime.ocpp.model.reservation.ReserveNowConfirmation;
import eu.chargetime.ocpp.model.reservation.ReserveNowRequest;
import eu.chargetime.ocpp.model.smartcharging.ChargingProfileStatus;
import eu.chargetime.ocpp.model.smartcharging.ClearChargingProfileConfirmation;
import eu.chargetime.ocpp.model.smartcharging.ClearChargingProfileRequest;
import eu.chargetime.ocpp.model.smartcharging.ClearChargingProfileStatus;
import eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleConfirmation;
import eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleRequest;
import eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleStatus;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileConfirmation;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileRequest;

/**
 * A charge point built from the third-party Java-OCA-OCPP library with every 1.6 profile a
 * central system can call (core, firmware, local list, reservation, remote trigger, smart
 * charging). Each CALL is recorded; its answer is the one a test scripted with
 * {@link #answer} for that request type, else a plain "Accepted"-style default.
 */
final class ScriptedCharger implements AutoCloseable {

    final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
    /** Every CALL received, in order; {@link #next} does not take from it. */
    final java.util.List<Request> history = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<Class<?>, Function<Request, Confirmation>> scripted = new ConcurrentHashMap<>();
    final String id;
    final ClientCoreProfile core;
    final ClientFirmwareManagementProfile firmware;
    final JSONClient client;

    ScriptedCharger(String id) {
        this.id = id;
        core = new ClientCoreProfile(new ClientCoreEventHandler() {
            @Override
            public ChangeAvailabilityConfirmation handleChangeAvailabilityRequest(ChangeAvailabilityRequest request) {
                return answer(request, () -> new ChangeAvailabilityConfirmation(AvailabilityStatus.Accepted));
            }

            @Override
            public GetConfigurationConfirmation handleGetConfigurationRequest(GetConfigurationRequest request) {
                return answer(request, () -> {
                    GetConfigurationConfirmation confirmation = new GetConfigurationConfirmation();
                    confirmation.setConfigurationKey(new KeyValueType[] {key("NumberOfConnectors", "2", true),
                            key("ChargingScheduleAllowedChargingRateUnit", "Current", true),
                            key("ChargeProfileMaxStackLevel", "5", true), key("MeterValueSampleInterval", "60", false)});
                    return confirmation;
                });
            }

            @Override
            public ChangeConfigurationConfirmation handleChangeConfigurationRequest(ChangeConfigurationRequest request) {
                return answer(request, () -> new ChangeConfigurationConfirmation(ConfigurationStatus.Accepted));
            }

            @Override
            public ClearCacheConfirmation handleClearCacheRequest(ClearCacheRequest request) {
                return answer(request, () -> new ClearCacheConfirmation(ClearCacheStatus.Accepted));
            }

            @Override
            public DataTransferConfirmation handleDataTransferRequest(DataTransferRequest request) {
                return answer(request, () -> new DataTransferConfirmation(DataTransferStatus.UnknownVendorId));
            }

            @Override
            public RemoteStartTransactionConfirmation handleRemoteStartTransactionRequest(RemoteStartTransactionRequest request) {
                return answer(request, () -> new RemoteStartTransactionConfirmation(RemoteStartStopStatus.Accepted));
            }

            @Override
            public RemoteStopTransactionConfirmation handleRemoteStopTransactionRequest(RemoteStopTransactionRequest request) {
                return answer(request, () -> new RemoteStopTransactionConfirmation(RemoteStartStopStatus.Accepted));
            }

            @Override
            public ResetConfirmation handleResetRequest(ResetRequest request) {
                return answer(request, () -> new ResetConfirmation(ResetStatus.Accepted));
            }

            @Override
            public UnlockConnectorConfirmation handleUnlockConnectorRequest(UnlockConnectorRequest request) {
                return answer(request, () -> new UnlockConnectorConfirmation(UnlockStatus.Unlocked));
            }
        });
        firmware = new ClientFirmwareManagementProfile(new ClientFirmwareManagementEventHandler() {
            @Override
            public GetDiagnosticsConfirmation handleGetDiagnosticsRequest(GetDiagnosticsRequest request) {
                return answer(request, () -> {
                    GetDiagnosticsConfirmation confirmation = new GetDiagnosticsConfirmation();
                    confirmation.setFileName("diagnostics-" + id + ".zip");
                    return confirmation;
                });
            }

            @Override
            public UpdateFirmwareConfirmation handleUpdateFirmwareRequest(UpdateFirmwareRequest request) {
                return answer(request, UpdateFirmwareConfirmation::new);
            }
        });
        client = new JSONClient(core, id, JSONConfiguration.get());
        client.addFeatureProfile(firmware);
        client.addFeatureProfile(new ClientLocalAuthListProfile(new ClientLocalAuthListEventHandler() {
            @Override
            public GetLocalListVersionConfirmation handleGetLocalListVersionRequest(GetLocalListVersionRequest request) {
                return answer(request, () -> new GetLocalListVersionConfirmation(0));
            }

            @Override
            public SendLocalListConfirmation handleSendLocalListRequest(SendLocalListRequest request) {
                return answer(request, () -> new SendLocalListConfirmation(UpdateStatus.Accepted));
            }
        }));
        client.addFeatureProfile(new ClientReservationProfile(new ClientReservationEventHandler() {
            @Override
            public ReserveNowConfirmation handleReserveNowRequest(ReserveNowRequest request) {
                return answer(request, () -> new ReserveNowConfirmation(ReservationStatus.Accepted));
            }

            @Override
            public CancelReservationConfirmation handleCancelReservationRequest(CancelReservationRequest request) {
                return answer(request, () -> new CancelReservationConfirmation(CancelReservationStatus.Accepted));
            }
        }));
        client.addFeatureProfile(new ClientSmartChargingProfile(new ClientSmartChargingEventHandler() {
            @Override
            public SetChargingProfileConfirmation handleSetChargingProfileRequest(SetChargingProfileRequest request) {
                return answer(request, () -> new SetChargingProfileConfirmation(ChargingProfileStatus.Accepted));
            }

            @Override
            public ClearChargingProfileConfirmation handleClearChargingProfileRequest(ClearChargingProfileRequest request) {
                return answer(request, () -> new ClearChargingProfileConfirmation(ClearChargingProfileStatus.Accepted));
            }

            @Override
            public GetCompositeScheduleConfirmation handleGetCompositeScheduleRequest(GetCompositeScheduleRequest request) {
                return answer(request, () -> new GetCompositeScheduleConfirmation(GetCompositeScheduleStatus.Rejected));
            }
        }));
        client.addFeatureProfile(new ClientRemoteTriggerProfile(
                request -> answer(request, () -> new TriggerMessageConfirmation(TriggerMessageStatus.Accepted))));
    }

    /** From now on, CALLs of this type get {@code answer}'s confirmation. */
    <Q extends Request> ScriptedCharger answer(Class<Q> type, Function<Q, ? extends Confirmation> answer) {
        scripted.put(type, request -> answer.apply(type.cast(request)));
        return this;
    }

    @SuppressWarnings("unchecked")
    private <C extends Confirmation> C answer(Request request, java.util.function.Supplier<C> fallback) {
        received.add(request);
        history.add(request);
        Function<Request, Confirmation> script = scripted.get(request.getClass());
        return script == null ? fallback.get() : (C) script.apply(request);
    }

    static KeyValueType key(String key, String value, boolean readonly) {
        KeyValueType keyValue = new KeyValueType(key, readonly);
        keyValue.setValue(value);
        return keyValue;
    }

    ScriptedCharger connect(String baseUrl) throws Exception {
        CompletableFuture<Void> opened = new CompletableFuture<>();
        client.connect(baseUrl, new ClientEvents() {
            @Override
            public void connectionOpened() {
                opened.complete(null);
            }

            @Override
            public void connectionClosed() {
                opened.completeExceptionally(new IllegalStateException("closed"));
            }
        });
        opened.get(10, TimeUnit.SECONDS);
        return this;
    }

    Confirmation send(Request request) throws Exception {
        return client.send(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The next CALL of this type the central system sent (others before it are skipped). */
    @SuppressWarnings("unchecked")
    <T extends Request> T next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Request request = received.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(request)) {
                return (T) request;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " received");
    }

    /** Connects to the site and boots; returns once the central system's setup is done (its 0 A default profile). */
    static ScriptedCharger booted(TestSite site, String id) throws Exception {
        ScriptedCharger charger = new ScriptedCharger(id).connect(site.url("/ocpp"));
        BootNotificationConfirmation boot = (BootNotificationConfirmation) charger.send(
                charger.core.createBootNotificationRequest("OCA", "Scripted"));
        if (boot.getStatus() != RegistrationStatus.Accepted) {
            throw new AssertionError("boot not accepted: " + boot.getStatus());
        }
        charger.next(SetChargingProfileRequest.class);
        return charger;
    }

    /** An operator CALL through the central system's API, and its confirmation. */
    static <T extends org.chargingmanager.ocpp.v16.Confirmation> T call(TestSite site, String id,
            org.chargingmanager.ocpp.v16.Request request, Class<T> type) throws Exception {
        return type.cast(site.server.send(id, request).toCompletableFuture().get(10, TimeUnit.SECONDS));
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
