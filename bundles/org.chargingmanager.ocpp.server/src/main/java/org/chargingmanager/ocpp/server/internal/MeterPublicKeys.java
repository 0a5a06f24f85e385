package org.chargingmanager.ocpp.server.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chargingmanager.ocpp.v16.KeyValue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Where a charger tells the meters' public keys outside signed data, by connector: in its
 * configuration (a key whose name contains {@code PublicKey}, e.g. {@code MeterPublicKey},
 * {@code MeterPublicKey2}, {@code PublicKey_1}; the trailing number is the connector, and a
 * charger with one connector needs none), or in a DataTransfer of vendor
 * {@value #DATA_TRANSFER_VENDOR} / message {@value #DATA_TRANSFER_MESSAGE} with
 * {@code {"meters":[{"connectorId":1,"publicKey":"..."}]}} (the convention of German backends).
 * Only text that looks like a key (long hex, or PEM) is taken; the trusted-key service decides
 * the rest: such a key is adopted only while none is stored, and then as unconfirmed. Pure.
 */
final class MeterPublicKeys {

    static final String DATA_TRANSFER_VENDOR = "generalConfiguration";
    static final String DATA_TRANSFER_MESSAGE = "setMeterConfiguration";
    private static final Pattern KEY_NAME = Pattern.compile("(?i).*public_?key.*?(\\d*)");
    private static final Pattern HEX_KEY = Pattern.compile("(?i)[0-9a-f]{64,400}");

    private MeterPublicKeys() {
    }

    /** The keys in a GetConfiguration answer, by connector. */
    static Map<Integer, String> fromConfiguration(Collection<KeyValue> keys, int connectorCount) {
        Map<Integer, String> found = new TreeMap<>();
        for (KeyValue key : keys) {
            Matcher name = KEY_NAME.matcher(key.key());
            if (!name.matches() || key.key().toLowerCase(Locale.ROOT).contains("with") || !looksLikeAKey(key.value())) {
                continue;
            }
            String number = name.group(1);
            if (number.length() > 2) {
                continue; // no charger has 100 connectors; and Integer.valueOf must not overflow
            }
            Integer connector = number.isEmpty() ? (connectorCount == 1 ? Integer.valueOf(1) : null)
                    : Integer.valueOf(number);
            if (connector != null && connector >= 1 && connector <= 64) {
                found.put(connector, key.value().strip());
            }
        }
        return found;
    }

    /**
     * The keys of a {@value #DATA_TRANSFER_MESSAGE} DataTransfer, by connector.
     *
     * @throws IllegalArgumentException when the data is not such a message
     */
    static Map<Integer, String> fromMeterConfiguration(String data) {
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(data == null ? "" : data);
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException("the data is not JSON");
        }
        if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("meters")
                || !parsed.getAsJsonObject().get("meters").isJsonArray()) {
            throw new IllegalArgumentException("the data has no \"meters\" list");
        }
        Map<Integer, String> found = new TreeMap<>();
        for (JsonElement meter : parsed.getAsJsonObject().getAsJsonArray("meters")) {
            if (!meter.isJsonObject()) {
                continue;
            }
            JsonObject object = meter.getAsJsonObject();
            Integer connector = integer(object.get("connectorId"));
            String key = string(object.get("publicKey"));
            if (connector != null && connector >= 1 && connector <= 64 && looksLikeAKey(key)) {
                found.put(connector, key.strip());
            }
        }
        return found;
    }

    static boolean looksLikeAKey(String value) {
        if (value == null) {
            return false;
        }
        String text = value.strip();
        return text.contains("BEGIN PUBLIC KEY") || HEX_KEY.matcher(text).matches();
    }

    private static Integer integer(JsonElement element) {
        try {
            return element == null || !element.isJsonPrimitive() ? null : element.getAsInt();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String string(JsonElement element) {
        return element == null || !element.isJsonPrimitive() ? null : element.getAsString();
    }
}
