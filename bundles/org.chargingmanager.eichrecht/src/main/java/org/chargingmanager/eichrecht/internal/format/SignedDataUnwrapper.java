package org.chargingmanager.eichrecht.internal.format;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.chargingmanager.eichrecht.internal.codec.Hex;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Takes signed data out of what arrives in an OCPP SampledValue with format {@code SignedData}:
 * the raw string ({@code OCMF|...}, {@code AP;...}), hex of it, or the JSON container of the
 * OCA application note ({@code {"signedMeterData": base64, "encodingMethod": "OCMF",
 * "publicKey": base64}}, also spelled {@code signedMeterValue}). Anything else is returned
 * unchanged, to be reported as an unsupported format.
 */
public final class SignedDataUnwrapper {

    private static final int MAX_DEPTH = 3;

    private SignedDataUnwrapper() {
    }

    public static Unwrapped unwrap(String value) {
        return unwrap(value, null, null, 0);
    }

    private static Unwrapped unwrap(String value, String publicKey, String encodingMethod, int depth) {
        String trimmed = value.strip();
        if (depth >= MAX_DEPTH || SignedDataFormat.detect(trimmed) != SignedDataFormat.UNKNOWN) {
            return new Unwrapped(trimmed, publicKey, encodingMethod);
        }
        if (trimmed.startsWith("{")) {
            JsonObject container = container(trimmed);
            if (container != null) {
                String data = text(container, "signedMeterData");
                if (data == null) {
                    data = text(container, "signedMeterValue");
                }
                if (data != null) {
                    String decoded = decodeBase64Text(data.strip());
                    return unwrap(decoded != null ? decoded : data, containerKey(text(container, "publicKey")),
                            text(container, "encodingMethod"), depth + 1);
                }
            }
        }
        byte[] hex = Hex.decodeLenient(trimmed);
        if (hex != null) {
            String decoded = utf8(hex);
            if (decoded != null && SignedDataFormat.detect(decoded.strip()) != SignedDataFormat.UNKNOWN) {
                return unwrap(decoded, publicKey, encodingMethod, depth + 1);
            }
        }
        return new Unwrapped(trimmed, publicKey, encodingMethod);
    }

    private static JsonObject container(String json) {
        try {
            JsonElement element = JsonParser.parseString(json);
            return element.isJsonObject() ? element.getAsJsonObject() : null;
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private static String text(JsonObject object, String name) {
        JsonElement element = object.get(name);
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }

    /**
     * The container's key is base64; it may hold DER, or text such as {@code oca:base16:asn1:...}
     * or plain hex. Returned as text {@link org.chargingmanager.eichrecht.internal.crypto.PublicKeyParser} reads.
     */
    private static String containerKey(String publicKey) {
        if (publicKey == null || publicKey.isBlank()) {
            return null;
        }
        byte[] bytes = base64(publicKey.strip());
        if (bytes == null) {
            return publicKey.strip();
        }
        if (bytes.length > 0 && bytes[0] == 0x30) {
            return Hex.encode(bytes);
        }
        String text = utf8(bytes);
        if (text == null) {
            return publicKey.strip();
        }
        text = text.strip();
        if (text.startsWith("oca:")) {
            String[] parts = text.split(":", 4);
            return parts.length == 4 ? parts[3] : text;
        }
        return text;
    }

    private static String decodeBase64Text(String data) {
        byte[] bytes = base64(data);
        return bytes == null ? null : utf8(bytes);
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
