package org.chargingmanager.ocpp.server.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import eu.chargetime.ocpp.ClientEvents;
import eu.chargetime.ocpp.JSONClient;
import eu.chargetime.ocpp.JSONConfiguration;
import eu.chargetime.ocpp.feature.profile.ClientCoreEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientCoreProfile;
import eu.chargetime.ocpp.feature.profile.ClientRemoteTriggerProfile;
import eu.chargetime.ocpp.feature.profile.ClientSmartChargingEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientSmartChargingProfile;
import eu.chargetime.ocpp.model.Confirmation;
import eu.chargetime.ocpp.model.Request;
import eu.chargetime.ocpp.model.core.*;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageConfirmation;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageStatus;
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
 * A charge point built from the third-party Java-OCA-OCPP library (code nobody here wrote): it
 * answers the server's CALLs like a simple single-connector wallbox and records what it got.
 */
final class OcaCharger implements AutoCloseable {

    final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
    /** What GetConfiguration answers; ChangeConfiguration changes it, as a real charger keeps it. */
    final Map<String, KeyValueType> configuration = new ConcurrentSkipListMap<>(Map.of(
            "NumberOfConnectors", key("NumberOfConnectors", "1", true),
            "ChargingScheduleAllowedChargingRateUnit", key("ChargingScheduleAllowedChargingRateUnit", "Current", true),
            "ChargeProfileMaxStackLevel", key("ChargeProfileMaxStackLevel", "5", true),
            "MeterValueSampleInterval", key("MeterValueSampleInterval", "60", false)));
    final BlockingQueue<SetChargingProfileRequest> profiles = new LinkedBlockingQueue<>();
    volatile List<ChargingProfilePurposeType> rejectedPurposes = List.of();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    final ClientCoreProfile core;
    final JSONClient client;

    OcaCharger(String id, String password, SSLContext tls) throws Exception {
        core = new ClientCoreProfile(new ClientCoreEventHandler() {
            @Override
            public ChangeAvailabilityConfirmation handleChangeAvailabilityRequest(ChangeAvailabilityRequest request) {
                received.add(request);
                return new ChangeAvailabilityConfirmation(AvailabilityStatus.Accepted);
            }

            @Override
            public GetConfigurationConfirmation handleGetConfigurationRequest(GetConfigurationRequest request) {
                received.add(request);
                GetConfigurationConfirmation confirmation = new GetConfigurationConfirmation();
                confirmation.setConfigurationKey(configuration.values().toArray(KeyValueType[]::new));
                return confirmation;
            }

            @Override
            public ChangeConfigurationConfirmation handleChangeConfigurationRequest(ChangeConfigurationRequest request) {
                received.add(request);
                KeyValueType known = configuration.get(request.getKey());
                if (known != null && known.getReadonly()) {
                    return new ChangeConfigurationConfirmation(ConfigurationStatus.Rejected);
                }
                configuration.put(request.getKey(), key(request.getKey(), request.getValue(), false));
                return new ChangeConfigurationConfirmation(ConfigurationStatus.Accepted);
            }

            @Override
            public ClearCacheConfirmation handleClearCacheRequest(ClearCacheRequest request) {
                received.add(request);
                return new ClearCacheConfirmation(ClearCacheStatus.Accepted);
            }

            @Override
            public DataTransferConfirmation handleDataTransferRequest(DataTransferRequest request) {
                received.add(request);
                return new DataTransferConfirmation(DataTransferStatus.Accepted);
            }

            @Override
            public RemoteStartTransactionConfirmation handleRemoteStartTransactionRequest(RemoteStartTransactionRequest request) {
                received.add(request);
                return new RemoteStartTransactionConfirmation(RemoteStartStopStatus.Accepted);
            }

            @Override
            public RemoteStopTransactionConfirmation handleRemoteStopTransactionRequest(RemoteStopTransactionRequest request) {
                received.add(request);
                return new RemoteStopTransactionConfirmation(RemoteStartStopStatus.Accepted);
            }

            @Override
            public ResetConfirmation handleResetRequest(ResetRequest request) {
                received.add(request);
                return new ResetConfirmation(ResetStatus.Accepted);
            }

            @Override
            public UnlockConnectorConfirmation handleUnlockConnectorRequest(UnlockConnectorRequest request) {
                received.add(request);
                return new UnlockConnectorConfirmation(UnlockStatus.Unlocked);
            }
        });
        JSONConfiguration configuration = JSONConfiguration.get();
        if (password != null) {
            configuration.setParameter(JSONConfiguration.USERNAME_PARAMETER, id);
            configuration.setParameter(JSONConfiguration.PASSWORD_PARAMETER, password);
        }
        client = new JSONClient(core, id, configuration);
        if (tls != null) {
            client.enableWSS(tls);
        }
        client.addFeatureProfile(new ClientSmartChargingProfile(new ClientSmartChargingEventHandler() {
            @Override
            public SetChargingProfileConfirmation handleSetChargingProfileRequest(SetChargingProfileRequest request) {
                received.add(request);
                profiles.add(request);
                boolean reject = rejectedPurposes.contains(request.getCsChargingProfiles().getChargingProfilePurpose());
                return new SetChargingProfileConfirmation(reject ? ChargingProfileStatus.Rejected : ChargingProfileStatus.Accepted);
            }

            @Override
            public ClearChargingProfileConfirmation handleClearChargingProfileRequest(ClearChargingProfileRequest request) {
                received.add(request);
                return new ClearChargingProfileConfirmation(ClearChargingProfileStatus.Accepted);
            }

            @Override
            public GetCompositeScheduleConfirmation handleGetCompositeScheduleRequest(GetCompositeScheduleRequest request) {
                received.add(request);
                return new GetCompositeScheduleConfirmation(GetCompositeScheduleStatus.Accepted);
            }
        }));
        client.addFeatureProfile(new ClientRemoteTriggerProfile(request -> {
            received.add(request);
            return new TriggerMessageConfirmation(TriggerMessageStatus.Accepted);
        }));
    }

    private static KeyValueType key(String key, String value, boolean readonly) {
        KeyValueType keyValue = new KeyValueType(key, readonly);
        keyValue.setValue(value);
        return keyValue;
    }

    /** Connects to {@code baseUrl}; the library appends {@code /<id>}. */
    OcaCharger connect(String baseUrl) throws Exception {
        CompletableFuture<Void> opened = new CompletableFuture<>();
        client.connect(baseUrl, new ClientEvents() {
            @Override
            public void connectionOpened() {
                opened.complete(null);
            }

            @Override
            public void connectionClosed() {
                opened.completeExceptionally(new IllegalStateException("closed"));
                closed.complete(null);
            }
        });
        opened.get(10, TimeUnit.SECONDS);
        return this;
    }

    Confirmation send(Request request) throws Exception {
        return client.send(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

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

    /** The next SetChargingProfile with this limit (earlier ones are skipped). */
    SetChargingProfileRequest profileWithLimit(double limit) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            SetChargingProfileRequest request = profiles.poll(100, TimeUnit.MILLISECONDS);
            if (request != null && request.getCsChargingProfiles().getChargingSchedule().getChargingSchedulePeriod()[0]
                    .getLimit() == limit) {
                return request;
            }
        }
        throw new AssertionError("no SetChargingProfile with limit " + limit);
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
