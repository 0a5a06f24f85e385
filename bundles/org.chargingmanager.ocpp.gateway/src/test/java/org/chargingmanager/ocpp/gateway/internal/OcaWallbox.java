package org.chargingmanager.ocpp.gateway.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import eu.chargetime.ocpp.ClientEvents;
import eu.chargetime.ocpp.JSONClient;
import eu.chargetime.ocpp.JSONConfiguration;
import eu.chargetime.ocpp.feature.profile.ClientCoreEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientCoreProfile;
import eu.chargetime.ocpp.model.Confirmation;
import eu.chargetime.ocpp.model.Request;
import eu.chargetime.ocpp.model.core.AvailabilityStatus;
import eu.chargetime.ocpp.model.core.ChangeAvailabilityConfirmation;
import eu.chargetime.ocpp.model.core.ChangeAvailabilityRequest;
import eu.chargetime.ocpp.model.core.ChangeConfigurationConfirmation;
import eu.chargetime.ocpp.model.core.ChangeConfigurationRequest;
import eu.chargetime.ocpp.model.core.ClearCacheConfirmation;
import eu.chargetime.ocpp.model.core.ClearCacheRequest;
import eu.chargetime.ocpp.model.core.ClearCacheStatus;
import eu.chargetime.ocpp.model.core.ConfigurationStatus;
import eu.chargetime.ocpp.model.core.DataTransferConfirmation;
import eu.chargetime.ocpp.model.core.DataTransferRequest;
import eu.chargetime.ocpp.model.core.DataTransferStatus;
import eu.chargetime.ocpp.model.core.GetConfigurationConfirmation;
import eu.chargetime.ocpp.model.core.GetConfigurationRequest;
import eu.chargetime.ocpp.model.core.RemoteStartStopStatus;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionRequest;
import eu.chargetime.ocpp.model.core.ResetConfirmation;
import eu.chargetime.ocpp.model.core.ResetRequest;
import eu.chargetime.ocpp.model.core.ResetStatus;
import eu.chargetime.ocpp.model.core.UnlockConnectorConfirmation;
import eu.chargetime.ocpp.model.core.UnlockConnectorRequest;
import eu.chargetime.ocpp.model.core.UnlockStatus;

/**
 * An OCPP wallbox built from the third-party Java-OCA-OCPP library: it connects to our central
 * system, sends what the test asks and accepts what it is told, recording it.
 */
final class OcaWallbox implements AutoCloseable {

    final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private final JSONClient client;

    OcaWallbox(String id) {
        ClientCoreProfile core = new ClientCoreProfile(new ClientCoreEventHandler() {
            @Override
            public ChangeAvailabilityConfirmation handleChangeAvailabilityRequest(ChangeAvailabilityRequest request) {
                received.add(request);
                return new ChangeAvailabilityConfirmation(AvailabilityStatus.Accepted);
            }

            @Override
            public GetConfigurationConfirmation handleGetConfigurationRequest(GetConfigurationRequest request) {
                received.add(request);
                return new GetConfigurationConfirmation();
            }

            @Override
            public ChangeConfigurationConfirmation handleChangeConfigurationRequest(ChangeConfigurationRequest request) {
                received.add(request);
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
            public RemoteStartTransactionConfirmation handleRemoteStartTransactionRequest(
                    RemoteStartTransactionRequest request) {
                received.add(request);
                return new RemoteStartTransactionConfirmation(RemoteStartStopStatus.Accepted);
            }

            @Override
            public RemoteStopTransactionConfirmation handleRemoteStopTransactionRequest(
                    RemoteStopTransactionRequest request) {
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
        client = new JSONClient(core, id, JSONConfiguration.get());
    }

    /** Connects to {@code baseUrl}; the library appends {@code /<id>}. */
    OcaWallbox connect(String baseUrl) throws Exception {
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

    @SuppressWarnings("unchecked")
    <T extends Confirmation> T send(Request request) throws Exception {
        return (T) client.send(request).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
