package org.chargingmanager.itests;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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
 * A single-connector, 3-phase wallbox built from the third-party Java-OCA-OCPP 1.6 client: it
 * answers the central system's CALLs like a real wallbox (configuration, profiles accepted,
 * triggers accepted) and records what it received.
 */
final class OcaWallbox implements AutoCloseable {

    final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
    final BlockingQueue<SetChargingProfileRequest> profiles = new LinkedBlockingQueue<>();
    private final JSONClient client;
    private final ScheduledExecutorService meter = Executors.newSingleThreadScheduledExecutor();
    /** What the last profile for connector 1 allows; the car follows it, up to {@link #CAR_MAX_AMPS}. */
    private volatile double offeredAmps;
    private volatile double energyWattHours;
    private ScheduledFuture<?> metering;

    static final double CAR_MAX_AMPS = 32;

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
                GetConfigurationConfirmation confirmation = new GetConfigurationConfirmation();
                confirmation.setConfigurationKey(new KeyValueType[] {key("NumberOfConnectors", "1", true),
                        key("ChargingScheduleAllowedChargingRateUnit", "Current", true),
                        key("ChargeProfileMaxStackLevel", "5", true), key("MeterValueSampleInterval", "60", false),
                        key("MeterValuesSampledData", "Energy.Active.Import.Register", false)});
                return confirmation;
            }

            @Override
            public ChangeConfigurationConfirmation handleChangeConfigurationRequest(ChangeConfigurationRequest request) {
                received.add(request);
                return new ChangeConfigurationConfirmation(ConfigurationStatus.Accepted);
            }

            @Override
            public ClearCacheConfirmation handleClearCacheRequest(ClearCacheRequest request) {
                return new ClearCacheConfirmation(ClearCacheStatus.Accepted);
            }

            @Override
            public DataTransferConfirmation handleDataTransferRequest(DataTransferRequest request) {
                return new DataTransferConfirmation(DataTransferStatus.UnknownVendorId);
            }

            @Override
            public RemoteStartTransactionConfirmation handleRemoteStartTransactionRequest(RemoteStartTransactionRequest request) {
                received.add(request);
                return new RemoteStartTransactionConfirmation(RemoteStartStopStatus.Rejected);
            }

            @Override
            public RemoteStopTransactionConfirmation handleRemoteStopTransactionRequest(RemoteStopTransactionRequest request) {
                return new RemoteStopTransactionConfirmation(RemoteStartStopStatus.Rejected);
            }

            @Override
            public ResetConfirmation handleResetRequest(ResetRequest request) {
                received.add(request);
                return new ResetConfirmation(ResetStatus.Rejected);
            }

            @Override
            public UnlockConnectorConfirmation handleUnlockConnectorRequest(UnlockConnectorRequest request) {
                received.add(request);
                return new UnlockConnectorConfirmation(UnlockStatus.NotSupported);
            }
        });
        client = new JSONClient(core, id, JSONConfiguration.get());
        client.addFeatureProfile(new ClientSmartChargingProfile(new ClientSmartChargingEventHandler() {
            @Override
            public SetChargingProfileConfirmation handleSetChargingProfileRequest(SetChargingProfileRequest request) {
                received.add(request);
                profiles.add(request);
                if (request.getConnectorId() == 1) {
                    offeredAmps = limit(request);
                }
                return new SetChargingProfileConfirmation(ChargingProfileStatus.Accepted);
            }

            @Override
            public ClearChargingProfileConfirmation handleClearChargingProfileRequest(ClearChargingProfileRequest request) {
                received.add(request);
                return new ClearChargingProfileConfirmation(ClearChargingProfileStatus.Accepted);
            }

            @Override
            public GetCompositeScheduleConfirmation handleGetCompositeScheduleRequest(GetCompositeScheduleRequest request) {
                return new GetCompositeScheduleConfirmation(GetCompositeScheduleStatus.Rejected);
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

    /** What the car draws on each of its 3 phases now. */
    double drawnAmps() {
        return metering == null ? 0 : Math.min(CAR_MAX_AMPS, offeredAmps);
    }

    /**
     * Like a real wallbox during a transaction: every second MeterValues with the current per
     * phase (the car takes what the profile allows), power and the energy register.
     */
    synchronized void startMetering(int transactionId, int meterStartWattHours) {
        energyWattHours = meterStartWattHours;
        metering = meter.scheduleAtFixedRate(() -> {
            double amps = Math.min(CAR_MAX_AMPS, offeredAmps);
            energyWattHours += amps * 230 * 3 / 3600.0;
            List<SampledValue> sampled = new ArrayList<>();
            sampled.add(sample("Energy.Active.Import.Register", null, Long.toString(Math.round(energyWattHours)), "Wh"));
            for (String phase : List.of("L1", "L2", "L3")) {
                sampled.add(sample("Current.Import", phase, String.format(Locale.ROOT, "%.1f", amps), "A"));
            }
            sampled.add(sample("Power.Active.Import", null, String.format(Locale.ROOT, "%.0f", amps * 230 * 3), "W"));
            MeterValuesRequest request = new MeterValuesRequest(1);
            request.setTransactionId(transactionId);
            request.setMeterValue(new MeterValue[] {new MeterValue(ZonedDateTime.now(), sampled.toArray(new SampledValue[0]))});
            try {
                client.send(request);
            } catch (Exception e) {
                System.err.println("E2E wallbox: MeterValues not sent: " + e);
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    /** Stops metering; returns the energy register in Wh for meterStop. */
    synchronized int stopMetering() {
        if (metering != null) {
            metering.cancel(false);
            metering = null;
        }
        return (int) Math.round(energyWattHours);
    }

    private static SampledValue sample(String measurand, String phase, String value, String unit) {
        SampledValue sampled = new SampledValue(value);
        sampled.setMeasurand(measurand);
        sampled.setPhase(phase);
        sampled.setUnit(unit);
        sampled.setContext("Sample.Periodic");
        return sampled;
    }

    @SuppressWarnings("unchecked")
    <T extends Confirmation> T send(Request request) throws Exception {
        return (T) client.send(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The limit of the first schedule period of the next SetChargingProfile within the timeout, or NaN. */
    SetChargingProfileRequest nextProfile(long timeoutMillis) throws InterruptedException {
        return profiles.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    static double limit(SetChargingProfileRequest request) {
        return request.getCsChargingProfiles().getChargingSchedule().getChargingSchedulePeriod()[0].getLimit();
    }

    @Override
    public void close() {
        meter.shutdownNow();
        client.disconnect();
    }
}
