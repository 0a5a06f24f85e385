package org.chargingmanager.ocpp.gateway.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.chargingmanager.ocpp.v16.ConfigurationStatus;
import org.chargingmanager.ocpp.v16.KeyValue;
import org.chargingmanager.ocpp.v16.Measurand;

/**
 * The charge point's configuration keys as the backend reads and changes them (GetConfiguration,
 * ChangeConfiguration): the standard keys the gateway implements, read-only where the gateway
 * decides; unknown keys are NotSupported, read-only ones Rejected, bad values Rejected. Changed
 * values are kept in a properties file in the data directory.
 */
final class ConfigurationKeys {

    static final String HEARTBEAT_INTERVAL = "HeartbeatInterval";
    static final String METER_VALUE_SAMPLE_INTERVAL = "MeterValueSampleInterval";
    static final String METER_VALUES_SAMPLED_DATA = "MeterValuesSampledData";
    static final String AUTHORIZE_REMOTE_TX_REQUESTS = "AuthorizeRemoteTxRequests";
    static final String LOCAL_AUTHORIZE_OFFLINE = "LocalAuthorizeOffline";
    static final String STOP_TRANSACTION_ON_INVALID_ID = "StopTransactionOnInvalidId";
    static final String TRANSACTION_MESSAGE_ATTEMPTS = "TransactionMessageAttempts";
    static final String TRANSACTION_MESSAGE_RETRY_INTERVAL = "TransactionMessageRetryInterval";
    static final String WEB_SOCKET_PING_INTERVAL = "WebSocketPingInterval";
    static final String CONNECTION_TIME_OUT = "ConnectionTimeOut";
    static final String LOCAL_AUTH_LIST_ENABLED = "LocalAuthListEnabled";

    static final List<Measurand> SUPPORTED_MEASURANDS = List.of(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER,
            Measurand.POWER_ACTIVE_IMPORT, Measurand.CURRENT_IMPORT, Measurand.VOLTAGE);

    private record Key(String value, boolean readonly, Predicate<String> valid) {
    }

    private final Map<String, Key> keys = new LinkedHashMap<>();
    private final Path file;

    ConfigurationKeys(int numberOfConnectors, Path file) {
        this.file = file;
        writable(HEARTBEAT_INTERVAL, "300", ConfigurationKeys::nonNegativeInteger);
        writable(METER_VALUE_SAMPLE_INTERVAL, "60", ConfigurationKeys::nonNegativeInteger);
        writable(METER_VALUES_SAMPLED_DATA, "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage",
                ConfigurationKeys::supportedMeasurands);
        readonly("MeterValuesSampledDataMaxLength", "4");
        writable("MeterValuesAlignedData", "", value -> value.isBlank());
        writable("ClockAlignedDataInterval", "0", value -> value.equals("0"));
        readonly("NumberOfConnectors", Integer.toString(numberOfConnectors));
        readonly("SupportedFeatureProfiles", "Core,LocalAuthListManagement,SmartCharging,RemoteTrigger");
        writable(LOCAL_AUTH_LIST_ENABLED, "true", ConfigurationKeys::bool);
        readonly("LocalAuthListMaxLength", Integer.toString(LocalAuthList.MAX_ENTRIES));
        readonly("SendLocalListMaxLength", Integer.toString(LocalAuthList.MAX_ENTRIES));
        writable(AUTHORIZE_REMOTE_TX_REQUESTS, "false", ConfigurationKeys::bool);
        writable("LocalPreAuthorize", "false", value -> value.equalsIgnoreCase("false"));
        writable(LOCAL_AUTHORIZE_OFFLINE, "true", ConfigurationKeys::bool);
        writable("AllowOfflineTxForUnknownId", "false", ConfigurationKeys::bool);
        writable("AuthorizationCacheEnabled", "true", ConfigurationKeys::bool);
        readonly("StopTransactionOnEVSideDisconnect", "true");
        writable(STOP_TRANSACTION_ON_INVALID_ID, "true", ConfigurationKeys::bool);
        readonly("UnlockConnectorOnEVSideDisconnect", "true");
        writable(TRANSACTION_MESSAGE_ATTEMPTS, "3", value -> positiveInteger(value));
        writable(TRANSACTION_MESSAGE_RETRY_INTERVAL, "60", ConfigurationKeys::nonNegativeInteger);
        writable(WEB_SOCKET_PING_INTERVAL, "60", ConfigurationKeys::nonNegativeInteger);
        writable(CONNECTION_TIME_OUT, "60", ConfigurationKeys::positiveInteger);
        writable("ResetRetries", "1", ConfigurationKeys::nonNegativeInteger);
        readonly("GetConfigurationMaxKeys", "50");
        readonly("ChargeProfileMaxStackLevel", Integer.toString(ChargingProfiles.MAX_STACK_LEVEL));
        readonly("ChargingScheduleAllowedChargingRateUnit", "Current,Power");
        readonly("ChargingScheduleMaxPeriods", Integer.toString(ChargingProfiles.MAX_PERIODS));
        readonly("MaxChargingProfilesInstalled", Integer.toString(ChargingProfiles.MAX_PROFILES));
        readonly("ConnectorSwitch3to1PhaseSupported", "false");
        load();
    }

    private void writable(String key, String value, Predicate<String> valid) {
        keys.put(key, new Key(value, false, valid));
    }

    private void readonly(String key, String value) {
        keys.put(key, new Key(value, true, v -> false));
    }

    synchronized String get(String key) {
        return keys.get(key).value();
    }

    synchronized int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    synchronized boolean getBoolean(String key) {
        return Boolean.parseBoolean(get(key));
    }

    synchronized List<Measurand> sampledMeasurands() {
        List<Measurand> result = new ArrayList<>();
        for (String part : get(METER_VALUES_SAMPLED_DATA).split(",")) {
            if (!part.isBlank()) {
                measurand(part.strip()).ifPresent(result::add);
            }
        }
        return result;
    }

    /** All keys, or the ones asked for; unknown ones are listed in {@code unknown}. */
    synchronized List<KeyValue> read(List<String> asked, List<String> unknown) {
        List<KeyValue> result = new ArrayList<>();
        if (asked == null || asked.isEmpty()) {
            keys.forEach((key, entry) -> result.add(new KeyValue(key, entry.readonly(), entry.value())));
            return result;
        }
        for (String key : asked) {
            Key entry = keys.get(key);
            if (entry == null) {
                unknown.add(key);
            } else {
                result.add(new KeyValue(key, entry.readonly(), entry.value()));
            }
        }
        return result;
    }

    synchronized ConfigurationStatus change(String key, String value) {
        Key entry = keys.get(key);
        if (entry == null) {
            return ConfigurationStatus.NOT_SUPPORTED;
        }
        String normalized = value.strip();
        if (entry.readonly() || !entry.valid().test(normalized)) {
            return ConfigurationStatus.REJECTED;
        }
        keys.put(key, new Key(normalized, false, entry.valid()));
        save();
        return ConfigurationStatus.ACCEPTED;
    }

    private void load() {
        if (file == null || !Files.exists(file)) {
            return;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            return;
        }
        for (String key : properties.stringPropertyNames()) {
            Key entry = keys.get(key);
            String value = properties.getProperty(key);
            if (entry != null && !entry.readonly() && entry.valid().test(value)) {
                keys.put(key, new Key(value, false, entry.valid()));
            }
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        Properties properties = new Properties();
        keys.forEach((key, entry) -> {
            if (!entry.readonly()) {
                properties.setProperty(key, entry.value());
            }
        });
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                properties.store(out, "OCPP configuration keys changed by the backend");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // kept in memory; the next change tries again
        }
    }

    private static java.util.Optional<Measurand> measurand(String wireValue) {
        for (Measurand measurand : Measurand.values()) {
            if (measurand.wireValue().equals(wireValue)) {
                return java.util.Optional.of(measurand);
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean nonNegativeInteger(String value) {
        try {
            return Integer.parseInt(value) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean positiveInteger(String value) {
        return nonNegativeInteger(value) && Integer.parseInt(value) > 0;
    }

    private static boolean bool(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("false");
    }

    private static boolean supportedMeasurands(String value) {
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            if (measurand(part.strip()).filter(SUPPORTED_MEASURANDS::contains).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
