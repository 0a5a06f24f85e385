package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.chargingmanager.api.eichrecht.SignedDataAdmission;
import org.chargingmanager.api.eichrecht.TrustedKey;
import org.chargingmanager.api.eichrecht.TrustedKeyState;
import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.ocpp.v16.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Meter public keys a charger shows in its configuration or by DataTransfer reach the trusted-key service. */
class MeterPublicKeysTest {

    static final String KEY_1 = "3059301306072A8648CE3D020106082A8648CE3D03010703420004" + "AB".repeat(64);
    static final String KEY_2 = "3059301306072A8648CE3D020106082A8648CE3D03010703420004" + "CD".repeat(64);

    @TempDir
    Path data;

    @Test
    void keysInTheConfigurationAreFoundByConnector() {
        List<KeyValue> configuration = List.of(new KeyValue("MeterPublicKey1", true, KEY_1),
                new KeyValue("MeterPublicKey2", true, KEY_2),
                new KeyValue("PublicKeyWithSignedMeterValue", false, "OncePerTransaction"),
                new KeyValue("MeterPublicKey3", true, "not available"), new KeyValue("HeartbeatInterval", false, "300"));

        assertThat(MeterPublicKeys.fromConfiguration(configuration, 3)).isEqualTo(Map.of(1, KEY_1, 2, KEY_2));
        assertThat(MeterPublicKeys.fromConfiguration(List.of(new KeyValue("MeterPublicKey", true, KEY_1)), 1))
                .isEqualTo(Map.of(1, KEY_1));
        assertThat(MeterPublicKeys.fromConfiguration(List.of(new KeyValue("MeterPublicKey", true, KEY_1)), 2))
                .as("two connectors, no number: whose key?").isEmpty();
    }

    @Test
    void aConnectorNumberTooLongForAnIntegerIsIgnoredNotThrown() {
        List<KeyValue> configuration = List.of(new KeyValue("MeterPublicKey99999999999", true, KEY_2),
                new KeyValue("MeterPublicKey123", true, KEY_2), new KeyValue("MeterPublicKey1", true, KEY_1));

        assertThat(MeterPublicKeys.fromConfiguration(configuration, 2)).isEqualTo(Map.of(1, KEY_1));
    }

    @Test
    void theMeterConfigurationDataTransferIsRead() {
        assertThat(MeterPublicKeys.fromMeterConfiguration("{\"meters\":[{\"connectorId\":1,\"meterSerial\":\"1DZG0042\","
                + "\"type\":\"SIGNATURE\",\"publicKey\":\"" + KEY_1 + "\"},{\"connectorId\":2,\"publicKey\":\"\"}]}"))
                .isEqualTo(Map.of(1, KEY_1));
        assertThatThrownBy(() -> MeterPublicKeys.fromMeterConfiguration("{\"meter\":1}")).hasMessageContaining("meters");
        assertThatThrownBy(() -> MeterPublicKeys.fromMeterConfiguration("not json {")).hasMessageContaining("JSON");
    }

    @Test
    void aChargerShowingItsKeysOffersThemToTheTrustedKeyService() throws Exception {
        Map<String, String> offered = new ConcurrentHashMap<>();
        try (TestSite site = TestSite.start(data)) {
            site.trustedKeys = new RecordingTrustedKeys(offered);
            try (RawCharger charger = new RawCharger(site.url("/ocpp/MK-1"))) {
                charger.answerer = call -> call.get(2).getAsString().equals("GetConfiguration")
                        ? "{\"configurationKey\":[{\"key\":\"NumberOfConnectors\",\"readonly\":true,\"value\":\"2\"},"
                                + "{\"key\":\"MeterPublicKey1\",\"readonly\":true,\"value\":\"" + KEY_1 + "\"}]}"
                        : "{\"status\":\"Accepted\"}";
                assertThat(charger.call("BootNotification", "{\"chargePointVendor\":\"Raw\",\"chargePointModel\":\"MK\"}"))
                        .contains("Accepted");
                TestSite.await("the configuration's key offered", () -> offered.containsKey("ocpp-MK-1-1"));
                assertThat(offered).containsEntry("ocpp-MK-1-1", KEY_1);

                String answer = charger.call("DataTransfer", "{\"vendorId\":\"generalConfiguration\",\"messageId\":"
                        + "\"setMeterConfiguration\",\"data\":\"{\\\"meters\\\":[{\\\"connectorId\\\":2,\\\"meterSerial\\\":"
                        + "\\\"1DZG0043\\\",\\\"type\\\":\\\"SIGNATURE\\\",\\\"publicKey\\\":\\\"" + KEY_2 + "\\\"}]}\"}");
                assertThat(answer).contains("\"Accepted\"");
                assertThat(offered).containsEntry("ocpp-MK-1-2", KEY_2);

                assertThat(charger.call("DataTransfer", "{\"vendorId\":\"generalConfiguration\",\"messageId\":"
                        + "\"setMeterConfiguration\",\"data\":\"[1]\"}")).contains("\"Rejected\"");
            }
        }
    }

    @Test
    void anOverlongConnectorNumberInTheConfigurationDoesNotAbortTheConnectSetup() throws Exception {
        Map<String, String> offered = new ConcurrentHashMap<>();
        try (TestSite site = TestSite.start(data)) {
            site.trustedKeys = new RecordingTrustedKeys(offered);
            try (RawCharger charger = new RawCharger(site.url("/ocpp/MK-2"))) {
                charger.answerer = call -> call.get(2).getAsString().equals("GetConfiguration")
                        ? "{\"configurationKey\":[{\"key\":\"NumberOfConnectors\",\"readonly\":true,\"value\":\"2\"},"
                                + "{\"key\":\"MeterPublicKey99999999999\",\"readonly\":true,\"value\":\"" + KEY_2 + "\"},"
                                + "{\"key\":\"MeterPublicKey1\",\"readonly\":true,\"value\":\"" + KEY_1 + "\"}]}"
                        : "{\"status\":\"Accepted\"}";
                assertThat(charger.call("BootNotification", "{\"chargePointVendor\":\"Raw\",\"chargePointModel\":\"MK\"}"))
                        .contains("Accepted");

                // the rest of the set-up still runs: measurands, then the default profile
                assertThat(charger.nextServerCall("ChangeConfiguration").get(3).getAsJsonObject().get("key").getAsString())
                        .isEqualTo("MeterValuesSampledData");
                assertThat(charger.nextServerCall("SetChargingProfile").get(3).toString()).contains("TxDefaultProfile");
                assertThat(offered).isEqualTo(Map.of("ocpp-MK-2-1", KEY_1));
            }
        }
    }

    private record RecordingTrustedKeys(Map<String, String> offered) implements TrustedKeys {
        @Override
        public Optional<TrustedKey> find(String evseId) {
            return Optional.empty();
        }

        @Override
        public List<TrustedKey> all() {
            return List.of();
        }

        @Override
        public TrustedKey enter(String evseId, String publicKey, String source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<TrustedKey> confirm(String evseId) {
            return Optional.empty();
        }

        @Override
        public boolean remove(String evseId) {
            return false;
        }

        @Override
        public Optional<TrustedKey> offer(String evseId, String publicKey, String source) {
            offered.put(evseId, publicKey);
            return Optional.of(new TrustedKey(evseId, publicKey, TrustedKeyState.UNCONFIRMED, source, Instant.now()));
        }

        @Override
        public SignedDataAdmission admit(String evseId, String signedData) {
            throw new UnsupportedOperationException();
        }
    }
}
