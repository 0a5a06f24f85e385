package org.chargingmanager.eichrecht.internal.format;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * An OCMF record, {@code OCMF|<payload>|<signature>}. The payload is kept exactly as received:
 * it is what the meter signed. Gson only reads fields out of it; nothing is ever re-serialised.
 *
 * @param payload the signed section, byte for byte
 * @param formatVersion {@code FV}, or {@code null}
 * @param readings {@code RD}, with omitted fields filled in from the previous reading
 */
public record OcmfRecord(String payload, String formatVersion, String pagination, List<OcmfReading> readings,
        OcmfSignature signature) {

    public static final String HEADER = "OCMF";

    public byte[] signedBytes() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }

    public static OcmfRecord parse(String data) throws MalformedDataException {
        if (!data.startsWith(HEADER + "|")) {
            throw new MalformedDataException("not OCMF: the data does not start with OCMF|");
        }
        int payloadStart = HEADER.length() + 1;
        int payloadEnd = data.indexOf('|', payloadStart);
        if (payloadEnd < 0) {
            throw new MalformedDataException("malformed OCMF: no signature section");
        }
        String signatureSection = data.substring(payloadEnd + 1);
        if (signatureSection.indexOf('|') >= 0) {
            throw new MalformedDataException("malformed OCMF: more than three sections");
        }
        String payload = data.substring(payloadStart, payloadEnd);
        JsonObject payloadJson = object(payload, "payload");
        JsonObject signatureJson = object(signatureSection, "signature");
        return new OcmfRecord(payload, text(payloadJson, "FV"), text(payloadJson, "PG"), readings(payloadJson),
                signature(signatureJson));
    }

    private static OcmfSignature signature(JsonObject json) throws MalformedDataException {
        String data = text(json, "SD");
        if (data == null || data.isBlank()) {
            throw new MalformedDataException("malformed OCMF: no signature data (SD)");
        }
        return new OcmfSignature(text(json, "SA"), text(json, "SE"), text(json, "SM"), data.strip());
    }

    private static List<OcmfReading> readings(JsonObject payload) throws MalformedDataException {
        JsonElement rd = payload.get("RD");
        if (rd == null) {
            return List.of();
        }
        if (!rd.isJsonArray()) {
            throw new MalformedDataException("malformed OCMF: RD is not a list of readings");
        }
        JsonArray array = rd.getAsJsonArray();
        List<OcmfReading> readings = new ArrayList<>(array.size());
        OcmfReading previous = new OcmfReading(null, null, null, null, null, null, null);
        for (JsonElement element : array) {
            if (!element.isJsonObject()) {
                throw new MalformedDataException("malformed OCMF: a reading is not an object");
            }
            JsonObject r = element.getAsJsonObject();
            OcmfReading reading = new OcmfReading(
                    orElse(text(r, "TM"), previous.time()),
                    orElse(text(r, "TX"), previous.type()),
                    r.has("RV") ? number(r, "RV") : previous.value(),
                    orElse(text(r, "RI"), previous.obis()),
                    orElse(text(r, "RU"), previous.unit()),
                    orElse(text(r, "ST"), previous.status()),
                    orElse(text(r, "EF"), previous.errorFlags()));
            readings.add(reading);
            previous = reading;
        }
        return List.copyOf(readings);
    }

    /** Whether the reading object itself (not inherited) has the field; for structural checks. */
    public static boolean firstReadingHas(String payload, String field) {
        try {
            JsonArray rd = JsonParser.parseString(payload).getAsJsonObject().getAsJsonArray("RD");
            return rd != null && !rd.isEmpty() && rd.get(0).getAsJsonObject().has(field);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static BigDecimal number(JsonObject object, String name) throws MalformedDataException {
        String text = text(object, name);
        if (text == null) {
            throw new MalformedDataException("malformed OCMF: " + name + " is not a number");
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new MalformedDataException("malformed OCMF: " + name + " is not a number");
        }
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static String text(JsonObject object, String name) {
        JsonElement element = object.get(name);
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }

    private static JsonObject object(String json, String section) throws MalformedDataException {
        try {
            JsonElement element = JsonParser.parseString(json);
            if (element.isJsonObject()) {
                return element.getAsJsonObject();
            }
        } catch (RuntimeException | StackOverflowError e) {
            // reported below
        }
        throw new MalformedDataException("malformed OCMF: the " + section + " section is not a JSON object");
    }
}
