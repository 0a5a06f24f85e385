package org.chargingmanager.ocpp.v16;

import java.util.Objects;
import java.util.Optional;

import org.chargingmanager.ocpp.RpcError;
import org.chargingmanager.ocpp.RpcErrorCode;
import org.chargingmanager.ocpp.internal.FrameParser;
import org.chargingmanager.ocpp.internal.FrameWriter;
import org.chargingmanager.ocpp.internal.PayloadDecoder;
import org.chargingmanager.ocpp.internal.RawFrame;
import org.chargingmanager.ocpp.internal.Texts;
import org.chargingmanager.ocpp.internal.Violation;

/**
 * OCPP-J 1.6 text frames to message records and back, for one side of a connection: the OCPP
 * server uses {@code forRole(Role.CENTRAL_SYSTEM)}, the OCPP gateway {@code forRole(Role.CHARGE_POINT)}.
 *
 * <p>Pure and thread-safe: no state, no I/O, no clock. One instance can serve every connection.
 *
 * <p><b>Decoding</b> never throws on bad input: every malformed, incomplete or unknown frame
 * becomes an {@link Inbound} that says what to answer (see {@link Inbound}). A CALL's payload
 * is checked against its record's schema: required fields, JSON types, enumeration values,
 * string lengths, numeric ranges and list sizes, each with the matching CALLERROR code and a
 * description that names the field. An action the peer's role must not send is answered with
 * NotSupported, an action OCPP 1.6 does not know with NotImplemented.
 *
 * <p>What is accepted beyond the letter of the specification (real chargers send it):
 * enumeration values in any case; dateTimes with or without fraction, with any offset or none
 * (taken as UTC); integers written as {@code 12.0}; sampled values as JSON numbers (kept as
 * their exact text); DataTransfer data as any JSON value (kept as its JSON text); unknown
 * fields (ignored); a CALLERROR without errorDetails.
 *
 * <p><b>Encoding</b> checks the record against the same schema and throws
 * {@link IllegalArgumentException} if it breaks it: that is a bug on our side, never the
 * peer's. dateTimes are written in UTC with {@code Z} and at most millisecond precision.
 */
public final class Ocpp16JsonCodec {

    private final Role localRole;

    private Ocpp16JsonCodec(Role localRole) {
        this.localRole = Objects.requireNonNull(localRole, "localRole");
    }

    /** A codec for the side of the connection that plays {@code localRole}. */
    public static Ocpp16JsonCodec forRole(Role localRole) {
        return new Ocpp16JsonCodec(localRole);
    }

    public Role localRole() {
        return localRole;
    }

    /**
     * Decodes a received text frame.
     *
     * @param pendingActions the action of our outstanding CALL by message id, needed to decode
     *        a CALLRESULT
     */
    public Inbound decode(String text, PendingActionLookup pendingActions) {
        try {
            RawFrame frame = FrameParser.parse(text);
            if (frame instanceof RawFrame.Call call) {
                return decodeCall(call);
            }
            if (frame instanceof RawFrame.CallResult result) {
                return decodeResult(result, pendingActions);
            }
            if (frame instanceof RawFrame.CallError error) {
                return decodeError(error.error(), pendingActions);
            }
            RawFrame.Invalid invalid = (RawFrame.Invalid) frame;
            if (invalid.responseMessageId() != null) {
                return new Inbound.InvalidResponse(invalid.responseMessageId(), invalid.error());
            }
            return new Inbound.Rejected(invalid.error());
        } catch (RuntimeException | StackOverflowError e) {
            return new Inbound.Rejected(RpcError.of(RpcError.UNKNOWN_MESSAGE_ID, RpcErrorCode.INTERNAL_ERROR,
                    "the frame could not be processed: " + e.getClass().getSimpleName()));
        }
    }

    private Inbound decodeCall(RawFrame.Call call) {
        String messageId = call.messageId();
        Optional<Action> action = Action.fromWireName(call.actionName());
        if (action.isEmpty()) {
            return new Inbound.Rejected(RpcError.of(messageId, RpcErrorCode.NOT_IMPLEMENTED,
                    "unknown action " + Texts.quote(call.actionName())));
        }
        if (!action.get().isSentBy(localRole.peer())) {
            return new Inbound.Rejected(RpcError.of(messageId, RpcErrorCode.NOT_SUPPORTED,
                    action.get().wireName() + " is not sent by a " + roleName(localRole.peer())));
        }
        try {
            Request request = PayloadDecoder.decode(call.payload(), action.get().requestType());
            return new Inbound.Call(messageId, request);
        } catch (Violation violation) {
            return new Inbound.Rejected(RpcError.of(messageId, violation.code(), violation.description()));
        }
    }

    private Inbound decodeResult(RawFrame.CallResult result, PendingActionLookup pendingActions) {
        String messageId = result.messageId();
        Optional<Action> action = pendingActions.actionNameOf(messageId).flatMap(Action::fromWireName);
        if (action.isEmpty()) {
            return new Inbound.UnexpectedResponse(messageId);
        }
        try {
            Confirmation confirmation = PayloadDecoder.decode(result.payload(), action.get().confirmationType());
            return new Inbound.Result(messageId, confirmation);
        } catch (Violation violation) {
            return new Inbound.InvalidResponse(messageId, RpcError.of(messageId, violation.code(),
                    action.get().wireName() + " confirmation: " + violation.description()));
        }
    }

    private static Inbound decodeError(RpcError error, PendingActionLookup pendingActions) {
        if (pendingActions.actionNameOf(error.messageId()).isEmpty()) {
            return new Inbound.UnexpectedResponse(error.messageId());
        }
        return new Inbound.ErrorReceived(error);
    }

    /**
     * A CALL frame.
     *
     * @throws IllegalArgumentException when the request breaks its schema, or our role must not
     *         send this action
     */
    public String encodeCall(OutgoingCall call) {
        Action action = call.request().action();
        if (!action.isSentBy(localRole)) {
            throw new IllegalArgumentException(action.wireName() + " is not sent by a " + roleName(localRole));
        }
        checkMessageId(call.messageId());
        try {
            return FrameWriter.call(call.messageId(), action.wireName(), call.request());
        } catch (Violation violation) {
            throw new IllegalArgumentException(action.wireName() + " request: " + violation.description());
        }
    }

    /**
     * A CALLRESULT frame answering the CALL with this message id.
     *
     * @throws IllegalArgumentException when the confirmation breaks its schema
     */
    public String encodeConfirmation(String messageId, Confirmation confirmation) {
        Objects.requireNonNull(messageId, "messageId");
        try {
            return FrameWriter.callResult(messageId, confirmation);
        } catch (Violation violation) {
            throw new IllegalArgumentException(
                    confirmation.action().wireName() + " confirmation: " + violation.description());
        }
    }

    /**
     * Reads the JSON payload of a CALL that this side sends, for example one an operator wrote
     * for the HTTP API, with the same checks as a received CALL's payload.
     *
     * @throws IllegalArgumentException when our role does not send this action, the text is no
     *         JSON object, or a field breaks the schema (the message names it)
     */
    public Request decodeRequestPayload(Action action, String payloadJson) {
        if (!action.isSentBy(localRole)) {
            throw new IllegalArgumentException(action.wireName() + " is not sent by a " + roleName(localRole));
        }
        try {
            return PayloadDecoder.decode(payloadJson, action.requestType());
        } catch (Violation violation) {
            throw new IllegalArgumentException(violation.description());
        }
    }

    /**
     * The JSON payload of a request or confirmation record, as it would appear in a frame.
     *
     * @throws IllegalArgumentException when the record breaks its schema
     */
    public String encodePayload(Object message) {
        try {
            return FrameWriter.payload(message);
        } catch (Violation violation) {
            throw new IllegalArgumentException(violation.description());
        }
    }

    /** A CALLERROR frame. */
    public String encodeError(RpcError error) {
        return FrameWriter.callError(error);
    }

    private static void checkMessageId(String messageId) {
        if (messageId.isEmpty() || messageId.length() > FrameParser.MAX_MESSAGE_ID_LENGTH) {
            throw new IllegalArgumentException("message id must have 1 to "
                    + FrameParser.MAX_MESSAGE_ID_LENGTH + " characters: " + messageId);
        }
    }

    private static String roleName(Role role) {
        return role == Role.CHARGE_POINT ? "charge point" : "central system";
    }
}
