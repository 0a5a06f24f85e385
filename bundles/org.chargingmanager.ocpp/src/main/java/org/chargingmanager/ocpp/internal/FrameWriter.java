package org.chargingmanager.ocpp.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import com.google.gson.stream.JsonWriter;

import org.chargingmanager.ocpp.MessageTypeId;
import org.chargingmanager.ocpp.RpcError;

/** Writes OCPP-J frames as compact JSON text, payloads validated by {@link PayloadEncoder}. */
public final class FrameWriter {

    private FrameWriter() {
    }

    /**
     * @throws Violation when the payload breaks its schema
     */
    public static String call(String messageId, String actionName, Object payload) {
        try {
            StringWriter text = new StringWriter(256);
            JsonWriter writer = newWriter(text);
            writer.beginArray().value(MessageTypeId.CALL.number()).value(messageId).value(actionName);
            PayloadEncoder.encode(payload, writer);
            writer.endArray().flush();
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws Violation when the payload breaks its schema
     */
    public static String callResult(String messageId, Object payload) {
        try {
            StringWriter text = new StringWriter(128);
            JsonWriter writer = newWriter(text);
            writer.beginArray().value(MessageTypeId.CALLRESULT.number()).value(messageId);
            PayloadEncoder.encode(payload, writer);
            writer.endArray().flush();
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A payload on its own, as JSON text.
     *
     * @throws Violation when the payload breaks its schema
     */
    public static String payload(Object payload) {
        try {
            StringWriter text = new StringWriter(128);
            JsonWriter writer = newWriter(text);
            PayloadEncoder.encode(payload, writer);
            writer.flush();
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Details that are not a JSON object are replaced by {@code {}}. */
    public static String callError(RpcError error) {
        try {
            StringWriter text = new StringWriter(128);
            JsonWriter writer = newWriter(text);
            writer.beginArray().value(MessageTypeId.CALLERROR.number()).value(error.messageId())
                    .value(error.code().wireValue()).value(error.description());
            writer.jsonValue(detailsObject(error.detailsJson()));
            writer.endArray().flush();
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String detailsObject(String detailsJson) {
        if ("{}".equals(detailsJson)) {
            return detailsJson;
        }
        try {
            var parsed = StrictJson.parse(detailsJson);
            return parsed.isJsonObject() ? parsed.toString() : "{}";
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return "{}";
        }
    }

    private static JsonWriter newWriter(StringWriter text) {
        JsonWriter writer = new JsonWriter(text);
        writer.setHtmlSafe(false);
        writer.setSerializeNulls(false);
        return writer;
    }
}
