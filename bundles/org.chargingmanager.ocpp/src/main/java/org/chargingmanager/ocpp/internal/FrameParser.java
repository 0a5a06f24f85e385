package org.chargingmanager.ocpp.internal;

import java.io.IOException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import org.chargingmanager.ocpp.MessageTypeId;
import org.chargingmanager.ocpp.RpcError;
import org.chargingmanager.ocpp.RpcErrorCode;

/**
 * Reads the envelope of an OCPP-J frame: {@code [2,id,action,{}]}, {@code [3,id,{}]} or
 * {@code [4,id,code,description,{}]}. Never throws: a bad frame becomes {@link RawFrame.Invalid}
 * with the matching error code and, where it can be read, the message id.
 *
 * <ul>
 * <li>FormationViolation: not JSON, not an array, elements of the wrong JSON type, too many
 * elements, a message id that is empty or longer than 36 characters;</li>
 * <li>ProtocolError: an unknown message type id, or too few elements (e.g. a CALL without
 * payload).</li>
 * </ul>
 */
public final class FrameParser {

    /** OCPP-J: "maximum of 36 characters, to allow for GUIDs". */
    public static final int MAX_MESSAGE_ID_LENGTH = 36;

    private FrameParser() {
    }

    public static RawFrame parse(String text) {
        if (text == null || text.isBlank()) {
            return invalid(RpcError.UNKNOWN_MESSAGE_ID, RpcErrorCode.FORMATION_VIOLATION, "empty frame");
        }
        JsonElement root;
        try {
            root = StrictJson.parse(text);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return invalid(RpcError.UNKNOWN_MESSAGE_ID, RpcErrorCode.FORMATION_VIOLATION,
                    "not valid JSON: " + reason(e));
        }
        if (!(root instanceof JsonArray frame)) {
            return invalid(RpcError.UNKNOWN_MESSAGE_ID, RpcErrorCode.FORMATION_VIOLATION, "not a JSON array");
        }
        return parseFrame(frame);
    }

    private static RawFrame parseFrame(JsonArray frame) {
        if (frame.isEmpty() || !(frame.get(0) instanceof JsonPrimitive first && first.isNumber())) {
            return invalid(RpcError.UNKNOWN_MESSAGE_ID, RpcErrorCode.FORMATION_VIOLATION,
                    "the first element is not a message type id");
        }
        String messageId = readableMessageId(frame);
        String idOrUnknown = messageId != null ? messageId : RpcError.UNKNOWN_MESSAGE_ID;
        MessageTypeId type = messageTypeId(first.getAsString());
        if (type == null) {
            return invalid(idOrUnknown, RpcErrorCode.PROTOCOL_ERROR,
                    "unknown message type id " + Texts.quote(first.getAsString()));
        }
        if (frame.size() < 2) {
            return invalid(idOrUnknown, RpcErrorCode.PROTOCOL_ERROR, "no message id");
        }
        if (messageId == null) {
            return invalid(RpcError.UNKNOWN_MESSAGE_ID, RpcErrorCode.FORMATION_VIOLATION,
                    "the message id is not a string of 1 to " + MAX_MESSAGE_ID_LENGTH + " characters");
        }
        return switch (type) {
            case CALL -> parseCall(frame, messageId);
            case CALLRESULT -> parseCallResult(frame, messageId);
            case CALLERROR -> parseCallError(frame, messageId);
        };
    }

    private static RawFrame parseCall(JsonArray frame, String messageId) {
        RpcError problem = checkSize(frame, 4, 4, messageId, "CALL");
        if (problem != null) {
            return new RawFrame.Invalid(problem, null);
        }
        if (!(frame.get(2) instanceof JsonPrimitive action && action.isString())) {
            return invalid(messageId, RpcErrorCode.FORMATION_VIOLATION, "the action is not a string");
        }
        if (!(frame.get(3) instanceof JsonObject payload)) {
            return invalid(messageId, RpcErrorCode.FORMATION_VIOLATION, "the payload is not a JSON object");
        }
        return new RawFrame.Call(messageId, action.getAsString(), payload);
    }

    private static RawFrame parseCallResult(JsonArray frame, String messageId) {
        RpcError problem = checkSize(frame, 3, 3, messageId, "CALLRESULT");
        if (problem != null) {
            return new RawFrame.Invalid(problem, messageId);
        }
        if (!(frame.get(2) instanceof JsonObject payload)) {
            return new RawFrame.Invalid(RpcError.of(messageId, RpcErrorCode.FORMATION_VIOLATION,
                    "the payload is not a JSON object"), messageId);
        }
        return new RawFrame.CallResult(messageId, payload);
    }

    /** Lenient: a missing errorDetails, or details that are not an object, count as {@code {}}. */
    private static RawFrame parseCallError(JsonArray frame, String messageId) {
        RpcError problem = checkSize(frame, 4, 5, messageId, "CALLERROR");
        if (problem != null) {
            return new RawFrame.Invalid(problem, messageId);
        }
        if (!(frame.get(2) instanceof JsonPrimitive code && code.isString())
                || !(frame.get(3) instanceof JsonPrimitive description && description.isString())) {
            return new RawFrame.Invalid(RpcError.of(messageId, RpcErrorCode.FORMATION_VIOLATION,
                    "error code or description is not a string"), messageId);
        }
        RpcErrorCode errorCode = RpcErrorCode.fromWireValue(code.getAsString()).orElse(RpcErrorCode.GENERIC_ERROR);
        String details = frame.size() == 5 && frame.get(4) instanceof JsonObject object ? object.toString() : "{}";
        return new RawFrame.CallError(new RpcError(messageId, errorCode, description.getAsString(), details));
    }

    private static RpcError checkSize(JsonArray frame, int minimum, int maximum, String messageId, String kind) {
        if (frame.size() < minimum) {
            return RpcError.of(messageId, RpcErrorCode.PROTOCOL_ERROR,
                    "incomplete " + kind + ": " + frame.size() + " elements instead of " + minimum);
        }
        if (frame.size() > maximum) {
            return RpcError.of(messageId, RpcErrorCode.FORMATION_VIOLATION,
                    kind + " with " + frame.size() + " elements instead of " + maximum);
        }
        return null;
    }

    private static String readableMessageId(JsonArray frame) {
        if (frame.size() >= 2 && frame.get(1) instanceof JsonPrimitive id && id.isString()) {
            String value = id.getAsString();
            if (!value.isEmpty() && value.length() <= MAX_MESSAGE_ID_LENGTH) {
                return value;
            }
        }
        return null;
    }

    private static MessageTypeId messageTypeId(String number) {
        return switch (number) {
            case "2", "2.0" -> MessageTypeId.CALL;
            case "3", "3.0" -> MessageTypeId.CALLRESULT;
            case "4", "4.0" -> MessageTypeId.CALLERROR;
            default -> null;
        };
    }

    private static RawFrame invalid(String messageId, RpcErrorCode code, String description) {
        return new RawFrame.Invalid(RpcError.of(messageId, code, description), null);
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        if (e instanceof StackOverflowError || message == null) {
            return e.getClass().getSimpleName();
        }
        return message.length() > 120 ? message.substring(0, 120) + "..." : message;
    }
}
